#!/usr/bin/env bash
# make fuzz: runs every fuzz target of the module (every func Fuzz… in a _test.go file) for
# FUZZTIME each (default 30s), one after another, and prints one line per target. A failing
# input is saved by Go under the package's testdata/fuzz/<target>/ and then runs in every
# `go test` as a seed: fix the code, keep the file. Run from anywhere: scripts/fuzz.sh.
# FUZZ selects targets by a regular expression over "package FuzzName" (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-30s}"
FUZZ="${FUZZ:-.}"

mapfile -t pkgs < <(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u)
failed=0
total=0
for dir in "${pkgs[@]}"; do
	pkg=$(go list "$dir") || { echo "FAIL $dir: go list failed"; failed=$((failed + 1)); continue; }
	mapfile -t targets < <(go test -list '^Fuzz' "$dir" 2>/dev/null | grep '^Fuzz')
	for target in "${targets[@]}"; do
		echo "$pkg $target" | grep -Eq -- "$FUZZ" || continue
		total=$((total + 1))
		log=$(mktemp)
		if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$dir" >"$log" 2>&1; then
			execs=$(grep -o 'execs: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
			printf 'ok   %-60s %s, %s executions\n' "$pkg $target" "$FUZZTIME" "${execs:-?}"
		else
			failed=$((failed + 1))
			saved=$(grep -o 'testdata/fuzz/[^ ]*' "$log" | head -n1)
			printf 'FAIL %-60s %s\n' "$pkg $target" "${saved:+input saved in $dir/$saved}"
			grep -E -m 8 'panic:|--- FAIL|_test.go:[0-9]+:' "$log" | sed 's/^/     /'
		fi
		rm -f "$log"
	done
done
echo "fuzz: $total targets, $failed failed, $FUZZTIME each"
[ "$failed" -eq 0 ]
