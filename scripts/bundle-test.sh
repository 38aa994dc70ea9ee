#!/usr/bin/env bash
# make test's bundle step: builds the helpdesk bundles with scripts/bundle.sh into a temporary
# folder and opens them as IT would (packaging/*_test.go: formats, icon and version resources,
# the example configuration loading, the README, the Linux binary run from its unpacked
# folder). With the Windows bundle it runs the bundle's .exe under Wine (packaging/wine_window_test.go: its window in Japanese and
# English, and the message box where the graphics give it none), drives its command line
# (packaging/wine_cli_test.go: version, check --json with IT's configuration in each place, a
# bad one, totp, the browsers and the proxy from the registry), installs the .msi with Wine's
# msiexec, upgrades and removes it (packaging/msi_test.go), and signs copies of the .exe and the
# .msi with a throwaway certificate (packaging/sign_test.go).
#
# Usage: scripts/bundle-test.sh [--build-only] [linux|windows|all]   (default: all)
#
# make test builds the bundles once for two stages: with SIGNIN_DOCTOR_TEST_BUNDLES set, they are
# kept in that folder, built only when it does not already hold this commit's, and
# scripts/window-test.sh runs the Linux bundle's binary from there (--build-only builds them
# and tests nothing). Without it they go to a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=
if [ "${1:-}" = --build-only ]; then
	build_only=1
	shift
fi
targets=${1:-all}
case $targets in
linux) tests=TestLinuxBundle ;;
windows) tests='TestWindowsBundle|TestWindowsWindowUnderWine|TestWindowsCommandLineUnderWine|TestWindowsMSI|TestWindowsSigning' ;;
all) tests='TestLinuxBundle|TestWindowsBundle|TestWindowsWindowUnderWine|TestWindowsCommandLineUnderWine|TestWindowsMSI|TestWindowsSigning' ;;
*) echo "usage: $0 [linux|windows|all]" >&2; exit 2 ;;
esac

# One commit for the build and the test's expectations, however the shared branch moves.
commit=$(git rev-parse HEAD)
if [ -n "${SIGNIN_DOCTOR_TEST_BUNDLES:-}" ]; then
	out=$SIGNIN_DOCTOR_TEST_BUNDLES
	mkdir -p "$out"
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/signin-doctor-bundle-test.XXXXXX")
	trap 'rm -rf "$out"' EXIT
fi
# What the folder holds: the commit and the targets it was built from, or "building" while a
# build is under way (a build cut short leaves that, and the next run builds again).
built_for="$commit $targets"
start=$SECONDS
if [ "$(cat "$out/.built-for" 2>/dev/null)" = "$built_for" ]; then
	echo "bundle-test: $out already holds the bundles of ${commit:0:12} ($targets)"
else
	if [ -n "$(ls -A "$out")" ] && [ ! -e "$out/.built-for" ]; then
		echo "bundle-test: $out holds files that are not bundles of a commit; give an empty folder" >&2
		exit 2
	fi
	rm -rf "${out:?}"/*
	echo building >"$out/.built-for"
	DIST=$out BUNDLE_REV=$commit BUNDLE_SOURCE=commit scripts/bundle.sh "$targets"
	echo "$built_for" >"$out/.built-for"
fi
built=$((SECONDS - start))
if [ -n "$build_only" ]; then
	echo "bundle-test: built in ${built}s into $out"
	exit 0
fi
SIGNIN_DOCTOR_REQUIRE_PEERS=1 SIGNIN_DOCTOR_BUNDLE_DIR=$out SIGNIN_DOCTOR_BUNDLE_REV=$commit go test -count=1 -v -run "^($tests)\$" ./packaging/
git diff --quiet -- FyneApp.toml || { echo "bundle-test: the build changed FyneApp.toml" >&2; exit 1; }
# The Windows-only code (internal/desktop) is vetted for Windows in make lint, without Fyne's cgo
# parts: a go vet of cmd/signin-doctor for Windows here took 330 s on a cold cache (vet facts
# for every Fyne dependency, C parts included), nearly a second Windows build.
echo "bundle-test: built in ${built}s, tested in $((SECONDS - start - built))s"
