// The Rust one-off behind src/test/resources/io/github/qdrantscope/embedded/inference/arabic-oracle.tsv.gz
// (ArabicOracleTest): whatlang 0.18.0's combined language scores and charabia 0.10.0's tokens (with Qdrant's
// features and normalizer options) of generated Arabic-script texts. Not part of the Maven build. Regenerate with:
//   cp -r src/test/rust/arabic_oracle /tmp/arabic-rs && cd /tmp/arabic-rs && cargo build --release
//   ./target/release/arabic-rs gen 300 1 | ./target/release/arabic-rs tok | gzip -9n \
//       > <module>/src/test/resources/io/github/qdrantscope/embedded/inference/arabic-oracle.tsv.gz
// A longer local comparison: `gen 20000 7 | ... tok > /tmp/big.tsv`, then run ArabicOracleTest with
// -Darabic.oracle.file=/tmp/big.tsv.
// Output, one line a text: its code points (hex), whatlang's scores in Rust's sorted order as f64 bits (or what
// it found instead), and charabia's tokens as Script/Language/lemma code points.
// One-off: whatlang 0.18.0 + charabia 0.10.0 on Arabic-script runs.
// gen N SEED  -> N generated texts, one per line as hex code points
// tok         -> for each stdin line (hex code points): whatlang combined raw scores (f64 bits) and charabia tokens
use charabia::Segment;
use std::io::BufRead;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 }
    fn below(&mut self, n: usize) -> usize { (self.next() % n as u64) as usize }
}

const WORDS: &[&str] = &[
    // Arabic
    "السلام", "عليكم", "كيف", "حالكم", "أتمنى", "أن", "تكونوا", "بأفضل", "ٱلأحوال", "الشجرة", "شجرة", "البانيا",
    "الحمــــــد", "رحــيم", "ٱلحمد", "يومى", "النهاردة", "مدرسة", "الكتاب", "كتاب", "في", "من", "إلى", "على", "هذا",
    "التي", "الذي", "مع", "عن", "كان", "قال", "إن", "آل", "أل", "إل", "ال", "الى", "اللغة", "العربية", "مكتبة",
    "وَالْكِتَابُ", "مُحَمَّدٌ", "بِسْمِ", "اللَّهِ", "الرَّحْمَنِ", "جامعة", "القاهرة", "المملكة", "ﷲ", "ﻻ", "ﺍﻟﺴﻼﻡ",
    // Persian
    "این", "است", "که", "را", "با", "برای", "می‌شود", "کتاب", "زبان", "فارسی", "ایران", "تهران", "نمی‌خواهم",
    "کشور", "گفت", "پدر", "چه", "ژاله", "یک", "هم", "خود", "آن", "شده", "خانه‌ها", "﷼", "۱۲۳", "۴۵۶۷", "سال۱۴۰۲",
    "ك", "ي", "ى", "ۀ", "ی", "ک", "همه", "ما", "بود", "دانشگاه", "حقوق", "بشر", "و",
    // Urdu
    "اور", "ہے", "کے", "میں", "کی", "یہ", "سے", "کہ", "نہیں", "پاکستان", "اردو", "ہم", "ہیں", "گا", "ٹھیک", "بڑا",
    "ڈاکٹر", "کیا", "ہوں", "والے", "ںے", "ے", "ۓ",
    // digits and others
    "١٢٣", "٤٥٦", "٧٨٩٠", "123", "3.14", "٣٫١٤", "٢٬٠٠٠", "ـــ", "ـ", "،", "؛", "؟", "٪",
    "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{064B}", "\u{0651}", "\u{0670}", "\u{06D6}", "\u{0610}",
];
const SEPS: &[&str] = &[" ", " ", " ", "  ", "، ", ". ", "؟ ", "\n", "\t", "-", "/", ":", "؛", " (", ") ", "\u{200C}", "_", "'", "\"", "!", "…"];

fn gen_text(r: &mut Rng) -> String {
    let long = r.below(4) == 0;
    let n = 1 + r.below(if long { 60 } else { 8 });
    let mut s = String::new();
    for i in 0..n {
        if i > 0 { s.push_str(SEPS[r.below(SEPS.len())]); }
        match r.below(10) {
            0 => {
                // random Arabic-block letters
                let len = 1 + r.below(7);
                for _ in 0..len {
                    let cp = match r.below(6) {
                        0 => 0x0600 + r.below(0x100) as u32,
                        1 => 0x0620 + r.below(0x2B) as u32,
                        2 => 0x0671 + r.below(0x63) as u32,
                        3 => 0xFB50 + r.below(0x2B0) as u32,
                        4 => 0xFE70 + r.below(0x90) as u32,
                        _ => 0x0750 + r.below(0xB0) as u32,
                    };
                    if let Some(c) = char::from_u32(cp) { s.push(c); }
                }
            }
            1 => {
                // a word with a prefix glued
                let p = ["ال", "أل", "إل", "آل", "ٱل", "و", "ب", "لل", "وال"][r.below(9)];
                s.push_str(p);
                s.push_str(WORDS[r.below(WORDS.len())]);
            }
            2 => {
                // harakat / tatweel sprinkled
                let w = WORDS[r.below(WORDS.len())];
                for c in w.chars() {
                    s.push(c);
                    if r.below(3) == 0 {
                        s.push(['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0640}', '\u{0654}', '\u{200C}'][r.below(8)]);
                    }
                }
            }
            _ => s.push_str(WORDS[r.below(WORDS.len())]),
        }
    }
    s
}

fn hex(s: &str) -> String { s.chars().map(|c| format!("{:X}", c as u32)).collect::<Vec<_>>().join(".") }

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "gen" {
        let n: usize = args[2].parse().unwrap();
        let mut r = Rng(args[3].parse::<u64>().unwrap() | 1);
        for _ in 0..n {
            let t = gen_text(&mut r);
            println!("{}", t.chars().map(|c| format!("{:X}", c as u32)).collect::<Vec<_>>().join(" "));
        }
        return;
    }
    let opt = charabia::normalizer::NormalizerOption { create_char_map: false, lossy: true, classifier: Default::default() };
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let text: String = line.split(' ').filter(|x| !x.is_empty()).map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap()).collect();
        let raw = whatlang::dev::raw_detect(&text);
        let scores = match raw.lang_info {
            Some(whatlang::dev::RawLangInfo::MultiScript(c)) => c.scores.iter().map(|(l, s)| format!("{}={:016X}", l.code(), s.to_bits())).collect::<Vec<_>>().join(","),
            Some(other) => format!("{:?}", other),
            None => "none".to_string(),
        };
        let toks: Vec<String> = text.as_str().segment().normalize(&opt)
            .map(|t| format!("{:?}/{}/{}", t.script, t.language.map(|l| format!("{:?}", l)).unwrap_or("-".into()), hex(&t.lemma))).collect();
        println!("{}\t{}\t{}", line, scores, toks.join(" "));
    }
}
