package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SparseIndices;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The sparse vector of a random {@link Scenario}: half of the named collections get the sparse vector
 * {@value #NAME} (no modifier: Qdrant keeps deleted points in its idf statistics for a while, which the
 * scenarios' deletes would show), points carry it mostly, vector updates touch it (deletes do not,
 * {@link KnownExceptions#DELETE_SPARSE_VECTORS}), and some
 * queries and searches are sparse. Its choices come from a random stream of their own, so the steps of a
 * seed without it are what they were before sparse vectors joined the scenarios. Values are positive grid
 * fractions, so no overlap sums to exactly 0 (the case the embedded server keeps and Qdrant drops).
 */
final class SparseSteps {

    static final String NAME = "sp";
    private static final int MAX_INDEX = 10;

    private final Random random;
    final boolean enabled;

    SparseSteps(long seed, Data data) {
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        this.enabled = !data.unnamed && random.nextBoolean();
    }

    CreateCollection withConfig(CreateCollection create) {
        return !enabled ? create : create.toBuilder().setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                .putMap(NAME, SparseVectorParams.getDefaultInstance())).build();
    }

    /** A point's (or a vector update's) vectors, with the sparse one added three times out of four. */
    Vectors withVector(Vectors vectors) {
        if (!enabled || random.nextInt(4) == 0) {
            return vectors;
        }
        NamedVectors named = vectors.getVectors().toBuilder().putVectors(NAME, vector()).build();
        return vectors.toBuilder().setVectors(named).build();
    }

    /**
     * Whether the next vector delete names the sparse vector (one in three, when
     * {@link KnownExceptions#DELETE_SPARSE_VECTORS} allows it).
     */
    boolean deleteSparse() {
        return enabled && random.nextInt(3) == 0 && KnownExceptions.DELETE_SPARSE_VECTORS;
    }

    /** Whether the next query is a sparse one (one in four). */
    boolean nextQuerySparse() {
        return enabled && random.nextInt(4) == 0;
    }

    QueryPoints query(String collection, Queries queries) {
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection).setUsing(NAME)
                .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setSparse(vector().getSparse())))
                .setLimit(1 + random.nextInt(10)).setWithPayload(queries.withPayload())
                .setWithVectors(queries.withVectors());
        if (random.nextInt(3) == 0) {
            b.setOffset(random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
            b.setScoreThreshold((1 + random.nextInt(8)) / 4f);
        }
        var filter = queries.maybeFilter();
        if (filter != null) {
            b.setFilter(filter);
        }
        return b.build();
    }

    /** The classic Search form: values in {@code vector}, indices in {@code sparse_indices}. */
    SearchPoints search(String collection, Queries queries) {
        SparseVector v = vector().getSparse();
        SearchPoints.Builder b = SearchPoints.newBuilder().setCollectionName(collection).setVectorName(NAME)
                .addAllVector(v.getValuesList()).setSparseIndices(SparseIndices.newBuilder().addAllData(v.getIndicesList()))
                .setLimit(1 + random.nextInt(10)).setWithPayload(queries.withPayload());
        var filter = queries.maybeFilter();
        if (filter != null) {
            b.setFilter(filter);
        }
        return b.build();
    }

    /** 1 to 4 distinct indices below {@value #MAX_INDEX}, unsorted, values k/4 for k in 1..8. */
    private Vector vector() {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < MAX_INDEX; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, random);
        SparseVector.Builder sparse = SparseVector.newBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sparse.addIndices(indices.get(i)).addValues((1 + random.nextInt(8)) / 4f);
        }
        return Vector.newBuilder().setSparse(sparse).build();
    }
}
