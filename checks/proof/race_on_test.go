//go:build race

package proof

// raceBuild: this test process was built with -race, so the binary the CLI rows run is too. Its
// packages, Fyne's C parts among them, are then the ones `go test -race` has just built, not a
// second build of everything (minutes on a cold cache); and a data race in a run of the real
// program fails its row (the race detector's exit status 66).
const raceBuild = true
