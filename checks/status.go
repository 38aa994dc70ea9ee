package checks

// Status is a check's verdict. The values are a contract (docs/DESIGN.md): the CLI, the JSON report
// and the playbook use them.
type Status string

const (
	OK      Status = "ok"      // measured, and nothing wrong was found
	Warn    Status = "warn"    // something may cause the sign-in problem
	Fail    Status = "fail"    // something will cause the sign-in problem
	Unknown Status = "unknown" // could not tell: offline, timeout, no answer; never reported as OK
	Skipped Status = "skipped" // disabled by configuration or not applicable
)

// Valid reports whether s is one of the five statuses.
func (s Status) Valid() bool {
	switch s {
	case OK, Warn, Fail, Unknown, Skipped:
		return true
	}
	return false
}

// Mark is the one-character sign a doctor tool prints before a check: ✓ ! ✗ ? or -.
func (s Status) Mark() string {
	switch s {
	case OK:
		return "✓"
	case Warn:
		return "!"
	case Fail:
		return "✗"
	case Skipped:
		return "-"
	}
	return "?"
}

// rank orders statuses by how much they demand attention, for Worst.
func (s Status) rank() int {
	switch s {
	case Fail:
		return 4
	case Warn:
		return 3
	case Unknown:
		return 2
	case OK:
		return 1
	}
	return 0
}

// Worst returns the status that demands most attention: fail, then warn, unknown, ok, skipped.
func Worst(statuses ...Status) Status {
	worst := Skipped
	for _, s := range statuses {
		if s.rank() > worst.rank() {
			worst = s
		}
	}
	return worst
}
