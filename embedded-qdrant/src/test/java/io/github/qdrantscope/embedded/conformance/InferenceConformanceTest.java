package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.SparseFixture.documentPoint;
import static io.github.qdrantscope.embedded.conformance.SparseFixture.storedText;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Document;
import io.qdrant.client.grpc.Points.Image;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inference inputs as a Qdrant 1.17 node without an inference service answers them: {@code qdrant/bm25}
 * Documents are embedded locally ({@code src/common/inference/bm25.rs}: tokens from the word tokenizer,
 * lowercased, English stopwords, English Snowball stemmer; index {@code |murmur3_32(token, 0) as i32|}; a
 * document's weight {@code tf * (k + 1) / k.mul_add(1 - b + b * len / avg_len, tf)} with k 1.2, b 0.75, avg_len
 * 256, a query's 1.0). The expected indices and weights were read off Qdrant Edge 0.9.0 ({@code edge_bm25.py}).
 */
class InferenceConformanceTest extends ConformanceTestBase {

    private static final int RUN = 243905464;
    private static final int FOX = 1621867415;
    private static final int DOG = 1312749093;
    /** "The quick brown foxes are running": quick, brown, fox, run; each once in 4 tokens. */
    private static final float ONE_IN_FOUR = 1.6741974353790283f;
    /** "A fox is not a dog": fox, dog; each once in 2 tokens. */
    private static final float ONE_IN_TWO = 1.6832038164138794f;

    private String textCollection() {
        return SparseFixture.empty(client, "bm25");
    }

    private static Document bm25(String text) {
        return Document.newBuilder().setText(text).setModel("qdrant/bm25").build();
    }

    private List<ScoredPoint> query(String collection, Query query) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection).setQuery(query)
                .setUsing("text").build()));
    }

    @Test
    void upsertStoresTheBm25DocumentVector() {
        String c = textCollection();
        upsert(c, documentPoint(1, bm25("The quick brown foxes are running")), documentPoint(2, bm25("A fox is not a dog")));

        SparseVector first = storedText(client, c, 1);
        assertThat(first.getIndicesList()).containsExactly(RUN, 741580288, 771291085, FOX);
        assertThat(first.getValuesList()).containsOnly(ONE_IN_FOUR);
        // the same formula in f64 with the fused multiply-add, stored as f32
        assertThat((float) (2.2 / Math.fma(1.2, 1 - 0.75 + 0.75 * 4 / 256.0, 1))).isEqualTo(ONE_IN_FOUR);
        assertThat(storedText(client, c, 2).getIndicesList()).containsExactly(DOG, FOX);
        assertThat(storedText(client, c, 2).getValuesList()).containsOnly(ONE_IN_TWO);
    }

    @Test
    void optionsOverrideTheBm25Parameters() {
        String c = textCollection();
        Document document = bm25("Running runners run, RUN!").toBuilder()
                .putOptions("k", value(1.5)).putOptions("b", value(0.5)).putOptions("avg_len", value(10.0)).build();
        upsert(c, documentPoint(1, document));
        // run three times, runner once, in 4 tokens
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(RUN, 946033505);
        assertThat(storedText(client, c, 1).getValuesList()).containsExactly(1.8518518209457397f, 1.2195122241973877f);
    }

    @Test
    void aLanguageOptionPicksItsStopwordsAndStemmer() {
        String c = textCollection();
        // language (or its alias) gives the stopword list and the Snowball stemmer of that language
        // (Bm25Config in src/common/inference/bm25.rs, stop_words/german.rs): der, und, die, die, über are
        // German stopwords; hund, katz, lauf, strass stay, each once in 4 tokens
        String german = "Der Hund und die Katzen laufen über die Straße";
        upsert(c, documentPoint(1, bm25(german).toBuilder().putOptions("language", value("german")).build()),
                documentPoint(2, bm25(german).toBuilder().putOptions("language", value("de")).build()));
        for (long id : new long[] {1, 2}) {
            assertThat(storedText(client, c, id).getIndicesList()).containsExactly(230818717, 809068314, 1962405504, 1984074092);
            assertThat(storedText(client, c, id).getValuesList()).containsOnly(ONE_IN_FOUR);
        }
        // a language without a Snowball stemmer still has its list (stop_words/chinese.rs: 我们, 的, 和)
        Document chinese = bm25("我们 的 数据库 和 向量").toBuilder().putOptions("language", value("chinese"))
                .putOptions("tokenizer", value("whitespace")).build();
        upsert(c, documentPoint(3, chinese));
        assertThat(storedText(client, c, 3).getIndicesList()).containsExactly(1075178782, 1169440797);
        assertThat(storedText(client, c, 3).getValuesList()).containsOnly(ONE_IN_TWO);
        // French stopwords (les, et, le) on the query side: chat, chien
        Document french = bm25("Les chats et le chien").toBuilder().putOptions("language", value("french")).build();
        upsert(c, documentPoint(4, bm25("chats").toBuilder().putOptions("language", value("french")).build()));
        assertThat(query(c, nearest(french))).extracting(p -> p.getId().getNum()).containsExactly(4L);
        assertThat(storedText(client, c, 4).getIndicesList()).containsExactly(420652329);
    }

    @Test
    void aQueryDocumentScoresWithWeightOnePerDistinctToken() {
        String c = textCollection();
        upsert(c, documentPoint(1, bm25("The quick brown foxes are running")), documentPoint(2, bm25("A fox is not a dog")));
        // "running fox, foxes": run and fox once each, weight 1.0
        List<ScoredPoint> hits = query(c, nearest(bm25("running fox, foxes")));
        assertThat(hits).extracting(p -> p.getId().getNum()).containsExactly(1L, 2L);
        assertThat(hits.get(0).getScore()).isEqualTo(ONE_IN_FOUR + ONE_IN_FOUR);
        assertThat(hits.get(1).getScore()).isEqualTo(ONE_IN_TWO);
        // the model name is matched without case, "bm25" is its alias (local_model.rs)
        Document upper = bm25("dog").toBuilder().setModel("Qdrant/BM25").build();
        assertThat(query(c, nearest(upper))).extracting(p -> p.getId().getNum()).containsExactly(2L);
        Document alias = bm25("dog").toBuilder().setModel("bm25").build();
        assertThat(query(c, nearest(alias))).extracting(p -> p.getId().getNum()).containsExactly(2L);
    }

    @Test
    void documentsWorkInPrefetchesExamplesAndBatches() {
        String c = textCollection();
        upsert(c, documentPoint(1, bm25("The quick brown foxes are running")), documentPoint(2, bm25("A fox is not a dog")));
        QueryPoints prefetched = QueryPoints.newBuilder().setCollectionName(c)
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(bm25("dog"))).setUsing("text"))
                .setQuery(nearest(1, 0)).setUsing("dense").build();
        assertThat(await(client.queryAsync(prefetched))).extracting(p -> p.getId().getNum()).containsExactly(2L);

        Query recommend = Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(VectorInput.newBuilder().setDocument(bm25("quick dog")))).build();
        assertThat(query(c, recommend)).extracting(p -> p.getId().getNum()).containsExactlyInAnyOrder(1L, 2L);

        var batch = await(client.queryBatchAsync(c, List.of(
                QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(bm25("quick"))).setUsing("text").build(),
                QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(bm25("dog"))).setUsing("text").build())));
        assertThat(batch.get(0).getResultList()).extracting(p -> p.getId().getNum()).containsExactly(1L);
        assertThat(batch.get(1).getResultList()).extracting(p -> p.getId().getNum()).containsExactly(2L);
    }

    @Test
    void updateVectorsAndUpdateBatchInferDocumentsToo() {
        String c = textCollection();
        upsert(c, documentPoint(1, bm25("dog")));
        await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("text", vector(bm25("A fox is not a dog"))))).build())));
        assertThat(storedText(client, c, 1).getValuesList()).containsOnly(ONE_IN_TWO);

        await(client.batchUpdateAsync(c, List.of(PointsUpdateOperation.newBuilder()
                .setUpsert(PointsUpdateOperation.PointStructList.newBuilder()
                        .addPoints(documentPoint(2, bm25("The quick brown foxes are running")))).build())));
        assertThat(storedText(client, c, 2).getValuesList()).containsOnly(ONE_IN_FOUR);
    }

    @Test
    void otherModelsNeedTheInferenceServiceANodeDoesNotHave() {
        String c = textCollection();
        Document other = Document.newBuilder().setText("a text").setModel("sentence-transformers/all-minilm-l6-v2")
                .build();
        // service.rs: infer_remote without inference.address; update: error_to_status, query: "Inference error: "
        assertGrpcError(() -> upsert(c, documentPoint(1, other)), Status.Code.INTERNAL,
                "Service internal error: InferenceService URL not configured - please provide valid address in config");
        assertGrpcError(() -> query(c, nearest(other)), Status.Code.INTERNAL, "Inference error: Service internal error:"
                + " InferenceService URL not configured - please provide valid address in config");
        Image image = Image.newBuilder().setImage(Value.newBuilder().setStringValue("http://x/y.png"))
                .setModel("qdrant/bm25").build();
        assertGrpcError(() -> query(c, nearest(image)), Status.Code.INTERNAL,
                "Inference error: Wrong input: Only text input is supported for qdrant/bm25.");
    }

    @Test
    void badOptionsAreRefusedWithSerdesText() {
        String c = textCollection();
        Document badK = bm25("dog").toBuilder().putOptions("k", value("high")).build();
        // parse_bm25_config (inference_input.rs): "Invalid BM25 config: {err:#?}", serde_json::Error's Debug
        assertGrpcError(() -> upsert(c, documentPoint(1, badK)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Invalid BM25 config: Error(\"invalid type: string \\\"high\\\", expected f64\","
                        + " line: 0, column: 0)");
        Document badTokenizer = bm25("dog").toBuilder().putOptions("tokenizer", value("letters")).build();
        assertGrpcError(() -> query(c, nearest(badTokenizer)), Status.Code.INTERNAL,
                "Inference error: Wrong input: Invalid BM25 config: Error(\"unknown variant `letters`, expected one"
                        + " of `prefix`, `whitespace`, `word`, `multilingual`\", line: 0, column: 0)");
        Document badStemmer = bm25("dog").toBuilder().putOptions("stemmer", value("english")).build();
        assertGrpcError(() -> upsert(c, documentPoint(1, badStemmer)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Invalid BM25 config: Error(\"data did not match any variant of untagged enum"
                        + " StemmingAlgorithm\", line: 0, column: 0)");
        assertThat(count(c)).isZero();
    }

    @Test
    void aDocumentVectorIsSparseAndMustBeNamedAsSuch() {
        String c = textCollection();
        // update_requests.rs: the default vector's inferred sparse vector is refused after inference
        assertGrpcError(() -> upsert(c, PointStruct.newBuilder().setId(id(1)).setVectors(vectors(bm25("dog"))).build()),
                Status.Code.INVALID_ARGUMENT, "Bad request: Sparse vector should be named");
        assertGrpcError(() -> await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                        .setVectors(vectors(bm25("dog"))).build()))),
                Status.Code.INVALID_ARGUMENT, "Document processing is not supported for point vectors.");
        String dense = newNamedCollection(Distance.Dot, Map.of("dense", 2));
        // the inferred vector is a sparse one like any other: a dense name refuses it (OperationError::WrongSparse)
        assertGrpcError(() -> upsert(dense, PointStruct.newBuilder().setId(id(1))
                        .setVectors(namedVectors(Map.of("dense", vector(bm25("dog"))))).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
        assertThat(count(c)).isZero();
    }

    private static Value value(double number) {
        return Value.newBuilder().setDoubleValue(number).build();
    }

    private static Value value(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    private long count(String collection) {
        return await(client.countAsync(collection));
    }
}
