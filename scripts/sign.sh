#!/usr/bin/env bash
# Signs Windows files (.exe, .msi) in place with IT's code-signing certificate, with Debian's
# osslsigncode (Authenticode, SHA-256). scripts/bundle.sh runs it on the .exe before it goes into
# the .zip and the .msi, and then on the .msi, when SIGN_PKCS12 is set:
#   SIGN_PKCS12         the certificate and its private key, a .p12/.pfx file
#   SIGN_PASSWORD_FILE  a file holding the .p12's password; osslsigncode reads it itself
#                       (-readpass), so the password is on no command line and in no log
#   SIGN_TIMESTAMP_URL  optional: an RFC 3161 timestamp server (the signature then outlives the
#                       certificate); without it nothing is sent anywhere
#
# Usage: SIGN_PKCS12=FILE SIGN_PASSWORD_FILE=FILE scripts/sign.sh FILE...
set -euo pipefail
if (($# == 0)); then
	echo "usage: SIGN_PKCS12=FILE SIGN_PASSWORD_FILE=FILE $0 FILE..." >&2
	exit 2
fi
for v in SIGN_PKCS12 SIGN_PASSWORD_FILE; do
	if [[ -z ${!v:-} || ! -r ${!v} ]]; then
		echo "sign: $v must name a readable file" >&2
		exit 2
	fi
done
command -v osslsigncode >/dev/null || { echo "sign: osslsigncode is missing: scripts/deps.sh bundle installs it" >&2; exit 1; }

args=(-pkcs12 "$SIGN_PKCS12" -readpass "$SIGN_PASSWORD_FILE" -h sha256 -n "Sign-in Doctor"
	-i "https://github.com/signin-doctor/signin-doctor")
if [[ -n ${SIGN_TIMESTAMP_URL:-} ]]; then
	args+=(-ts "$SIGN_TIMESTAMP_URL")
fi

for f in "$@"; do
	signed=$f.signed
	trap 'rm -f "$signed"' EXIT
	# osslsigncode writes a new file; its output names files and the certificate, never the password.
	if ! out=$(osslsigncode sign "${args[@]}" -in "$f" -out "$signed" 2>&1); then
		printf 'sign: signing %s failed:\n%s\n' "$f" "$out" >&2
		exit 1
	fi
	chmod --reference="$f" "$signed"
	mv -f "$signed" "$f"
	echo "sign: signed $f${SIGN_TIMESTAMP_URL:+ (timestamped by $SIGN_TIMESTAMP_URL)}"
done
