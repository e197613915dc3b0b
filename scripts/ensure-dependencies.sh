#!/usr/bin/env bash
# Installs what building CheckoutMessages needs and a fresh Debian/Ubuntu machine may lack: ICU4C's
# development files (libicu-dev) and pkg-config. Does nothing when they are already there.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH; install Swift 6.1 or newer from https://swift.org/install" >&2
    exit 2
fi

missing=()
[ -f /usr/include/unicode/msgfmt.h ] || missing+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} ..." >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
