package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.VectorInputFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.Mmr;
import io.qdrant.client.grpc.Points.NearestInputWithMmr;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query {@code nearest_with_mmr} ({@code maximal_marginal_relevance}, {@code lib/collection/src/collection/mmr.rs}).
 * Points 1 [1, 0], 2 [0.9, 0.1], 3 [0, 1], 4 [0.5, 0.5], 5 [-1, 0]; query [1, 0.2]. Every expected answer is
 * what Qdrant's engine (Qdrant Edge 0.9.0) returned for the same request.
 */
class MmrConformanceTest extends ConformanceTestBase {

    private String collection(Distance distance) {
        String name = uniqueName("mmr");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(2).setDistance(distance))).build()));
        float[][] vectors = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.5f, 0.5f}, {-1, 0}};
        List<PointStruct> points = new java.util.ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            points.add(PointStruct.newBuilder().setId(id(i + 1)).setVectors(vectors(vectors[i])).build());
        }
        await(client.upsertAsync(name, points));
        return name;
    }

    private QueryPoints.Builder mmr(String c, Mmr.Builder mmr, int limit) {
        return QueryPoints.newBuilder().setCollectionName(c).setLimit(limit)
                .setQuery(Query.newBuilder().setNearestWithMmr(NearestInputWithMmr.newBuilder()
                        .setNearest(VectorInputFactory.vectorInput(1, 0.2f)).setMmr(mmr)));
    }

    private List<ScoredPoint> run(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    @Test
    void diversityTradesRelevanceForDistanceToWhatIsSelected() {
        String c = collection(Distance.Dot);

        // lambda 0.5: after 1, point 3 (0.5 * 0.2 - 0.5 * 0) beats 2 (0.5 * 0.92 - 0.5 * 0.9) and 4; scores are
        // the relevance, in selection order
        List<ScoredPoint> balanced = run(mmr(c, Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(5), 3));
        assertThat(idsOf(balanced)).containsExactly(1L, 3L, 4L);
        assertThat(scoresOf(balanced)).containsExactly(1f, 0.2f, 0.6f);
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(0f).setCandidatesLimit(5), 3))))
                .containsExactly(1L, 2L, 4L);
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(1f).setCandidatesLimit(5), 3))))
                .containsExactly(1L, 5L, 3L);
        // no diversity given: DEFAULT_MMR_LAMBDA 0.5
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setCandidatesLimit(5), 3)))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void candidatesLimitOffsetAndThresholdShapeTheCandidates() {
        String c = collection(Distance.Dot);

        // only the 2 nearest are candidates
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(2), 3))))
                .containsExactly(1L, 2L);
        // candidates_limit defaults to the limit: the 3 nearest (1, 2, 4)
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(0.5f), 3)))).containsExactly(1L, 4L, 2L);
        // the offset skips selected points: 3 selected, the first skipped
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(5), 2).setOffset(1))))
                .containsExactly(3L, 4L);
        // the threshold applies to the candidate search (Dot: score > 0.5)
        assertThat(idsOf(run(mmr(c, Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(5), 5)
                .setScoreThreshold(0.5f)))).containsExactly(1L, 4L, 2L);
    }

    @Test
    void euclidReportsTheDistance() {
        String c = collection(Distance.Euclid);

        List<ScoredPoint> hits = run(mmr(c, Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(5), 3));

        assertThat(idsOf(hits)).containsExactly(2L, 1L, 4L);
        // Edge: 0.141421, 0.2, 0.583095: sqrt of the f32 squared distances
        assertThat(scoresOf(hits)).containsExactly(distance(1f - 0.9f, 0.2f - 0.1f), 0.2f,
                distance(1f - 0.5f, 0.2f - 0.5f));
    }

    private static float distance(float dx, float dy) {
        return (float) Math.sqrt(dx * dx + dy * dy);
    }

    @Test
    void diversityOutsideZeroToOneIsRejected() {
        String c = collection(Distance.Dot);

        // lib/api/build.rs: Mmr.diversity range(min = 0.0, max = 1.0)
        assertGrpcError(() -> run(mmr(c, Mmr.newBuilder().setDiversity(1.5f), 3)), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [query.variant.mmr.diversity: value 1.5 invalid, must be from 0.0 to 1.0]");
    }

    @Test
    void sparseVectorsRankByDotProducts() {
        // CollectionParams::get_distance gives a sparse vector Dot and create_volatile_storage a sparse storage
        // (lib/collection/src/config.rs, lib/collection/src/collection/mmr.rs); the candidates are the sparse
        // nearest search's (points sharing an index: 5 is none). Edge 0.9.0 refuses MMR on a sparse vector
        // ("vector data config for vector sp not found"), so these values are worked out from the source.
        String c = uniqueName("mmrsparse");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.getDefaultInstance()))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("sp", SparseVectorParams.getDefaultInstance())).build()));
        List<List<Integer>> indices = List.of(List.of(1, 2), List.of(2, 3), List.of(1), List.of(1, 2), List.of(9));
        List<List<Float>> values = List.of(List.of(1f, 2f), List.of(0.5f, 1f), List.of(4f), List.of(1f, 1f),
                List.of(1f));
        for (int i = 0; i < indices.size(); i++) {
            await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(i + 1)).setVectors(
                    namedVectors(Map.of("sp", vector(values.get(i), indices.get(i))))).build())));
        }
        VectorInput query = VectorInput.newBuilder().setSparse(SparseVector.newBuilder()
                .addAllIndices(List.of(1, 2)).addAllValues(List.of(1f, 1f))).build();
        QueryPoints.Builder request = QueryPoints.newBuilder().setCollectionName(c).setUsing("sp").setLimit(3)
                .setQuery(Query.newBuilder().setNearestWithMmr(NearestInputWithMmr.newBuilder().setNearest(query)
                        .setMmr(Mmr.newBuilder().setDiversity(0.5f).setCandidatesLimit(5))));

        // relevance 3: 4, 1: 3, 4: 2, 2: 0.5; after 3, point 2 (0.25 - 0.5 * 0, sharing no index with 3) beats
        // 1 (1.5 - 0.5 * 4) and 4 (1 - 0.5 * 4); then 1 (1.5 - 2) beats 4 (1 - 2)
        List<ScoredPoint> diverse = run(request);
        assertThat(idsOf(diverse)).containsExactly(3L, 2L, 1L);
        assertThat(scoresOf(diverse)).containsExactly(4f, 0.5f, 3f);
        request.getQueryBuilder().getNearestWithMmrBuilder().getMmrBuilder().setDiversity(0f);
        assertThat(idsOf(run(request))).containsExactly(3L, 1L, 4L);
    }
}
