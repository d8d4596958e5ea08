"""The `opine batch` job done with VADER (vaderSentiment 3.3.2), for comparison.

Reads a CSV export, scores the `text` column of every row with VADER, and writes every
row with VADER's neg, neu, pos and compound added, as CSV: the same input, the same
parsing and writing work, one thread (VADER is pure Python). Prints
`rows seconds input_bytes` on standard output.

    python vader_batch.py IN.csv OUT.csv
"""
import csv
import os
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main():
    source, target = sys.argv[1], sys.argv[2]
    csv.field_size_limit(1 << 30)
    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    rows = 0
    with open(source, encoding="utf-8", newline="") as inp, open(target, "w", encoding="utf-8", newline="") as out:
        reader = csv.reader(inp)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader)
        text = header.index("text")
        writer.writerow(header + ["neg", "neu", "pos", "compound"])
        for row in reader:
            scores = analyzer.polarity_scores(row[text])
            writer.writerow(row + [scores["neg"], scores["neu"], scores["pos"], scores["compound"]])
            rows += 1
    print(rows, f"{time.perf_counter() - start:.3f}", os.path.getsize(source))


if __name__ == "__main__":
    main()
