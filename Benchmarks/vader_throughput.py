"""Times VADER (vaderSentiment 3.3.2) on the `text` column of the given TSV corpora.

Same texts as `opine-benchmarks`; one thread (VADER is pure Python). Prints one line:
`vader texts/s MB/s texts` so that compare-vader.sh can compute the ratio.
"""
import csv
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

csv.field_size_limit(1 << 30)
texts = []
for path in sys.argv[2:]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        texts += [row["text"] for row in reader if row.get("text") is not None]

seconds = float(sys.argv[1])
analyzer = SentimentIntensityAnalyzer()
size = sum(len(text.encode("utf-8")) for text in texts)
done = 0
done_bytes = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    for text in texts:
        analyzer.polarity_scores(text)
    done += len(texts)
    done_bytes += size
elapsed = time.perf_counter() - start
print(f"vader {done / elapsed:.0f} {done_bytes / 1e6 / elapsed:.2f} {len(texts)}")
