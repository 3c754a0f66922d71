#!/usr/bin/env bash
# Installs the headless browser the console's browser test drives: Debian's chromium and
# chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver). Idempotent: when both are present it
# returns at once. Needs root (or sudo) and Debian's package archive.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
chromium --version
chromedriver --version
