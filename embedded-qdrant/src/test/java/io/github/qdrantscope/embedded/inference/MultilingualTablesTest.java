package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The charabia 0.10.0 tables behind the multilingual tokenizer, as {@code src/test/python/charabia_tables.py}
 * extracted them: sizes pinned to the crate's ({@code DEFAULT_SEPARATORS} has 1,059 entries, 1,052 distinct;
 * {@code marks.bin} is 5,124 bytes, 1,281 code points), so a truncated or regenerated table fails here before
 * the differential test has to find out.
 */
class MultilingualTablesTest {

    @Test
    void separatorsAreCharabiasList() {
        List<String> separators = CharabiaTables.separators();
        assertThat(separators).hasSize(1059);
        assertThat(new HashSet<>(separators)).hasSize(1052);
        // the multi-character ones, matched leftmost-longest before their first character alone
        assertThat(separators.stream().filter(s -> s.codePointCount(0, s.length()) > 1))
                .containsExactly(". ", ", ", "\u17D4\u179B\u17D4");
        assertThat(separators).contains("\0", "\u200C", "`", "\uD83A\uDD5F");
    }

    @Test
    void marksAreCharabiasNonspacingMarks() {
        List<String> marks = CharabiaTables.marks();
        assertThat(marks).hasSize(1281);
        assertThat(new HashSet<>(marks)).hasSize(1281);
        assertThat(marks).contains("\u0301", "\u05B8");
    }

    @Test
    void runsSplitWhereTheScriptChanges() {
        // characters of no script (space, ﬁ, digits) stay in the run they are in
        assertThat(MultilingualTokenizer.runs("σοφος ﬁnance 12 Привет")).containsExactly("σοφος ﬁ", "nance 12 ",
                "Привет");
        assertThat(MultilingualTokenizer.runs("12 ab")).containsExactly("12 ab");
    }
}
