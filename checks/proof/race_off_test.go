//go:build !race

package proof

// raceBuild: this test process was built without -race (the benchmarks of make bench), so the
// binary is built as `make build` builds it.
const raceBuild = false
