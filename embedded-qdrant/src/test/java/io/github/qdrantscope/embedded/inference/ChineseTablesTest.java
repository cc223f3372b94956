package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Chinese tables as {@code src/test/python/chinese_tables.py} extracted them, sizes pinned to the crates':
 * jieba-rs 0.10.4's {@code src/data/dict.txt} has 349,045 words whose frequencies sum to 60,101,964, with 5,087
 * distinct frequencies; irg-kvariants 0.1.1's {@code KVARIANTS} has 10,629 entries.
 */
class ChineseTablesTest {

    @Test
    void jiebaDictionaryIsTheCratesDefault() {
        JiebaDictionary dictionary = JiebaDictionary.get();
        assertThat(dictionary.size()).isEqualTo(349_045);
        // Rust's (60101964 as f64).ln(), whose bits StrictMath.log happens to share
        assertThat(dictionary.logTotal()).isEqualTo(StrictMath.log(60_101_964.0));
        int index = dictionary.find("中国", 0, 2);
        assertThat(index).isNotNegative();
        assertThat(dictionary.word(index)).isEqualTo("中国");
        // the first dict.txt line is "1号店 3 n"
        assertThat(dictionary.logFrequency(dictionary.find("1号店", 0, 3))).isEqualTo(Math.log(3));
        assertThat(dictionary.hasWord("AT&T")).isTrue();
        assertThat(dictionary.hasWord("中")).isTrue();
        int[] ends = new int[64];
        int[] indices = new int[64];
        // 清华大学: 清, 清华, 清华大学 start it; shortest first, as cedarwood's common_prefix_iter gives them
        assertThat(dictionary.prefixes("清华大学x", 0, ends, indices)).isEqualTo(3);
        assertThat(ends).startsWith(1, 2, 4);
    }

    @Test
    void kVariantsAreTheCratesMap() {
        assertThat(ChineseVariants.size()).isEqualTo(10_629);
        assertThat(ChineseVariants.variant('澚')).isEqualTo('澳');
        assertThat(ChineseVariants.variant('中')).isEqualTo('中');
    }
}
