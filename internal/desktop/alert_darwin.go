package desktop

import (
	"context"
	"fmt"
	"os/exec"
	"time"
)

// Alert shows a macOS alert through osascript (AppleScript's display alert), which every macOS
// has and which needs no window of this program's. The text is passed as arguments, never
// spliced into the script. It waits up to an hour for the person to close it.
func Alert(title, text string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	const script = `on run argv
display alert (item 1 of argv) message (item 2 of argv) as critical
end run`
	if out, err := exec.CommandContext(ctx, "/usr/bin/osascript", "-e", script, title, text).CombinedOutput(); err != nil {
		return fmt.Errorf("osascript display alert: %w: %s", err, out)
	}
	return nil
}
