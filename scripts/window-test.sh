#!/usr/bin/env bash
# The real-window test: the real signin-doctor binary, built from this tree, opens its window
# under Xvfb in Japanese and in English, draws something that is not blank, and exits cleanly
# with status 0 when the window is closed — once through the window manager's close request
# (WM_DELETE_WINDOW, what the title bar's close button sends), once from the keyboard (Ctrl+Q).
# Run from the repository root: scripts/window-test.sh. make test runs it on the binary of the
# Linux bundle it has built (SIGNIN_DOCTOR_TEST_BUNDLES, see scripts/bundle-test.sh), the program
# IT ships, so that the program's Fyne and C parts are not built a second time; run alone, it
# builds the binary from this tree.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
require_tools
work=$(mktemp -d)
trap 'cleanup "$work"' EXIT

if [ -n "${SIGNIN_DOCTOR_TEST_BUNDLES:-}" ]; then
	tarball=$(find "$SIGNIN_DOCTOR_TEST_BUNDLES" -maxdepth 1 -name 'signin-doctor-*-linux-amd64.tar.xz' | head -n1)
	[ -n "$tarball" ] || { echo "window-test: no Linux bundle in $SIGNIN_DOCTOR_TEST_BUNDLES (scripts/bundle-test.sh --build-only makes it)" >&2; exit 1; }
	mkdir "$work/bundle"
	tar -xJf "$tarball" -C "$work/bundle"
	exe=$(find "$work/bundle" -type f -name signin-doctor -perm -u+x | head -n1)
	[ -n "$exe" ] || { echo "window-test: $tarball holds no signin-doctor binary" >&2; exit 1; }
	mv "$exe" "$work/signin-doctor"
	echo "window-test: the binary of $(basename "$tarball")"
else
	go build -o "$work/signin-doctor" ./cmd/signin-doctor
fi
start_xvfb "$work"

failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

# locale | how the window is closed | the title the window must have in that language
while IFS='|' read -r locale close title; do
	dir="$work/$locale"
	before=$failed
	start_app "$work/signin-doctor" "$dir" "$locale"
	got=$(xdotool getwindowname "$APP_WINDOW")
	[ "$got" = "$title" ] || fail "LANG=$locale: the window title is \"$got\", want \"$title\""

	# A drawn window has text, icons and anti-aliasing: many colours. A blank one has one.
	n=$(wait_drawn "$dir/window.png" 64)
	[ "$n" -ge 64 ] || fail "LANG=$locale: the window looks blank ($n distinct colours)"

	case "$close" in
	close-button) python3 scripts/wm-delete-window.py "$APP_WINDOW" ;;
	ctrl+q)
		xdotool windowfocus --sync "$APP_WINDOW"
		xdotool key ctrl+q
		;;
	esac
	wait_exit 10
	rc=$APP_STATUS
	[ "$rc" = 0 ] || fail "LANG=$locale: after $close the app ended with \"$rc\", want 0; stderr: $(cat "$dir/stderr")"
	! grep -q "panic\|call thread" "$dir/stderr" || fail "LANG=$locale: stderr reports a problem: $(cat "$dir/stderr")"
	# The window remembers nothing: Fyne may write an empty preferences file, never a value.
	for prefs in $(find "$dir/config" -name 'preferences.json'); do
		[ "$(tr -d ' \n' <"$prefs")" = "{}" ] || fail "LANG=$locale: preferences were written: $(cat "$prefs")"
	done
	APP_PID=
	[ "$failed" = "$before" ] && echo "ok   LANG=$locale: \"$got\", $n colours, closed by $close, exit $rc"
done <<'CASES'
ja_JP.UTF-8|close-button|サインイン診断
en_US.UTF-8|ctrl+q|Sign-in Doctor
CASES
exit "$failed"
