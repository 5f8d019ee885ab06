#!/usr/bin/env bash
# The PDF tests check that names print with real glyphs, Han beyond CJK Extension A included
# (U+20000…): that font is a Debian package, not an npm one (HanaMinB in fonts-hanazono, as the API
# image installs; docs/i18n.md). Nothing is done when it is already there.
set -euo pipefail
if [ ! -f /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ]; then
  echo "== installing Debian's fonts-hanazono for the PDF tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fonts-hanazono >/dev/null
fi
ls /usr/share/fonts/truetype/hanazono/HanaMinB.ttf
