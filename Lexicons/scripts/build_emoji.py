#!/usr/bin/env python3
"""Build Lexicons/shared/emoji.tsv from VADER 3.3.2's emoji list plus a hand review.

Run from anywhere:  python3 Lexicons/scripts/build_emoji.py [--wheel PATH]

Downloads (pip download --no-deps into a temporary directory, removed afterwards) the
wheel vaderSentiment==3.3.2 from PyPI, checks its SHA-256, and reads two files from it:
vaderSentiment/emoji_utf8_lexicon.txt (emoji -> English CLDR description, Unicode 11
emoji-test order) and vaderSentiment/vader_lexicon.txt (word valences). MIT licence,
(c) C.J. Hutto. --wheel uses a wheel already on disk (same checksum required). Also reads
the hand review Lexicons/sources/emoji-review.tsv. Needs python3 with pip, nothing else.

Writes Lexicons/shared/emoji.tsv.

Derivation (documented in SOURCES.md too):
  1. VADER substitutes an emoji's description into the text and scores its words. We
     condense that into one valence per emoji: the mean of the VADER valences of the
     description's words that are in VADER's lexicon (same duplicate rule as en/base.tsv),
     ignoring "hand" and "hands" (VADER rates "hand" +2.2, from "give a hand"; in emoji
     names it is a body part).
  2. Only emoji whose description names an expression or feeling are derived: the
     emoji-test subgroups face-*, cat-face, monkey-face (VADER's file from its start up to
     "baby"), person-gesture ("person frowning" up to "person getting massage") and body
     + emotion ("selfie" up to "glasses"). Names of animals, food, places, objects and
     symbols describe things ("fire", "game die", "Cancer", "United States"), so their
     word valences say nothing about the emoji's use; those emoji get a value only from
     the hand review.
  3. The hand review (sources/emoji-review.tsv) overrides the derived value, adds emoji
     newer than VADER's list, and with valence 0 removes an entry. Man/woman ZWJ variants
     ("man facepalming") take the reviewed value of the person emoji.
  4. Entries with valence 0 are left out. Skin-tone variants are left out: the scorer
     strips skin-tone modifiers (U+1F3FB..U+1F3FF) before lookup. Each emoji is written
     in its fully-qualified form and, where different, also without U+FE0F.
"""
import argparse
import os
import re
import sys

sys.dont_write_bytecode = True  # importing the sibling modules leaves no __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _lexlib as L  # noqa: E402
import build_en_base as EN  # noqa: E402

FE0F = "\ufe0f"
ZWJ = "\u200d"
GENDERS = ("\u2642", "\u2640")
IGNORED_WORDS = {"hand", "hands"}
# (first emoji of a derived range, first emoji after it), in VADER's file order.
RANGES = [("\U0001F600", "\U0001F476"),   # grinning face .. (baby)
          ("\U0001F64D", "\U0001F486"),   # person frowning .. (person getting massage)
          ("\U0001F933", "\U0001F453")]   # selfie .. (glasses)


def strip(e):
    return e.replace(FE0F, "")


def has_skin_tone(e):
    return any(0x1F3FB <= ord(c) <= 0x1F3FF for c in e)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="use this vaderSentiment-3.3.2 wheel instead of pip")
    args = parser.parse_args()
    wheel = L.fetch_wheel(*EN.WHEEL, local=args.wheel)
    entries = EN.load_vader(L.read_member(wheel, "vaderSentiment/vader_lexicon.txt"))
    words = {k.lower(): entries.get(k.lower(), v) for k, v in entries.items()}
    lines = [l.split("\t") for l in
             L.read_member(wheel, "vaderSentiment/emoji_utf8_lexicon.txt").splitlines() if l]

    # Which lines fall in a derived range.
    order = [strip(e) for e, _ in lines]
    derivable = set()
    for start, stop in RANGES:
        i, j = order.index(start), order.index(stop)
        derivable.update(order[i:j])

    # Group VADER's forms by their form without FE0F; keep file order.
    groups, description = {}, {}
    for emoji, desc in lines:
        if has_skin_tone(emoji):
            continue
        key = strip(emoji)
        groups.setdefault(key, []).append(emoji)
        description.setdefault(key, desc.strip())

    review = {}
    for emoji, valence, reason in L.read_tsv("sources/emoji-review.tsv", 3):
        key = strip(emoji)
        if key in review:
            sys.exit(f"emoji-review.tsv: {emoji} listed twice")
        if key not in groups and "(Unicode 1" not in reason:
            sys.exit(f"emoji-review.tsv: {emoji} is not in VADER's list; mark it (Unicode NN)")
        review[key] = (emoji, float(valence), reason)

    def reviewed(key):
        if key in review:
            return review[key]
        for g in GENDERS:
            suffix = ZWJ + g
            if key.endswith(suffix) and key[:-len(suffix)] in review:
                base = review[key[:-len(suffix)]]
                return (None, base[1], base[2] + " (gender variant)")
        return None

    rows, stats = [], {"reviewed": 0, "derived": 0, "new": 0, "removed": 0}
    for key, forms in groups.items():
        fq = max(forms, key=lambda f: f.count(FE0F))
        desc = description[key]
        r = reviewed(key)
        if r:
            valence, note = r[1], f"reviewed: {r[2]} [{desc}]"
            stats["removed" if valence == 0 else "reviewed"] += 1
        elif key in derivable:
            found = [(w, words[w]) for w in re.findall(r"[a-z0-9']+", desc.lower())
                     if w in words and w not in IGNORED_WORDS]
            if not found:
                continue
            valence = sum(v for _, v in found) / len(found)
            note = f"derived: [{desc}] " + " ".join(f"{w} {L.fmt(v)}" for w, v in found)
            stats["derived"] += 1
        else:
            continue
        if round(valence, 2) == 0:
            continue
        for form in dict.fromkeys([fq, key]):
            rows.append((form, L.fmt(valence), note))
    for key, (emoji, valence, reason) in review.items():
        if key in groups or valence == 0:
            continue
        stats["new"] += 1
        for form in dict.fromkeys([emoji, key]):
            rows.append((form, L.fmt(valence), f"reviewed: {reason}"))

    header = [
        "Opine lexicon: emoji (shared by all languages)",
        "Format: term<TAB>valence<TAB>note; valence on VADER's scale -4..+4.",
        "Each emoji appears in its fully-qualified form and, where different, without U+FE0F.",
        "Skin-tone variants have no entries: the scorer strips skin-tone modifiers",
        "  (U+1F3FB..U+1F3FF) and variation selectors before lookup, so 👍🏽 is scored as 👍.",
        "Source: vaderSentiment 3.3.2 (MIT, (c) C.J. Hutto): emoji_utf8_lexicon.txt gives each",
        "  emoji's CLDR description; 'derived:' = mean VADER valence of the description's words",
        "  (faces, gestures, body and emotion emoji only; 'hand(s)' ignored); 'reviewed:' = set",
        "  by hand in Lexicons/sources/emoji-review.tsv, with the reason. Emoji without an",
        "  entry score 0. See Lexicons/SOURCES.md.",
        f"Counts (sequences incl. man/woman variants; not lines): {stats['reviewed']} reviewed, {stats['derived']} derived only,",
        f"  {stats['new']} added (newer than VADER's list), {stats['removed']} reviewed to no entry.",
        "Made by Lexicons/scripts/build_emoji.py. Generated: do not edit by hand.",
    ]
    L.write_tsv("shared/emoji.tsv", header, rows)


if __name__ == "__main__":
    main()
