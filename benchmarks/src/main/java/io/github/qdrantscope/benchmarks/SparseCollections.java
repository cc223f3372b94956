package io.github.qdrantscope.benchmarks;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.fusion;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;

import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.PointWrites;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.Points.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collections and requests of the sparse and hybrid benchmarks: a sparse vector {@value #SPARSE} and,
 * for hybrid search, a named dense vector {@value #DENSE} (Cosine) on the same points (id = index).
 */
final class SparseCollections {

    static final String SPARSE = "text";
    static final String DENSE = "dense";
    static final int LIMIT = 10;

    private SparseCollections() {
    }

    /** The collection's definition: the sparse vector, and the dense one when {@code dimension > 0}. */
    static CreateCollection definition(String name, int dimension) {
        CreateCollection.Builder create = CreateCollection.newBuilder()
                .setCollectionName(name)
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap(SPARSE, SparseVectorParams.getDefaultInstance()));
        if (dimension > 0) {
            create.setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                    .putMap(DENSE, VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build())));
        }
        return create.build();
    }

    /** Creates (or replaces) the collection on the server and upserts every point in batches of 1000. */
    static void load(QdrantClient client, String name, SparseDataset sparse, Dataset dense) {
        if (QdrantFixture.await(client.collectionExistsAsync(name))) {
            QdrantFixture.await(client.deleteCollectionAsync(name));
        }
        QdrantFixture.await(client.createCollectionAsync(definition(name, dense == null ? 0 : dense.vector(0).length)));
        for (int from = 0; from < sparse.size(); from += 1000) {
            QdrantFixture.await(client.upsertAsync(name, points(sparse, dense, from, Math.min(from + 1000, sparse.size()))));
        }
    }

    /** The same collection in the server's own storage, written through its own write path (no gRPC). */
    static StoredCollection loadInProcess(String name, SparseDataset sparse, Dataset dense) {
        StoredCollection collection = CollectionDefinition.build(definition(name, dense == null ? 0 : dense.vector(0).length));
        for (int from = 0; from < sparse.size(); from += 1000) {
            List<PointStruct> batch = points(sparse, dense, from, Math.min(from + 1000, sparse.size()));
            collection.write(mutable -> {
                new PointWrites(mutable).upsert(batch, null, UpdateMode.Upsert);
                return null;
            });
        }
        return collection;
    }

    static List<PointStruct> points(SparseDataset sparse, Dataset dense, int from, int to) {
        List<PointStruct> points = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Map<String, Vector> vectors = new HashMap<>();
            vectors.put(SPARSE, vector(floats(sparse.values(i)), ints(sparse.indices(i))));
            if (dense != null) {
                vectors.put(DENSE, vector(dense.vector(i)));
            }
            points.add(PointStruct.newBuilder().setId(id(i)).setVectors(namedVectors(vectors)).build());
        }
        return points;
    }

    /** Query {@code nearest} by sparse query {@code q} of {@code queries}, top {@value #LIMIT}. */
    static QueryPoints sparseQuery(String collection, SparseDataset queries, int q) {
        return QueryPoints.newBuilder().setCollectionName(collection).setUsing(SPARSE)
                .setQuery(sparseNearest(queries, q)).setLimit(LIMIT).build();
    }

    /** Query {@code nearest} by a dense vector, top {@value #LIMIT}. */
    static QueryPoints denseQuery(String collection, float[] query) {
        return QueryPoints.newBuilder().setCollectionName(collection).setUsing(DENSE)
                .setQuery(nearest(query)).setLimit(LIMIT).build();
    }

    /**
     * The hybrid query: the two searches above as prefetches (each its top {@value #LIMIT}), fused by RRF,
     * top {@value #LIMIT}.
     */
    static QueryPoints hybridQuery(String collection, float[] dense, SparseDataset queries, int q) {
        return QueryPoints.newBuilder().setCollectionName(collection)
                .addPrefetch(PrefetchQuery.newBuilder().setUsing(DENSE).setQuery(nearest(dense)).setLimit(LIMIT))
                .addPrefetch(PrefetchQuery.newBuilder().setUsing(SPARSE).setQuery(sparseNearest(queries, q))
                        .setLimit(LIMIT))
                .setQuery(fusion(Fusion.RRF)).setLimit(LIMIT).build();
    }

    private static io.qdrant.client.grpc.Points.Query sparseNearest(SparseDataset queries, int q) {
        return nearest(floats(queries.values(q)), ints(queries.indices(q)));
    }

    private static List<Float> floats(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
