#!/usr/bin/env bash
# Makes Debian's Chromium and its driver available for the browser tests (nothing is downloaded from
# anywhere but the Debian package mirror). Does nothing when both are installed already.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium and chromedriver in /usr/bin; install them with your package manager." >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo -n)
fi
echo "Installing Debian's chromium and chromium-driver for the browser tests"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
