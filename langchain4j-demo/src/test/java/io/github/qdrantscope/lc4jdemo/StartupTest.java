package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Start-up: the application creates its hard-coded collection once, with the model's dimension and Cosine, and
 * every test starts with an empty library although ~300 tests write into that one collection.
 */
@QdrantScopeTest
class StartupTest {

    private final QdrantClient client;

    private final Library library;

    StartupTest(QdrantClient client) {
        this.client = client;
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @Test
    void theCollectionIsTheOnlyOneTheApplicationSees() throws Exception {
        assertThat(this.client.listCollectionsAsync().get()).containsExactly(LibrarySchema.COLLECTION);
    }

    @Test
    void theCollectionHasTheModelsDimensionAndCosine() throws Exception {
        CollectionInfo info = this.client.getCollectionInfoAsync(LibrarySchema.COLLECTION).get();
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getSize()).isEqualTo(384);
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getDistance())
            .isEqualTo(Distance.Cosine);
        assertThat(info.getPayloadSchemaMap()).containsOnlyKeys(SegmentFields.DOCUMENT_ID, SegmentFields.CATEGORY,
                SegmentFields.YEAR);
    }

    @Test
    void startingAgainFindsTheCollectionAndCreatesNothing() {
        assertThat(LibrarySchema.ensure(this.client)).isFalse();
        this.library.ingestion().ingest(Corpus.PUPPY);
        Library second = Library.start(this.client, CachedEmbeddings.model());
        assertThat(second.retrieval().outline("puppy")).containsExactlyElementsOf(Corpus.passages(Corpus.PUPPY));
    }

    @RepeatedTest(10)
    void everyTestStartsWithAnEmptyLibrary() {
        assertThat(this.library.retrieval().count()).isZero();
        assertThat(this.library.retrieval().search("sourdough", PassageFilter.any(), 50)).isEmpty();
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);
    }

    @Test
    void aModelOfAnotherDimensionIsRejected() {
        EmbeddingModel tiny = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return Response.from(segments.stream().map(segment -> Embedding.from(new float[] { 1f, 0f })).toList());
            }

            @Override
            public int dimension() {
                return 2;
            }
        };
        assertThatThrownBy(() -> Library.start(this.client, tiny)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("The library's collection has 384 dimensions; the embedding model gives 2");
    }
}
