package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.RunId;
import org.junit.jupiter.api.Test;

class CollectionNamesTest {

    @Test
    void nameIsPrefixRunAndFork() {
        assertThat(CollectionNames.of("qdrant_scope", new RunId("gl5551", "gitlab"), new ForkId("2", "surefire")))
                .isEqualTo("qdrant_scope_gl5551_f2");
    }

    @Test
    void longestPossibleNameFitsQdrantsLimit() {
        String name = CollectionNames.of("p" + "x".repeat(63), new RunId("r".repeat(64), "x"),
                new ForkId("f".repeat(32), "x"));

        assertThat(name).hasSizeLessThanOrEqualTo(CollectionNames.MAX_LENGTH);
    }

    @Test
    void onlyCollectionsWithThePrefixAreOwned() {
        assertThat(CollectionNames.isOwnedBy("qdrant_scope", "qdrant_scope_gl1_f1")).isTrue();
        assertThat(CollectionNames.isOwnedBy("qdrant_scope", "qdrant_scopeX")).isFalse();
        assertThat(CollectionNames.isOwnedBy("qdrant_scope", "vector_store")).isFalse();
        assertThat(CollectionNames.isOwnedBy("qdrant_scope", null)).isFalse();
    }
}
