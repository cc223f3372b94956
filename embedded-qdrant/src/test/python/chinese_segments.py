"""Writes pieces of Chinese text and charabia 0.10.0's ChineseSegmenter segments of each (jieba-rs 0.10.4 cut
without HMM, then cut_for_search), as printed by the Rust oracle src/test/rust/chinese_oracle: one line a piece,
the piece then its segments, TAB-separated. ChineseSegmenterTest reads the fixture
src/test/resources/io/github/qdrantscope/embedded/inference/chinese-segments.tsv (300 pieces, seed 1) and, with
-Dchinese.segments.file=PATH, any longer file written by this script.

Run from embedded-qdrant/ (building the oracle as in src/test/python/chinese_tables.py):
  python3 src/test/python/chinese_segments.py ~/.cargo/registry/src/*/jieba-rs-0.10.4 /tmp/chinese-oracle/target/release/chinese_oracle 300 1 src/test/resources/io/github/qdrantscope/embedded/inference/chinese-segments.tsv"""
import os
import random
import subprocess
import sys

ASCII_WORDS = ["AT&T", "C++", "C#", "iPhone", "abc", "x", "Q", "3D", "mp3", "T恤", "A", "B", "a.b", "1_2", "50%",
               "-", "+", "#", "&", ".", "_", "%", "ok", "GB2312", "h5", "4S店"]


def piece(rng, words, singles):
    parts = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(words))
        elif r < 0.60:
            parts.append(rng.choice(singles))
        elif r < 0.66:
            parts.append(rng.choice(ASCII_WORDS))
        elif r < 0.70:
            parts.append(str(rng.randint(0, 10 ** rng.randint(1, 5))))
        elif r < 0.74:
            parts.append(chr(rng.randint(0xFF21, 0xFF3A)) + chr(rng.randint(0xFF41, 0xFF5A)))  # fullwidth letters
        elif r < 0.78:
            parts.append(chr(rng.randint(0xF900, 0xFAD9)))  # CJK compatibility ideographs
        elif r < 0.81:
            parts.append(chr(rng.choice([rng.randint(0x2E80, 0x2E99), rng.randint(0x2F00, 0x2FD5)])))  # radicals
        elif r < 0.85:
            parts.append(rng.choice("〇々〻"))
        elif r < 0.88:
            parts.append(chr(rng.randint(0x3041, 0x3096)) if rng.random() < 0.5 else chr(rng.randint(0x30A1, 0x30FA)))
        elif r < 0.92:
            parts.append(chr(rng.choice([rng.randint(0x3400, 0x4DBF), rng.randint(0x20000, 0x2A6DF),
                                          rng.randint(0x2F800, 0x2FA1D), rng.randint(0x9FA6, 0x9FFF)])))
        elif r < 0.95:
            word = rng.choice(words)
            parts.append(word[:-1] if len(word) > 2 else word + rng.choice(singles))  # near-miss of a word
        else:
            parts.append(rng.choice("·•ー〜々ヽ々ゝ＃＆"))
    return "".join(parts)


def main(crate, oracle, count, seed, output):
    words = []
    with open(os.path.join(crate, "src", "data", "dict.txt"), encoding="utf-8") as source:
        for line in source:
            words.append(line.split()[0])
    singles = [w for w in words if len(w) == 1]
    rng = random.Random(int(seed))
    pieces = [piece(rng, words, singles) for _ in range(int(count))]
    answer = subprocess.run([oracle, "seg"], input="".join(p + "\n" for p in pieces), capture_output=True,
                            text=True, check=True).stdout.split("\n")
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        for p, segments in zip(pieces, answer):
            out.write(p + "\t" + segments + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
