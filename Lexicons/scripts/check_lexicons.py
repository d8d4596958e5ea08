#!/usr/bin/env python3
"""Check every lexicon file under Lexicons/ against the format in SOURCES.md.

Run from anywhere:  python3 Lexicons/scripts/check_lexicons.py
Standard library only; downloads nothing and writes nothing. Prints one line of counts
per file, then every problem found; exits 1 if there is a problem.

Checks: UTF-8, LF line ends, a '#' header, column counts, terms NFC, lower case (except
shared/emoticons.tsv, whose case is significant), no tab, no leading/trailing or double
spaces, no duplicate terms in a file; valences numeric, within -4..4, at most two
decimals; notes present in hand-written files; modifier roles and value ranges.
"""
import os
import re
import sys
import unicodedata

LEXICONS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTIMENT = ["en/base.tsv", "en/additions.tsv", "en/idioms.tsv",
             "nl/base.tsv", "nl/additions.tsv", "nl/idioms.tsv",
             "shared/emoticons.tsv", "shared/emoji.tsv"]
MODIFIERS = ["en/modifiers.tsv", "nl/modifiers.tsv"]
HAND_WRITTEN = {"en/additions.tsv", "en/idioms.tsv", "nl/additions.tsv", "nl/idioms.tsv",
                "en/modifiers.tsv", "nl/modifiers.tsv"}
ROLES = {"negator", "intensifier", "downtoner", "contrast-after", "contrast-before",
         "irrealis", "question"}
NUMBER = re.compile(r"-?\d+(\.\d{1,2})?")

problems = []


def problem(path, number, text):
    problems.append(f"{path}:{number}: {text}")


def rows(path):
    with open(os.path.join(LEXICONS, path), "rb") as f:
        raw = f.read()
    if b"\r" in raw:
        problem(path, 0, "contains CR characters (must be LF only)")
    text = raw.decode("utf-8")
    lines = text.split("\n")
    if not lines[0].startswith("#"):
        problem(path, 1, "no header comment")
    if not text.endswith("\n"):
        problem(path, len(lines), "no final newline")
    for number, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        yield number, line.split("\t")


def check_term(path, number, term, seen):
    if not term:
        problem(path, number, "empty term")
        return
    if unicodedata.normalize("NFC", term) != term:
        problem(path, number, f"term not NFC: {term!r}")
    if term != term.strip() or "  " in term:
        problem(path, number, f"stray spaces in term: {term!r}")
    if path != "shared/emoticons.tsv" and term != term.lower():
        problem(path, number, f"term not lower case: {term!r}")
    if term in seen:
        problem(path, number, f"duplicate term {term!r} (first on line {seen[term]})")
    seen[term] = number


def check_sentiment(path):
    seen, values = {}, []
    for number, cells in rows(path):
        if len(cells) not in (2, 3):
            problem(path, number, f"{len(cells)} columns, expected 2 or 3")
            continue
        term, valence = cells[0], cells[1]
        check_term(path, number, term, seen)
        if not NUMBER.fullmatch(valence):
            problem(path, number, f"valence {valence!r} is not a number with at most two decimals")
            continue
        v = float(valence)
        if not -4.0 <= v <= 4.0:
            problem(path, number, f"valence {v} outside -4..4")
        if path in HAND_WRITTEN and (len(cells) < 3 or not cells[2].strip()):
            problem(path, number, "hand-written entry without a note")
        if path.endswith("idioms.tsv") and " " not in term:
            problem(path, number, f"idiom {term!r} is a single word (belongs in additions.tsv)")
        values.append(v)
    return seen, values


def check_modifiers(path):
    seen, roles = {}, {}
    for number, cells in rows(path):
        if len(cells) != 4:
            problem(path, number, f"{len(cells)} columns, expected 4")
            continue
        term, role, value, note = cells
        check_term(path, number, term, seen)
        if role not in ROLES:
            problem(path, number, f"unknown role {role!r}")
            continue
        roles[role] = roles.get(role, 0) + 1
        if not note.strip():
            problem(path, number, "entry without a note")
        if role == "question":
            if value:
                problem(path, number, "question takes no value")
            continue
        if not NUMBER.fullmatch(value):
            problem(path, number, f"value {value!r} is not a number")
            continue
        v = float(value)
        ok = {"negator": v == 1, "intensifier": 0 < v <= 1, "downtoner": -1 <= v < 0,
              "contrast-after": 1 < v <= 3, "contrast-before": 0 <= v < 1,
              "irrealis": -1 <= v < 1}[role]
        if not ok:
            problem(path, number, f"value {v} out of range for {role}")
    return seen, roles


def main():
    print(f"{'file':24} {'entries':>7} {'neg':>6} {'pos':>6} {'zero':>5} {'min':>6} {'max':>6}")
    terms = {}
    for path in SENTIMENT:
        seen, values = check_sentiment(path)
        terms[path] = seen
        neg = sum(v < 0 for v in values)
        pos = sum(v > 0 for v in values)
        print(f"{path:24} {len(values):7} {neg:6} {pos:6} {len(values) - neg - pos:5} "
              f"{min(values):6.2f} {max(values):6.2f}")
    for path in MODIFIERS:
        seen, roles = check_modifiers(path)
        terms[path] = seen
        print(f"{path:24} {len(seen):7}  " + ", ".join(f"{r} {n}" for r, n in sorted(roles.items())))
    for lang in ("en", "nl"):
        base, additions = terms[f"{lang}/base.tsv"], terms[f"{lang}/additions.tsv"]
        overrides = sorted(set(base) & set(additions))
        print(f"{lang}: additions.tsv overrides {len(overrides)} base entries, adds {len(additions) - len(overrides)}")
        in_both = sorted(set(terms[f"{lang}/modifiers.tsv"]) & (set(base) | set(additions)))
        print(f"{lang}: {len(in_both)} modifier terms also carry a valence: {' '.join(in_both)}")
    emoticons = terms["shared/emoticons.tsv"]
    for term in emoticons:
        if not term.replace("\u00de", "").replace("\u00fe", "").isascii():  # VADER's :Þ faces
            problem("shared/emoticons.tsv", emoticons[term], f"non-ASCII emoticon {term!r}")
    emoji = terms["shared/emoji.tsv"]
    for term in emoji:
        if any(c.isascii() and c.isalnum() for c in term):
            problem("shared/emoji.tsv", emoji[term], f"emoji term with ASCII letters or digits {term!r}")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
