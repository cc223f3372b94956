package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.junit.QdrantScopeEndpoint;
import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Neighbour;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The library on a client it builds itself ({@link Library#connect(LibrarySettings, dev.langchain4j.model.embedding.EmbeddingModel)}),
 * from the extension's endpoint: its host and port, and its interceptors added to the application's channel, as
 * the application adds its own (tracing, auth). Scoped like the injected client: same project in the same test.
 */
@QdrantScopeTest
class AppBuiltClientTest {

    private final QdrantClient injected;

    private final QdrantScopeEndpoint endpoint;

    AppBuiltClientTest(QdrantClient injected, QdrantScopeEndpoint endpoint) {
        this.injected = injected;
        this.endpoint = endpoint;
    }

    private Library connect() {
        return Library.connect(LibrarySettings.of(this.endpoint.host(), this.endpoint.port())
            .withInterceptors(this.endpoint.interceptors()), CachedEmbeddings.model());
    }

    @RepeatedTest(5)
    void theAppBuiltClientIsIsolatedLikeTheInjectedOne() {
        try (Library library = connect(); Neighbour neighbour = new Neighbour(this.injected)) {
            neighbour.run(() -> library.ingestion().ingestAll(Corpus.DOCUMENTS));
            library.ingestion().ingest(Corpus.TELESCOPE);
            Question question = Question.about("telescope", 1);

            Oracle.assertSameResults(library.retrieval().search(question.text(), PassageFilter.any(), 20),
                    Oracle.ranking(question.text(), Corpus.passages(Corpus.TELESCOPE)));
            library.curation().clear();

            assertThat(library.retrieval().count()).isZero();
            assertThat(neighbour.call(() -> library.retrieval().count())).isEqualTo(Corpus.SEGMENTS);
        }
    }

    @Test
    void bothClientsSeeTheSameProjectInOneTest() {
        Library onInjected = Library.start(this.injected, CachedEmbeddings.model());
        try (Library own = connect()) {
            own.ingestion().ingest(Corpus.PUPPY);
            onInjected.ingestion().ingest(Corpus.BUDGET);

            assertThat(own.retrieval().count()).isEqualTo(6);
            assertThat(onInjected.retrieval().outline("puppy")).containsExactlyElementsOf(Corpus.passages(Corpus.PUPPY));
            assertThat(own.retrieval().outline("budget")).containsExactlyElementsOf(Corpus.passages(Corpus.BUDGET));
        }
    }

    @Test
    void theAppBuiltClientSeesTheApplicationsCollectionName() throws Exception {
        try (Library library = connect()) {
            library.ingestion().ingest(Corpus.COMPOST);
        }
        assertThat(this.injected.listCollectionsAsync().get()).containsExactly(LibrarySchema.COLLECTION);
    }

    @Test
    void closingTheLibraryClosesOnlyItsOwnClient() throws Exception {
        Library library = connect();
        library.ingestion().ingest(Corpus.COMPOST);
        library.close();

        Library onInjected = Library.start(this.injected, CachedEmbeddings.model());
        onInjected.close();
        assertThat(this.injected.countAsync(LibrarySchema.COLLECTION).get()).isEqualTo(2);
    }
}
