#!/usr/bin/env bash
# Installs the Debian packages Opine builds against, skipping those already present:
# libicu-dev (ICU word/sentence breaks, normalization), libstemmer-dev (Snowball) and
# zlib1g-dev (gzip-compressed exports), and libsqlite3-dev (the alert store of `opine serve`
# and `opine watch`).
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(libicu-dev libstemmer-dev zlib1g-dev libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing system packages: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
