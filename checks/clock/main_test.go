package clock

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package when a query, the fallback or a peer leaves a goroutine behind.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
