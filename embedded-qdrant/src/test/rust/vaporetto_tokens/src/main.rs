// Generates texts for vaporetto's Japanese word segmentation and prints what vaporetto 0.6.5 makes of them,
// for the Java port's tests (VaporettoPredictorTest). A one-off program, not part of the Maven build.
//
// Command, from embedded-qdrant/ (its Cargo.toml pins vaporetto 0.6.5, the version qdrant-edge 0.9.0 locks):
//   CARGO_TARGET_DIR=/tmp/vaporetto-tokens nice -n 15 cargo build --release --offline \
//       --manifest-path src/test/rust/vaporetto_tokens/Cargo.toml
//   nice -n 15 /tmp/vaporetto-tokens/release/japanese-vap MODEL SEED COUNT > OUT.tsv
// where MODEL is qdrant-edge-0.9.0/tokenizer/bccwj-suw_c1.0.model in the cargo registry. The fixture
// src/test/resources/io/github/qdrantscope/embedded/inference/vaporetto-tokens.tsv is SEED 20261204, COUNT 400.
//
// Output: one text a line: the escaped text, then a tab and each escaped token surface
// (Sentence::from_raw, Predictor::new(model, false).predict, iter_tokens, as Qdrant's japanese.rs does),
// or \! (which no escaped token can be) alone after the tab when Sentence::from_raw refuses the text. Escapes: \\ \t \n \r and \u{HEX} for
// other control characters.
use std::fmt::Write;

use vaporetto::{Model, Predictor, Sentence};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u32, hi: u32) -> char {
        loop {
            let cp = lo + (self.next() % u64::from(hi - lo + 1)) as u32;
            if let Some(c) = char::from_u32(cp) {
                return c;
            }
        }
    }
}

const WORDS: &[&str] = &[
    "日本語", "テキスト", "です", "東京都", "京都", "大阪", "社長", "火星", "猫", "だ", "まぁ", "これ", "は", "テスト",
    "使用", "されて", "います", "単体", "コード", "の", "で", "に", "を", "が", "と", "も", "から", "まで", "より",
    "私", "あなた", "彼女", "学校", "先生", "学生", "勉強", "します", "しました", "食べる", "飲みます", "行きたい",
    "コンピューター", "プログラミング", "データベース", "ベクトル", "検索", "エンジン", "サーバー", "クライアント",
    "ラーメン", "スーパー", "コーヒー", "ケーキ", "メール", "インターネット", "ｶﾀｶﾅ", "ﾃｽﾄ", "ｺｰﾋｰ", "ﾗｰﾒﾝ",
    "今日", "明日", "昨日", "天気", "晴れ", "雨", "雪", "山田", "太郎", "花子", "さん", "様", "株式会社", "東京タワー",
    "富士山", "新幹線", "電車", "駅", "乗り換え", "自然言語処理", "形態素解析", "分かち書き", "美しい", "楽しかった",
    "ありがとう", "ございます", "こんにちは", "さようなら", "すみません", "お願いします", "ちょっと", "とても",
    "Qdrant", "vector", "Running", "THE", "Σίσυφος", "ΟΔΟΣ", "Ölé", "naïve", "İstanbul", "ﬁnance", "ǅemal",
    "ＡＢＣ", "ｑｄｒａｎｔ", "１２３", "２０２４年", "3月", "10時", "42", "3.14", "100%", "ｱｲｳｴｵ", "ヴァイオリン",
    "ゔ", "ゕ", "ヶ", "ヷ", "ヺ", "ヽ", "ヾ", "ゝ", "ゞ", "〆", "々", "〇", "𠮷野家", "𩸽", "😀", "👍🏽", "🇯🇵",
];

const PUNCT: &[&str] = &[
    "。", "、", "「", "」", "・", "！", "？", "（", "）", "『", "』", "【", "】", "〜", "～", "…", "ー", "ｰ", "･", "｡",
    "､", "｢", "｣", " ", "  ", "\n", "\t", "　", ".", ",", "!", "?", "'", "\"", "-", "_", "/", "(", ")", ":", "\r\n",
];

fn piece(rng: &mut Rng, out: &mut String) {
    match rng.below(16) {
        0..=5 => out.push_str(WORDS[rng.below(WORDS.len())]),
        6..=7 => out.push_str(PUNCT[rng.below(PUNCT.len())]),
        8 => {
            for _ in 0..1 + rng.below(4) {
                out.push(rng.range(0x3041, 0x3096)); // hiragana
            }
        }
        9 => {
            for _ in 0..1 + rng.below(5) {
                let c = if rng.below(5) == 0 { 'ー' } else { rng.range(0x30A1, 0x30FA) };
                out.push(c); // katakana with the long vowel mark
            }
        }
        10 => {
            for _ in 0..1 + rng.below(4) {
                out.push(rng.range(0xFF66, 0xFF9F)); // half-width katakana
            }
        }
        11 => {
            for _ in 0..1 + rng.below(3) {
                out.push(rng.range(0x4E00, 0x9FFF)); // kanji
            }
        }
        12 => {
            for _ in 0..1 + rng.below(6) {
                let c = match rng.below(4) {
                    0 => rng.range(0x30, 0x39),
                    1 => rng.range(0x61, 0x7A),
                    2 => rng.range(0x41, 0x5A),
                    _ => rng.range(0xFF01, 0xFF5E), // fullwidth forms
                };
                out.push(c);
            }
        }
        13 => {
            let c = match rng.below(6) {
                0 => rng.range(0x1F300, 0x1FAFF), // emoji
                1 => rng.range(0x20000, 0x2FA1F), // astral CJK, inside and between the kanji ranges
                2 => rng.range(0x3000, 0x30FF),   // the whole CJK symbols, kana block (U+3097-30A0, U+30FB...)
                3 => rng.range(0x3400, 0x4DBF),
                4 => rng.range(0xF900, 0xFAFF),
                _ => rng.range(0x80, 0x10FFFF),   // anything
            };
            out.push(c);
        }
        14 => out.push_str(["ー", "ーー", "ｰ", "〜"][rng.below(4)]),
        _ => {
            for _ in 0..1 + rng.below(3) {
                out.push(rng.range(0x20, 0x7E));
            }
        }
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => write!(out, "\\u{{{:X}}}", u32::from(c)).unwrap(),
            c => out.push(c),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let model = std::fs::read(&args[1]).unwrap();
    let seed: u64 = args[2].parse().unwrap();
    let count: usize = args[3].parse().unwrap();
    let predictor = Predictor::new(Model::read_slice(&model).unwrap().0, false).unwrap();
    let mut rng = Rng(seed);
    let mut line = String::new();
    for i in 0..count {
        let mut text = String::new();
        if i % 97 == 5 {
            // empty texts and texts with NUL, which Sentence::from_raw refuses
        } else {
            for _ in 0..1 + rng.below(14) {
                piece(&mut rng, &mut text);
            }
            if i % 89 == 7 {
                if rng.below(2) == 0 { text.push('\0') } else { text.insert(0, '\0') }
            }
        }
        line.clear();
        escape(&text, &mut line);
        line.push('\t');
        match Sentence::from_raw(text.as_str()) {
            Err(_) => line.push_str("\\!"),
            Ok(mut s) => {
                predictor.predict(&mut s);
                let mut first = true;
                for token in s.iter_tokens() {
                    if !first {
                        line.push('\t');
                    }
                    first = false;
                    escape(token.surface(), &mut line);
                }
            }
        }
        println!("{line}");
    }
}
