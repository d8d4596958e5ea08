"""Generates a realistic comment export for benchmarking `opine batch`.

Mixed English and Dutch rows (about 60/40) in the shape of an inbox tool's CSV export:
`id,created_at,author,kind,rating,text`, comma-delimited, RFC 4180 quoting, CRLF line
ends. Texts are one to three sentences sampled from the MIT-licensed sets in the
repository's Corpora/: VADER's tweets, Amazon and NYT snippets (English) and Glender's
earphone reviews split into sentences (Dutch); about 3% of the texts span two lines.
Reviews (35% of rows) carry a 1-5 star rating derived from the source's label or
stars; other kinds (comment, mention, direct_message) have none.

    python3 generate_export.py OUT.csv --rows 1000000
    python3 generate_export.py OUT.csv --bytes 1000000000

Deterministic for a given --seed. Writes only OUT; nothing is committed.
"""
import argparse
import csv
import datetime
import random
import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "Corpora"


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def stars_from_score(score):
    """VADER's human mean valence (-4..4) as a star rating."""
    return 5 if score > 1.5 else 4 if score > 0.5 else 3 if score > -0.5 else 2 if score > -1.5 else 1


def load_sentences(corpora):
    english = []
    for name in ("vader-tweets.tsv", "vader-amazon.tsv", "vader-nyt.tsv"):
        for row in read_tsv(corpora / "en" / name):
            english.append((row["text"], stars_from_score(float(row["score"]))))
    dutch = []
    for row in read_tsv(corpora / "nl" / "glender-earphones.tsv"):
        for sentence in re.split(r"(?<=[.!?])\s+", row["text"].strip()):
            if sentence:
                dutch.append((sentence, int(row["stars"])))
    return english, dutch


def rows(rng, english, dutch):
    moment = datetime.datetime(2024, 1, 1, 8, 0, 0)
    number = 1_000_000_000
    while True:
        pool = english if rng.random() < 0.6 else dutch
        picked = [rng.choice(pool) for _ in range(rng.choices((1, 2, 3), weights=(55, 30, 15))[0])]
        separator = "\n" if rng.random() < 0.03 else " "
        text = separator.join(sentence for sentence, _ in picked)
        kind = rng.choices(("review", "comment", "mention", "direct_message"), weights=(35, 40, 15, 10))[0]
        rating = str(picked[0][1]) if kind == "review" else ""
        moment += datetime.timedelta(seconds=rng.randint(1, 40))
        number += 1
        yield [str(number), moment.isoformat() + "Z", f"user{rng.randint(1, 200_000):06d}", kind, rating, text]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--rows", type=int, help="number of data rows")
    size.add_argument("--bytes", type=int, help="stop after the first row that reaches this file size")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    arguments = parser.parse_args()

    english, dutch = load_sentences(arguments.corpora)
    rng = random.Random(arguments.seed)
    written = 0
    with open(arguments.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # QUOTE_MINIMAL, CRLF: what spreadsheet exports look like
        writer.writerow(["id", "created_at", "author", "kind", "rating", "text"])
        for row in rows(rng, english, dutch):
            writer.writerow(row)
            written += 1
            if arguments.rows is not None and written >= arguments.rows:
                break
            if arguments.bytes is not None and written % 10_000 == 0 and handle.tell() >= arguments.bytes:
                break
    print(written)


if __name__ == "__main__":
    main()
