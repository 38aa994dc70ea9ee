//go:build !linux && !windows && !darwin

package browsers

// defaultSource reads the XDG files, as the BSDs' desktops follow the same specifications.
func defaultSource() Source {
	return LinuxSource{Run: RunCommand}
}
