package io.github.qdrantscope.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;

/**
 * Spring AI 2.0.0's real {@link QdrantVectorStore} end to end against the embedded server: schema
 * initialisation, add, similarity search with and without filter expressions, delete by ids and by filter.
 * The store creates a Cosine collection and sends score_threshold = similarityThreshold (0.0 by default),
 * which Qdrant applies strictly, so documents with similarity 0 are not returned.
 */
class SpringAiQdrantVectorStoreTest extends ConformanceTestBase {

    private static final double EPS = 1e-5;

    private final String apple = UUID.randomUUID().toString();
    private final String appleBanana = UUID.randomUUID().toString();
    private final String banana = UUID.randomUUID().toString();
    private final String cherry = UUID.randomUUID().toString();
    private final String appleCherry = UUID.randomUUID().toString();

    /** A store on its own fresh collection, loaded with the five documents (methods may run in parallel). */
    private record Fixture(QdrantVectorStore store, String collection) {

        List<Document> search(String query, String filter) {
            SearchRequest.Builder request = SearchRequest.builder().query(query).topK(10);
            if (filter != null) {
                request.filterExpression(filter);
            }
            return store.similaritySearch(request.build());
        }
    }

    private Fixture loadedStore() throws Exception {
        String collection = uniqueName("springai");
        QdrantVectorStore store = QdrantVectorStore.builder(client, new WordCountEmbeddingModel())
                .collectionName(collection)
                .initializeSchema(true)
                .build();
        store.afterPropertiesSet();
        store.add(List.of(
                doc(apple, "apple", Map.of("genre", "fruit", "year", 2020, "color", "red")),
                doc(appleBanana, "apple banana", Map.of("genre", "fruit", "year", 2021, "color", "yellow")),
                doc(banana, "banana", Map.of("genre", "fruit", "year", 2022)),
                doc(cherry, "cherry", Map.of("genre", "berry", "year", 2020)),
                doc(appleCherry, "apple cherry cherry", Map.of("genre", "berry", "year", 2021))));
        return new Fixture(store, collection);
    }

    private static Document doc(String id, String text, Map<String, Object> metadata) {
        return Document.builder().id(id).text(text).metadata(metadata).build();
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::getId).toList();
    }

    @Test
    void initializeSchemaCreatesACosineCollectionOfTheModelsDimension() throws Exception {
        Fixture f = loadedStore();

        var info = await(client.getCollectionInfoAsync(f.collection()));

        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getSize()).isEqualTo(3);
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getDistance())
                .isEqualTo(io.qdrant.client.grpc.Collections.Distance.Cosine);
        assertThat(info.getPointsCount()).isEqualTo(5);
    }

    @Test
    void similaritySearchRanksByCosineAndDropsZeroSimilarity() throws Exception {
        Fixture f = loadedStore();

        List<Document> result = f.search("apple", null);

        // apple=[1,0,0]: apple 1, apple banana 1/sqrt2, apple cherry cherry 1/sqrt5; banana and cherry score 0
        assertThat(ids(result)).containsExactly(apple, appleBanana, appleCherry);
        assertThat(result.get(0).getScore()).isCloseTo(1.0, within(EPS));
        assertThat(result.get(1).getScore()).isCloseTo(1 / Math.sqrt(2), within(EPS));
        assertThat(result.get(2).getScore()).isCloseTo(1 / Math.sqrt(5), within(EPS));
        assertThat(result.get(1).getText()).isEqualTo("apple banana");
        assertThat(result.get(1).getMetadata()).containsEntry("genre", "fruit").containsEntry("color", "yellow");
    }

    @Test
    void topKLimitsResults() throws Exception {
        Fixture f = loadedStore();

        List<Document> result = f.store().similaritySearch(SearchRequest.builder().query("apple").topK(2).build());

        assertThat(ids(result)).containsExactly(apple, appleBanana);
    }

    @Test
    void similarityThresholdIsApplied() throws Exception {
        Fixture f = loadedStore();

        List<Document> result = f.store().similaritySearch(SearchRequest.builder().query("apple").topK(10)
                .similarityThreshold(0.5).build());

        assertThat(ids(result)).containsExactly(apple, appleBanana);
    }

    @Test
    void equalityFilter() throws Exception {
        Fixture f = loadedStore();

        assertThat(ids(f.search("apple", "genre == 'fruit'"))).containsExactly(apple, appleBanana);
    }

    @Test
    void andWithInFilter() throws Exception {
        Fixture f = loadedStore();

        // "apple cherry"=[1,0,1]: apple cherry cherry 3/sqrt10, cherry 1/sqrt2
        List<Document> berries = f.search("apple cherry", "genre == 'berry' && year in [2020, 2021]");
        assertThat(ids(berries)).containsExactly(appleCherry, cherry);
        assertThat(berries.get(0).getScore()).isCloseTo(3 / Math.sqrt(10), within(EPS));

        // banana (2022) is excluded by the IN list; year 2021 fruit has similarity 1/2
        assertThat(ids(f.search("apple cherry", "genre == 'fruit' && year in [2020, 2021]")))
                .containsExactly(apple, appleBanana);
    }

    @Test
    void orAndNotFilters() throws Exception {
        Fixture f = loadedStore();

        assertThat(ids(f.search("apple", "color == 'red' || year == 2021"))).containsExactly(apple, appleBanana,
                appleCherry);
        assertThat(ids(f.search("apple", "genre != 'fruit'"))).containsExactly(appleCherry);
        assertThat(ids(f.search("apple", "year >= 2021"))).containsExactly(appleBanana, appleCherry);
    }

    @Test
    void deleteByIds() throws Exception {
        Fixture f = loadedStore();

        f.store().delete(List.of(apple, cherry));

        assertThat(ids(f.search("apple", null))).containsExactly(appleBanana, appleCherry);
        assertThat(await(client.countAsync(f.collection()))).isEqualTo(3);
    }

    @Test
    void deleteByFilterExpression() throws Exception {
        Fixture f = loadedStore();

        f.store().delete("genre == 'berry'");

        assertThat(ids(f.search("apple cherry", null))).containsExactly(apple, appleBanana);
        assertThat(await(client.countAsync(f.collection()))).isEqualTo(3);
    }

    @Test
    void reAddingADocumentReplacesIt() throws Exception {
        Fixture f = loadedStore();

        f.store().add(List.of(doc(banana, "apple", Map.of("genre", "fruit", "year", 2030))));

        List<Document> result = f.search("apple", "year == 2030");

        assertThat(ids(result)).containsExactly(banana);
        assertThat(result.get(0).getText()).isEqualTo("apple");
        assertThat(await(client.countAsync(f.collection()))).isEqualTo(5);
    }

    /**
     * Deterministic embedding: counts of the words apple, banana, cherry. Overrides {@link #dimensions()}
     * because the Qdrant store asks for it on every operation (a default would call the model).
     */
    static final class WordCountEmbeddingModel implements EmbeddingModel {

        private static final List<String> VOCABULARY = List.of("apple", "banana", "cherry");

        static float[] vectorOf(String text) {
            float[] vector = new float[VOCABULARY.size()];
            for (String word : text.toLowerCase().split("\\s+")) {
                int index = VOCABULARY.indexOf(word);
                if (index >= 0) {
                    vector[index]++;
                }
            }
            return vector;
        }

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<Embedding> embeddings = new ArrayList<>();
            List<String> texts = request.getInstructions();
            for (int i = 0; i < texts.size(); i++) {
                embeddings.add(new Embedding(vectorOf(texts.get(i)), i));
            }
            return new EmbeddingResponse(embeddings);
        }

        @Override
        public float[] embed(Document document) {
            return vectorOf(document.getText());
        }

        @Override
        public int dimensions() {
            return VOCABULARY.size();
        }
    }
}
