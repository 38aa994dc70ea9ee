#!/usr/bin/env bash
# make bench: measures Sign-in Doctor against its goals, each figure side by side with its
# yardstick in the same run, and prints one line per figure as a ratio to the goal's unit:
#   1. the diagnosis of every network check against peers that all answer after 500 ms, over
#      the slowest check alone against the same peers (goal ≤ 1.2);
#   2. the whole `signin-doctor check` in a network namespace with no route (goal ≤ 1 s) and
#      with every packet dropped, locally and at the gateway (goal ≤ 3.5 s), as time / goal;
#   3. the clock check's error against chronyd (under faketime, with a known offset) over
#      chronyd's own one-shot measurement (chronyd -Q) of the same server (goal ≤ 1.0, and the
#      check's error within its own bound);
#   4. the window's time to first frame, resident memory and binary size over a bare Fyne
#      window built the same way (checks/proof/testdata/barefyne) (goals ≤ 1.2, 1.3, 1.5),
#      each program starting as it does every time but the first (its caches kept); and the
#      first frame of a first start (empty caches), in English and in Japanese (CJK font
#      fallback on the path), goal ≤ 1.2 (issue #18).
# Needs root (namespaces), nginx with the echo module, chrony, faketime, Xvfb, xdotool,
# x11-apps and netpbm (make deps-test installs them). BENCHCOUNT runs per figure (default 5).
# The goals live here only: the tests never time anything against them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
require_tools
COUNT="${BENCHCOUNT:-5}"
VERSION="$(git describe --tags --always --dirty 2>/dev/null || echo dev)"
LDFLAGS="-X main.version=$VERSION"

work=$(mktemp -d)
cleanup() {
	[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
	stop_xvfb
	rm -rf "$work"
}
trap cleanup EXIT

missed=0
# figure NAME VALUE GOAL DETAIL: one line; the ratio is VALUE / GOAL's unit (GOAL itself for
# times, 1 for ratios), met when VALUE ≤ GOAL.
figure() {
	local verdict
	verdict=$(awk -v v="$2" -v g="$3" 'BEGIN { print (v <= g) ? "met" : "MISSED" }')
	[ "$verdict" = met ] || missed=$((missed + 1))
	printf '%-56s %6.2f  goal ≤ %-5s %-6s %s\n' "$1" "$2" "$3" "$verdict" "$4"
}
# metric LINE UNIT: the value reported before UNIT on a go test -bench line.
metric() { awk -v u="$2" '{ for (i = 2; i <= NF; i++) if ($i == u) print $(i-1) }' <<<"$1" | head -n1; }

echo "bench: signin-doctor $VERSION, $(nproc) CPUs, $COUNT runs per figure (medians), $(date -u +%FT%TZ)"

# 4 first, on a quiet machine: the peers of 1–3 (nginx, chronyd, namespaces) wind down after
# their benchmarks, and their load would fall on the windows' start-up. The real window and a
# bare Fyne window, built with the same flags, take turns.
go build -ldflags "$LDFLAGS" -o "$work/signin-doctor" ./cmd/signin-doctor
go build -ldflags "$LDFLAGS" -o "$work/barefyne" ./checks/proof/testdata/barefyne
start_xvfb "$work"

# first_frame BINARY DIR [LANG]: starts it with its home and caches in DIR, in LANG (default
# en_US.UTF-8), waits for its window to be mapped and painted (more than 16 colours), and
# prints the milliseconds that took and VmRSS in kB.
#
# Now and then (about one start in fifty, bare window and app alike) GLFW finds no X display
# to connect to ("PlatformUnavailable") under this Xvfb and the program exits at once; such a
# start is said and made again, once, from the same caches.
first_frame() {
	local bin="$1" dir="$2" locale="${3:-en_US.UTF-8}" retried="${4:-}" t0 t1 win="" n=0 i fresh=""
	[ -e "$dir" ] || fresh=1
	mkdir -p "$dir/config" "$dir/cache" "$dir/home"
	t0=$(date +%s%N)
	env -i PATH="$PATH" DISPLAY="$DISPLAY" HOME="$dir/home" LANG="$locale" \
		XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" "$bin" >"$dir/stdout" 2>"$dir/stderr" &
	APP_PID=$!
	for i in $(seq 2000); do
		win=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n1) || true
		[ -n "$win" ] && break
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.005
	done
	if [ -z "$win" ] && [ -z "$retried" ] && grep -q PlatformUnavailable "$dir/stderr"; then
		echo "bench: $(basename "$bin") found no X display (GLFW PlatformUnavailable); starting it again" >&2
		wait "$APP_PID" 2>/dev/null || true
		[ -z "$fresh" ] || rm -rf "$dir"
		first_frame "$bin" "$dir" "$locale" again
		return
	fi
	[ -n "$win" ] || { echo "FAIL: no window from $bin: $(cat "$dir/stderr")" >&2; exit 1; }
	for i in $(seq 400); do
		n=$(xwd -silent -id "$win" | xwdtopnm 2>/dev/null | ppmhist -noheader | wc -l)
		[ "$n" -gt 16 ] && break
	done
	t1=$(date +%s%N)
	[ "$n" -gt 16 ] || { echo "FAIL: the window of $bin stayed blank" >&2; exit 1; }
	echo "$(((t1 - t0) / 1000000)) $(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status")"
	kill "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}
med() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The counted starts are warm, like every start of a person's but the first: each program
# keeps its own home and caches (Fyne's index of the system's fonts, Mesa's shader cache)
# across its starts, filled by one uncounted start, which also reads the binary and the fonts
# from disk. (Each counted start used to get empty caches: every one was a first start, where
# Mesa's software GL under Xvfb (llvmpipe) compiles each kind of drawing with LLVM on first
# use, ~15 ms each. The bare window draws a label, a window with one button needs 3 more such
# compiles and the home page 6 more, so that figure measured how many kinds of widget a page
# shows on a software renderer, a cost paid once per user, more than the program's start.)
# First starts are still measured, interleaved, and shown without a goal.
first_frame "$work/barefyne" "$work/bare" >/dev/null
first_frame "$work/signin-doctor" "$work/app" >/dev/null
for i in $(seq "$COUNT"); do
	first_frame "$work/barefyne" "$work/bare" >>"$work/bare.txt"
	first_frame "$work/signin-doctor" "$work/app" >>"$work/app.txt"
	first_frame "$work/barefyne" "$work/bare-first$i" >>"$work/bare-first.txt"
	first_frame "$work/signin-doctor" "$work/app-first$i" >>"$work/app-first.txt"
	first_frame "$work/barefyne" "$work/bare-first-ja$i" ja_JP.UTF-8 >>"$work/bare-first-ja.txt"
	first_frame "$work/signin-doctor" "$work/app-first-ja$i" ja_JP.UTF-8 >>"$work/app-first-ja.txt"
done
bare_ms=$(cut -d' ' -f1 "$work/bare.txt" | med)
app_ms=$(cut -d' ' -f1 "$work/app.txt" | med)
bare_first_ms=$(cut -d' ' -f1 "$work/bare-first.txt" | med)
app_first_ms=$(cut -d' ' -f1 "$work/app-first.txt" | med)
bare_first_ja_ms=$(cut -d' ' -f1 "$work/bare-first-ja.txt" | med)
app_first_ja_ms=$(cut -d' ' -f1 "$work/app-first-ja.txt" | med)
bare_kb=$(cut -d' ' -f2 "$work/bare.txt" | med)
app_kb=$(cut -d' ' -f2 "$work/app.txt" | med)
bare_size=$(stat -c %s "$work/barefyne")
app_size=$(stat -c %s "$work/signin-doctor")
stop_xvfb

# 1–3: the Go benchmarks of checks/proof, with their real peers required.
out=$(SIGNIN_DOCTOR_REQUIRE_PEERS=1 go test -run '^$' -bench . -benchtime "${COUNT}x" -count 1 ./checks/proof/ 2>&1) ||
	{ echo "$out"; echo "FAIL: the benchmarks did not run"; exit 1; }
line() { grep -E "^Benchmark$1(-[0-9]+)? " <<<"$out" || { echo "$out" >&2; echo "FAIL: no result for $1" >&2; exit 1; }; }

l=$(line DiagnosisVsSlowestProbe)
figure "1. diagnosis / slowest probe alone (500 ms peers)" "$(metric "$l" ratio)" 1.2 \
	"$(metric "$l" diagnosis-s) s vs $(metric "$l" slowest-alone-s) s"
l=$(line CheckOffline/no-route)
s=$(metric "$l" check-s)
figure "2. check, no route (s / 1 s)" "$(awk -v s="$s" 'BEGIN{print s/1}')" 1.0 "$s s"
for how in dropped-locally dropped-at-gateway; do
	l=$(line "CheckOffline/$how")
	s=$(metric "$l" check-s)
	figure "2. check, every packet ${how//-/ } (s / 3.5 s)" "$(awk -v s="$s" 'BEGIN{print s/3.5}')" 1.0 "$s s"
done
l=$(line ClockErrorVsChrony)
figure "3. clock error / chronyd -Q error (known offset)" "$(metric "$l" ratio)" 1.0 \
	"$(metric "$l" check-err-us) µs vs $(metric "$l" chrony-err-us) µs; outside its bound: $(metric "$l" outside-bound) of $COUNT"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
figure "4. time to first frame / bare Fyne window" "$(ratio "$app_ms" "$bare_ms")" 1.2 "$app_ms ms vs $bare_ms ms"
figure "4. first start (empty caches) / bare, English" "$(ratio "$app_first_ms" "$bare_first_ms")" 1.2 \
	"$app_first_ms ms vs $bare_first_ms ms"
figure "4. first start (empty caches) / bare, Japanese" "$(ratio "$app_first_ja_ms" "$bare_first_ja_ms")" 1.2 \
	"$app_first_ja_ms ms vs $bare_first_ja_ms ms"
figure "4. resident memory / bare Fyne window" "$(ratio "$app_kb" "$bare_kb")" 1.3 "$((app_kb / 1024)) MB vs $((bare_kb / 1024)) MB"
figure "4. binary size / bare Fyne window" "$(ratio "$app_size" "$bare_size")" 1.5 \
	"$((app_size / 1048576)) MB vs $((bare_size / 1048576)) MB"
echo "bench: $missed goal(s) missed"
