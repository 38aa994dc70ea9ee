package browsers

// defaultSource reads the application bundles and the LaunchServices preferences.
func defaultSource() Source {
	return MacSource{}
}
