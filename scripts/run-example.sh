#!/usr/bin/env bash
# The set-up command: installs what is missing, builds Opine in release mode and runs it
# on real customer comments: single phrases, then the labelled reviews and tweets shipped
# in Corpora/ (scored as an export, ranked by opinion category, and evaluated).
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
echo
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "\$ opine batch Corpora/nl/glender-earphones.tsv --opinions -o scored.jsonl"
"$opine" batch Corpora/nl/glender-earphones.tsv --opinions -o "$out/scored.jsonl"
echo
echo "\$ head -n 1 scored.jsonl"
head -n 1 "$out/scored.jsonl"
echo
echo "\$ opine aspects --no-quotes --rank negative --terms 12 Corpora/en/vader-amazon.tsv"
"$opine" aspects --no-quotes --rank negative --terms 12 Corpora/en/vader-amazon.tsv
echo
echo "\$ opine eval Corpora/en/vader-tweets.tsv Corpora/nl/glender-earphones.tsv"
"$opine" eval Corpora/en/vader-tweets.tsv Corpora/nl/glender-earphones.tsv
