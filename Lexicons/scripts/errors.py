#!/usr/bin/env python3
"""List the texts of a labelled corpus that Opine misclassifies, with the contributions.

For error analysis on DEVELOPMENT corpora only (the `*-train*` files and the VADER sets);
do not run it on a `*-test*` file: the test files are held out and must not steer the
lexicons. Standard library only.

    python3 Lexicons/scripts/errors.py CORPUS.tsv [--opine PATH] [--lang en|nl|auto]
        [--zero] [--wrong] [--words] [--limit N]

The binary is --opine, else $OPINE, else .build/debug/opine; the lexicons are read from
$OPINE_LEXICONS, else this checkout's Lexicons/ folder.

Reads the pos/neg rows (columns `label` and `text`), runs `opine analyze --json -` on
them in one process, and applies the project's binary convention (positive iff
compound > 0). Prints a summary (errors with compound exactly 0, i.e. nothing matched,
against errors where matched words point the wrong way), then the misclassified texts:
gold label, compound, and each contribution as `text=entry:valence->score[rules]`.

--zero     only errors where nothing matched (compound 0)
--wrong    only errors where something matched
--words    instead of texts, count the words of the zero-score errors by gold label
           (a word frequent in one class and rare in the other is a lexicon candidate),
           and the matched entries of the wrong-sign errors
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_rows(path):
    if "-test" in os.path.basename(path):
        sys.exit(f"{path}: a held-out test file; errors.py is for development corpora only")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["label"], r["text"]) for r in reader if r["label"] in ("pos", "neg")]


def analyze(opine, lang, texts):
    args = [opine, "analyze", "--json", "-"]
    if lang:
        args[2:2] = ["--lang", lang]
    data = "".join(t.replace("\n", " ") + "\n" for t in texts)
    env = dict(os.environ)
    env.setdefault("OPINE_LEXICONS", os.path.join(ROOT, "Lexicons"))
    out = subprocess.run(args, input=data, capture_output=True, text=True, check=True,
                         cwd=ROOT, env=env).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def describe(c):
    rules = ",".join(f"{r['rule']}({r.get('trigger', '')})" for r in c.get("rules", []))
    s = f"{c['text']}={c.get('entry', '?')}:{c.get('valence', 0):+.2f}->{c.get('score', 0):+.2f}"
    if c.get("match") not in (None, "exact"):
        s += f"<{c['match']}>"
    return s + (f"[{rules}]" if rules else "")


WORD = re.compile(r"[\w'-]+", re.UNICODE)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--opine", default=os.environ.get("OPINE", os.path.join(ROOT, ".build/debug/opine")))
    p.add_argument("--lang", default=None)
    p.add_argument("--zero", action="store_true")
    p.add_argument("--wrong", action="store_true")
    p.add_argument("--words", action="store_true")
    p.add_argument("--limit", type=int, default=0)
    a = p.parse_args()

    rows = read_rows(a.corpus)
    results = analyze(a.opine, a.lang, [t for _, t in rows])
    assert len(results) == len(rows)
    errors = []
    for (gold, text), r in zip(rows, results):
        predicted = "pos" if r["compound"] > 0 else "neg"
        if predicted != gold:
            errors.append((gold, text, r))
    zero = [e for e in errors if e[2]["compound"] == 0]
    wrong = [e for e in errors if e[2]["compound"] != 0]
    by_gold = collections.Counter(g for g, _, _ in zero)
    print(f"# {a.corpus}: {len(rows)} pos/neg rows, accuracy {1 - len(errors) / len(rows):.3f}; "
          f"{len(errors)} errors: {len(zero)} with compound 0 ({dict(by_gold)}), "
          f"{len(wrong)} with the wrong sign")

    if a.words:
        counts = {"pos": collections.Counter(), "neg": collections.Counter()}
        for gold, text, _ in zero:
            counts[gold].update(set(w.lower() for w in WORD.findall(text)))
        for gold in ("pos", "neg"):
            print(f"\n## words in zero-score {gold} errors (count in {gold} / in other)")
            other = counts["neg" if gold == "pos" else "pos"]
            common = [(w, n) for w, n in counts[gold].most_common() if n >= 2]
            print(" ".join(f"{w}:{n}/{other[w]}" for w, n in common[:200]))
        entries = collections.Counter()
        for gold, _, r in wrong:
            for c in r.get("contributions", []):
                if (c.get("score", 0) > 0) == (gold == "neg"):
                    entries[c.get("entry", "?")] += 1
        print("\n## entries pushing the wrong way in wrong-sign errors")
        print(" ".join(f"{e}:{n}" for e, n in entries.most_common(150)))
        return

    shown = zero if a.zero else wrong if a.wrong else errors
    if a.limit:
        shown = shown[:a.limit]
    for gold, text, r in shown:
        contributions = "  ".join(describe(c) for c in r.get("contributions", []))
        print(f"{gold} {r['compound']:+.3f} | {text}")
        if contributions:
            print(f"      {contributions}")


if __name__ == "__main__":
    main()
