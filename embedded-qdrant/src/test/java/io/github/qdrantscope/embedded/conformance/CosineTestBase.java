package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.isLengthZeroOrNormalized;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.modelVector;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.squaredLength;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fixtures of the Cosine conformance tests: 3-d points whose stored vectors are model output of squared
 * length within 1e-6 of 1 (so Qdrant keeps them as sent), and bit-exact comparisons of vectors and scores.
 */
abstract class CosineTestBase extends ConformanceTestBase {

    /** Stored vectors of points 1..4: model output, squared length not exactly 1 but within 1e-6. */
    static final float[][] STORED = new float[5][];

    static {
        for (int id = 1; id <= 4; id++) {
            STORED[id] = modelVector(20 + id, 3, id % 2 == 0 ? 2.5e-7 : -2.5e-7);
        }
    }

    /** Points 1..4 with {@link #STORED} and a payload group (odd ids "a", even "b"). */
    String unitPoints() {
        String c = newCollection(3, Distance.Cosine);
        for (int id = 1; id <= 4; id++) {
            float length = squaredLength(STORED[id]);
            assertThat(length).isNotEqualTo(1.0f);
            assertThat(isLengthZeroOrNormalized(length)).isTrue();
            upsert(c, point(id, STORED[id], payload("g", id % 2 == 1 ? "a" : "b")));
        }
        return c;
    }

    /** The score each point must get, by id, from a function of its stored vector. */
    static Map<Long, Float> expected(Function<float[], Float> score, long... ids) {
        Map<Long, Float> out = new HashMap<>();
        for (long id : ids) {
            out.put(id, score.apply(STORED[(int) id]));
        }
        return out;
    }

    static void assertScores(List<ScoredPoint> hits, Map<Long, Float> expected, String what) {
        Map<Long, Integer> actualBits = new HashMap<>();
        for (ScoredPoint hit : hits) {
            actualBits.put(hit.getId().getNum(), Float.floatToIntBits(hit.getScore()));
        }
        Map<Long, Integer> expectedBits = new HashMap<>();
        expected.forEach((id, score) -> expectedBits.put(id, Float.floatToIntBits(score)));
        assertThat(actualBits).as("%s: score bits by id (expected scores %s)", what, expected)
                .isEqualTo(expectedBits);
    }

    static float[] dense(VectorOutput vector) {
        List<Float> data = vector.getDense().getDataList();
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i);
        }
        return out;
    }

    static void assertBitExact(float[] actual, float[] expected, String what) {
        assertThat(bits(actual)).as(what).containsExactly(bits(expected));
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToIntBits(v[i]);
        }
        return out;
    }

    static List<Float> toList(float[] v) {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return List.of(boxed);
    }
}
