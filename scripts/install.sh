#!/usr/bin/env bash
# Installs opine: builds it in release mode, copies the binary to PREFIX/bin and the
# lexicons to PREFIX/share/opine/Lexicons, where the installed binary looks for them.
#
#   scripts/install.sh [PREFIX]        (default PREFIX: /usr/local)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"

scripts/install-system-packages.sh
swift build -c release --product opine
install -d "$prefix/bin" "$prefix/share/opine"
install -m 755 .build/release/opine "$prefix/bin/opine"
rm -rf "$prefix/share/opine/Lexicons"
cp -R Lexicons "$prefix/share/opine/Lexicons"
echo "installed $prefix/bin/opine and $prefix/share/opine/Lexicons"
