#!/usr/bin/env bash
# Throughput of Opine's scorer next to VADER (Python) on the same texts, in one run.
#
#   Benchmarks/compare-vader.sh [SECONDS] [CORPUS.tsv ...]
#
# Default corpora: the sentence-level development TSVs under ../shared/corpora/{en,nl}
# (held-out -test files left out), or, without that folder, those in Corpora/. Creates a
# venv in $TMPDIR with vaderSentiment==3.3.2, builds opine-benchmarks in release mode,
# runs both, and prints Opine's analyze throughput (1 thread and all cores) as a ratio
# of VADER's single-thread throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-3}"
shift || true
if [ $# -eq 0 ]; then
    if [ -d ../shared/corpora ]; then
        set -- $(ls ../shared/corpora/en/*.tsv ../shared/corpora/nl/*.tsv | grep -v -e '\.aspects\.' -e '-test')
    else
        set -- Corpora/en/*.tsv Corpora/nl/*.tsv
    fi
fi

venv="${TMPDIR:-/tmp}/opine-vader-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q vaderSentiment==3.3.2
fi
swift build -c release --product opine-benchmarks >/dev/null

vader=$("$venv/bin/python" Benchmarks/vader_throughput.py "$seconds" "$@")
opine=$(.build/release/opine-benchmarks --seconds "$seconds" "$@")
echo "$opine"
echo "$vader" | awk '{printf "VADER 3.3.2 (Python)  1 thread: %d texts/s, %.1f MB/s over %d texts\n", $2, $3, $4}'
vader_rate=$(echo "$vader" | awk '{print $2}')
echo "$opine" | awk -v vader="$vader_rate" '$1 == "analyze" {printf "opine analyze  %s thread(s): %.0f texts/s = %.1fx VADER single-thread\n", $2, $3, $3 / vader}'
