#!/usr/bin/env bash
# Installs, when missing and only then, the Debian/Ubuntu packages that building Sign-in
# Doctor (Fyne's cgo build) and its tests (real peers, a real window) need, and says what it
# does. On another OS it prints what to install. Usage: scripts/deps.sh build|test|bundle
set -euo pipefail

build=(gcc pkg-config libgl-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev)
# The test peers: chronyd under faketime (NTP), nginx with its stream and mail modules (echo,
# HTTPS, IMAPS/SMTPS), oathtool (one-time codes), ip netns and nftables (offline and VPN
# conditions), Debian's browsers and xdg-utils (browser detection), Xvfb and X tools (the real
# window and its screenshot), a CJK font (Japanese glyphs), Wine and tinyproxy (the Windows
# build's lane: the .exe under Wine, the system proxy through a real forward proxy), squid's
# OpenSSL build (a proxy that intercepts TLS with its own CA: ssl_bump; it replaces squid).
test=(chrony faketime dnsmasq-base nginx-light libnginx-mod-stream libnginx-mod-mail libnginx-mod-http-echo oathtool iproute2 nftables
	firefox-esr chromium xdg-utils xvfb xauth xdotool x11-apps netpbm python3 fontconfig fonts-noto-cjk ca-certificates
	wine wine64 tinyproxy-bin squid-openssl)
# The bundles: mingw-w64 (the Windows cross-build), xz and zip, desktop-file-utils (the .desktop
# file's check), wixl and msitools (the .msi, and msiinfo to read it), osslsigncode (signing the
# .exe and the .msi), openssl (the signing test's throwaway certificate).
bundle=(gcc-mingw-w64-x86-64-win32 xz-utils zip desktop-file-utils wixl msitools osslsigncode openssl)

want=("${build[@]}")
case "${1:-build}" in
build) ;;
test) want+=("${test[@]}") ;;
bundle) want+=("${bundle[@]}") ;;
*) echo "usage: $0 build|test|bundle" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null; then
	echo "deps: Go is not installed: install Go 1.26 from your usual source and run this again" >&2
	exit 1
fi
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
	echo "deps: not a Debian/Ubuntu system; install the equivalents of: ${want[*]}"
	echo "deps: (on macOS: Xcode command-line tools; on Windows: a MinGW-w64 gcc, e.g. from MSYS2)"
	exit 0
fi

missing=()
for p in "${want[@]}"; do
	if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
		missing+=("$p")
	fi
done
if ((${#missing[@]} == 0)); then
	echo "deps: all ${#want[@]} packages for '${1:-build}' are installed"
	exit 0
fi

sudo=()
if ((EUID != 0)); then
	command -v sudo >/dev/null || { echo "deps: need root to install: ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi
echo "deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: installed ${#missing[@]} package(s)"
