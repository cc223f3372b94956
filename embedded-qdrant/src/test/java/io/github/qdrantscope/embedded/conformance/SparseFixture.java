package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.Document;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SparseVector;
import java.util.List;
import java.util.Map;

/**
 * The collection the sparse query and sparse example conformance tests share: a dense vector {@code dense} (2
 * dimensions, Dot) and a sparse vector {@code text}, and six points whose expected scores those tests work out by
 * hand: 1 {1: 1, 3: 2}, 2 {2: 1, 3: 1}, 3 {5: 4}, 4 only a dense vector, 5 {3: .5, 2: .5, 1: .5} (sent unsorted),
 * 6 {3: 1}.
 */
final class SparseFixture {

    private SparseFixture() {
    }

    /** Creates and fills a new collection named after {@code prefix}; returns its name. */
    static String create(QdrantClient client, String prefix) {
        String collection = empty(client, prefix);
        ConformanceTestBase.await(client.upsertAsync(collection, List.of(
                sparsePoint(1, List.of(1, 3), List.of(1f, 2f)),
                sparsePoint(2, List.of(2, 3), List.of(1f, 1f)),
                sparsePoint(3, List.of(5), List.of(4f)),
                PointStruct.newBuilder().setId(id(4)).setVectors(namedVectors(Map.of("dense", vector(1, 1)))).build(),
                sparsePoint(5, List.of(3, 2, 1), List.of(0.5f, 0.5f, 0.5f)),
                sparsePoint(6, List.of(3), List.of(1f)))));
        return collection;
    }

    /** Creates a new collection named after {@code prefix} with {@code dense} (2, Dot) and {@code text} (sparse). */
    static String empty(QdrantClient client, String prefix) {
        String collection = ConformanceTestBase.uniqueName(prefix);
        ConformanceTestBase.await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("dense", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("text", SparseVectorParams.getDefaultInstance()))
                .build()));
        return collection;
    }

    /** A point whose sparse vector {@code text} is inferred from {@code document}, with a dense vector beside it. */
    static PointStruct documentPoint(long id, Document document) {
        return PointStruct.newBuilder().setId(id(id))
                .setVectors(namedVectors(Map.of("text", vector(document), "dense", vector(1, 0)))).build();
    }

    /** The sparse vector {@code text} the server stored for point {@code id}. */
    static SparseVector storedText(QdrantClient client, String collection, long id) {
        return ConformanceTestBase.await(client.retrieveAsync(collection, List.of(id(id)), false, true, null)).get(0)
                .getVectors().getVectors().getVectorsOrThrow("text").getSparse();
    }

    static PointStruct sparsePoint(long id, List<Integer> indices, List<Float> values) {
        return PointStruct.newBuilder().setId(id(id))
                .setVectors(namedVectors(Map.of("text", vector(values, indices)))).build();
    }
}
