"""Regenerates the charabia tables of the multilingual tokenizer (src/main/resources/.../inference/charabia/):
separators.txt, charabia 0.10.0's DEFAULT_SEPARATORS (src/separators.rs) in the crate's order, and marks.txt, the
code points of its nonspacing-mark normalizer (dictionaries/bin/nonspacing_mark/marks.bin, u32 little-endian),
one entry a line as upper-case hex code points separated by spaces.

Fetch the crate (the version qdrant-edge 0.9.0 pins) and run:
  cargo new /tmp/c && cd /tmp/c && cargo add charabia@=0.10.0 --no-default-features && cargo fetch
  python3 src/test/python/charabia_tables.py ~/.cargo/registry/src/*/charabia-0.10.0 src/main/resources/io/github/qdrantscope/embedded/inference/charabia
MultilingualTablesTest pins the sizes (1,059 separators, 1,052 distinct; 1,281 marks)."""
import os
import re
import sys

ESCAPES = {"0": "\0", "n": "\n", "r": "\r", "t": "\t", "\\": "\\", "\"": "\"", "'": "'"}


def unescape(literal):
    out, i = [], 0
    while i < len(literal):
        c = literal[i]
        if c != "\\":
            out.append(c)
            i += 1
        elif literal[i + 1] == "u":
            end = literal.index("}", i)
            out.append(chr(int(literal[i + 3:end], 16)))
            i = end + 1
        else:
            out.append(ESCAPES[literal[i + 1]])
            i += 2
    return "".join(out)


def separators(crate):
    source = open(os.path.join(crate, "src", "separators.rs"), encoding="utf-8").read()
    body = source.split("pub const DEFAULT_SEPARATORS: &[&str] = &[", 1)[1].split("\n];", 1)[0]
    body = "\n".join(re.sub(r'//[^"]*$', "", line) for line in body.split("\n"))
    return [unescape(m) for m in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]


def marks(crate):
    data = open(os.path.join(crate, "dictionaries", "bin", "nonspacing_mark", "marks.bin"), "rb").read()
    return [int.from_bytes(data[i:i + 4], "little") for i in range(0, len(data), 4)]


def hexes(text):
    return " ".join("%X" % ord(c) for c in text)


def main():
    crate, target = sys.argv[1], sys.argv[2]
    with open(os.path.join(target, "separators.txt"), "w", encoding="ascii") as out:
        for separator in separators(crate):
            out.write(hexes(separator) + "\n")
    with open(os.path.join(target, "marks.txt"), "w", encoding="ascii") as out:
        for mark in marks(crate):
            out.write("%X\n" % mark)


if __name__ == "__main__":
    main()
