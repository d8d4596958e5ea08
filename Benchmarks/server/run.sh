#!/usr/bin/env bash
# Load benchmark of `opine serve` (release build) with wrk on loopback.
#
#   Benchmarks/server/run.sh [SECONDS] [CONNECTIONS]
#
# 1. Builds `opine` in release mode and installs wrk (apt, through sudo when not root) if
#    it is missing.
# 2. Starts a tiny webhook sink (sink.py) and `opine serve` on free ports, with a fresh
#    database in $TMPDIR/opine-server-bench and a config whose one rule raises an alert
#    for every one-star review, delivered to the sink.
# 3. Runs wrk for SECONDS (default 10) with CONNECTIONS connections (default 16) over
#    THREADS threads (default 2) against POST /v1/analyze (analyze.lua: one text per
#    request) and POST /v1/interactions (interactions.lua: one interaction per request,
#    every id unique, every other one raising an alert).
# 4. Prints requests/s, p50 and p99 latency and non-2xx answers for each, the alerts
#    raised and delivered (from /metrics), and the server's peak RSS.
# SCRATCH_PATH picks the SwiftPM scratch directory (default .build). OPINE=path skips the
# build and runs that binary instead (an earlier build, to compare two in one session).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
connections="${2:-16}"
threads="${THREADS:-2}"
scratch="${SCRATCH_PATH:-.build}"
work="${TMPDIR:-/tmp}/opine-server-bench"
here=Benchmarks/server

if ! command -v wrk >/dev/null; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends wrk
fi
rm -rf "$work"
mkdir -p "$work"
opine="${OPINE:-$scratch/release/opine}"
if [ -z "${OPINE:-}" ]; then
    swift build -c release --scratch-path "$scratch" --product opine > "$work/build.log" 2>&1 || {
        cat "$work/build.log" >&2
        exit 1
    }
fi
export OPINE_LEXICONS="${OPINE_LEXICONS:-$PWD/Lexicons}"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

python3 "$here/sink.py" > "$work/sink.port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/sink.port" ] && break; sleep 0.05; done
sink_port=$(cat "$work/sink.port")

cat > "$work/alerts.yaml" <<YAML
destinations:
  sink: { url: "http://127.0.0.1:$sink_port/hook", format: json, secret: bench-secret }
rules:
  - { name: angry, when: detractor, kinds: [review, direct_message], max_compound: -0.3, to: [sink] }
delivery:
  concurrency: 32
YAML

"$opine" serve --config "$work/alerts.yaml" --database "$work/alerts.sqlite" --port 0 --log-level warning \
    > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
pids+=("$server_pid")
for _ in $(seq 600); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.05; done
port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')
base="http://127.0.0.1:$port"

echo "machine: $(nproc) cores, $(uname -m), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: $threads threads, $connections connections, ${seconds} s per route; opine serve on $base"
echo

# to_ms VALUE: wrk's latency ("812.00us", "1.23ms", "1.05s") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
        else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

printf "%-22s %12s %10s %10s %10s %10s\n" "route" "requests/s" "p50 ms" "p99 ms" "requests" "non-2xx"
for route in analyze interactions; do
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/$route.lua" "$base" > "$work/wrk-$route.txt"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk-$route.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$route.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$route.txt")
    total=$(awk '/requests in/ {print $1}' "$work/wrk-$route.txt")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk-$route.txt")
    errors=$(grep -o 'Socket errors:.*' "$work/wrk-$route.txt" || true)
    printf "%-22s %12.0f %10s %10s %10s %10s\n" "POST /v1/$route" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" \
        "$total" "${non2xx:-0}"
    [ -n "$errors" ] && echo "  $errors"
done

# Let the worker catch up, then read the counters.
for _ in $(seq 300); do
    depth=$(curl -s "$base/metrics" | awk '$1 == "opine_outbox_depth" {print $2}')
    [ "$depth" = "0" ] && break
    sleep 0.1
done
metrics=$(curl -s "$base/metrics")
metric() { echo "$metrics" | awk -v name="$1" '$1 == name {print $2}'; }
echo
echo "stored: $(metric opine_interactions_ingested_total) interactions, alerts raised: $(metric opine_alerts_raised_total)," \
    "delivered: $(metric opine_alerts_delivered_total), failed attempts: $(metric opine_alert_delivery_failures_total)," \
    "outbox depth: $(metric opine_outbox_depth), sink received: $(curl -s "http://127.0.0.1:$sink_port/")"
echo "server peak RSS: $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$server_pid/status")"
