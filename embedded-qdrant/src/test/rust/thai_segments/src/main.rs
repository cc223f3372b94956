// charabia 0.10.0's Thai dictionary and segmentation, for the embedded Qdrant's Thai port (not part of the build).
//
// Generated with (from embedded-qdrant/, a Rust toolchain and the crates in the cargo registry):
//   cp -r src/test/rust/thai_segments /tmp/thai_segments && cd /tmp/thai_segments
//   nice -n 15 cargo build --release --offline
//   export THAI_FST=$(echo ~/.cargo/registry/src/*/charabia-0.10.0/dictionaries/fst/thai/words.fst)
//   ./target/release/thai_segments keys | gzip -9 -n \
//       > <embedded-qdrant>/src/main/resources/io/github/qdrantscope/embedded/inference/thai/words.txt.gz
//       (stderr: "62055 keys, 0 not UTF-8"; one key a line, in the FST's byte order)
//   ./target/release/thai_segments seg 300 7 \
//       > <embedded-qdrant>/src/test/resources/io/github/qdrantscope/embedded/inference/thai/segments.tsv
//       (each line: a generated text, TAB, charabia's ThaiSegmenter segments joined by U+241F)
//   ./target/release/thai_segments seg 50000 12345 > /tmp/segments-50k.tsv
//       (read by ThaiSegmenterTest with -Dthai.segments.fixture=/tmp/segments-50k.tsv)
use charabia::segmenter::{Segmenter, ThaiSegmenter};
use fst::raw::Fst;
use fst::Streamer;

fn keys() -> Vec<Vec<u8>> {
    // charabia's own words.fst, so the keys are exactly what its ThaiSegmenter matches against
    let path = std::env::var("THAI_FST").expect("THAI_FST=<charabia-0.10.0>/dictionaries/fst/thai/words.fst");
    let fst = Fst::new(std::fs::read(path).unwrap()).unwrap();
    let mut stream = fst.stream();
    let mut out = Vec::new();
    while let Some((k, _)) = stream.next() {
        out.push(k.to_vec());
    }
    out
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize { (self.next() % n as u64) as usize }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args[1].as_str() {
        "keys" => {
            let ks = keys();
            let mut bad = 0;
            for k in &ks {
                match std::str::from_utf8(k) {
                    Ok(s) => println!("{}", s),
                    Err(_) => { bad += 1; eprintln!("non-utf8 key {:?}", k); }
                }
            }
            eprintln!("{} keys, {} not UTF-8", ks.len(), bad);
        }
        "seg" => {
            let n: usize = args[2].parse().unwrap();
            let mut rng = Rng(args[3].parse::<u64>().unwrap() | 1);
            let words: Vec<String> = keys().into_iter().map(|k| String::from_utf8(k).unwrap()).collect();
            let others = ["a", "Z", "1", "๑", "๕", " ", "-", "é", "😀", "ñ", "\u{0301}", "Ω", "\u{200B}"];
            for _ in 0..n {
                let mut text = String::new();
                let parts = 1 + rng.below(8);
                for _ in 0..parts {
                    match rng.below(10) {
                        0..=4 => text.push_str(&words[rng.below(words.len())]),
                        5 => {
                            // a word cut short or run into another
                            let w = &words[rng.below(words.len())];
                            let cs: Vec<char> = w.chars().collect();
                            let cut = rng.below(cs.len()) + 1;
                            text.extend(&cs[..cut]);
                        }
                        6 | 7 => {
                            for _ in 0..1 + rng.below(4) {
                                text.push(char::from_u32(0x0E01 + rng.below(0x5B) as u32).unwrap_or('ก'));
                            }
                        }
                        8 => text.push_str(others[rng.below(others.len())]),
                        _ => {
                            let c = char::from_u32(0x0E00 + rng.below(0x80) as u32).unwrap();
                            text.push(c);
                        }
                    }
                }
                let segs: Vec<&str> = ThaiSegmenter.segment_str(&text).collect();
                assert_eq!(segs.concat(), text);
                println!("{}\t{}", text, segs.join("\u{241F}"));
            }
        }
        _ => panic!("keys | seg N SEED"),
    }
}
