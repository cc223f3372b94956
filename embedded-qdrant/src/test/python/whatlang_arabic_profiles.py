"""Regenerates inference/whatlang/arabic-trigrams.txt: the trigram profiles whatlang 0.18.0 ranks the languages of
the Arabic script by (ARABIC_LANGS in src/trigrams/profiles.rs: Ara, Urd, Pes, 300 trigrams each, most frequent
first). One trigram a line, in the crate's order: the language code, then its three characters as upper-case hex
code points, all separated by spaces.

Fetch the crate (the version charabia 0.10.0, and so qdrant-edge 0.9.0, pins) and run:
  cargo new /tmp/w && cd /tmp/w && cargo add whatlang@=0.18.0 && cargo fetch
  python3 src/test/python/whatlang_arabic_profiles.py ~/.cargo/registry/src/*/whatlang-0.18.0 \
      src/main/resources/io/github/qdrantscope/embedded/inference/whatlang
WhatlangArabicTest pins the count (3 languages x 300 trigrams, 900 lines)."""
import os
import re
import sys

TRIGRAM = re.compile(r"Trigram\('(\\u\{[0-9a-fA-F]+\}|\\.|[^'\\])', '(\\u\{[0-9a-fA-F]+\}|\\.|[^'\\])', "
                     r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^'\\])'\)")
ESCAPES = {"0": "\0", "n": "\n", "r": "\r", "t": "\t", "\\": "\\", "\"": "\"", "'": "'"}


def char(literal):
    if literal.startswith("\\u{"):
        return chr(int(literal[3:-1], 16))
    if literal.startswith("\\"):
        return ESCAPES[literal[1]]
    return literal


def main(crate, out_dir):
    with open(os.path.join(crate, "src", "trigrams", "profiles.rs"), encoding="utf-8") as f:
        source = f.read()
    start = source.index("pub static ARABIC_LANGS")
    end = source.index("\n];", start)
    lines = []
    lang = None
    for line in source[start:end].splitlines():
        m = re.search(r"Lang::(\w+)", line)
        if m:
            lang = m.group(1).lower()
            continue
        t = TRIGRAM.search(line)
        if t:
            lines.append(lang + " " + " ".join("%04X" % ord(char(g)) for g in t.groups()))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "arabic-trigrams.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(len(lines), "trigrams")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
