package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ConditionFactory.hasVector;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sparse vectors: configuration, upsert, validation, reading back, vector updates and deletes. */
class SparseVectorsConformanceTest extends ConformanceTestBase {

    /** A collection with the dense vector "dense" (2, Dot) and the sparse vector "text". */
    private String hybridCollection() {
        return SparseFixture.empty(client, "sparse");
    }

    private static Vector sparse(List<Integer> indices, List<Float> values) {
        return Vector.newBuilder().setSparse(SparseVector.newBuilder().addAllIndices(indices).addAllValues(values))
                .build();
    }

    private static PointStruct point(long id, Map<String, Vector> vectors) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(namedVectors(vectors)).build();
    }

    private RetrievedPoint get(String collection, long id) {
        List<RetrievedPoint> points = await(client.retrieveAsync(collection, List.of(id(id)), false, true, null));
        assertThat(points).hasSize(1);
        return points.get(0);
    }

    private long count(String collection) {
        return await(client.countAsync(collection));
    }

    @Test
    void collectionInfoReportsTheSparseVectorsConfig() {
        String c = hybridCollection();

        CollectionInfo info = await(client.getCollectionInfoAsync(c));

        assertThat(info.getConfig().getParams().getSparseVectorsConfig().getMapMap())
                .containsOnlyKeys("text")
                .containsEntry("text", SparseVectorParams.getDefaultInstance());
        assertThat(info.getConfig().getParams().getVectorsConfig().getParamsMap().getMapMap())
                .containsOnlyKeys("dense");
    }

    @Test
    void sparseVectorsAreStoredSortedByIndexBesideDenseOnes() {
        String c = hybridCollection();
        await(client.upsertAsync(c, List.of(point(1, Map.of(
                "dense", vector(1, 2),
                "text", sparse(List.of(7, 2, 5), List.of(0.7f, 0.2f, 0.5f)))))));

        // NamedVectors::preprocess (lib/segment/src/data_types/named_vectors.rs) sorts sparse vectors by
        // index before they are stored
        VectorOutput text = get(c, 1).getVectors().getVectors().getVectorsOrThrow("text");
        assertThat(text.getSparse().getIndicesList()).containsExactly(2, 5, 7);
        assertThat(text.getSparse().getValuesList()).containsExactly(0.2f, 0.5f, 0.7f);
        VectorOutput dense = get(c, 1).getVectors().getVectors().getVectorsOrThrow("dense");
        assertThat(dense.getDense().getDataList()).containsExactly(1f, 2f);
    }

    @Test
    void theClientsDeprecatedSparseFormIsAccepted() {
        String c = hybridCollection();
        // VectorFactory.vector(values, indices) of the 1.17 client
        await(client.upsertAsync(c, List.of(point(1, Map.of("text", vector(List.of(3f, 1f), List.of(9, 4)))))));

        VectorOutput text = get(c, 1).getVectors().getVectors().getVectorsOrThrow("text");
        assertThat(text.getSparse().getIndicesList()).containsExactly(4, 9);
        assertThat(text.getSparse().getValuesList()).containsExactly(1f, 3f);
    }

    @Test
    void lengthMismatchIsRejectedAndNothingStored() {
        String c = hybridCollection();

        // validate_sparse_vector_impl (lib/sparse/src/common/sparse_vector.rs), reached through
        // impl Validate for grpc::Vector and the named map's "[]" (lib/api/src/grpc/validate.rs)
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(1, Map.of("text", sparse(List.of(1), List.of(1f)))),
                        point(2, Map.of("text", sparse(List.of(1, 2), List.of(1f))))))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: "
                        + "[points[1].vectors.vectors_options.vectors.[].values: must be the same length as indices]");
        assertThat(count(c)).isZero();
    }

    @Test
    void duplicateIndicesAreRejected() {
        String c = hybridCollection();

        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(1, Map.of("text", sparse(List.of(3, 3), List.of(1f, 2f))))))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: "
                        + "[points[0].vectors.vectors_options.vectors.[].indices: must be unique]");
        assertThat(count(c)).isZero();
    }

    @Test
    void unknownVectorNameIsRejected() {
        String c = hybridCollection();

        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(1, Map.of("title", sparse(List.of(1), List.of(1f))))))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: title");
        assertThat(count(c)).isZero();
    }

    @Test
    void aVectorOfTheWrongKindIsRejected() {
        String c = hybridCollection();

        // OperationError::WrongSparse, answered as BadInput (lib/collection/src/operations/types.rs)
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(1, Map.of("dense", sparse(List.of(1), List.of(1f))))))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(point(1, Map.of("text", vector(1, 2)))))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
        assertThat(count(c)).isZero();
    }

    @Test
    void hasVectorMatchesPointsWithTheSparseVectorEvenAnEmptyOne() {
        String c = hybridCollection();
        await(client.upsertAsync(c, List.of(
                point(1, Map.of("dense", vector(1, 2), "text", sparse(List.of(1), List.of(1f)))),
                point(2, Map.of("dense", vector(1, 2), "text", sparse(List.of(), List.of()))),
                point(3, Map.of("dense", vector(1, 2))))));

        // Qdrant's engine (Edge 0.9.0, run by SparseDifferentialTest's oracle) counts 1 and 2: an empty
        // sparse vector is stored and read back as one
        Filter hasText = Filter.newBuilder().addMust(hasVector("text")).build();
        assertThat(scrollIds(c, hasText)).containsExactly(1L, 2L);
        assertThat(get(c, 2).getVectors().getVectors().getVectorsOrThrow("text").getSparse().getIndicesCount())
                .isZero();
    }

    @Test
    void updateVectorsReplacesOnlyTheGivenSparseVector() {
        String c = hybridCollection();
        await(client.upsertAsync(c, List.of(point(1, Map.of(
                "dense", vector(1, 2), "text", sparse(List.of(1), List.of(1f)))))));

        await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("text", sparse(List.of(8, 6), List.of(8f, 6f))))).build())));

        RetrievedPoint point = get(c, 1);
        assertThat(point.getVectors().getVectors().getVectorsOrThrow("text").getSparse().getIndicesList())
                .containsExactly(6, 8);
        assertThat(point.getVectors().getVectors().getVectorsOrThrow("dense").getDense().getDataList())
                .containsExactly(1f, 2f);
    }

    @Test
    void deleteVectorsRemovesASparseVector() {
        String c = hybridCollection();
        await(client.upsertAsync(c, List.of(point(1, Map.of(
                "dense", vector(1, 2), "text", sparse(List.of(1), List.of(1f)))))));

        await(client.deleteVectorsAsync(c, List.of("text"), List.of(id(1))));

        assertThat(get(c, 1).getVectors().getVectors().getVectorsMap()).containsOnlyKeys("dense");
    }
}
