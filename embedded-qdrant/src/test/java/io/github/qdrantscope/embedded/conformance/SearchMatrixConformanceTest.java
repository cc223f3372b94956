package io.github.qdrantscope.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.SearchMatrixOffsets;
import io.qdrant.client.grpc.Points.SearchMatrixPair;
import io.qdrant.client.grpc.Points.SearchMatrixPairs;
import io.qdrant.client.grpc.Points.SearchMatrixPoints;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SearchMatrixPairs / SearchMatrixOffsets: for each sampled point its {@code limit} nearest other sampled
 * points (lib/collection/src/collection/distance_matrix.rs). Pair order is not specified, so pairs are
 * compared as sets.
 */
class SearchMatrixConformanceTest extends ConformanceTestBase {

    /** Euclid on a line: 1 at 0, 2 at 1, 3 at 5 — nearest: 1->2 (1), 2->1 (1), 3->2 (4). */
    private String line() {
        String c = newCollection(2, Distance.Euclid);
        upsert(c, point(1, 0, 0), point(2, 1, 0), point(3, 5, 0));
        return c;
    }

    private static SearchMatrixPoints request(String c) {
        return SearchMatrixPoints.newBuilder().setCollectionName(c).setSample(3).setLimit(1).build();
    }

    private static String triple(PointId a, PointId b, float score) {
        return a.getNum() + "->" + b.getNum() + "=" + score;
    }

    @Test
    void pairsListEachSampledPointsNearestNeighbour() {
        String c = line();

        SearchMatrixPairs pairs = await(client.searchMatrixPairsAsync(request(c)));

        Set<String> triples = new HashSet<>();
        for (SearchMatrixPair pair : pairs.getPairsList()) {
            triples.add(triple(pair.getA(), pair.getB(), pair.getScore()));
        }
        assertThat(pairs.getPairsCount()).isEqualTo(3);
        assertThat(triples).containsExactlyInAnyOrder("1->2=1.0", "2->1=1.0", "3->2=4.0");
    }

    @Test
    void offsetsEncodeTheSameMatrix() {
        String c = line();

        SearchMatrixOffsets offsets = await(client.searchMatrixOffsetsAsync(request(c)));

        List<PointId> ids = offsets.getIdsList();
        assertThat(ids).extracting(PointId::getNum).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(offsets.getOffsetsRowCount()).isEqualTo(3);
        assertThat(offsets.getOffsetsColCount()).isEqualTo(3);
        assertThat(offsets.getScoresCount()).isEqualTo(3);
        Set<String> triples = new HashSet<>();
        for (int i = 0; i < offsets.getScoresCount(); i++) {
            triples.add(triple(ids.get((int) offsets.getOffsetsRow(i)), ids.get((int) offsets.getOffsetsCol(i)),
                    offsets.getScores(i)));
        }
        assertThat(triples).containsExactlyInAnyOrder("1->2=1.0", "2->1=1.0", "3->2=4.0");
    }

    @Test
    void sampleBelowTwoIsRejected() {
        String c = line();
        // lib/api/src/grpc/proto/points.proto SearchMatrixPoints.sample: validate(range(min = 2))
        io.grpc.Status status = grpcError(() -> await(client.searchMatrixPairsAsync(SearchMatrixPoints.newBuilder()
                .setCollectionName(c).setSample(1).setLimit(1).build())));

        assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).startsWith("Validation error in body: [").contains("sample");
    }
}
