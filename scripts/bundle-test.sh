#!/usr/bin/env bash
# make test's bundle step: builds the helpdesk bundles with scripts/bundle.sh into a temporary
# folder and opens them as IT would (packaging/*_test.go: formats, icon and version resources,
# the example configuration loading, the README, the Linux binary run from its unpacked
# folder). With the Windows bundle it also vets the Windows-only command code
# (cmd/signin-doctor/console_windows.go), which needs mingw-w64 for Fyne's cgo parts, and runs
# the bundle's .exe under Wine (packaging/wine_window_test.go: its window in Japanese and
# English, and the message box where the graphics give it none), drives its command line
# (packaging/wine_cli_test.go: version, check --json with IT's configuration in each place, a
# bad one, totp, the browsers and the proxy from the registry), installs the .msi with Wine's
# msiexec, upgrades and removes it (packaging/msi_test.go), and signs copies of the .exe and the
# .msi with a throwaway certificate (packaging/sign_test.go).
#
# Usage: scripts/bundle-test.sh [linux|windows|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-all}
case $targets in
linux) tests=TestLinuxBundle ;;
windows) tests='TestWindowsBundle|TestWindowsWindowUnderWine|TestWindowsCommandLineUnderWine|TestWindowsMSI|TestWindowsSigning' ;;
all) tests='TestLinuxBundle|TestWindowsBundle|TestWindowsWindowUnderWine|TestWindowsCommandLineUnderWine|TestWindowsMSI|TestWindowsSigning' ;;
*) echo "usage: $0 [linux|windows|all]" >&2; exit 2 ;;
esac

out=$(mktemp -d "${TMPDIR:-/tmp}/signin-doctor-bundle-test.XXXXXX")
trap 'rm -rf "$out"' EXIT

# One commit for the build and the test's expectations, however the shared branch moves.
commit=$(git rev-parse HEAD)
start=$SECONDS
DIST=$out BUNDLE_REV=$commit BUNDLE_SOURCE=commit scripts/bundle.sh "$targets"
built=$((SECONDS - start))
if [[ $targets != linux ]]; then
	echo "bundle-test: go vet of cmd/signin-doctor for windows (the bundled commit)"
	mkdir "$out/src"
	git archive --format=tar "$commit" | tar -x -C "$out/src"
	# The same cgo flags and build flags as fyne's windows release build, so the build cache
	# it just filled serves the vet.
	(cd "$out/src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
		CGO_CFLAGS="-O3 -pipe -D_FORTIFY_SOURCE=3 -fstack-protector-strong" CGO_LDFLAGS="" \
		go vet -trimpath -tags release ./cmd/signin-doctor/)
fi
vetted=$((SECONDS - start - built))
SIGNIN_DOCTOR_REQUIRE_PEERS=1 SIGNIN_DOCTOR_BUNDLE_DIR=$out SIGNIN_DOCTOR_BUNDLE_REV=$commit go test -count=1 -v -run "^($tests)\$" ./packaging/
git diff --quiet -- FyneApp.toml || { echo "bundle-test: the build changed FyneApp.toml" >&2; exit 1; }
# The vet should take seconds: it shares the bundle's build cache (the same cgo flags). Minutes
# here mean the Fyne C parts were compiled twice.
echo "bundle-test: built in ${built}s, vetted in ${vetted}s, tested in $((SECONDS - start - built - vetted))s"
