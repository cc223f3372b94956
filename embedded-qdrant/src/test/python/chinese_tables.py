"""Regenerates the Chinese tables of the multilingual tokenizer (src/main/resources/.../inference/):
jieba/dict.tsv.gz, jieba-rs 0.10.4's default dictionary (src/data/dict.txt) as word TAB frequency, sorted by UTF-16
code units (the order JiebaDictionary binary-searches; the part-of-speech tags are dropped, charabia never reads
them); jieba/ln.tsv.gz, each distinct frequency and the dictionary's total with the bits of Rust's
`(n as f64).ln()` (Java's StrictMath.log differs in the last bit for 77 of the 5,088 values); and
kvariants/kvariants.tsv.gz, irg-kvariants 0.1.1's KVARIANTS map as built by the crate (source and destination
ideograph, hex, sorted), both printed by the Rust oracle src/test/rust/chinese_oracle. gzip with mtime 0.

Run from embedded-qdrant/:
  cp -r src/test/rust/chinese_oracle /tmp/chinese-oracle && (cd /tmp/chinese-oracle && cargo build --release --offline)
  python3 src/test/python/chinese_tables.py ~/.cargo/registry/src/*/jieba-rs-0.10.4 /tmp/chinese-oracle/target/release/chinese_oracle src/main/resources/io/github/qdrantscope/embedded/inference
ChineseTablesTest pins the sizes (349,045 words, total 60,101,964; 5,088 logarithms; 10,629 variants)."""
import gzip
import os
import subprocess
import sys


def write_gz(path, lines):
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write("".join(line + "\n" for line in lines).encode("utf-8"))


def main(crate, oracle, resources):
    entries = []
    with open(os.path.join(crate, "src", "data", "dict.txt"), encoding="utf-8") as source:
        for line in source:
            fields = line.split()
            if fields:
                entries.append((fields[0], int(fields[1]) if len(fields) > 1 else 0))
    entries.sort(key=lambda entry: entry[0].encode("utf-16-be"))
    write_gz(os.path.join(resources, "jieba", "dict.tsv.gz"), [f"{word}\t{freq}" for word, freq in entries])
    values = sorted({freq for _, freq in entries}) + [sum(freq for _, freq in entries)]
    ln = subprocess.run([oracle, "ln"], input="".join(f"{v}\n" for v in values), capture_output=True, text=True,
                        check=True).stdout.splitlines()
    write_gz(os.path.join(resources, "jieba", "ln.tsv.gz"), ln)
    kv = subprocess.run([oracle, "kv"], capture_output=True, text=True, check=True).stdout.splitlines()
    write_gz(os.path.join(resources, "kvariants", "kvariants.tsv.gz"), kv)
    print(len(entries), "words,", len(ln), "logarithms,", len(kv), "variants")


if __name__ == "__main__":
    main(*sys.argv[1:])
