// Package proof is the cross-cutting fault matrix and hygiene suite: it drives the real checks,
// wired as cmd/signin-doctor wires them but pointed at hostile and broken peers on loopback and
// in network namespaces, one table row per fault, and holds each to its contract — the status
// is unknown or the right finding (never ok), the check's own deadline and the run's budget
// held, and no goroutine outlived the run. Beside the matrix: the real binary's answers to bad
// input (config, playbook, otpauth URI, QR image), the secret-hygiene test of the TOTP flow
// through the CLI, a fuzz target for NTP answers, and the benchmarks scripts/bench.sh prints as
// ratios to their goals.
//
// Its one exported piece is the trace search the hygiene tests share (SecretForms, Traces),
// which ui's test of the same flow uses too. It lives under checks/ so that its tests may use
// internal/peer.
package proof
