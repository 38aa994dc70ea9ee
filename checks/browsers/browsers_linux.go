package browsers

// defaultSource reads this computer's XDG desktop entries and mimeapps.list files, asking
// xdg-settings when the files name no default.
func defaultSource() Source {
	return LinuxSource{Run: RunCommand}
}
