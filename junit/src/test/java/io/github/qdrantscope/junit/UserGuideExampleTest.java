package io.github.qdrantscope.junit;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutionException;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user guide's "Without Spring" example, as it is printed there (plus what its LangChain4j test does). */
@QdrantScopeTest
class UserGuideExampleTest {

    private final QdrantClient qdrant;

    UserGuideExampleTest(QdrantClient qdrant) {
        this.qdrant = qdrant;
    }

    @BeforeEach
    void createCollection() throws Exception {
        if (!qdrant.collectionExistsAsync("segments").get()) {
            try {
                qdrant.createCollectionAsync("segments", VectorParams.newBuilder()
                    .setSize(4).setDistance(Distance.Cosine).build()).get();
            }
            catch (ExecutionException ex) {
                if (!ex.getMessage().contains("already exists")) {
                    throw ex;
                }
            }
        }
    }

    @Test
    void findsOnlyItsOwnSegments() throws Exception {
        qdrant.upsertAsync("segments", List.of(PointStruct.newBuilder().setId(id(1))
            .setVectors(vectors(1f, 0f, 0f, 0f)).putPayload("text", value("apples")).build())).get();

        assertThat(qdrant.countAsync("segments").get()).isEqualTo(1);
    }

    @Test
    void withLangChain4j(QdrantScopeEndpoint endpoint) {
        EmbeddingStore<TextSegment> store = QdrantEmbeddingStore.builder()
            .client(qdrant).collectionName("segments").build();
        Embedding apples = Embedding.from(new float[] { 1, 0, 0, 0 });
        String added = store.add(apples, TextSegment.from("apples"));

        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
            .queryEmbedding(apples).maxResults(10).build()).matches();
        assertThat(matches).extracting(EmbeddingMatch::embeddingId).containsExactly(added);
        assertThat(matches.get(0).embedded().text()).isEqualTo("apples");

        store.removeAll();   // only this test's segments
        assertThat(store.search(EmbeddingSearchRequest.builder().queryEmbedding(apples).maxResults(10).build())
            .matches()).isEmpty();
        // a client of one's own from the endpoint: mapped and scoped alike
        try (QdrantClient own = endpoint.newClient()) {
            EmbeddingStore<TextSegment> second = QdrantEmbeddingStore.builder()
                .client(own).collectionName("segments").build();
            assertThat(second.search(EmbeddingSearchRequest.builder().queryEmbedding(apples).maxResults(10).build())
                .matches()).isEmpty();
        }
    }
}
