#!/usr/bin/env bash
# Runs make targets one after another, as `make test` does, and prints at the end how long each
# took, so that a stage that grew (a cold build cache, a slower lane) is seen at once. Stops at
# the first target that fails, and still prints the times so far.
#
# Usage: scripts/stages.sh TARGET...   (MAKE names the make to run, default make)
set -uo pipefail
make=${MAKE:-make}
names=() secs=()
status=0
total_start=$SECONDS
for target in "$@"; do
	start=$SECONDS
	"$make" --no-print-directory "$target"
	status=$?
	names+=("$target") secs+=($((SECONDS - start)))
	((status == 0)) || break
done
echo
echo "stages: time of each (make $*)"
for i in "${!names[@]}"; do
	printf '  %-14s %4dm%02ds\n' "${names[$i]}" $((secs[i] / 60)) $((secs[i] % 60))
done
total=$((SECONDS - total_start))
printf '  %-14s %4dm%02ds\n' total $((total / 60)) $((total % 60))
if ((status != 0)); then
	echo "stages: ${names[-1]} failed (status $status)"
fi
exit "$status"
