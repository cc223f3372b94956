package io.github.qdrantscope.embedded.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first path segment under which a retired point's value is kept (Qdrant's JSON path syntax). */
class RetiredIndexValuesTest {

    @Test
    void rootIsTheTopLevelKeyOfAPath() {
        assertThat(RetiredIndexValues.root("city")).isEqualTo("city");
        assertThat(RetiredIndexValues.root("meta.tags")).isEqualTo("meta");
        assertThat(RetiredIndexValues.root("items[].id")).isEqualTo("items");
        assertThat(RetiredIndexValues.root("items[0]")).isEqualTo("items");
        // a quoted key may hold dots and brackets
        assertThat(RetiredIndexValues.root("\"a.b[]\".c")).isEqualTo("a.b[]");
    }
}
