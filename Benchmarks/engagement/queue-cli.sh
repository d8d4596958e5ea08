#!/usr/bin/env bash
# Benchmark of `opine queue` on COUNT synthetic interactions (default 1,000,000): writes a
# CSV to /tmp, builds opine in release mode, runs `opine queue --top 100` under
# /usr/bin/time -v and prints the wall time and peak resident memory.
#
#   Benchmarks/engagement/queue-cli.sh [COUNT]
set -euo pipefail
COUNT=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=${SCRATCH:-$ROOT/.build-queue}
CSV=/tmp/opine-queue-bench-$COUNT.csv

if [ ! -s "$CSV" ]; then
  echo "writing $COUNT interactions to $CSV" >&2
  # Same mix as main.swift: COUNT/5 authors over 90 days; 20 % likes, 5 % follows,
  # 1 % unfollows, 5 % shares, 35 % comments, 10 % replies, 5 % mentions, 5 % direct
  # messages, 10 % reviews with 1-5 stars, 4 % user posts; 10 % answered.
  awk -v n="$COUNT" 'BEGIN {
    srand(42)
    split("Love this, thank you!|Where is my order? Still nothing.|Terrible service, never again.|Is the shop open on Sunday?|Great app, works perfectly.|My package arrived damaged.|Thanks for the quick help!|Can you call me back please?|Meh, it is okay I guess.|Worst customer support ever|Wat een top service, echt een aanrader!|Waarom duurt de levering zo lang?|Heel slecht geholpen, nooit meer.|Hoe kan ik mijn abonnement opzeggen?|Prima product, snel geleverd.|Mijn bestelling is nog steeds niet binnen.|Dank jullie wel!|Kunnen jullie mij terugbellen?|Het is wel oké.|Super blij met de nieuwe telefoon!", texts, "|")
    print "id,author,kind,time,text,rating,in_reply_to,followers,answered"
    start = 1706745600; span = 90 * 86400; authors = int(n / 5)
    for (i = 1; i <= n; i++) {
      r = rand() * 100; rating = ""; reply = ""; text = ""
      if (r < 20) kind = "like"; else if (r < 25) kind = "follow"; else if (r < 26) kind = "unfollow"
      else if (r < 31) kind = "share"; else if (r < 66) kind = "comment"; else if (r < 76) kind = "reply"
      else if (r < 81) kind = "mention"; else if (r < 86) kind = "direct_message"; else if (r < 96) kind = "review"
      else kind = "user_post"
      if (kind == "reply" && i > 1) reply = "i" int(1 + rand() * (i - 1))
      if (kind == "review") rating = int(1 + rand() * 5)
      if (kind != "like" && kind != "follow" && kind != "unfollow" && kind != "share") text = texts[int(1 + rand() * 20)]
      printf "i%d,u%d,%s,%d,\"%s\",%s,%s,%d,%s\n", i, int(rand() * authors), kind, start + int(i * span / n), text, rating, reply, int(rand() * rand() * 50000), (rand() < 0.1 ? "true" : "false")
    }
  }' > "$CSV"
fi
ls -l "$CSV" >&2

(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product opine >&2)
BIN=$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/opine

LOG=$(mktemp)
/usr/bin/time -v "$BIN" queue "$CSV" --top 100 --now 2024-05-01T00:00:00Z > /tmp/opine-queue-bench.out 2> "$LOG"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$LOG"
echo "queue items printed: $(($(wc -l < /tmp/opine-queue-bench.out) - 2))"
rm -f "$LOG"
