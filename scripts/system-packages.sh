#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real, when any is missing:
#   sox, libsox-fmt-mp3   decode uploaded MP3 voice files (UploadVoiceFile) and make test audio
#   sip-tester            sipp, the SIP peer of the SIP telephony tests (with its RTP echo and DTMF pcaps)
#   espeak-ng             the built-in speech synthesizer (Mandarin and English voices)
#   chromium, fonts-wqy-microhei   the console's browser tests (headless, with a font that renders Chinese)
# Needs root (or passwordless sudo) only when something is missing; prints nothing when all is there.
set -euo pipefail

packages=(sox libsox-fmt-mp3 sip-tester espeak-ng chromium fonts-wqy-microhei)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else echo "waihu: need root to install ${missing[*]}" >&2; exit 1
  fi
}
echo "waihu: installing Debian packages for the tests: ${missing[*]}" >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
