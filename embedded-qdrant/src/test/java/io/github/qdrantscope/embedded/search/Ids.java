package io.github.qdrantscope.embedded.search;

import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.util.List;

/** Reads result ids as strings ("7" or a UUID) so expectations read naturally. */
final class Ids {

    private Ids() {
    }

    static String of(PointId id) {
        return id.hasNum() ? Long.toUnsignedString(id.getNum()) : id.getUuid();
    }

    static List<String> scored(List<ScoredPoint> points) {
        return points.stream().map(p -> of(p.getId())).toList();
    }

    static List<String> retrieved(List<RetrievedPoint> points) {
        return points.stream().map(p -> of(p.getId())).toList();
    }

    static PointId num(long n) {
        return PointId.newBuilder().setNum(n).build();
    }

    static PointId uuid(String s) {
        return PointId.newBuilder().setUuid(s).build();
    }
}
