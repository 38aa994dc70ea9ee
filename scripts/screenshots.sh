#!/usr/bin/env bash
# Makes the README's screenshots (docs/screenshots/*.png) from the real app under Xvfb, in
# Japanese and English: the home screen, the live checks, what was found, and a remedy's page.
# It drives the window with the keyboard only, as a person without a mouse would. The app's
# network checks talk to a stand-in on loopback (scripts/local-echo.py) that says this
# computer's public address is 1.2.3.4, outside the configured allowed network 203.0.113.0/24:
# nothing leaves this machine. Run from the repository root: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/xvfb-lib.sh
require_tools
work=$(mktemp -d)
trap 'cleanup "$work"' EXIT

python3 scripts/local-echo.py "$work/port" 1.2.3.4 &
ECHO_PID=$!
for i in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
local="http://127.0.0.1:$port"

go build -o "$work/signin-doctor" ./cmd/signin-doctor
# The configuration IT would ship beside the executable, pointed at the stand-in.
cat >"$work/signin-doctor.toml" <<TOML
[helpdesk]
name = "IT Helpdesk"
email = "helpdesk@example.com"
[service]
region = "jp"
[network]
allowed_networks = ["203.0.113.0/24"]
ip_echo_urls = ["$local/ip?delay=2.6", "$local/ip?delay=2.6", "$local/ip?delay=2.6"]
endpoints = ["https://127.0.0.1:1"]
captive_portal_url = "$local/generate_204"
[clock]
ntp_servers = ["127.0.0.1:1"]
TOML
start_xvfb "$work"
mkdir -p docs/screenshots

# press KEY...: keys to the window, one at a time, each given time to draw.
press() {
	local k
	for k in "$@"; do
		xdotool key "$k"
		sleep 0.4
	done
}

for lang in ja en; do
	locale=$([ $lang = ja ] && echo ja_JP.UTF-8 || echo en_US.UTF-8)
	start_app "$work/signin-doctor" "$work/$lang" "$locale"
	xdotool windowfocus --sync "$APP_WINDOW"
	wait_drawn "docs/screenshots/home-$lang.png" 64 >/dev/null
	# The first message, "sign-in from this IP address is not allowed", has the focus.
	xdotool key Return
	sleep 2.3 # the echo service answers after 2.6 s: the list says it is still checking
	snapshot "docs/screenshots/checking-$lang.png"
	sleep 4 # the rest of the checks' budget
	snapshot "docs/screenshots/checked-$lang.png"
	press Return
	snapshot "docs/screenshots/wizard-$lang.png"
	press Return # the first answer: an organisation's account
	snapshot "docs/screenshots/step-$lang.png"
	press ctrl+q
	wait_exit 10
	[ "$APP_STATUS" = 0 ] || { echo "FAIL: the app ended with $APP_STATUS: $(cat "$work/$lang/stderr")" >&2; exit 1; }
	APP_PID=
done
ls -l docs/screenshots
