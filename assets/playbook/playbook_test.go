package playbook

import "testing"

func TestDefaultParses(t *testing.T) {
	if _, err := Parse(DefaultName, defaultData); err != nil {
		t.Fatalf("the embedded playbook does not parse:\n%v", err)
	}
}
