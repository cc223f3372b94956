package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Re-ingesting a shorter revision removes "document = sourdough AND index not in [0, 1]" — in a shared collection
 * that delete would take segment #2 of EVERY test's sourdough, and overwriting ids 0 and 1 would change every
 * test's text. Here a neighbour holding the original revision under the same ids keeps it whole, either way round.
 */
@QdrantScopeTest
class ReingestIsolationTest {

    private final QdrantClient client;

    private final Library library;

    ReingestIsolationTest(QdrantClient client) {
        this.client = client;
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @RepeatedTest(10)
    void myRevisionLeavesTheNeighboursOriginalWhole() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingest(Corpus.SOURDOUGH));
            this.library.ingestion().ingest(Corpus.SOURDOUGH);

            this.library.ingestion().reingest(Corpus.SOURDOUGH_REVISED);

            assertThat(this.library.retrieval().outline("sourdough"))
                .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH_REVISED));
            assertThat(neighbour.call(() -> this.library.retrieval().outline("sourdough")))
                .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH));
        }
    }

    @RepeatedTest(5)
    void theNeighboursRevisionLeavesMyOriginalWhole() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            this.library.ingestion().ingest(Corpus.SOURDOUGH);
            neighbour.run(() -> this.library.ingestion().ingest(Corpus.SOURDOUGH_EXTENDED));

            neighbour.run(() -> this.library.ingestion().reingest(Corpus.SOURDOUGH_REVISED));

            assertThat(this.library.retrieval().outline("sourdough"))
                .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH));
            assertThat(neighbour.call(() -> this.library.retrieval().outline("sourdough")))
                .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH_REVISED));
        }
    }
}
