package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The naming rule on its own. */
class ForkCollectionsTest {

    private static final String NS = "qdrant_scope_local-a683f017_f1";

    private final ForkCollections fork = new ForkCollections(NS);

    @Test
    void applicationNamesGoIntoTheNamespaceAndComeBack() {
        assertThat(this.fork.toServer("documents")).isEqualTo(NS + "__documents");
        assertThat(this.fork.toApplication(NS + "__documents")).contains("documents");
        assertThat(this.fork.toServer("a__b")).isEqualTo(NS + "__a__b");
        assertThat(this.fork.toApplication(NS + "__a__b")).contains("a__b");
    }

    @Test
    void namesAlreadyBoundToTheForkPassUnchanged() {
        assertThat(this.fork.toServer(NS)).isEqualTo(NS);
        assertThat(this.fork.toServer(NS + "__vectors")).isEqualTo(NS + "__vectors");
        assertThat(this.fork.toApplication(NS)).contains(NS);
        assertThat(this.fork.isBound(NS + "__vectors")).isTrue();
        assertThat(this.fork.isBound(NS + "_vectors")).isFalse();
    }

    @Test
    void otherForksAndForeignNamesAreNotThisForks() {
        assertThat(this.fork.toApplication("documents")).isEmpty();
        assertThat(this.fork.toApplication("qdrant_scope_local-a683f017_f2__documents")).isEmpty();
        // a namespace that merely starts with this one is another fork's
        assertThat(this.fork.toApplication(NS + "2__documents")).isEmpty();
        assertThat(this.fork.toApplication(NS + "2")).isEmpty();
        assertThat(this.fork.toApplication(NS + "__")).isEmpty();
        assertThat(this.fork.isCreatedByFork(NS)).isFalse();
        assertThat(this.fork.isCreatedByFork(NS + "__documents")).isTrue();
    }

    @Test
    void theEmptyNameIsLeftForQdrantToRefuse() {
        assertThat(this.fork.toServer("")).isEmpty();
    }

    @Test
    void aMappedNameLongerThanQdrantsLimitFailsNamingTheNameTheNamespaceAndTheLimit() {
        int room = 255 - NS.length() - 2;
        String longest = "d".repeat(room);
        assertThat(this.fork.toServer(longest)).hasSize(255);
        String tooLong = longest + "d";
        assertThatThrownBy(() -> this.fork.toServer(tooLong))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("qdrant-scope: collection name '" + tooLong + "' (" + (room + 1) + " characters) becomes 256"
                    + " characters in fork namespace '" + NS + "', more than Qdrant's limit of 255; in this fork a"
                    + " collection name can have at most " + room + " characters");
    }

    @Test
    void lengthIsCountedInCharactersAsQdrantCountsThem() {
        // one code point, two UTF-16 units: Qdrant counts one
        String emoji = new String(Character.toChars(0x1F600));
        int room = 255 - NS.length() - 2;
        String name = emoji.repeat(room);
        assertThat(this.fork.toServer(name).codePointCount(0, this.fork.toServer(name).length())).isEqualTo(255);
        assertThatThrownBy(() -> this.fork.toServer(name + emoji)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNamespaceMustBeUsableAsACollectionNamePrefix() {
        assertThatThrownBy(() -> new ForkCollections("")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new ForkCollections("a/b")).hasMessageContaining("'a/b' contains '/'");
        assertThatThrownBy(() -> new ForkCollections("n".repeat(253)))
            .hasMessageContaining("leaves no room for a collection name within Qdrant's 255-character limit");
        assertThat(new ForkCollections("n".repeat(252)).toServer("x")).hasSize(255);
    }
}
