package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code idf} modifier of sparse vectors: query weights multiplied by
 * {@code ln((N - df + 0.5) / (df + 0.5) + 1)} in f32 ({@code remap_idf_weights} and {@code fancy_idf},
 * {@code lib/segment/src/data_types/query_context.rs}), N the non-empty vectors, df those holding the index.
 * Every expected score is what Qdrant's engine (Qdrant Edge 0.9.0) answered for the same points.
 */
class SparseIdfConformanceTest extends ConformanceTestBase {

    /** "d" (1, Dot) and the idf sparse vector "s", holding points 1..5 (4: empty "s", 5: no "s"). */
    private String collection() {
        String name = uniqueName("idf");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("d", VectorParams.newBuilder().setSize(1).setDistance(Distance.Dot).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap("s",
                        SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()))
                .build()));
        await(client.upsertAsync(name, List.of(
                point(1, sparse(List.of(1, 2), List.of(1f, 1f))),
                point(2, sparse(List.of(1), List.of(2f))),
                point(3, sparse(List.of(3), List.of(0.5f))),
                point(4, sparse(List.of(), List.of())),
                point(5, (Vector) null))));
        return name;
    }

    private static Vector sparse(List<Integer> indices, List<Float> values) {
        return Vector.newBuilder().setSparse(SparseVector.newBuilder().addAllIndices(indices).addAllValues(values))
                .build();
    }

    private static PointStruct point(long id, Vector s) {
        Map<String, Vector> vectors = new HashMap<>();
        vectors.put("d", vector(1));
        if (s != null) {
            vectors.put("s", s);
        }
        return PointStruct.newBuilder().setId(id(id)).setVectors(namedVectors(vectors)).build();
    }

    private List<ScoredPoint> query(String c, List<Integer> indices, List<Float> values, Filter filter) {
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(c).setUsing("s")
                .setQuery(nearest(values, indices));
        if (filter != null) {
            b.setFilter(filter);
        }
        return await(client.queryAsync(b.build()));
    }

    @Test
    void theModifierIsAcceptedAndReported() {
        String c = collection();

        CollectionInfo info = await(client.getCollectionInfoAsync(c));

        assertThat(info.getConfig().getParams().getSparseVectorsConfig().getMapOrThrow("s").getModifier())
                .isEqualTo(Modifier.Idf);
    }

    @Test
    void queryWeightsAreMultipliedByTheIdfOverNonEmptyVectors() {
        String c = collection();

        // N = 3 (points 1, 2, 3; the empty vector of 4 is not indexed), df(1) = 2: idf = ln(1.5/2.5 + 1)
        List<ScoredPoint> hits = query(c, List.of(1), List.of(1f), null);
        assertThat(idsOf(hits)).containsExactly(2L, 1L);
        assertThat(scoresOf(hits)).containsExactly(0.9400072693824768f, 0.4700036346912384f);
        assertThat(hits.get(1).getScore()).isEqualTo((float) Math.log((3f - 2f + 0.5f) / (2f + 0.5f) + 1f));
        // df(2) = 1: point 1 scores idf(1) + idf(2)
        assertThat(scoresOf(query(c, List.of(1, 2), List.of(1f, 1f), null)))
                .containsExactly(1.4508328437805176f, 0.9400072693824768f);
    }

    @Test
    void aFilterDoesNotChangeTheStatistics() {
        String c = collection();

        List<ScoredPoint> hits = query(c, List.of(1), List.of(1f), Filter.newBuilder().addMust(hasId(id(1))).build());

        assertThat(scoresOf(hits)).containsExactly(0.4700036346912384f);
    }

    @Test
    void aZeroValueCountsInTheDocumentFrequency() {
        String c = collection();
        await(client.upsertAsync(c, List.of(point(6, sparse(List.of(1), List.of(0f))))));

        // N = 4, df(1) = 3: point 6's 0 counts. Edge leaves point 6 (score 0) out, as Qdrant's indexed sparse
        // search drops a sum of exactly 0; the embedded server keeps it (docs/embedded-qdrant.md)
        List<ScoredPoint> hits = query(c, List.of(1), List.of(1f), null);
        assertThat(idsOf(hits)).containsExactly(2L, 1L, 6L);
        assertThat(scoresOf(hits)).containsExactly(0.7133499383926392f, 0.3566749691963196f, 0f);
    }

    @Test
    void rewritesChangeTheStatistics() {
        String c = collection();
        // point 2 no longer holds index 1: df(1) = 1
        await(client.upsertAsync(c, List.of(point(2, sparse(List.of(3), List.of(2f))))));

        assertThat(scoresOf(query(c, List.of(1), List.of(1f), null))).containsExactly(0.9808291792869568f);
    }

    @Test
    void aPrefetchRescoredByAnIdfQueryUsesTheCollectionsStatistics() {
        String c = collection();

        List<ScoredPoint> hits = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .addPrefetch(PrefetchQuery.newBuilder().setUsing("d").setQuery(nearest(1f)).setLimit(10))
                .setUsing("s").setQuery(nearest(List.of(1f), List.of(1))).build()));

        assertThat(idsOf(hits)).containsExactly(2L, 1L);
        assertThat(scoresOf(hits)).containsExactly(0.9400072693824768f, 0.4700036346912384f);
    }
}
