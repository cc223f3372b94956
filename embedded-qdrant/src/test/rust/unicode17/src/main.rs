//! Rust's answers to every Unicode question Qdrant's tokenizers ask, one line per code point, for the tables of
//! `RustUnicode` (inference/unicode17/*.txt) and the digests of `RustUnicodeTest` (unicode17-digests.txt).
//!
//! Qdrant Edge 0.9.0's wheel was built by a rustc whose std answers like rustc 1.95's (Unicode 17.0.0, checked
//! over every code point through Edge's tokenizers, see docs/embedded-qdrant.md "Inference"), and it links
//! unicode-normalization 0.1.25 (Unicode 17.0.0). Build with a rustc whose `char::UNICODE_VERSION` is (17, 0, 0)
//! (the program refuses any other), from embedded-qdrant/:
//!
//!   cp -r src/test/rust/unicode17 /tmp/unicode17 && (cd /tmp/unicode17 && nice -n 15 cargo build --release)
//!   /tmp/unicode17/target/release/unicode17 dump > /tmp/unicode17.tsv
//!   /tmp/unicode17/target/release/unicode17 digest > src/test/resources/io/github/qdrantscope/embedded/inference/unicode17-digests.txt
//!   java -cp target/classes:target/test-classes io.github.qdrantscope.embedded.inference.RustUnicodeTableWriter \
//!       /tmp/unicode17.tsv src/main/resources/io/github/qdrantscope/embedded/inference/unicode17
//!
//! `dump` columns: code point, then eight flags (is_alphabetic, is_numeric, is_whitespace, is_control,
//! is_uppercase, is_lowercase, then whether str::to_lowercase ends "{c}Σ" and "A{c}Σ" with a final sigma, which
//! is how its Cased and Case_Ignorable tables show), char::to_lowercase, then the NFKD, all as hex code points.
//! `digest` prints, per plane and question, an FNV-1a 64 digest of the answers in code point order.
use std::io::{BufWriter, Write};
use unicode_normalization::UnicodeNormalization;

/// The questions `digest` answers: the dump's columns but is_lowercase, which no tokenizer asks alone.
const QUESTIONS: [(&str, usize); 9] = [("alphabetic", 0), ("numeric", 1), ("whitespace", 2), ("control", 3),
    ("uppercase", 4), ("sigma_after", 6), ("sigma_between", 7), ("to_lowercase", 8), ("nfkd", 9)];

fn hex(s: &str) -> String {
    s.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}

fn flag(b: bool) -> String {
    (if b { "1" } else { "0" }).to_string()
}

fn answers(c: char) -> [String; 10] {
    let sigma_after = format!("{}\u{03A3}", c).to_lowercase().ends_with('\u{03C2}');
    let sigma_between = format!("A{}\u{03A3}", c).to_lowercase().ends_with('\u{03C2}');
    [flag(c.is_alphabetic()), flag(c.is_numeric()), flag(c.is_whitespace()), flag(c.is_control()),
        flag(c.is_uppercase()), flag(c.is_lowercase()), flag(sigma_after), flag(sigma_between),
        hex(&c.to_lowercase().collect::<String>()), hex(&c.nfkd().collect::<String>())]
}

fn main() {
    assert_eq!(char::UNICODE_VERSION, (17, 0, 0), "std's Unicode is not Edge's");
    assert_eq!(unicode_normalization::UNICODE_VERSION, (17, 0, 0));
    let mode = std::env::args().nth(1).unwrap_or_default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match mode.as_str() {
        "dump" => {
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let a = answers(c);
                writeln!(out, "{:04X}\t{}\t{}\t{}", c as u32, a[..8].concat(), a[8], a[9]).unwrap();
            }
        }
        "digest" => {
            writeln!(out, "# FNV-1a 64 of each answer followed by ';', per plane, surrogates skipped; \
                see src/test/rust/unicode17").unwrap();
            for plane in 0..=0x10u32 {
                let mut digests = [0xcbf29ce484222325u64; 9];
                for c in (plane << 16..=(plane << 16) + 0xFFFF).filter_map(char::from_u32) {
                    let a = answers(c);
                    for (d, (_, column)) in digests.iter_mut().zip(QUESTIONS) {
                        for b in a[column].bytes().chain(std::iter::once(b';')) {
                            *d = (*d ^ b as u64).wrapping_mul(0x100000001b3);
                        }
                    }
                }
                for ((q, _), d) in QUESTIONS.iter().zip(digests) {
                    writeln!(out, "{}\t{}\t{:016x}", plane, q, d).unwrap();
                }
            }
        }
        _ => panic!("usage: unicode17 dump|digest"),
    }
}
