package packaging

import (
	"bytes"
	"testing"
)

// The Windows .exe is built with the tag accessibility, so that NVDA and Narrator hear the
// window: Fyne's UI Automation provider, which only that tag compiles in, asks
// uiautomationcore.dll for these functions by name. (Its window, drawn under Wine with the
// provider in it, is wine_window_test.go's.)
func TestWindowsExeSpeaksToScreenReaders(t *testing.T) {
	zb := readZip(t, bundleFile(t, "windows-amd64.zip").file)
	exe := zb.file(t, "signin-doctor/signin-doctor.exe").data
	for _, name := range []string{"UiaReturnRawElementProvider", "UiaHostProviderFromHwnd", "UiaRaiseAutomationEvent"} {
		if !bytes.Contains(exe, []byte(name)) {
			t.Errorf("signin-doctor.exe has no %q: it was built without -tags accessibility, and a screen reader hears nothing", name)
		}
	}
}
