#!/usr/bin/env bash
# The set-up command: installs what is missing, builds Opine in release mode and runs it
# on real examples of customer comments.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-system-packages.sh
swift build -c release --product opine
opine=".build/release/opine"

example="Wat een TOP service!!! 👍🏽 Bezorging was wel te laat :( #nietmeer"
echo "\$ opine tokens \"$example\""
"$opine" tokens "$example"
echo
echo "\$ opine language \"$example\""
"$opine" language "$example"
echo
echo "\$ opine analyze \"$example\""
"$opine" analyze "$example"
echo
english="The food was not bad at all, but the waiter was RUDE and the bill was a rip-off!!"
echo "\$ opine analyze \"$english\""
"$opine" analyze "$english"
