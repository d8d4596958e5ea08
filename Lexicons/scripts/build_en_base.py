#!/usr/bin/env python3
"""Build Lexicons/en/base.tsv and Lexicons/shared/emoticons.tsv from VADER 3.3.2.

Run from anywhere:  python3 Lexicons/scripts/build_en_base.py [--wheel PATH]

Downloads (pip download --no-deps, into a temporary directory that is removed again)
the wheel vaderSentiment==3.3.2 from PyPI, checks its SHA-256, and reads
vaderSentiment/vader_lexicon.txt out of it (MIT licence, C.J. Hutto). --wheel uses a
wheel already on disk instead (same checksum required). Needs python3 with pip; no
other packages.

Writes
  Lexicons/en/base.tsv          VADER's word entries (words, slang, abbreviations,
                                multi-word entries), valence = VADER's mean rating.
  Lexicons/shared/emoticons.tsv VADER's emoticon entries, in every letter-case variant
                                (VADER matches case-insensitively; Opine's tokenizer keeps
                                the case of an emoticon), plus the hand-reasoned entries of
                                Lexicons/sources/emoticons-extra.tsv for emoticons that
                                VADER lacks.

Decisions (also in SOURCES.md):
  * Duplicate keys: VADER loads its file into a dict, so the last line wins; we do the
    same, except for "d:" and "d=", whose first entries (-2.9, -3.0: the dismay faces
    D: and D=) are kept, because the later entries (+1.2, +1.5) would score the common
    "D:" as positive once case is folded.
  * "aug-00" is dropped (a spreadsheet date conversion of some emoticon, not a token),
    "sweet<3" is dropped (word + emoticon; the tokenizer splits it), "d-:" (+1.6, a
    mirrored grin from the same late block as the +1.2 "d:") is dropped so that the
    dismay face "D-:" gets its reasoned value from emoticons-extra.tsv, and "0:03" is
    restored to the angel face "0:3" it was converted from.
  * An entry is an emoticon if it contains a character other than a-z, 0-9, space,
    apostrophe, hyphen, slash or ampersand (except the abbreviation "^urs"), or is one
    of the letter/digit faces listed in LETTER_FACES below.
"""
import argparse
import itertools
import os
import sys

sys.dont_write_bytecode = True  # importing the sibling modules leaves no __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _lexlib as L  # noqa: E402

WHEEL = ("vaderSentiment", "3.3.2", "vaderSentiment-3.3.2-py2.py3-none-any.whl",
         "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311")
WORD_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789 '-/&")
# Faces written only with letters, digits and hyphens: XD, XP, DX, D8, 8D, QQ, X-D, ...
LETTER_FACES = {"xd", "xp", "dx", "d8", "8d", "qq", "x-d", "x-p", "8-d", "8-o", "0-8", "o-8"}
WORD_WITH_SYMBOL = {"^urs"}          # "up yours"
DROP = {"aug-00": "spreadsheet date artefact",
        "sweet<3": "word + emoticon, never one token",
        "d-:": "mirrored grin (+1.6) that case folding makes the dismay face D-:; see extras"}
RENAME = {"0:03": "0:3"}             # spreadsheet time artefact of the angel face 0:3
KEEP_FIRST = {"d:", "d="}


def load_vader(text):
    """VADER's entries as {key: (valence, line number)}, with VADER's last-wins rule
    except for KEEP_FIRST."""
    entries = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        key, valence = cells[0], float(cells[1])
        key = RENAME.get(key, key)
        if key in DROP:
            continue
        if key in entries and key in KEEP_FIRST:
            continue
        entries[key] = valence
    return entries


def is_emoticon(key):
    if key in WORD_WITH_SYMBOL:
        return False
    return key.lower() in LETTER_FACES or any(c not in WORD_CHARS for c in key)


def case_variants(key):
    """Every upper/lower combination of the letters in `key`."""
    options = [(c.lower(), c.upper()) if c.isalpha() and c.lower() != c.upper() else (c,)
               for c in key]
    return sorted({"".join(p) for p in itertools.product(*options)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="use this vaderSentiment-3.3.2 wheel instead of pip")
    args = parser.parse_args()
    wheel = L.fetch_wheel(*WHEEL, local=args.wheel)
    text = L.read_member(wheel, "vaderSentiment/vader_lexicon.txt")
    entries = load_vader(text)

    # VADER looks every token up in lower case: its effective valence for a key is the
    # one stored under the lower-cased key.
    effective = {}
    for key, valence in entries.items():
        effective.setdefault(key.lower(), entries.get(key.lower(), valence))

    words, faces = [], {}
    for key in sorted(effective):
        valence = effective[key]
        if is_emoticon(key):
            for variant in case_variants(key):
                faces[variant] = (valence, "vader")
        else:
            words.append((L.nfc(key), L.fmt(valence), "vader"))

    extra = L.read_tsv("sources/emoticons-extra.tsv", 3)
    for term, valence, reason in extra:
        if term in faces:
            sys.exit(f"emoticons-extra.tsv: {term} is already in VADER")
        faces[term] = (float(valence), "added: " + reason)

    header = [
        "Opine lexicon: English base (VADER word entries)",
        "Format: term<TAB>valence<TAB>note; valence on VADER's scale -4..+4.",
        "Source: vaderSentiment 3.3.2 (PyPI), vaderSentiment/vader_lexicon.txt, MIT licence,",
        "  (c) 2016 C.J. Hutto; see Lexicons/licenses/vaderSentiment-LICENSE.txt.",
        "Made by Lexicons/scripts/build_en_base.py: VADER's mean ratings unchanged; emoticons",
        "  moved to shared/emoticons.tsv; duplicate keys resolved as VADER does (last wins);",
        "  'aug-00' dropped. Generated: do not edit; put changes in en/additions.tsv.",
    ]
    L.write_tsv("en/base.tsv", header, words)

    header = [
        "Opine lexicon: ASCII emoticons (shared by all languages)",
        "Format: term<TAB>valence<TAB>note; valence on VADER's scale -4..+4.",
        "Terms are matched exactly as written: emoticons are NOT lower-cased (':D' and 'D:'",
        "  differ, and the tokenizer keeps their case). Every letter-case variant of a VADER",
        "  emoticon is listed with the same valence, as VADER itself matches case-insensitively,",
        "  so a loader that folds case loses nothing. Repeated final characters (':)))') are",
        "  collapsed by the tokenizer and need no entries.",
        "Source: vaderSentiment 3.3.2 vader_lexicon.txt (MIT, (c) 2016 C.J. Hutto), note 'vader';",
        "  plus hand-reasoned entries from Lexicons/sources/emoticons-extra.tsv, note 'added: ...'.",
        "Made by Lexicons/scripts/build_en_base.py. Generated: do not edit by hand.",
    ]
    rows = [(term, L.fmt(v), note) for term, (v, note) in sorted(faces.items())]
    L.write_tsv("shared/emoticons.tsv", header, rows)


if __name__ == "__main__":
    main()
