package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChineseSegmenter} and the Chinese normalizer against the crates: the test vectors of charabia 0.10.0's
 * {@code src/segmenter/chinese.rs} and {@code src/normalizer/chinese.rs} and of jieba-rs 0.10.4's {@code src/lib.rs},
 * and {@code chinese-segments.tsv}, 300 generated pieces with the segments charabia's {@code ChineseSegmenter}
 * gave them (written by {@code src/test/python/chinese_segments.py} with the Rust oracle
 * {@code src/test/rust/chinese_oracle}). {@code -Dchinese.segments.file=PATH} checks a longer file written the same
 * way instead.
 */
class ChineseSegmenterTest {

    // charabia 0.10.0 src/segmenter/chinese.rs, TEXT, SEGMENTED and TOKENIZED (without the pinyin feature)
    private static final String TEXT = "人人生而自由﹐在尊嚴和權利上一律平等。他們賦有理性和良心﹐並應以兄弟關係的精神互相對待。"
            + "人民的意志是政府权力的基础，这一意志应以定期的和真正的选举予以表现。夏天，像是哼着小曲的少年，恶作剧般在大地上洒满每一种灿烂的颜色。"
            + " 123 456。";
    private static final List<String> SEGMENTED = List.of("人人", "生", "而", "自由", "﹐", "在", "尊", "嚴", "和", "權",
            "利", "上", "一律", "平等", "。", "他", "們", "賦", "有", "理性", "和", "良心", "﹐", "並", "應", "以", "兄弟",
            "關", "係", "的", "精神", "互相", "對", "待", "。", "人民", "的", "意志", "是", "政府", "权力", "的", "基础", "，",
            "这", "一", "意志", "应", "以", "定期", "的", "和", "真正", "的", "选举", "予以", "表现", "。", "夏天", "，",
            "像是", "哼", "着", "小曲", "的", "少年", "，", "恶作剧", "般", "在", "大", "地上", "洒满", "每", "一种", "灿烂",
            "的", "颜色", "。", " ", "123", " ", "456", "。");
    private static final List<String> TOKENIZED = List.of("人人", "生", "而", "自由", ",", "在", "尊", "嚴", "和", "權",
            "利", "上", "一律", "平等", "。", "他", "們", "賦", "有", "理性", "和", "良心", ",", "並", "應", "以", "兄弟",
            "關", "係", "的", "精神", "互相", "對", "待", "。", "人民", "的", "意志", "是", "政府", "权力", "的", "基礎", ",",
            "这", "一", "意志", "應", "以", "定期", "的", "和", "眞正", "的", "選舉", "予以", "表現", "。", "夏天", ",",
            "像是", "哼", "着", "小曲", "的", "少年", ",", "惡作劇", "般", "在", "大", "地上", "洒滿", "每", "一种", "灿爛",
            "的", "顏色", "。", " ", "123", " ", "456", "。");

    private static List<String> segmentRun(String run) {
        List<String> segments = new ArrayList<>();
        CharabiaSeparators.split(run, segments::add, piece -> segments.addAll(ChineseSegmenter.segment(piece)));
        return segments;
    }

    @Test
    void charabiasChineseSegmenterVectors() {
        assertThat(segmentRun(TEXT)).containsExactlyElementsOf(SEGMENTED);
        // test_mix_number_and_letter
        assertThat(ChineseSegmenter.segment("我从2025年开始学习Rust语言。"))
                .containsExactly("我", "从", "2025", "年", "开始", "学习", "Rust", "语言", "。");
    }

    @Test
    void charabiasTokenizedVectorsThroughTheNormalizer() {
        List<String> lemmas = segmentRun(TEXT).stream()
                .map(segment -> CharabiaNormalizer.normalize(segment, CharabiaScript.CJ, CharabiaLanguage.CMN))
                .toList();
        assertThat(lemmas).containsExactlyElementsOf(TOKENIZED);
    }

    @Test
    void charabiasChineseNormalizerVectors() {
        // src/normalizer/chinese.rs without chinese-normalization-pinyin
        assertThat(CharabiaNormalizer.normalize("尊嚴", CharabiaScript.CJ, CharabiaLanguage.CMN)).isEqualTo("尊嚴");
        assertThat(CharabiaNormalizer.normalize("生而自由", CharabiaScript.CJ, CharabiaLanguage.CMN)).isEqualTo("生而自由");
        assertThat(CharabiaNormalizer.normalize("澚䀾亚㮺刄杤", CharabiaScript.CJ, CharabiaLanguage.CMN))
                .isEqualTo("澳䁈亞本刃𣜜");
        // should_normalize: not a Japanese Cj run, nor another script's
        assertThat(CharabiaNormalizer.normalize("澚䀾亚", CharabiaScript.CJ, CharabiaLanguage.JPN)).isEqualTo("澚䀾亚");
        assertThat(CharabiaNormalizer.normalize("澚䀾亚", CharabiaScript.LATIN, CharabiaLanguage.NONE))
                .isEqualTo("澚䀾亚");
    }

    @Test
    void jiebaRsCutVectors() {
        // jieba-rs 0.10.4 src/lib.rs: test_cut_no_hmm, test_cut_no_hmm1, test_cut_default_crlf_and_whitespace,
        // test_has_word, test_split_matches_against_unicode_sip
        assertThat(ChineseSegmenter.cut("abc网球拍卖会def")).containsExactly("abc", "网球", "拍卖会", "def");
        assertThat(ChineseSegmenter.cut("abc网球拍卖会def！！？\r\n\t"))
                .containsExactly("abc", "网球", "拍卖会", "def", "！", "！", "？", "\r\n", "\t");
        assertThat(ChineseSegmenter.cut("x\r\n\ty")).containsExactly("x", "\r\n", "\t", "y");
        assertThat(JiebaDictionary.get().hasWord("中国")).isTrue();
        assertThat(JiebaDictionary.get().hasWord("开源")).isTrue();
        assertThat(JiebaDictionary.get().hasWord("不存在的词")).isFalse();
        assertThat("讥䶯䶰䶱䶲䶳䶴䶵\uD85A\uDC66".codePoints().allMatch(ChineseSegmenter::isHanDefault)).isTrue();
    }

    @Test
    void generatedPiecesSegmentAsCharabiaSegmentsThem() throws IOException {
        String file = System.getProperty("chinese.segments.file");
        List<String> lines;
        if (file != null) {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } else {
            try (InputStream in = ChineseSegmenterTest.class.getResourceAsStream("chinese-segments.tsv")) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertThat(lines).hasSize(300);
        }
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            List<String> expected = Arrays.asList(fields).subList(1, fields.length);
            List<String> actual = ChineseSegmenter.segment(fields[0]);
            if (!actual.equals(expected)) {
                differences.add(fields[0] + ": expected " + expected + " but got " + actual);
            }
        }
        assertThat(differences).as("%d pieces", lines.size()).isEmpty();
    }
}
