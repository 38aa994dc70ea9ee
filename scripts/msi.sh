#!/usr/bin/env bash
# Builds Sign-in Doctor's Windows Installer package from packaging/windows/signin-doctor.wxs with
# wixl (Debian's msitools), then adds with msibuild what wixl 0.101 cannot say (the .wxs tells
# why): the copy of IT's configuration that the public property CONFIG names into
# %ProgramData%\SigninDoctor\. scripts/bundle.sh runs it on the bundle's own .exe; the MSI test
# runs it for a second, newer package to see the upgrade.
#
# Usage: scripts/msi.sh WXS VERSION EXE README EXAMPLE OUT.msi
#   VERSION  the MSI ProductVersion, major.minor.build (major and minor up to 255, build up to
#            65535: Windows Installer compares only these three fields)
#   EXE      signin-doctor.exe; README  README-IT.txt; EXAMPLE  the example configuration
#
# The ProductCode is derived from the UpgradeCode and VERSION: a package rebuilt for the same
# version is the same product, never a second one installed beside it.
set -euo pipefail
if (($# != 6)); then
	echo "usage: $0 WXS VERSION EXE README EXAMPLE OUT.msi" >&2
	exit 2
fi
wxs=$1 version=$2 exe=$3 readme=$4 example=$5 out=$6

for tool in wixl msibuild msiinfo; do
	command -v "$tool" >/dev/null || { echo "msi: $tool is missing: scripts/deps.sh bundle installs it (wixl, msitools)" >&2; exit 1; }
done
if [[ ! $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] ||
	((10#${BASH_REMATCH[1]} > 255 || 10#${BASH_REMATCH[2]} > 255 || 10#${BASH_REMATCH[3]} > 65535)); then
	echo "msi: ProductVersion '$version' is not major.minor.build with major, minor <= 255 and build <= 65535" >&2
	exit 2
fi
upgrade=$(sed -nE 's/.*UpgradeCode="([0-9A-Fa-f-]{36})".*/\1/p' "$wxs")
if [[ -z $upgrade ]]; then
	echo "msi: $wxs names no UpgradeCode" >&2
	exit 1
fi

# A name-based GUID (RFC 4122 version 5 layout) from the upgrade code and the version.
h=$(printf 'signin-doctor msi product %s %s' "${upgrade^^}" "$version" | sha1sum)
variant=$(printf '%x' $(((16#${h:16:1} & 3) | 8)))
product_code="${h:0:8}-${h:8:4}-5${h:13:3}-$variant${h:17:3}-${h:20:12}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/signin-doctor-msi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# wixl finds a File's Source only relative to the folder it runs in.
cp "$exe" "$tmp/signin-doctor.exe"
cp "$readme" "$tmp/README-IT.txt"
cp "$example" "$tmp/signin-doctor.example.toml"
cp "$wxs" "$tmp/signin-doctor.wxs"
db=$tmp/package.msi
(cd "$tmp" && wixl -a x64 -D "Version=$version" -D "ProductCode=${product_code^^}" -o package.msi signin-doctor.wxs)

# MoveFile: SourceName empty, so the CONFIG property holds the source file's full path; the copy
# lands in CONFIGDIR (the directory's property) as signin-doctor.toml; Options 0: copy.
printf '%s\n' $'FileKey\tComponent_\tSourceName\tDestName\tSourceFolder\tDestFolder\tOptions' \
	$'s72\ts72\tL255\tL255\tS72\ts72\ti2' $'MoveFile\tFileKey' \
	$'ItsConfigFile\tItsConfig\t\tsignin-doctor.toml\tCONFIG\tCONFIGDIR\t0' >"$tmp/MoveFile.idt"
(cd "$tmp" && msibuild package.msi -i MoveFile.idt)
msibuild "$db" -q "UPDATE \`Component\` SET \`Condition\` = 'CONFIG' WHERE \`Component\` = 'ItsConfig'"
# MoveFiles' standard place: after CreateFolders (3700), before InstallFiles (4000).
msibuild "$db" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('MoveFiles', 3800)"
# A public property reaches the elevated part of a per-machine install only when it is secure.
secure=$(msiinfo export "$db" Property | awk -F '\t' '$1 == "SecureCustomProperties" { print $2 }')
if [[ -n $secure ]]; then
	msibuild "$db" -q "UPDATE \`Property\` SET \`Value\` = 'CONFIG;$secure' WHERE \`Property\` = 'SecureCustomProperties'"
else
	msibuild "$db" -q "INSERT INTO \`Property\` (\`Property\`, \`Value\`) VALUES ('SecureCustomProperties', 'CONFIG')"
fi
mv -f "$db" "$out"
