#!/usr/bin/env bash
# Memory and time of alert ingestion as the store grows (release build).
#
#   Benchmarks/alerts/run.sh [SIZES] [DAYS]
#
# For each size in SIZES (default "50000 100000 200000") generates that many interactions
# spread over DAYS days (default 365; generate.py), then runs
#   opine watch FILE --stop-at-end --config CONFIG --database DB
# on a fresh database (rules: an advocate turned detractor, which reads the author's
# history for every detractor, and an unfollow wave over a 60-minute window that never
# fires; the destination is down, an attempt gives up after 1 s and is retried after an
# hour, so deliveries add little time), and then once more on a file of 100
# new interactions against the full database (a restart: what opening a big store costs).
# Prints wall time, interactions/s and peak RSS (GNU time) for both.
# BEFORE=path/to/opine runs another build on the same files in the same run, for a ratio.
# SCRATCH_PATH picks the SwiftPM scratch directory (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-50000 100000 200000}"
days="${2:-365}"
scratch="${SCRATCH_PATH:-.build}"
work="${TMPDIR:-/tmp}/opine-alerts-bench"
rm -rf "$work"
mkdir -p "$work"
swift build -c release --scratch-path "$scratch" --product opine > "$work/build.log" 2>&1 || {
    cat "$work/build.log" >&2
    exit 1
}
cat > "$work/alerts.yaml" <<'YAML'
destinations:
  down: { url: "http://127.0.0.1:9/hook", format: json }
delivery: { max_attempts: 1000, initial_backoff_seconds: 3600, max_backoff_seconds: 3600, attempt_timeout_seconds: 1 }
limits: { max_outbox_depth: 10000000 }
rules:
  - { name: turned, when: turned_detractor, to: [down] }
  - { name: unfollows, when: unfollow_wave, min_count: 1000000, window_minutes: 60, to: [down] }
YAML
export OPINE_LEXICONS="$PWD/Lexicons"  # for a BEFORE binary outside the checkout too
binaries=("after:$scratch/release/opine")
if [ -n "${BEFORE:-}" ]; then binaries+=("before:$BEFORE"); fi

measure() {  # label binary file database
    /usr/bin/time -f "%e %M" -o "$work/time" "$2" watch "$3" --stop-at-end --drain-seconds 0 \
        --config "$work/alerts.yaml" --database "$4" --log-level error > /dev/null 2> "$work/stderr" || {
        cat "$work/stderr" >&2
        exit 1
    }
    read -r seconds kilobytes < "$work/time"
    lines=$(wc -l < "$3")
    printf "%-8s %-22s %8d %8.1f %10.0f %9.1f\n" "$1" "$5" "$lines" "$seconds" \
        "$(echo "$lines / $seconds" | bc -l)" "$(echo "$kilobytes / 1024" | bc -l)"
}

printf "%-8s %-22s %8s %8s %10s %9s\n" build run interactions seconds "per second" "peak MB"
for size in $sizes; do
    python3 Benchmarks/alerts/generate.py "$size" "$days" > "$work/all.jsonl"
    head -n "$size" "$work/all.jsonl" > "$work/store-$size.jsonl"
    python3 Benchmarks/alerts/generate.py 100 1 | sed 's/"id": "i/"id": "new/' > "$work/new.jsonl"
    for entry in "${binaries[@]}"; do
        label="${entry%%:*}"
        binary="${entry#*:}"
        database="$work/$label-$size.sqlite"
        measure "$label" "$binary" "$work/store-$size.jsonl" "$database" "ingest $size"
        measure "$label" "$binary" "$work/new.jsonl" "$database" "then 100 more"
    done
done
