package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.QdrantF32.cosinePreprocess;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.isLengthZeroOrNormalized;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.modelVector;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.squaredLength;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a Cosine collection stores, compared bit for bit (Float.floatToIntBits): Qdrant preprocesses every
 * written Cosine vector with CosineMetric::preprocess (lib/segment/src/spaces/simple.rs, reached from
 * Distance::preprocess_vector in lib/segment/src/types.rs for upserts and vector updates alike), which keeps
 * a vector whose squared length is below f32::EPSILON or within 1e-6 of 1 (lib/segment/src/spaces/tools.rs
 * is_length_zero_or_normalized) and otherwise divides it by its f32 length. An embedding store that reads
 * back what a normalising model produced must get the same floats. Expected vectors come from
 * {@link QdrantF32}, a transcription of that Rust code; dimensions cover the scalar (&lt; 16), SSE (16..31)
 * and AVX (32+) kernels, with and without a remainder loop.
 */
class CosineStorageConformanceTest extends CosineTestBase {

    private static final int[] DIMENSIONS = {3, 15, 16, 21, 31, 32, 45, 384};

    private RetrievedPoint get(String collection, long id) {
        return await(client.retrieveAsync(collection, List.of(id(id)), false, true, null)).get(0);
    }

    /** A model vector whose f32 squared length is off 1 by a few 1e-7 (not exactly 1, within 1e-6). */
    private static float[] unitVector(long seed, int dim) {
        float[] v = modelVector(seed, dim, seed % 2 == 0 ? 2.5e-7 : -2.5e-7);
        float length = squaredLength(v);
        assertThat(length).as("squared length of the test vector").isNotEqualTo(1.0f);
        assertThat(isLengthZeroOrNormalized(length)).as("within 1e-6 of 1: %s", length).isTrue();
        return v;
    }

    /** A vector of length about 3: Qdrant normalises it. */
    private static float[] longVector(long seed, int dim) {
        return modelVector(seed, dim, 2.0);
    }

    @Test
    void unitVectorsAreStoredUnchangedAndReadBackIdenticallyByGetScrollQueryAndSearch() {
        for (int dim : DIMENSIONS) {
            String c = newCollection(dim, Distance.Cosine);
            float[] v = unitVector(dim, dim);
            upsert(c, point(1, v));

            assertBitExact(dense(get(c, 1).getVectors().getVector()), v, "Get, dim " + dim);
            RetrievedPoint scrolled = await(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(c)
                    .setWithVectors(WithVectorsSelectorFactory.enable(true)).build())).getResultList().get(0);
            assertBitExact(dense(scrolled.getVectors().getVector()), v, "Scroll, dim " + dim);
            ScoredPoint queried = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                    .setQuery(nearest(v)).setWithVectors(WithVectorsSelectorFactory.enable(true)).build())).get(0);
            assertBitExact(dense(queried.getVectors().getVector()), v, "Query, dim " + dim);
            ScoredPoint searched = await(client.searchAsync(SearchPoints.newBuilder()
                    .setCollectionName(c).addAllVector(toList(v)).setLimit(1)
                    .setWithVectors(WithVectorsSelectorFactory.enable(true)).build())).get(0);
            assertBitExact(dense(searched.getVectors().getVector()), v, "Search, dim " + dim);
        }
    }

    @Test
    void otherVectorsAreNormalisedExactlyAsQdrantComputesIt() {
        for (int dim : DIMENSIONS) {
            String c = newCollection(dim, Distance.Cosine);
            float[] v = longVector(100 + dim, dim);
            upsert(c, point(1, v));

            assertBitExact(dense(get(c, 1).getVectors().getVector()), cosinePreprocess(v), "dim " + dim);
        }
    }

    @Test
    void squaredLengthJustOutsideTheToleranceIsNormalised() {
        for (int dim : new int[] {3, 384}) {
            // 1 + 2e-6: outside |length - 1| <= 1e-6, so Qdrant divides, by a length of about 1 + 1e-6
            float[] v = modelVector(7, dim, 1e-6);
            assertThat(isLengthZeroOrNormalized(squaredLength(v))).isFalse();
            String c = newCollection(dim, Distance.Cosine);
            upsert(c, point(1, v));

            float[] stored = dense(get(c, 1).getVectors().getVector());
            assertBitExact(stored, cosinePreprocess(v), "dim " + dim);
            assertThat(stored).isNotEqualTo(v);
        }
    }

    @Test
    void zeroAndNearZeroVectorsAreKeptAsIs() {
        String c = newCollection(3, Distance.Cosine);
        float[] zero = {0f, -0f, 0f};
        // squared length 1e-8 < f32::EPSILON although the length 1e-4 is not: tools.rs tests the squared length
        float[] nearZero = {1e-4f, 0f, -0f};
        float[] small = {4e-4f, 0f, 0f}; // squared length 1.6e-7 >= f32::EPSILON: normalised
        upsert(c, point(1, zero), point(2, nearZero), point(3, small));

        assertBitExact(dense(get(c, 1).getVectors().getVector()), zero, "zero vector");
        assertBitExact(dense(get(c, 2).getVectors().getVector()), nearZero, "squared length below EPSILON");
        assertBitExact(dense(get(c, 3).getVectors().getVector()), cosinePreprocess(small), "just above");
    }

    @Test
    void updateVectorsFollowsTheSameRule() {
        for (int dim : new int[] {3, 21, 384}) {
            String c = newCollection(dim, Distance.Cosine);
            float[] unit = unitVector(dim + 1, dim);
            float[] other = longVector(dim + 2, dim);
            float[] nearZero = new float[dim];
            nearZero[0] = 1e-4f;
            upsert(c, point(1, new float[dim]), point(2, new float[dim]), point(3, other));

            await(client.updateVectorsAsync(c, List.of(
                    PointVectors.newBuilder().setId(id(1)).setVectors(vectors(unit)).build(),
                    PointVectors.newBuilder().setId(id(2)).setVectors(vectors(other)).build(),
                    PointVectors.newBuilder().setId(id(3)).setVectors(vectors(nearZero)).build())));

            assertBitExact(dense(get(c, 1).getVectors().getVector()), unit, "unit, dim " + dim);
            assertBitExact(dense(get(c, 2).getVectors().getVector()), cosinePreprocess(other), "other, dim " + dim);
            assertBitExact(dense(get(c, 3).getVectors().getVector()), nearZero, "near zero, dim " + dim);
        }
    }

    @Test
    void updateBatchUpsertAndUpdateVectorsFollowTheSameRule() {
        int dim = 45;
        String c = newCollection(dim, Distance.Cosine);
        float[] unit = unitVector(11, dim);
        float[] other = longVector(12, dim);
        float[] unit2 = unitVector(13, dim);
        float[] other2 = longVector(14, dim);

        await(client.batchUpdateAsync(c, List.of(
                PointsUpdateOperation.newBuilder().setUpsert(PointsUpdateOperation.PointStructList.newBuilder()
                        .addPoints(point(1, unit)).addPoints(point(2, other))
                        .addPoints(point(3, new float[dim])).addPoints(point(4, new float[dim]))).build(),
                PointsUpdateOperation.newBuilder().setUpdateVectors(PointsUpdateOperation.UpdateVectors.newBuilder()
                        .addPoints(PointVectors.newBuilder().setId(id(3)).setVectors(vectors(unit2)))
                        .addPoints(PointVectors.newBuilder().setId(id(4)).setVectors(vectors(other2)))).build())));

        assertBitExact(dense(get(c, 1).getVectors().getVector()), unit, "upserted unit");
        assertBitExact(dense(get(c, 2).getVectors().getVector()), cosinePreprocess(other), "upserted other");
        assertBitExact(dense(get(c, 3).getVectors().getVector()), unit2, "updated unit");
        assertBitExact(dense(get(c, 4).getVectors().getVector()), cosinePreprocess(other2), "updated other");
    }

    @Test
    void onlyCosineVectorsArePreprocessedDotEuclidAndManhattanAreStoredRaw() {
        // Distance::preprocess_vector: EuclidMetric, DotProductMetric and ManhattanMetric::preprocess return the
        // vector as is (simple.rs)
        String c = uniqueName("mixed");
        VectorParamsMap.Builder map = VectorParamsMap.newBuilder();
        for (Distance d : List.of(Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan)) {
            map.putMap(d.name(), VectorParams.newBuilder().setSize(3).setDistance(d).build());
        }
        await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(c).setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(map)).build()));
        float[] v = {3f, 4f, 12f};
        await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of(
                "Cosine", vector(v), "Dot", vector(v), "Euclid", vector(v), "Manhattan", vector(v)))).build())));

        Map<String, VectorOutput> stored = get(c, 1).getVectors().getVectors().getVectorsMap();
        assertBitExact(dense(stored.get("Cosine")), cosinePreprocess(v), "Cosine");
        for (String raw : List.of("Dot", "Euclid", "Manhattan")) {
            assertBitExact(dense(stored.get(raw)), v, raw);
        }
    }
}
