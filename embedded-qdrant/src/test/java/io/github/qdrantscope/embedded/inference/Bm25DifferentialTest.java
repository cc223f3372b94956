package io.github.qdrantscope.embedded.inference;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.Document;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded server's {@code qdrant/bm25} inference against Qdrant Edge 0.9.0's {@code Bm25} model, the oracle
 * ({@code edge_bm25.py}): generated texts and options ({@link Bm25Samples}); document vectors go through the
 * official client (upsert, then read back) and must equal Edge's index for index and bit for bit; query vectors
 * (weight 1.0 per distinct token, never stored) are compared as index sets, and their scores through a Query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Bm25DifferentialTest {

    private static final int SAMPLES = 400;

    private EmbeddedQdrant server;
    private QdrantClient client;
    private EdgeBm25Oracle oracle;

    @BeforeAll
    void start() {
        server = EmbeddedQdrant.builder().port(0).start();
        client = new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false).build());
        oracle = EdgeBm25Oracle.start();
    }

    @AfterAll
    void stop() throws Exception {
        oracle.close();
        client.close();
        server.close();
    }

    @Test
    void documentVectorsEqualEdgesThroughTheClient() {
        String collection = "bm25_documents";
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap("text", SparseVectorParams.getDefaultInstance()))
                .build()));
        Bm25Samples samples = new Bm25Samples(20261203L);
        Map<Long, EdgeBm25Oracle.Answer> expected = new HashMap<>();
        int multilingual = 0;
        for (long id = 0; id < SAMPLES; id++) {
            String text = samples.text();
            Map<String, Object> options = samples.options(true, text);
            multilingual += "multilingual".equals(options.get("tokenizer")) ? 1 : 0;
            EdgeBm25Oracle.Answer edge = oracle.embed("document", text, options);
            assertThat(edge.error()).as("Edge refused %s", options).isNull();
            PointStruct point = PointStruct.newBuilder().setId(id(id))
                    .setVectors(namedVectors(Map.of("text", vector(document(text, options))))).build();
            await(client.upsertAsync(collection, List.of(point)));
            expected.put(id, edge);
        }
        System.out.printf("bm25 documents: %d of %d multilingual%n", multilingual, SAMPLES);
        assertThat(multilingual).as("multilingual documents").isGreaterThan(SAMPLES / 20);
        List<PointId> ids = expected.keySet().stream().map(i -> id(i)).toList();
        for (RetrievedPoint point : await(client.retrieveAsync(collection, ids, false, true, null))) {
            EdgeBm25Oracle.Answer edge = expected.get(point.getId().getNum());
            SparseVector stored = point.getVectors().getVectors().getVectorsOrThrow("text").getSparse();
            assertThat(stored.getIndicesList()).as("indices of point %s", point.getId().getNum())
                    .containsExactlyElementsOf(boxed(edge.indices()));
            assertThat(bits(stored.getValuesList())).as("values of point %s", point.getId().getNum())
                    .containsExactlyElementsOf(bits(edge.values()));
        }
    }

    @Test
    void queryVectorsAndScoresEqualEdges() {
        String collection = "bm25_queries";
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap("text", SparseVectorParams.getDefaultInstance()))
                .build()));
        Bm25Samples samples = new Bm25Samples(777L);
        int multilingual = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String text = samples.text();
            Map<String, Object> options = samples.options(false, text);
            multilingual += "multilingual".equals(options.get("tokenizer")) ? 1 : 0;
            EdgeBm25Oracle.Answer edge = oracle.embed("query", text, options);
            assertThat(edge.error()).as("Edge refused %s", options).isNull();
            Bm25.Embedding ours = Bm25Options.parse(Bm25Samples.grpc(options)).query(text);
            int[] sorted = ours.indices().clone();
            Arrays.sort(sorted);
            int[] edgeSorted = edge.indices().clone();
            Arrays.sort(edgeSorted);
            assertThat(sorted).as("query indices of %s with %s", text, options).containsExactly(edgeSorted);
            for (float value : ours.values()) {
                assertThat(value).isEqualTo(1.0f);
            }
            if (i % 20 == 0) {
                assertScoresThroughQuery(collection, i, text, options, edge);
            }
        }
        System.out.printf("bm25 queries: %d of %d multilingual%n", multilingual, SAMPLES);
        assertThat(multilingual).as("multilingual queries").isGreaterThan(SAMPLES / 20);
    }

    // one stored point whose vector is Edge's document vector of the same text: the query's score is the sum of
    // the stored weights at the indices the query shares with it, in index order
    private void assertScoresThroughQuery(String collection, int i, String text, Map<String, Object> options,
            EdgeBm25Oracle.Answer query) {
        EdgeBm25Oracle.Answer stored = oracle.embed("document", text, options);
        SparseVector.Builder sparse = SparseVector.newBuilder();
        for (int j = 0; j < stored.indices().length; j++) {
            sparse.addIndices(stored.indices()[j]).addValues(stored.values()[j]);
        }
        await(client.upsertAsync(collection, List.of(PointStruct.newBuilder().setId(id(i))
                .setVectors(namedVectors(Map.of("text", io.qdrant.client.grpc.Points.Vector.newBuilder()
                        .setSparse(sparse).build()))).build())));
        List<ScoredPoint> hits = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection)
                .setQuery(nearest(document(text, options))).setUsing("text").setLimit(1000).build()));
        float score = 0;
        boolean overlap = false;
        List<Integer> queryIndices = boxed(query.indices());
        for (int j = 0; j < stored.indices().length; j++) {
            if (queryIndices.contains(stored.indices()[j])) {
                score += 1.0f * stored.values()[j];
                overlap = true;
            }
        }
        ScoredPoint hit = hits.stream().filter(h -> h.getId().getNum() == i).findFirst().orElse(null);
        if (!overlap) {
            assertThat(hit).as("point %s shares no index with its query", i).isNull();
        } else {
            assertThat(hit).as("point %s", i).isNotNull();
            assertThat(Float.floatToIntBits(hit.getScore())).as("score of %s", i)
                    .isEqualTo(Float.floatToIntBits(score));
        }
    }

    static Document document(String text, Map<String, Object> options) {
        return Document.newBuilder().setText(text).setModel("qdrant/bm25").putAllOptions(Bm25Samples.grpc(options))
                .build();
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Integer> bits(float[] values) {
        List<Integer> bits = new ArrayList<>();
        for (float value : values) {
            bits.add(Float.floatToIntBits(value));
        }
        return bits;
    }

    private static List<Integer> bits(List<Float> values) {
        return values.stream().map(Float::floatToIntBits).toList();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw status;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
