#!/usr/bin/env python3
"""Generate the language-identification model of Opine (LanguageProfiles.swift).

Purpose
    Opine's LanguageIdentifier (Sources/OpineText/LanguageIdentification/) tells
    English and Dutch apart and sends other languages to `und`.  It is a small
    multinomial (naive Bayes) model over
      (a) character 1-, 2- and 3-grams of each word, with a space marking the
          word's edges (" th", "the", "he "), and
      (b) hand-written lists of function words and very frequent words,
    for English and Dutch plus the decoy languages German, French, Spanish,
    Italian, Portuguese, Danish, Swedish, Polish and Czech, so that text in a
    decoy language is won by its own class and comes out `und`.  (Afrikaans is
    left out on purpose: it is so close to Dutch that it would take Dutch
    texts with it.)
    This script writes the model's tables as a Swift source file (a resource
    would need a Package.swift change): one string literal per table, parsed
    once, on first use, by LanguageModel.swift.

Sources and licences (read at generation time only; nothing is downloaded at
run time).  Only these feed the output; see THIRD_PARTY_NOTICES.md.
    1. Character n-gram profiles of every language, from the PyPI package
       langdetect==1.0.9 (sdist SHA-256 cbc1fef89f8d062739774bd51eda3da3274006b3661d199c2655f6b3f6d605a0),
       the Python port of Nakatani Shuyo's language-detection: files
       langdetect/profiles/{en,nl,de,fr,es,it,pt,da,sv,pl,cs}.  Apache License
       2.0; Copyright (c) 2010-2014 Cybozu Labs, Inc. (language-detection, its
       NOTICE file) and Copyright 2014-2015 Michal "Mimino" Danilak (the port,
       its LICENSE file).  The profiles hold 1-3-gram counts from Wikipedia; we
       fold case, merge, re-normalize and prune them.  The script checks the
       SHA-256 of the eleven profile files (PROFILES_SHA256) and refuses others.
    2. English only: the same n-gram statistics counted on the texts of the
       three VADER ground-truth sets in ../shared/corpora, en/vader-tweets.tsv,
       en/vader-amazon.tsv and en/vader-nyt.tsv (C.J. Hutto's vaderSentiment,
       additional_resources/hutto_ICWSM_2014.tar.gz; MIT License, Copyright (c)
       2016 C.J. Hutto).  Mixed into the langdetect English profile with weight
       EN_CORPUS_WEIGHT so that it also covers tweets and reviews.
    3. (Optional, off: NL_LEXICON_WEIGHT = 0, so it does not feed the committed
       file.)  Dutch only: the same statistics counted on the word list (first
       column, each distinct word once) of ../shared/corpora/lexicons/nl-glender.tsv
       (Glenn Hiemstra's Dutch sentiment dictionary, Glender/DutchSentimentAnalysis;
       MIT License, Copyright (c) 2021 DutchSentimentAnalysis authors).  Tried
       with weights 0.15 and 0.3 and left out: the difference on the tuning
       files was one or two texts either way.  The Dutch profile is therefore
       langdetect's alone.
    4. The function-word lists below, written by hand for this project from
       common knowledge (no source).  The Danish and Swedish lists were
       rewritten by hand: earlier versions followed the Snowball stop-word lists
       (BSD) word for word, which would have needed that licence's notice.
    Only aggregate relative frequencies of frequent n-grams enter the output;
    no text is copied.  No other corpus is read: in particular not the
    SemEval-2016 files nor the Zegelaar tweets (no licence that allows it), and
    not nl/glender-earphones.tsv (MIT, but kept out so that it stays a held-out
    Dutch figure).  CORPUS_FILES and LEXICON_FILES are the complete list, and
    generate() refuses any file not in ALLOWED_SOURCES.
    The weights and the identifier's parameters were chosen on non-test data
    only (scripts/eval-language.py --tune); see that script.

How to run (from the repository root; needs Python 3.8+ and pip access to PyPI)
    python3 scripts/make-language-profiles.py
    python3 scripts/make-language-profiles.py --corpora ../shared/corpora \
        --output Sources/OpineText/LanguageIdentification/LanguageProfiles.swift
    python3 scripts/make-language-profiles.py --langdetect-profiles DIR
        (use an already installed langdetect's profiles/ folder; no venv)
    python3 scripts/make-language-profiles.py --en-corpus-weight W --nl-lexicon-weight W \
        --output /tmp/x.swift
        (experiments for tuning only; the committed file uses the defaults)

    Without --langdetect-profiles the script creates a throw-away virtual
    environment in a temporary directory, pip-installs langdetect==1.0.9
    there (only to read its profile files), and removes it afterwards.
    The output is deterministic: same inputs, same file.

Output format (inside the Swift string literals; `_` marks a word edge)
    ngrams:  "@xx f1 f2 f3" starts language xx with its floor scores for
             unseen 1-, 2- and 3-grams; then one "gram score" per line.
             A score is round(-ln(p) * 10), p the n-gram's relative frequency
             among that language's n-grams of the same length.
    words:   "@xx" then that language's function words, space-separated.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

LANGDETECT_VERSION = "1.0.9"

# Order matters: it is the order of the model's score vector.
LANGUAGES = ["en", "nl", "de", "fr", "es", "it", "pt", "da", "sv", "pl", "cs"]

# The only files that may feed the output (relative to --corpora), all MIT.
ALLOWED_SOURCES = {
    "en/vader-tweets.tsv",
    "en/vader-amazon.tsv",
    "en/vader-nyt.tsv",
    "lexicons/nl-glender.tsv",
}

# Corpus files whose texts add to a language's profile ("text" column).
CORPUS_FILES = {
    "en": ["en/vader-tweets.tsv", "en/vader-amazon.tsv", "en/vader-nyt.tsv"],
}
# Word lists whose words (first column, each distinct word once) add to a profile.
LEXICON_FILES = {
    "nl": ["lexicons/nl-glender.tsv"],
}

# Share of the corpus and word-list statistics in the mixed en and nl profiles,
# compared with scripts/eval-language.py --tune on non-test data (en 0, 0.25, 0.5,
# 0.75 x nl 0, 0.15, 0.3). English: 0 is clearly worse (en/semeval16-restaurants-train,
# which does not feed the profile: 98.5% / 98.1% full / 5 words, against 99.2% / 99.0%
# at 0.5); 0.5 and 0.75 are within one text. Dutch: no measurable gain, so 0.
EN_CORPUS_WEIGHT = 0.5
NL_LEXICON_WEIGHT = 0.0

# SHA-256 of the eleven langdetect 1.0.9 profile files, concatenated in LANGUAGES order.
PROFILES_SHA256 = "c5ccd2d4399b2dea5c4f1813297bfa9241d57aaac03f77430c1be310d1afcea1"

# An n-gram is kept when its relative frequency among the language's n-grams of
# the same length is at least this; langdetect pruned its profiles at about the
# same level (1e-4), so every language is pruned alike and unseen n-grams get
# comparable floors.
KEEP_THRESHOLD = 1.0e-4
# The score of an n-gram a language does not list: half the pruning threshold.
FLOOR_PROBABILITY = 0.5e-4

SCALE = 10.0  # scores are round(-ln p * SCALE)

# Function words and very frequent words, written by hand for this project.
# Forms are as Opine's tokenizer gives them: case-folded, NFC, ASCII apostrophes.
# An entry ending in an apostrophe (French "l'", Italian "dell'") matches the
# elided prefix of a word ("l'hotel").  Lists are kept at comparable sizes so
# that no language gains from a longer list.
FUNCTION_WORDS = {
    "en": """
        the a an and or but if of to in on at by for with from about as into over
        after before is are was were be been being am have has had do does did
        will would can could should shall may might must not no yes i you he she it
        we they me him her us them my your his its our their this that these those
        there here what which who whom whose when where why how all some any every
        very so too just only also than then now out up down off more most much many
        one get got really never don't didn't doesn't isn't wasn't can't won't
        i'm it's i've you're they're that's there's let's thanks thank because again
        ever well even still back just always something nothing anything though
        while should've would've couldn't wouldn't aren't haven't hasn't i'll you'll
        we're i'd great good like love lol
    """,
    "nl": """
        de het een en of maar als dan dat die dit deze van in op aan met voor door
        bij naar om uit tot over onder tegen zonder na ik je jij u hij zij ze we wij
        jullie hun hen mij me mijn jouw jou uw zijn haar ons onze is ben bent was
        waren wordt worden werd heb hebt heeft hebben had kan kunnen kon wil wilt
        willen moet moeten zou zal zullen gaat gaan ga niet geen nooit wel ook nog
        al er hier daar waar wat wie hoe waarom wanneer zo heel erg zeer echt veel
        weinig meer nu toen want omdat dus toch even alleen alles iets niets iemand
        niemand mee ja nee 't 'n z'n m'n d'r goed leuk slecht lekker bedankt dank
        graag altijd weer keer helemaal eigenlijk gewoon vind vond mooi prima
    """,
    "de": """
        der die das den dem des ein eine einen einem einer eines und oder aber wenn
        dass weil als wie mit von zu zum zur im am vom beim auf für aus bei nach über
        unter durch gegen ohne ich du er sie es wir ihr mich mir dich dir sich uns
        euch ihn ihm ihnen mein meine dein sein seine unser ist sind war waren bin
        bist hat haben habe hatte wird werden wurde kann können konnte muss müssen
        soll sollte will möchte nicht kein keine keinen auch noch schon nur sehr so
        ja nein doch mal hier da dort was wer warum wo wann alles nichts etwas immer
        nie wieder jetzt dann gut schlecht leider wirklich danke bitte gibt einfach
        ganz viel mehr diese dieser dieses man
    """,
    "fr": """
        le la les l' un une des du de d' et ou mais donc car si que qui quoi qu' ce
        cet cette ces c'est ça je j' tu il elle on nous vous ils elles me te se lui
        leur leurs mon ma mes ton ta tes son sa ses notre votre nos vos est sont suis
        es était été être ai as a avons avez ont avait avoir fait faire peut pas ne
        n' plus jamais rien très trop bien bon bonne mal tout tous toute toutes aussi
        encore déjà toujours avec pour par sur sous dans en au aux chez sans vers
        entre merci oui non comme quand où y ici même après avant beaucoup vraiment
        s' m' c'était n'est j'ai
    """,
    "es": """
        el la los las un una unos unas y o pero si que qué de del al a en con por
        para sin sobre entre hasta desde es son está están estoy ser estar fue era
        soy ha han he hay tiene tengo muy más menos no sí ya también todo todos toda
        nada algo yo tú él ella nosotros ellos me te se le lo les nos mi mis tu tus
        su sus este esta esto ese esa eso como cuando donde porque pues bien mal
        bueno buena malo gracias nunca siempre aquí ahora después otra otro cada
        puede hacer hace muy mucho mucha
    """,
    "it": """
        il lo la i gli le un uno una un' e ed o ma se che di del della dei delle
        dello degli al alla ai alle da dal dalla in nel nella nei con su sul sulla
        per tra fra non è sono sei siamo era stato stata essere ho hai ha abbiamo
        hanno avere molto più meno anche ancora già sempre mai tutto tutti niente io
        tu lui lei noi voi loro mi ti si ci vi mio mia tuo suo sua nostro questo
        questa quello quella come quando dove perché bene male buono grazie sì no
        qui ora poi così l' dell' all' nell' dall' sull' c'è davvero troppo
    """,
    "pt": """
        o a os as um uma uns umas e ou mas se que de do da dos das em no na nos nas
        ao à aos com por para pelo pela sem sobre entre é são foi era ser estar está
        estou estão tem tenho têm ter há muito muita mais menos não sim já também
        ainda sempre nunca tudo todos nada eu tu você ele ela nós vocês eles elas me
        te lhe meu minha seu sua nosso este esta isso isto esse essa aquele como
        quando onde porque bem mal bom boa obrigado obrigada aqui agora depois então
        até fiquei gostei
    """,
    # Danish and Swedish, like Polish and Czech below, leave out the words they
    # share with the English and Dutch lists or with frequent English and Dutch
    # words ("i", "en", "de", "er", "om", "op", "men", "at", "kan", "nu", "dit",
    # "hun", "under", "over", "for", "man", "her").
    "da": """
        og et det den til af med fra på ved hos mod uden efter før mellem ud ind ned
        var har havde være været bliver blev blive skal skulle vil ville kunne må
        gør gjorde får fik går gik kommer jeg du han vi jer mig dig ham hende os sig
        dem min mit mine din dine hans hendes vores jeres deres sin sit sine som der
        hvor hvad hvem hvorfor hvordan hvis når så eller også kun meget mere ikke
        aldrig altid igen stadig allerede jo nok bare lige alle alt ingen intet nogen
        noget nogle denne dette disse tak godt dårlig rigtig virkelig
    """,
    "sv": """
        och att det som på med av till från vid mot utan efter före mellan hos ut upp
        är var har hade ha varit vara blir blev bli ska skulle vill kunde måste får
        fick gör gjorde går gick kommer finns jag du hon han vi ni mig dig henne honom
        oss dem sig min mitt mina din ditt dina hans hennes vår vårt våra deras sin
        sitt sina där här när hur vad vem varför vilken eller så också bara redan
        inte aldrig alltid igen fortfarande kanske mycket mer mest än ju alla allt
        ingen inga någon något några denna detta dessa tack bra dålig riktigt väldigt
    """,
    # Polish and Czech leave out the words they share with the most frequent English
    # and Dutch ones ("i", "a", "to", "on", "my", "je", ...).
    "pl": """
        w nie na się z że jest jak ale co tak za od po już tylko mi jestem być był
        była bardzo przez dla czy ja ty ona wy oni ta tego tej który która które
        jego jej ich mnie mój moja twój nasz tu tam teraz kiedy gdzie dlaczego
        wszystko nic coś zawsze nigdy dobrze źle dziękuję proszę więcej też jeszcze
        jeśli można będzie są było mam ma
    """,
    "cs": """
        v se na že s z jako ale k jsem jsou byl byla bylo není jak už jen tak pro
        po od za při nebo co ten ta tento která který které jeho její jejich mě mi
        já ty ona vy oni tady tam teď kdy kde proč všechno nic něco vždy nikdy dobře
        špatně děkuji prosím ano ne více také ještě velmi jsme máme má
    """,
}


def normalize_form(text: str) -> str:
    """Case-folds and NFC-normalizes like Opine's TextNormalizer, apostrophes ASCII."""
    text = unicodedata.normalize("NFC", text.casefold())
    return re.sub("[\u2019\u2018\u02bc\u00b4`]", "'", text)


URL_OR_MENTION = re.compile(r"(https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+)", re.IGNORECASE)
LETTER_RUN = re.compile(r"[^\W\d_]+")


def letter_runs(text: str) -> list[str]:
    """The runs of letters in a text, as Opine's identifier sees them."""
    text = URL_OR_MENTION.sub(" ", text)
    return LETTER_RUN.findall(normalize_form(text))


def add_ngrams(counts: list[dict[str, int]], run: str) -> None:
    """Counts the 1-, 2- and 3-grams of one letter run padded with spaces."""
    padded = " " + run + " "
    for n in (1, 2, 3):
        table = counts[n - 1]
        for start in range(len(padded) - n + 1):
            gram = padded[start:start + n]
            if n == 1 and gram == " ":
                continue
            table[gram] = table.get(gram, 0) + 1


def relative(counts: list[dict[str, int]]) -> list[dict[str, float]]:
    """Per-length relative frequencies of n-gram counts."""
    return [{gram: count / sum(table.values()) for gram, count in table.items()} for table in counts]


def corpus_profile(corpora: Path, files: list[str]) -> list[dict[str, float]]:
    """Relative n-gram frequencies per length counted on the texts of corpus files."""
    counts: list[dict[str, int]] = [{}, {}, {}]
    for name in files:
        assert name in ALLOWED_SOURCES and "-test" not in name, name
        with open(corpora / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                for run in letter_runs(row["text"]):
                    add_ngrams(counts, run)
    return relative(counts)


def lexicon_profile(corpora: Path, files: list[str]) -> list[dict[str, float]]:
    """Relative n-gram frequencies per length counted on the distinct words of word lists."""
    counts: list[dict[str, int]] = [{}, {}, {}]
    for name in files:
        assert name in ALLOWED_SOURCES, name
        words = set()
        with open(corpora / name, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and row[0] != "word" and not row[0].startswith("#"):
                    words.add(row[0])
        for word in sorted(words):
            for run in letter_runs(word):
                add_ngrams(counts, run)
    return relative(counts)


def langdetect_profile(directory: Path, language: str) -> list[dict[str, float]]:
    """Relative n-gram frequencies per length from a langdetect profile, case folded."""
    data = json.loads((directory / language).read_text(encoding="utf-8"))
    totals = data["n_words"]
    tables: list[dict[str, float]] = [{}, {}, {}]
    for gram, count in data["freq"].items():
        folded = unicodedata.normalize("NFC", gram.casefold())
        if len(folded) != len(gram) or not (1 <= len(folded) <= 3):
            continue
        if any(not (ch == " " or ch.isalpha()) for ch in folded):
            continue
        table = tables[len(folded) - 1]
        table[folded] = table.get(folded, 0.0) + count / totals[len(folded) - 1]
    return tables


def mixed(a: list[dict[str, float]], b: list[dict[str, float]], weight_b: float) -> list[dict[str, float]]:
    """The per-length mixture (1 - weight_b) * a + weight_b * b of two profiles."""
    result = []
    for table_a, table_b in zip(a, b):
        grams = set(table_a) | set(table_b)
        result.append({g: (1 - weight_b) * table_a.get(g, 0.0) + weight_b * table_b.get(g, 0.0) for g in grams})
    return result


def is_latin_gram(gram: str) -> bool:
    """Whether every letter of the n-gram is Latin script (the model knows no other)."""
    return all(ch == " " or ord(ch) <= 0x024F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in gram)


def score(probability: float) -> int:
    """The stored score of a probability: its negative natural log, in tenths."""
    return round(-math.log(probability) * SCALE)


def render_ngrams(profiles: dict[str, list[dict[str, float]]]) -> str:
    lines = []
    floor = score(FLOOR_PROBABILITY)
    for language in LANGUAGES:
        lines.append(f"@{language} {floor} {floor} {floor}")
        for table in profiles[language]:
            kept = [(g, p) for g, p in table.items() if p >= KEEP_THRESHOLD and is_latin_gram(g)]
            kept.sort(key=lambda item: (-item[1], item[0]))
            for gram, probability in kept:
                lines.append(f"{gram.replace(' ', '_')} {score(probability)}")
    return "\n".join(lines)


def render_words() -> str:
    lines = []
    for language in LANGUAGES:
        words = FUNCTION_WORDS[language].split()
        seen = []
        for word in words:
            word = normalize_form(word)
            if word not in seen:
                seen.append(word)
        lines.append(f"@{language}")
        for start in range(0, len(seen), 12):
            lines.append(" ".join(seen[start:start + 12]))
    return "\n".join(lines)


HEADER = """\
// Generated by scripts/make-language-profiles.py. Do not edit by hand: change the
// script and run it again (see its header for how).
//
// Sources and licences of the statistics below (see THIRD_PARTY_NOTICES.md):
// - Character 1-3-gram profiles of {languages}:
//   from the files langdetect/profiles/<code> of PyPI langdetect {langdetect} (Python port of
//   Nakatani Shuyo's language-detection), Apache License 2.0, Copyright (c) 2010-2014
//   Cybozu Labs, Inc.; Copyright 2014-2015 Michal "Mimino" Danilak. Modified: case folded,
//   Latin script only, re-normalized, mixed as below and pruned at a relative frequency
//   of {keep:g}.
{sources}
// - Function-word lists: written by hand for Opine.
//
// Scores are round(-ln(p) * {scale:g}); `_` marks a word edge.

extension LanguageModel {{
    /// The languages of the score vector, in order.
    static let profileLanguages: [String] = [{language_list}]

    /// Character n-gram scores: "@xx floor1 floor2 floor3" starts language xx, then
    /// one "gram score" per line.
    static let ngramProfileData = \"\"\"
{ngrams}
\"\"\"

    /// Function words: "@xx" starts language xx, then its words, space-separated.
    static let functionWordData = \"\"\"
{words}
\"\"\"
}}
"""


def install_langdetect(directory: str) -> Path:
    subprocess.run([sys.executable, "-m", "venv", directory], check=True)
    python = os.path.join(directory, "bin", "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", f"langdetect=={LANGDETECT_VERSION}"], check=True
    )
    output = subprocess.run(
        [python, "-c", "import importlib.util as u, os; print(os.path.dirname(u.find_spec('langdetect').origin))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    return Path(output) / "profiles"


def check_profiles(directory: Path) -> None:
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update((directory / language).read_bytes())
    if digest.hexdigest() != PROFILES_SHA256:
        sys.exit(f"{directory}: the profiles are not langdetect {LANGDETECT_VERSION}'s (SHA-256 {digest.hexdigest()})")


def generate(profiles_dir: Path, corpora: Path, output: Path, en_weight: float, nl_weight: float) -> None:
    check_profiles(profiles_dir)
    profiles = {language: langdetect_profile(profiles_dir, language) for language in LANGUAGES}
    weights = {"en": en_weight, "nl": nl_weight}
    for language, files in CORPUS_FILES.items():
        if weights[language] > 0:
            profiles[language] = mixed(profiles[language], corpus_profile(corpora, files), weights[language])
    for language, files in LEXICON_FILES.items():
        if weights[language] > 0:
            profiles[language] = mixed(profiles[language], lexicon_profile(corpora, files), weights[language])
    text = HEADER.format(
        languages=", ".join(LANGUAGES),
        langdetect=LANGDETECT_VERSION,
        keep=KEEP_THRESHOLD,
        scale=SCALE,
        sources=source_lines(en_weight, nl_weight),
        language_list=", ".join(f'"{language}"' for language in LANGUAGES),
        ngrams=render_ngrams(profiles),
        words=render_words(),
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output} ({len(text.encode('utf-8'))} bytes)")


def source_lines(en_weight: float, nl_weight: float) -> str:
    lines = []
    if en_weight > 0:
        lines += [
            f"// - Mixed into the en profile with weight {en_weight:g}: relative n-gram frequencies counted",
            "//   on the texts of the VADER ground-truth sets en/vader-tweets.tsv, en/vader-amazon.tsv and",
            "//   en/vader-nyt.tsv (vaderSentiment, hutto_ICWSM_2014; MIT License, Copyright (c) 2016",
            "//   C.J. Hutto). Only aggregate frequencies of frequent n-grams, no text.",
        ]
    if nl_weight > 0:
        lines += [
            f"// - Mixed into the nl profile with weight {nl_weight:g}: relative n-gram frequencies counted",
            "//   on the distinct words of lexicons/nl-glender.tsv (Glender/DutchSentimentAnalysis;",
            "//   MIT License, Copyright (c) 2021 DutchSentimentAnalysis authors).",
        ]
    if nl_weight <= 0:
        lines.append("// - The nl profile and all decoy profiles are langdetect's alone.")
    lines.append("// - No other corpus fed this file (no SemEval-2016 or Zegelaar data, no *-test file).")
    return "\n".join(lines)


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=root.parent / "shared" / "corpora")
    parser.add_argument(
        "--output", type=Path,
        default=root / "Sources" / "OpineText" / "LanguageIdentification" / "LanguageProfiles.swift",
    )
    parser.add_argument("--langdetect-profiles", type=Path, help="an installed langdetect's profiles/ folder")
    parser.add_argument("--en-corpus-weight", type=float, default=EN_CORPUS_WEIGHT, help="for tuning experiments")
    parser.add_argument("--nl-lexicon-weight", type=float, default=NL_LEXICON_WEIGHT, help="for tuning experiments")
    args = parser.parse_args()
    options = dict(en_weight=args.en_corpus_weight, nl_weight=args.nl_lexicon_weight)
    if args.langdetect_profiles:
        generate(args.langdetect_profiles, args.corpora, args.output, **options)
        return
    with tempfile.TemporaryDirectory() as directory:
        generate(install_langdetect(directory), args.corpora, args.output, **options)


if __name__ == "__main__":
    main()
