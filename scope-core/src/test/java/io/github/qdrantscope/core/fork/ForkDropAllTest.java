package io.github.qdrantscope.core.fork;

import static io.github.qdrantscope.core.fork.ForkClients.createCollection;
import static io.github.qdrantscope.core.fork.ForkClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ForkCollections#dropAll} removes what the fork's mapping created, and nothing else. */
class ForkDropAllTest {

    private static final String NS = "qdrant_scope_local-a683f017_f1";

    /** A fork whose namespace starts with {@link #NS}: its collections are not {@link #NS}'s. */
    private static final String LONGER_NS = NS + "2";

    private ForkClients qdrant;

    @BeforeEach
    void start() {
        this.qdrant = new ForkClients();
    }

    @AfterEach
    void stop() {
        this.qdrant.close();
    }

    @Test
    void dropAllRemovesExactlyTheCollectionsAndAliasesTheForkCreated() throws Exception {
        QdrantClient fork = this.qdrant.fork(NS);
        QdrantClient other = this.qdrant.fork(LONGER_NS);
        QdrantClient plain = this.qdrant.plain();
        createCollection(fork, "documents", 2);
        createCollection(fork, "chunks", 2);
        createCollection(fork, NS, 2);
        get(fork.createAliasAsync("docs", "documents"));
        // an alias to the bound collection outlives the collections dropped, unless dropAll removes it
        get(fork.createAliasAsync("bound", NS));
        createCollection(other, "documents", 2);
        get(other.createAliasAsync("docs", "documents"));
        createCollection(plain, "documents", 2);
        createCollection(plain, NS + "_other", 2);

        assertThat(new ForkCollections(NS).dropAll(plain)).containsExactlyInAnyOrder(NS + "__documents",
                NS + "__chunks");

        assertThat(get(plain.listCollectionsAsync())).containsExactlyInAnyOrder("documents", NS, NS + "_other",
                LONGER_NS + "__documents");
        assertThat(get(plain.listAliasesAsync())).extracting(AliasDescription::getAliasName,
                AliasDescription::getCollectionName)
            .containsExactly(tuple(LONGER_NS + "__docs", LONGER_NS + "__documents"));
        assertThat(get(fork.listCollectionsAsync())).containsExactly(NS);
        assertThat(get(other.listCollectionsAsync())).containsExactly("documents");
        // the names are free again
        createCollection(fork, "bound", 2);
        assertThat(new ForkCollections(NS).dropAll(plain)).containsExactly(NS + "__bound");
    }

    @Test
    void dropAllThroughAForkClientDeletesNothing() throws Exception {
        QdrantClient fork = this.qdrant.fork(NS);
        createCollection(fork, "documents", 2);
        createCollection(fork, NS, 2);

        assertThat(new ForkCollections(NS).dropAll(fork)).isEmpty();
        assertThat(get(this.qdrant.plain().listCollectionsAsync())).containsExactlyInAnyOrder(NS,
                NS + "__documents");
    }

    @Test
    void aServerThatCannotBeReachedFailsNamingTheNamespace() {
        QdrantClient plain = this.qdrant.plain();
        this.qdrant.server.close();
        assertThatThrownBy(() -> new ForkCollections(NS).dropAll(plain, java.time.Duration.ofSeconds(5)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("qdrant-scope: could not drop the collections of fork namespace '" + NS + "': ")
            .hasCauseInstanceOf(io.grpc.StatusRuntimeException.class);
    }
}
