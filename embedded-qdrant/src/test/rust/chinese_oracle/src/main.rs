//! Oracle for the Chinese port of the multilingual tokenizer (ChineseSegmenter, JiebaDictionary,
//! ChineseVariants): reads stdin, prints one answer a line. Build and use:
//!   cp -r src/test/rust/chinese_oracle /tmp/chinese-oracle && cd /tmp/chinese-oracle
//!   nice -n 15 cargo build --release --offline
//!   target/release/chinese_oracle kv            # irg_kvariants::KVARIANTS: source, destination (hex), sorted
//!   target/release/chinese_oracle ln < ints     # each integer, the bits of Rust's (n as f64).ln() (hex)
//!   target/release/chinese_oracle seg < pieces  # charabia's ChineseSegmenter on each line, tab-separated
//!   target/release/chinese_oracle tok < texts   # charabia's tokenize: lemma|kind|script|language
//! src/test/python/chinese_tables.py runs the first two for the resources, chinese_segments.py the third.
use std::io::{self, BufRead, Write};

use charabia::segmenter::{ChineseSegmenter, Segmenter};
use charabia::Tokenize;

fn main() {
    let mode = std::env::args().nth(1).expect("mode: kv, ln, seg or tok");
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match mode.as_str() {
        "kv" => {
            let mut pairs: Vec<(char, char)> =
                irg_kvariants::KVARIANTS.iter().map(|(k, v)| (*k, v.destination_ideograph)).collect();
            pairs.sort();
            for (source, destination) in pairs {
                writeln!(out, "{:X}\t{:X}", source as u32, destination as u32).unwrap();
            }
        }
        "ln" => {
            for line in stdin.lock().lines() {
                let n: usize = line.unwrap().trim().parse().unwrap();
                writeln!(out, "{}\t{:016x}", n, (n as f64).ln().to_bits()).unwrap();
            }
        }
        "seg" => {
            for line in stdin.lock().lines() {
                let line = line.unwrap();
                let segments: Vec<&str> = ChineseSegmenter.segment_str(&line).collect();
                writeln!(out, "{}", segments.join("\t")).unwrap();
            }
        }
        "tok" => {
            for line in stdin.lock().lines() {
                let line = line.unwrap();
                let tokens: Vec<String> = line
                    .as_str()
                    .tokenize()
                    .map(|t| format!("{}|{:?}|{:?}|{:?}", t.lemma(), t.kind, t.script, t.language))
                    .collect();
                writeln!(out, "{}", tokens.join("\t")).unwrap();
            }
        }
        other => panic!("unknown mode {other}"),
    }
}
