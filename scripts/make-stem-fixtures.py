#!/usr/bin/env python3
"""Generate the Snowball 2.2.0 reference stems used by Opine's stemmer tests.

Purpose
    Opine stems English and Dutch with Debian's libstemmer (Snowball 2.2.0).
    This script writes a fixture of (language, word, stem) triples computed by
    the reference Snowball implementation of the *same* version, PyPI
    ``snowballstemmer==2.2.0``, so the Swift tests can prove that our stems
    agree with it.  The version is pinned on purpose: Snowball 3 replaced the
    Dutch algorithm (3.x stems "geweldige" to "wel", 2.2.0 to "geweld").

How to run (from anywhere; needs Python 3.8+ and access to PyPI via pip)
    python3 scripts/make-stem-fixtures.py
    python3 scripts/make-stem-fixtures.py --nl-lexicon PATH --output PATH

    The script creates a throw-away virtual environment in a temporary
    directory and pip-installs, inside it only,
        snowballstemmer==2.2.0   (the reference stemmer; BSD-3-Clause)
        vaderSentiment==3.3.2    (installed with --no-deps, only to read the
                                  vader_lexicon.txt data file it ships; MIT)
    The temporary directory is removed afterwards; nothing is installed
    into the system Python.

Word sources (licence-clean; read at generation time only)
    English: every alphabetic entry of VADER's vader_lexicon.txt, plus, for a
             fixed subset of them (every ENGLISH_VARIANT_STEP-th word in sorted
             order, cycling through the suffixes), one generated -s / -ed /
             -ing / -ly / -ness form.
    Dutch:   every alphabetic entry of the Glender Dutch sentiment lexicon
             (MIT; default path ../shared/corpora/lexicons/nl-glender.tsv
             relative to the repository root), plus, for a fixed subset
             (every DUTCH_VARIANT_STEP-th word, cycling through the suffixes),
             one generated -e / -en / -heid / -lijk / -tje / -s form, plus
             hand-picked words with diacritics and a few review words.
    The generated forms are made by plain, simple spelling rules; they need
    not be real words, they only exercise the stemmers' suffix rules.
    Everything is deterministic: no randomness is used.  The Swift tests
    read only the committed fixture, never the lexicons.

Output
    Tests/OpineTextTests/Fixtures/snowball-2.2.0-stems.tsv (UTF-8, NFC, LF):
    one header comment line starting with "#", then lines
        lang<TAB>word<TAB>stem
    where lang is the libstemmer algorithm name ("english" or "dutch"),
    word is lowercase, and the lines are sorted by (lang, word) in code-point
    order with no duplicates.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import venv
from pathlib import Path

SNOWBALL_VERSION = "2.2.0"
VADER_VERSION = "3.3.2"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NL_LEXICON = REPO_ROOT.parent / "shared" / "corpora" / "lexicons" / "nl-glender.tsv"
DEFAULT_OUTPUT = REPO_ROOT / "Tests" / "OpineTextTests" / "Fixtures" / "snowball-2.2.0-stems.tsv"

ENGLISH_SUFFIXES = ["s", "ed", "ing", "ly", "ness"]
ENGLISH_VARIANT_STEP = 12   # one generated form for every 12th VADER word

DUTCH_SUFFIXES = ["e", "en", "heid", "lijk", "tje", "s"]
DUTCH_VARIANT_STEP = 3      # one generated form for every 3rd Glender word

DUTCH_DIACRITICS = [
    "één", "geïrriteerd", "ideeën", "café", "reünie", "coördinatie", "beïnvloed",
    "cafés", "reünies", "coördineren", "beïnvloeden", "geïnteresseerd",
    "financiële", "efficiënt", "patiënten", "naïef", "ruïne", "knieën",
    "zeeën", "geëmigreerd", "tweeënhalf", "crème", "hè",
]
DUTCH_SPECIALS = [
    "geweldig", "geweldige", "geweld", "klantvriendelijk", "teleurgesteld",
    "teleurstellend", "bezorging", "klantenservice", "aanrader", "mooiste",
    "lopen", "liep", "gelopen",
]

VOWELS = set("aeiou")

# Runs inside the venv: reads {"lang": [words]} as JSON on stdin and writes
# {"version": ..., "stems": {"lang": [stems]}} as JSON on stdout.
STEM_PROGRAM = r"""
import importlib.metadata, json, sys
import snowballstemmer
data = json.load(sys.stdin)
out = {"version": importlib.metadata.version("snowballstemmer"), "stems": {}}
for lang, words in data.items():
    st = snowballstemmer.stemmer(lang)
    out["stems"][lang] = [st.stemWord(w) for w in words]
json.dump(out, sys.stdout)
"""

FIND_VADER_PROGRAM = r"""
import importlib.util, os
spec = importlib.util.find_spec("vaderSentiment")
print(os.path.join(list(spec.submodule_search_locations)[0], "vader_lexicon.txt"))
"""


def norm(word):
    return unicodedata.normalize("NFC", word.strip()).lower()


def usable(word):
    return len(word) > 0 and word.isalpha() and word == word.lower()


def english_inflect(w, suffix):
    cons_y = len(w) > 1 and w.endswith("y") and w[-2] not in VOWELS
    if suffix == "s":
        if w.endswith(("s", "x", "z", "ch", "sh")):
            return w + "es"
        return w[:-1] + "ies" if cons_y else w + "s"
    if suffix == "ed":
        if w.endswith("e"):
            return w + "d"
        return w[:-1] + "ied" if cons_y else w + "ed"
    if suffix == "ing":
        if w.endswith("ie"):
            return w[:-2] + "ying"
        if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
            return w[:-1] + "ing"
        return w + "ing"
    if suffix == "ly":
        if cons_y:
            return w[:-1] + "ily"
        if w.endswith("le") and len(w) > 3:
            return w[:-1] + "y"
        if w.endswith("ic"):
            return w + "ally"
        return w + "ly"
    if suffix == "ness":
        return w[:-1] + "iness" if cons_y else w + "ness"
    raise ValueError(suffix)


def dutch_inflect(w, suffix):
    # Deliberately simple: append, avoiding a doubled final letter such as
    # "mooie" + "e".  Real Dutch spelling changes are not attempted.
    if suffix in ("e", "en") and w.endswith("e"):
        return w + "n" if suffix == "en" else w
    if suffix == "s" and w.endswith("s"):
        return w
    return w + suffix


def with_variants(base, suffixes, step, inflect):
    words = set(base)
    for i, w in enumerate(base):
        if i % step == 0:
            suffix = suffixes[(i // step) % len(suffixes)]
            v = norm(inflect(w, suffix))
            if usable(v):
                words.add(v)
    return sorted(words)


def read_vader_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            token = norm(line.split("\t", 1)[0])
            if usable(token) and token.isascii():
                words.add(token)
    return sorted(words)


def read_glender_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == 0 and line.startswith("word\t"):
                continue
            token = norm(line.split("\t", 1)[0])
            if usable(token):
                words.add(token)
    return sorted(words)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nl-lexicon", type=Path, default=DEFAULT_NL_LEXICON,
                    help="Glender Dutch lexicon TSV (default: %(default)s)")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                    help="fixture to write (default: %(default)s)")
    args = ap.parse_args()

    if not args.nl_lexicon.is_file():
        sys.exit(f"Dutch lexicon not found: {args.nl_lexicon}")

    with tempfile.TemporaryDirectory(prefix="opine-stem-fixtures-") as tmp:
        env_dir = Path(tmp) / "venv"
        print(f"creating venv in {env_dir}", file=sys.stderr)
        venv.create(env_dir, with_pip=True)
        py = str(env_dir / ("Scripts" if os.name == "nt" else "bin") / "python")
        pip = [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input"]
        run(pip + [f"snowballstemmer=={SNOWBALL_VERSION}"])
        run(pip + ["--no-deps", f"vaderSentiment=={VADER_VERSION}"])

        vader_path = run([py, "-c", FIND_VADER_PROGRAM], capture_output=True, text=True).stdout.strip()

        english = with_variants(read_vader_words(vader_path), ENGLISH_SUFFIXES,
                                ENGLISH_VARIANT_STEP, english_inflect)
        dutch_base = read_glender_words(args.nl_lexicon)
        dutch_base = sorted(set(dutch_base) | {norm(w) for w in DUTCH_DIACRITICS + DUTCH_SPECIALS})
        dutch = with_variants(dutch_base, DUTCH_SUFFIXES, DUTCH_VARIANT_STEP, dutch_inflect)

        request = json.dumps({"english": english, "dutch": dutch})  # ASCII-escaped
        result = run([py, "-c", STEM_PROGRAM], input=request, capture_output=True, text=True)
        reply = json.loads(result.stdout)

    if reply["version"] != SNOWBALL_VERSION:
        sys.exit(f"expected snowballstemmer {SNOWBALL_VERSION}, got {reply['version']}")

    rows = set()
    for lang, words in (("english", english), ("dutch", dutch)):
        stems = reply["stems"][lang]
        assert len(stems) == len(words)
        for w, s in zip(words, stems):
            rows.add((lang, w, s))
    rows = sorted(rows)

    header = (f"# Snowball {SNOWBALL_VERSION} reference stems (PyPI snowballstemmer=={SNOWBALL_VERSION}); "
              f"generated by scripts/make-stem-fixtures.py; columns: lang, word, stem; "
              f"words: VADER lexicon (vaderSentiment {VADER_VERSION}, MIT), Glender Dutch lexicon (MIT), "
              f"generated inflections and hand-picked words\n")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for lang, w, s in rows:
            f.write(f"{lang}\t{w}\t{s}\n")

    counts = {lang: sum(1 for r in rows if r[0] == lang) for lang in ("english", "dutch")}
    print(f"wrote {args.output}: english={counts['english']} dutch={counts['dutch']} "
          f"({args.output.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
