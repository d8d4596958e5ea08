#!/usr/bin/env bash
# Throughput and memory of `opine batch` (release build) next to VADER on the same rows.
#
#   Benchmarks/batch/run.sh [ROWS] [BIG_BYTES]
#
# 1. Generates a mixed English/Dutch CSV export of ROWS rows (default 1,000,000) with
#    generate_export.py in $TMPDIR/opine-batch-bench (nothing is committed).
# 2. Runs `opine batch` on it with --jobs 1 and --jobs $(nproc), CSV to CSV, then the same
#    with --opinions (the opinions column and the summary's aspect ranking), and VADER
#    3.3.2 (Python, in a venv in $TMPDIR) doing the same job as the default run
#    (vader_batch.py), each under /usr/bin/time for wall time and peak RSS.
# 3. Generates an export of about BIG_BYTES (default 1 GB) and runs `opine batch` on it
#    with all cores, to show that peak RSS does not grow with the input.
# Each run is repeated REPEAT times (default 3; the big one once) and the fastest kept.
# Prints rows/s, MB/s and peak RSS for each run and opine's speed as a multiple of
# VADER's. SCRATCH_PATH picks the SwiftPM scratch directory (default .build), CORPORA the
# folder of labelled sets the export is sampled from (default Corpora/).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
big_bytes="${2:-1000000000}"
repeat="${REPEAT:-3}"
work="${TMPDIR:-/tmp}/opine-batch-bench"
scratch="${SCRATCH_PATH:-.build}"
corpora="${CORPORA:-Corpora}"
cores="$(nproc)"
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
    sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq time
fi
venv="${TMPDIR:-/tmp}/opine-vader-venv"
if ! "$venv/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q vaderSentiment==3.3.2
fi
swift build -c release --scratch-path "$scratch" --product opine >/dev/null
opine="$scratch/release/opine"

echo "machine: $cores cores, $(uname -m), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Benchmarks/batch/generate_export.py "$work/export.csv" --rows "$rows" --corpora "$corpora" >/dev/null
size=$(stat -c %s "$work/export.csv")
echo "export: $rows rows, $(awk -v s="$size" 'BEGIN{printf "%.1f", s/1e6}') MB ($work/export.csv)"
echo

# measure NAME ROWS BYTES COMMAND...: runs COMMAND $repeat times under /usr/bin/time, prints
# a table row with the fastest run's time and the largest peak RSS, and leaves
# "seconds rss_kb" in $work/last. The fastest of a few runs is the one least disturbed by
# other processes on the machine.
measure() {
    local name="$1" count="$2" bytes="$3" best="" peak=0
    shift 3
    for _ in $(seq "$repeat"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/stdout.txt" 2> "$work/stderr.txt" || {
            cat "$work/stderr.txt" >&2
            exit 1
        }
        read -r seconds rss < "$work/time.txt"
        best=$(awk -v a="$best" -v b="$seconds" 'BEGIN{print (a == "" || b < a) ? b : a}')
        peak=$(( rss > peak ? rss : peak ))
    done
    echo "$best $peak" > "$work/last"
    awk -v n="$name" -v r="$count" -v b="$bytes" -v s="$best" -v m="$peak" \
        'BEGIN{printf "%-34s %10d rows %8.2f s %10.0f rows/s %7.2f MB/s %8.1f MB peak RSS\n", n, r, s, r/s, b/1e6/s, m/1024}'
}

grouped() { echo "$1" | rev | sed 's/\([0-9]\{3\}\)/\1,/g; s/,$//' | rev; }

check_rows() {  # the summary must account for every row, none rejected
    grep -q "opine batch: $(grouped "$1") rows" "$work/stderr.txt" && grep -q "rejected   0" "$work/stderr.txt" || {
        echo "unexpected summary:" >&2
        cat "$work/stderr.txt" >&2
        exit 1
    }
}

measure "opine batch --jobs 1" "$rows" "$size" "$opine" batch "$work/export.csv" -o "$work/opine-1.csv" --jobs 1
check_rows "$rows"
read -r opine1 opine1_rss < "$work/last"
measure "opine batch --jobs $cores" "$rows" "$size" "$opine" batch "$work/export.csv" -o "$work/opine-n.csv" --jobs "$cores"
check_rows "$rows"
read -r opinen opinen_rss < "$work/last"
cmp -s "$work/opine-1.csv" "$work/opine-n.csv" || { echo "outputs of --jobs 1 and --jobs $cores differ" >&2; exit 1; }
measure "opine batch --opinions --jobs 1" "$rows" "$size" "$opine" batch "$work/export.csv" -o "$work/opine-1.csv" --jobs 1 --opinions
check_rows "$rows"
read -r opinions1 _ < "$work/last"
measure "opine batch --opinions --jobs $cores" "$rows" "$size" "$opine" batch "$work/export.csv" -o "$work/opine-n.csv" --jobs "$cores" --opinions
check_rows "$rows"
read -r opinionsn _ < "$work/last"
cmp -s "$work/opine-1.csv" "$work/opine-n.csv" || { echo "outputs of --opinions --jobs 1 and --jobs $cores differ" >&2; exit 1; }
measure "VADER 3.3.2 (Python)" "$rows" "$size" "$venv/bin/python" Benchmarks/batch/vader_batch.py "$work/export.csv" "$work/vader.csv"
read -r vader vader_rss < "$work/last"
[ "$(cut -d' ' -f1 "$work/stdout.txt")" = "$rows" ] || { echo "VADER scored $(cat "$work/stdout.txt")" >&2; exit 1; }
echo
awk -v v="$vader" -v a="$opine1" -v b="$opinen" -v c="$cores" \
    'BEGIN{printf "opine batch vs VADER on the same rows: %.2fx at 1 thread, %.2fx at %d threads (%.2fx scaling)\n", v/a, v/b, c, a/b}'
awk -v a="$opine1" -v b="$opinen" -v x="$opinions1" -v y="$opinionsn" -v c="$cores" \
    'BEGIN{printf "--opinions runs at %.2fx the default speed at 1 thread, %.2fx at %d threads\n", a/x, b/y, c}'
rm -f "$work/opine-1.csv" "$work/opine-n.csv" "$work/vader.csv"

echo
big_rows=$(python3 Benchmarks/batch/generate_export.py "$work/big.csv" --bytes "$big_bytes" --seed 5 --corpora "$corpora")
big_size=$(stat -c %s "$work/big.csv")
repeat=1
measure "opine batch --jobs $cores (big)" "$big_rows" "$big_size" "$opine" batch "$work/big.csv" -o "$work/big-out.csv" --jobs "$cores"
check_rows "$big_rows"
read -r _ big_rss < "$work/last"
awk -v s="$big_size" -v r="$big_rows" -v a="$opinen_rss" -v b="$big_rss" -v n="$size" -v c="$cores" \
    'BEGIN{printf "peak RSS with %d threads: %.1f MB on the %.0f MB export, %.1f MB on the %.0f MB one (%d rows)\n", c, a/1024, n/1e6, b/1024, s/1e6, r}'
rm -f "$work/big.csv" "$work/big-out.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
