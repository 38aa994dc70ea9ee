# Shared by window-test.sh and screenshots.sh: run the real signin-doctor binary in a virtual X
# display, find its window, photograph it, and close it as a person would. Source it; it needs
# bash. Nothing here reaches the network: the app's checks only run when a person asks.

# missing PROGRAM WHY: skip (exit 0) or, when SIGNIN_DOCTOR_REQUIRE_PEERS is set, fail — the
# same rule as the Go tests' peers.
missing() {
	if [ -n "${SIGNIN_DOCTOR_REQUIRE_PEERS:-}" ]; then
		echo "FAIL: $1 is missing: $2 (SIGNIN_DOCTOR_REQUIRE_PEERS is set: make deps installs it)" >&2
		exit 1
	fi
	echo "SKIP: $1 is missing: $2 (set SIGNIN_DOCTOR_REQUIRE_PEERS to make this a failure)" >&2
	exit 0
}

# require_tools: every program the window tests use, and a Japanese font.
require_tools() {
	local p
	for p in Xvfb:xvfb xdotool:xdotool xwd:x11-apps xwdtopnm:netpbm pnmtopng:netpbm ppmhist:netpbm \
		pnmscale:netpbm python3:python3 fc-list:fontconfig; do
		command -v "${p%%:*}" >/dev/null || missing "${p%%:*}" "apt-get install ${p##*:}"
	done
	[ -n "$(fc-list :lang=ja family)" ] || missing "a Japanese font" "apt-get install fonts-noto-cjk"
}

# start_xvfb WORKDIR: starts Xvfb on a free display and exports DISPLAY; stop_xvfb ends it.
start_xvfb() {
	local fdfile="$1/display"
	Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fdfile" 2>"$1/xvfb.log" &
	XVFB_PID=$!
	local i
	for i in $(seq 50); do
		[ -s "$fdfile" ] && break
		sleep 0.1
	done
	[ -s "$fdfile" ] || { echo "FAIL: Xvfb did not start: $(cat "$1/xvfb.log")" >&2; exit 1; }
	export DISPLAY=":$(head -n1 "$fdfile")"
}

# cleanup WORKDIR: ends what the script started (the app, a helper in ECHO_PID, Xvfb) and
# removes WORKDIR. Scripts run it on exit: trap 'cleanup "$work"' EXIT.
cleanup() {
	[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
	[ -n "${ECHO_PID:-}" ] && kill "$ECHO_PID" 2>/dev/null || true
	stop_xvfb
	rm -rf "$1"
}

stop_xvfb() {
	[ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
	XVFB_PID=
}

# start_app BINARY WORKDIR LANG: runs the app with a clean environment in that locale, its
# preferences and caches in WORKDIR; sets APP_PID and APP_WINDOW.
start_app() {
	local bin="$1" dir="$2" locale="$3"
	mkdir -p "$dir/config" "$dir/cache" "$dir/home"
	env -i PATH="$PATH" DISPLAY="$DISPLAY" HOME="$dir/home" LANG="$locale" \
		XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
		"$bin" >"$dir/stdout" 2>"$dir/stderr" &
	APP_PID=$!
	APP_WINDOW=
	local i
	for i in $(seq 100); do
		APP_WINDOW=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n1) || true
		[ -n "$APP_WINDOW" ] && break
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$APP_WINDOW" ] || { echo "FAIL: no window appeared for LANG=$locale; stderr: $(cat "$dir/stderr")" >&2; exit 1; }
}

# snapshot FILE.png: photographs the app's window as it is on screen.
snapshot() {
	xwd -silent -id "$APP_WINDOW" | xwdtopnm 2>/dev/null | pnmtopng >"$1"
}

# colours FILE.png: how many distinct colours the picture has.
colours() {
	pngtopnm "$1" | ppmhist -noheader | wc -l
}

# wait_drawn FILE.png MIN: photographs the window until it has at least MIN colours (the first
# frames are one flat colour), up to 10 s; prints the count.
wait_drawn() {
	local n=0 i
	for i in $(seq 50); do
		snapshot "$1"
		n=$(colours "$1")
		[ "$n" -ge "$2" ] && break
		sleep 0.2
	done
	echo "$n"
}

# wait_exit SECONDS: waits for the app to end and sets APP_STATUS to its exit status, or to
# "timeout". (Not in $(…): a subshell cannot wait for its parent's child.)
wait_exit() {
	local i
	APP_STATUS=timeout
	for i in $(seq $(($1 * 10))); do
		if ! kill -0 "$APP_PID" 2>/dev/null || [ "$(ps -o stat= -p "$APP_PID" | cut -c1)" = Z ]; then
			APP_STATUS=0
			wait "$APP_PID" || APP_STATUS=$?
			return
		fi
		sleep 0.1
	done
}
