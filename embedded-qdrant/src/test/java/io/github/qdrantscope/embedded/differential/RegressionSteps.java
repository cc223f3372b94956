package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoLineString;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.Map;

/** Request builders for the hand-written scenarios of {@link DifferentialRegressionTest}. */
final class RegressionSteps {

    private RegressionSteps() {
    }

    static Condition keyword(String key, String keyword) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key)
                .setMatch(Match.newBuilder().setKeyword(keyword))).build();
    }

    static Condition integer(String key, long value) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key)
                .setMatch(Match.newBuilder().setInteger(value))).build();
    }

    /** An exact Count of the points matching {@code condition}. */
    static Step count(String c, Condition condition) {
        return new Step(Step.Op.COUNT, CountPoints.newBuilder().setCollectionName(c).setExact(true)
                .setFilter(Filter.newBuilder().addMust(condition)).build());
    }

    /** The closed square ring from {@code (lo, lo)} to {@code (hi, hi)}. */
    static GeoLineString ring(double lo, double hi) {
        return GeoLineString.newBuilder().addPoints(geo(lo, lo)).addPoints(geo(hi, lo)).addPoints(geo(hi, hi))
                .addPoints(geo(lo, hi)).addPoints(geo(lo, lo)).build();
    }

    static GeoPoint geo(double lon, double lat) {
        return GeoPoint.newBuilder().setLon(lon).setLat(lat).build();
    }

    /** A Dot collection with one unnamed vector of {@code dim} dimensions. */
    static CreateCollection collection(String name, int dim) {
        return CreateCollection.newBuilder().setCollectionName(name).setVectorsConfig(VectorsConfig.newBuilder()
                .setParams(VectorParams.newBuilder().setSize(dim).setDistance(Distance.Dot))).build();
    }

    /** Point {@code id} with vector {@code [id, 1]} and payload {@code p: id}. */
    static PointStruct point(long id) {
        return PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                .setVectors(Vectors.newBuilder().setVector(Data.dense(new float[] {id, 1f})))
                .putAllPayload(Map.of("p", ValueFactory.value(id))).build();
    }

    static PointsSelector ids(long... ids) {
        PointsIdsList.Builder list = PointsIdsList.newBuilder();
        for (long id : ids) {
            list.addIds(PointId.newBuilder().setNum(id));
        }
        return PointsSelector.newBuilder().setPoints(list).build();
    }
}
