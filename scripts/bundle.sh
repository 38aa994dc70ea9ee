#!/usr/bin/env bash
# Builds IT's helpdesk bundles into dist/ (or $DIST) on Debian, with the fyne CLI:
#   signin-doctor-VERSION-linux-amd64.tar.xz   `fyne package -os linux`: the binary, the .desktop
#                                               file, the icon and fyne's install Makefile
#   signin-doctor-VERSION-windows-amd64.zip    `fyne package -os windows` cross-built with
#                                               mingw-w64: a GUI .exe (no console window) with
#                                               icon and version resources
#   signin-doctor-VERSION-windows-amd64.msi    the same .exe in a per-machine Windows Installer
#                                               package (scripts/msi.sh, wixl): Program Files,
#                                               a Start-menu shortcut, IT's configuration copied
#                                               to %ProgramData%\SigninDoctor\ from CONFIG=FILE
# and in both archives, beside the binary, the commented example configuration as
# signin-doctor.toml and packaging/README-IT.md (Japanese and English) as README-IT.txt.
# With SIGN_PKCS12 and SIGN_PASSWORD_FILE set (and SIGN_TIMESTAMP_URL, optional), the .exe is
# signed before it goes into the .zip and the .msi, and the .msi after it is built
# (scripts/sign.sh, osslsigncode); without them both are unsigned, and the build says so.
# On a Mac, `scripts/bundle.sh darwin` builds dist/Sign-in Doctor.app (`fyne package -os darwin`,
# unsigned: docs/macos.md signs and notarizes it).
#
# Usage: scripts/bundle.sh [linux|windows|all|darwin]   (default: all = linux and windows)
#
# The bundles are built from a commit (git archive; BUNDLE_REV, default HEAD, e.g. a tag), so
# what they hold is exactly what their version names: VERSION is `git describe --tags --always`
# of that commit, stamped into the binary (main.version, shown by `signin-doctor version` and in
# the JSON report). BUNDLE_SOURCE=worktree builds the working tree's tracked and untracked files
# instead, and VERSION then ends in -dirty when tracked files differ from HEAD. The resources'
# numeric version is FyneApp.toml's Version with the commit count as the build number
# (0.1.0.N); the MSI's ProductVersion, which Windows Installer reads as major.minor.build, is
# 0.1.N. The build runs in a temporary copy: fyne writes into its source folder and bumps
# Build in FyneApp.toml, and the committed tree must stay clean.
set -euo pipefail
if [[ -n ${DIST:-} ]]; then
	mkdir -p "$DIST"
	dist=$(cd "$DIST" && pwd) # relative to where the script was started
fi
# IT's certificate and password files, named relative to where the script was started.
for v in SIGN_PKCS12 SIGN_PASSWORD_FILE; do
	if [[ -n ${!v:-} && -e ${!v} ]]; then
		export "$v=$(realpath "${!v}")"
	fi
done
cd "$(dirname "$0")/.."
dist=${dist:-$PWD/dist}
mkdir -p "$dist"

fyne_cli=fyne.io/tools/cmd/fyne@v1.7.4
mingw_cc=x86_64-w64-mingw32-gcc
targets=${1:-all}
case $targets in
linux | windows | all) ;;
darwin)
	if [[ $(uname -s) != Darwin ]]; then
		echo "bundle: the macOS app is built on a Mac (Xcode's clang and SDK); see docs/macos.md" >&2
		exit 2
	fi
	;;
*) echo "usage: $0 [linux|windows|all|darwin]" >&2; exit 2 ;;
esac

log() { printf 'bundle: %s\n' "$*"; }

if [[ $targets == windows || $targets == all ]]; then
	need=("$mingw_cc:gcc-mingw-w64-x86-64-win32" wixl:wixl msibuild:msitools msiinfo:msitools)
	if [[ -n ${SIGN_PKCS12:-} ]]; then
		need+=(osslsigncode:osslsigncode)
		# Said now, not after minutes of building.
		for v in SIGN_PKCS12 SIGN_PASSWORD_FILE; do
			[[ -r ${!v:-} ]] || { echo "bundle: $v must name a readable file (the certificate, its password)" >&2; exit 2; }
		done
	fi
	for n in "${need[@]}"; do
		if ! command -v "${n%%:*}" >/dev/null; then
			echo "bundle: ${n%%:*} is missing: scripts/deps.sh bundle installs it (${n#*:})" >&2
			exit 1
		fi
	done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/signin-doctor-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
src=$work/src
mkdir -p "$src"

# Resolved once: other commits may land while the build runs.
commit=$(git rev-parse --verify "${BUNDLE_REV:-HEAD}^{commit}")
case ${BUNDLE_SOURCE:-commit} in
commit)
	version=$(git describe --tags --always "$commit")
	git archive --format=tar "$commit" | tar -x -C "$src"
	;;
worktree)
	if [[ $commit != $(git rev-parse HEAD) ]]; then
		echo "bundle: BUNDLE_SOURCE=worktree builds HEAD's working tree; BUNDLE_REV cannot name another commit" >&2
		exit 2
	fi
	version=$(git describe --tags --always --dirty)
	git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
		tar --null -T - -cf - | tar -x -C "$src"
	;;
*) echo "bundle: BUNDLE_SOURCE is commit or worktree, not '$BUNDLE_SOURCE'" >&2; exit 2 ;;
esac
app_version=$(sed -nE 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"([0-9.]+)".*/\1/p' "$src/FyneApp.toml")
app_build=$(git rev-list --count "$commit")
if [[ -z $app_version ]]; then
	echo "bundle: FyneApp.toml has no Details.Version like \"0.1.0\"" >&2
	exit 1
fi
# Windows Installer compares major.minor.build, each field bounded: FyneApp.toml's major and
# minor, then the commit count, which grows with every commit.
IFS=. read -r app_major app_minor _ <<<"$app_version"
msi_version=$((10#$app_major)).$((10#${app_minor:-0})).$app_build
# The commit time, for archives whose bytes depend only on their contents.
stamp=$(git log -1 --format=%ct "$commit")
log "version $version (resources $app_version.$app_build), from ${BUNDLE_SOURCE:-commit} ${commit:0:12}"

# fyne's build runs `go build` in the folder holding FyneApp.toml, which must be the main
# package's; the icon path is made absolute since the file moves.
pkg=$src/cmd/signin-doctor
sed -E "s|^([[:space:]]*Icon[[:space:]]*=[[:space:]]*\")([^/\"][^\"]*)\"|\\1$src/\\2\"|" \
	"$src/FyneApp.toml" >"$pkg/FyneApp.toml"

GOBIN=$work/bin go install "$fyne_cli"
fyne=$work/bin/fyne
# fyne passes -ldflags found in GOFLAGS on to go build (each value without spaces); --release
# adds -s -w and -trimpath, and -trimpath lets the build cache serve this temporary copy.
goflags="${GOFLAGS:+$GOFLAGS }-ldflags=-X=main.version=$version"
# Screen readers: Fyne 2.8 tells UI Automation (Windows: NVDA, Narrator) and NSAccessibility
# (macOS: VoiceOver) what the window shows when built with the tag accessibility. On Linux the
# tag builds but exposes nothing yet (Fyne 2.8.1 has no AT-SPI), so the Linux build goes without.
# (fyne's flag, not GOFLAGS: --release passes -tags release, which would override GOFLAGS' -tags.)
a11y_args=(--tags accessibility)
package_args=(--src "$pkg" --release --app-version "$app_version" --app-build "$app_build")

# stage copies what IT edits and reads beside the binary in folder $1.
stage() {
	install -m 0644 "$src/assets/signin-doctor.example.toml" "$1/signin-doctor.toml"
	install -m 0644 "$src/packaging/README-IT.md" "$1/README-IT.txt"
}

if [[ $targets == linux || $targets == all ]]; then
	log "linux: fyne package -os linux"
	mkdir -p "$work/linux"
	(cd "$work/linux" && GOFLAGS=$goflags GOOS=linux GOARCH=amd64 "$fyne" package -os linux "${package_args[@]}")
	tarballs=("$work"/linux/*.tar.xz)
	mkdir -p "$work/linux/tree"
	tar -xJf "${tarballs[0]}" -C "$work/linux/tree"
	stage "$work/linux/tree/signin-doctor"
	out=$dist/signin-doctor-$version-linux-amd64.tar.xz
	tar -C "$work/linux/tree" --sort=name --mtime="@$stamp" --owner=0 --group=0 --numeric-owner \
		-cJf "$out" signin-doctor
	log "wrote $out"
fi

if [[ $targets == windows || $targets == all ]]; then
	log "windows: fyne package -os windows (CC=$mingw_cc)"
	# Given no executable, fyne builds one, then writes the icon and version resources and
	# builds again, and that second build has lost the -ldflags it took out of GOFLAGS (fyne CLI
	# v1.7.4): the version would not be stamped. Naming an executable that exists (an empty
	# placeholder) skips the first build; fyne overwrites it with the one real build.
	: >"$pkg/signin-doctor.exe"
	(cd "$pkg" && GOFLAGS=$goflags GOOS=windows GOARCH=amd64 CC=$mingw_cc "$fyne" package -os windows \
		--exe "$pkg/signin-doctor.exe" "${package_args[@]}" "${a11y_args[@]}")
	exes=("$pkg"/*.exe)
	mkdir -p "$work/windows/signin-doctor"
	exe=$work/windows/signin-doctor/signin-doctor.exe
	mv "${exes[0]}" "$exe"
	# One .exe for the .zip and the .msi, signed (when IT gives a certificate) before either.
	if [[ -n ${SIGN_PKCS12:-} ]]; then
		scripts/sign.sh "$exe"
	else
		log "windows: the .exe and the .msi are unsigned (SIGN_PKCS12 and SIGN_PASSWORD_FILE sign them: packaging/README-IT.md)"
	fi
	stage "$work/windows/signin-doctor"
	out=$dist/signin-doctor-$version-windows-amd64.zip
	rm -f "$out"
	find "$work/windows" -exec touch -h -d "@$stamp" {} +
	(cd "$work/windows" && zip -q -X -r "$out" signin-doctor)
	log "wrote $out"

	log "windows: wixl (scripts/msi.sh), ProductVersion $msi_version"
	msi=$dist/signin-doctor-$version-windows-amd64.msi
	scripts/msi.sh "$src/packaging/windows/signin-doctor.wxs" "$msi_version" "$exe" \
		"$work/windows/signin-doctor/README-IT.txt" "$src/assets/signin-doctor.example.toml" "$msi"
	if [[ -n ${SIGN_PKCS12:-} ]]; then
		scripts/sign.sh "$msi"
	fi
	log "wrote $msi"
fi

if [[ $targets == darwin ]]; then
	log "darwin: fyne package -os darwin"
	mkdir -p "$work/darwin"
	(cd "$work/darwin" && GOFLAGS=$goflags "$fyne" package -os darwin "${package_args[@]}" "${a11y_args[@]}")
	rm -rf "$dist/Sign-in Doctor.app"
	mv "$work/darwin/Sign-in Doctor.app" "$dist/"
	log "wrote $dist/Sign-in Doctor.app (unsigned; docs/macos.md signs and notarizes it)"
fi
