package io.github.qdrantscope.embedded.differential;

import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.nullValue;
import static io.qdrant.client.ValueFactory.value;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random points for one scenario: ids from a small pool (so writes overwrite and deletes hit), vectors and
 * payloads built to reach Qdrant's edge cases.
 *
 * <p>Vector components are mostly multiples of 1/256 in [-1, 1] (or of 1/32 in [-8, 8]): every Dot,
 * Euclid and Manhattan sum over up to 40 dimensions of such values is exact in f32 (at most 24 significant
 * bits) whatever the summation order, so
 * those scores must agree bit for bit, and ties are real ties. The rest are Qdrant's preprocessing
 * cases: already unit length (kept as sent when the squared length is within 1e-6 of 1), zero, tiny
 * (squared length below f32::EPSILON, also kept), exact duplicates of an earlier vector.
 */
final class Data {

    /** One dense vector of the collection. */
    record Space(String name, int dim, Distance distance) {
    }

    static final String[] COLORS = {"red", "green", "blue", "Red", ""};
    static final String[] TAGS = {"a", "b", "c", "d"};
    /**
     * Lowercase, none inside another: on text joined by single spaces, Qdrant 1.17's substring reading of
     * full-text conditions and Edge's token reading agree ({@link KnownExceptions#EDGE_TOKENIZES_UNINDEXED_TEXT}).
     */
    static final String[] WORDS = {"quick", "brown", "fox", "jumps", "over", "lazy", "dog", "cat"};
    private static final int[] DIMS = {2, 3, 4, 5, 8, 16, 17, 33, 40};
    private static final Distance[] DISTANCES = {Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan};

    final Random random;
    final List<Space> spaces;
    final boolean unnamed;
    /**
     * Whether this scenario stores arrays holding null ({@code maybe: [null]}); when it does, is_null is not
     * asked of {@code maybe} ({@link KnownExceptions#EDGE_IS_NULL_ON_ARRAYS_HOLDING_NULL}).
     */
    final boolean arraysHoldingNull;
    private final List<PointId> ids = new ArrayList<>();
    private final List<float[]> earlier = new ArrayList<>();

    Data(Random random) {
        this(random, randomSpaces(random));
    }

    private static List<Space> randomSpaces(Random random) {
        boolean unnamed = random.nextInt(3) == 0;
        List<Space> s = new ArrayList<>();
        int count = unnamed ? 1 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            s.add(new Space(unnamed ? "" : "v" + i, DIMS[random.nextInt(DIMS.length)],
                    DISTANCES[random.nextInt(DISTANCES.length)]));
        }
        return s;
    }

    /** Data over the given vector spaces (a single one named {@code ""} is the unnamed vector). */
    Data(Random random, List<Space> spaces) {
        this.random = random;
        this.unnamed = spaces.size() == 1 && spaces.get(0).name().isEmpty();
        this.spaces = List.copyOf(spaces);
        this.arraysHoldingNull = random.nextBoolean();
        for (int i = 1; i <= 40; i++) {
            ids.add(PointId.newBuilder().setNum(i).build());
        }
        for (int i = 0; i < 6; i++) {
            ids.add(PointId.newBuilder().setUuid(new UUID(random.nextLong(), random.nextLong()).toString()).build());
        }
    }

    PointId id() {
        return ids.get(random.nextInt(ids.size()));
    }

    Space space() {
        return spaces.get(random.nextInt(spaces.size()));
    }

    float[] vector(int dim) {
        int kind = random.nextInt(100);
        float[] v = new float[dim];
        if (kind < 5 && !earlier.isEmpty()) {
            float[] copy = earlier.get(random.nextInt(earlier.size()));
            if (copy.length == dim) {
                return copy.clone();
            }
        }
        if (kind < 10) {
            v[random.nextInt(dim)] = random.nextBoolean() ? 1f : -1f; // exactly unit
        } else if (kind < 18) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                v[i] = grid(256, 1);
                norm += v[i] * v[i];
            }
            for (int i = 0; i < dim && norm > 0; i++) {
                v[i] = (float) (v[i] / Math.sqrt(norm)); // unit to within rounding: Qdrant keeps these as sent
            }
        } else if (kind < 21) {
            return v; // zero
        } else if (kind < 23) {
            v[random.nextInt(dim)] = 1e-4f; // squared length below f32::EPSILON
        } else {
            int denominator = kind < 33 ? 32 : 256;
            int range = kind < 33 ? 8 : 1;
            for (int i = 0; i < dim; i++) {
                v[i] = grid(denominator, range);
            }
        }
        earlier.add(v);
        return v;
    }

    private float grid(int denominator, int range) {
        return (random.nextInt(2 * denominator * range + 1) - denominator * range) / (float) denominator;
    }

    static Vector dense(float[] v) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (float f : v) {
            d.addData(f);
        }
        return Vector.newBuilder().setDense(d).build();
    }

    /** Vectors for a point: every named vector, or (named only) a random non-empty subset of them. */
    Vectors vectors(boolean allNames) {
        if (unnamed) {
            return Vectors.newBuilder().setVector(dense(vector(spaces.get(0).dim()))).build();
        }
        NamedVectors.Builder named = NamedVectors.newBuilder();
        for (Space s : spaces) {
            if (allNames || random.nextInt(4) != 0) {
                named.putVectors(s.name(), dense(vector(s.dim())));
            }
        }
        if (named.getVectorsCount() == 0) {
            Space s = space();
            named.putVectors(s.name(), dense(vector(s.dim())));
        }
        return Vectors.newBuilder().setVectors(named).build();
    }

    Map<String, Value> payload() {
        return payload(true);
    }

    /** @param nulls whether null values may appear ({@link KnownExceptions#NULLS_IN_SET_PAYLOAD}) */
    Map<String, Value> payload(boolean nulls) {
        Map<String, Value> p = new LinkedHashMap<>();
        if (chance(80)) {
            p.put("color", value(pick(COLORS)));
        }
        if (chance(80)) {
            p.put("n", value(random.nextInt(26) - 5));
        }
        if (chance(60)) {
            p.put("f", value((random.nextInt(81) - 40) / 4.0));
        }
        if (chance(60)) {
            p.put("tags", list(randomList(() -> value(pick(TAGS)))));
        }
        if (chance(40)) {
            p.put("nums", list(randomList(() -> value(random.nextInt(6)))));
        }
        if (chance(50)) {
            p.put("flag", value(random.nextBoolean()));
        }
        if (chance(60)) {
            p.put("dt", value(datetime()));
        }
        if (chance(50)) {
            p.put("loc", object(Map.of("lon", value(random.nextInt(21) / 10.0), "lat", value(random.nextInt(21) / 10.0))));
        }
        if (chance(50)) {
            p.put("text", value(String.join(" ", randomWords())));
        }
        if (chance(50)) {
            p.put("nested", list(randomList(() -> object(Map.of("a", value(random.nextInt(4)), "b", value(pick(TAGS)))))));
        }
        if (chance(40)) {
            p.put("obj", object(Map.of("x", value(random.nextInt(4)), "y", value(pick(TAGS)))));
        }
        if (chance(40)) {
            int kind = random.nextInt(4);
            if (kind == 2 && !arraysHoldingNull) {
                kind = 1;
            }
            if (kind == 0 && !nulls) {
                kind = 3;
            }
            p.put("maybe", switch (kind) {
                case 0 -> nullValue();
                case 1 -> list(List.of());
                case 2 -> list(List.of(nullValue()));
                default -> value("x");
            });
        }
        return p;
    }

    String datetime() {
        int day = 1 + random.nextInt(9);
        int hour = random.nextInt(24);
        return switch (random.nextInt(4)) {
            case 0 -> String.format("2024-01-0%dT%02d:00:00Z", day, hour);
            case 1 -> String.format("2024-01-0%dT%02d:30:00+02:00", day, hour);
            case 2 -> String.format("2024-01-0%d", day);
            default -> String.format("2024-01-0%d %02d:15:00", day, hour);
        };
    }

    List<String> randomWords() {
        List<String> words = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            words.add(pick(WORDS));
        }
        return words;
    }

    private List<Value> randomList(java.util.function.Supplier<Value> element) {
        List<Value> values = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(element.get());
        }
        return values;
    }

    static Value object(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
