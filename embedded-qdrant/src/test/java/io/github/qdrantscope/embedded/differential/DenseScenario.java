package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The scenario of the query-kind differential tests (MMR, relevance feedback): one unnamed dense collection, points
 * 1..{@code points} with a random vector on a grid and an integer payload {@code k} in 0..9, then twelve queries.
 * A grid of {@code levels} steps per unit ({@code -1, ..., 1}) keeps exact ties likely (coarse) or rare (fine).
 */
final class DenseScenario {

    private static final int QUERIES = 12;

    private DenseScenario() {
    }

    static List<Step> steps(String collection, Random random, int dim, Distance distance, int points, int levels,
            Supplier<QueryPoints> query) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Op.RESET, CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(dim).setDistance(distance))).build()));
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int id = 1; id <= points; id++) {
            upsert.addPoints(PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                    .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder()
                            .setDense(dense(random, dim, levels))))
                    .putPayload("k", Value.newBuilder().setIntegerValue(random.nextInt(10)).build()));
        }
        steps.add(new Step(Step.Op.UPSERT, upsert.build()));
        for (int i = 0; i < QUERIES; i++) {
            steps.add(new Step(Step.Op.QUERY, query.get()));
        }
        return steps;
    }

    /** A vector whose components are multiples of {@code 1 / levels} in [-1, 1]. */
    static DenseVector dense(Random random, int dim, int levels) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (int i = 0; i < dim; i++) {
            d.addData((random.nextInt(2 * levels + 1) - levels) / (float) levels);
        }
        return d.build();
    }
}
