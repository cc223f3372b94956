package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;

/**
 * The random data of one oracle sequence, all drawn from one seeded {@link Random}: ids from a small fixed pool
 * that every concurrent project also writes, vectors of random floats (so exact score ties practically never
 * happen), payloads and filters of several condition kinds.
 *
 * <p>Collections have either one unnamed 4-dimensional Cosine vector, or two named vectors: {@code a} (4, Dot)
 * and {@code b} (3, Euclid).
 */
final class OracleData {

    /** Numeric ids: 1..12 and one above 2^63, where signed and unsigned order differ. */
    static final List<Long> NUMBERS;

    /** Fixed UUIDs; some have the top bit set, where signed and unsigned byte order differ. */
    static final List<UUID> UUIDS = List.of(UUID.fromString("00000000-0000-4000-8000-000000000001"),
            UUID.fromString("6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"),
            UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"),
            UUID.fromString("80000000-0000-4000-8000-000000000000"),
            UUID.fromString("c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b"),
            UUID.fromString("ffffffff-ffff-4fff-8fff-fffffffffff0"));

    static final List<String> COLORS = List.of("red", "green", "blue", "amber");

    static final List<String> TAGS = List.of("x", "y", "z", "w");

    static {
        List<Long> numbers = new ArrayList<>();
        for (long i = 1; i <= 12; i++) {
            numbers.add(i);
        }
        numbers.add(Long.MIN_VALUE + 7);
        NUMBERS = List.copyOf(numbers);
    }

    final Random rng;

    /** Whether the collection has the named vectors {@code a} and {@code b} instead of one unnamed vector. */
    final boolean named;

    private final List<PointId> upserted = new ArrayList<>();

    private boolean parsable;

    private final OracleFilters filters = new OracleFilters(this);

    /**
     * Whether this sequence makes no deliberate mistakes and only writes that cannot fail: the project's write
     * record then stays certain, and its count of the project's points is checked (see {@link OracleWrites}).
     */
    final boolean safe;

    OracleData(Random rng, boolean named, boolean safe) {
        this.rng = rng;
        this.named = named;
        this.safe = safe;
    }

    boolean chance(double p) {
        return this.rng.nextDouble() < p;
    }

    /** Whether to make a request invalid here, with probability {@code p}; never in a {@link #safe} sequence. */
    boolean mistake(double p) {
        return chance(p) && !this.safe;
    }

    int between(int min, int max) {
        return min + this.rng.nextInt(max - min + 1);
    }

    <T> T pick(List<T> values) {
        return values.get(this.rng.nextInt(values.size()));
    }

    // ---- ids ----

    /** An id of the pool, a UUID in any text form Qdrant accepts (it answers with the canonical form). */
    PointId id() {
        if (this.rng.nextInt(NUMBERS.size() + UUIDS.size()) < NUMBERS.size()) {
            return PointId.newBuilder().setNum(pick(NUMBERS)).build();
        }
        return PointId.newBuilder().setUuid(uuidText(pick(UUIDS))).build();
    }

    /** The id of a point this sequence upserted (it may have been deleted since), sometimes any id of the pool. */
    PointId knownId() {
        return this.upserted.isEmpty() || chance(0.15) ? id() : pick(this.upserted);
    }

    /** Notes an upserted id, so that later operations mostly name points that exist. */
    PointId upserted(PointId id) {
        this.upserted.add(id);
        return id;
    }

    /**
     * Generates a request whose ids all parse. Used for requests that may also fail with NOT_FOUND (a missing
     * point or example): Qdrant parses every id while converting the gRPC request, before it looks anything up,
     * but the embedded server reports whichever problem it meets first, so two problems in one request would
     * make the status depend on the server rather than on the scoping.
     */
    <T> T parsableIds(Supplier<T> generate) {
        boolean before = this.parsable;
        this.parsable = true;
        try {
            return generate.get();
        }
        finally {
            this.parsable = before;
        }
    }

    /** Rarely an id Qdrant cannot parse (unless {@link #parsableIds}), otherwise {@link #knownId()}. */
    PointId idOrInvalid() {
        if (!mistake(0.01) || this.parsable) {
            return knownId();
        }
        String simple = pick(UUIDS).toString().replace("-", "");
        // forms the uuid crate refuses (shared/parser.rs accepts only lengths 32, 36, {36} and urn:uuid:36)
        String text = pick(List.of("not-a-uuid", "urn:uuid:" + simple, "{" + simple + "}", simple + "0"));
        return PointId.newBuilder().setUuid(text).build();
    }

    List<PointId> ids(int min, int max) {
        int n = between(min, max);
        List<PointId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i == 0 ? idOrInvalid() : knownId());
        }
        return ids;
    }

    private String uuidText(UUID uuid) {
        String text = uuid.toString();
        return switch (this.rng.nextInt(8)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> text.replace("-", "");
            case 2 -> "{" + text + "}";
            case 3 -> "urn:uuid:" + text;
            default -> text;
        };
    }

    // ---- vectors ----

    /** A vector name usable in searches: "" for the unnamed vector. */
    String vectorName() {
        return this.named ? (chance(0.5) ? "a" : "b") : "";
    }

    /** The name to search with; rarely one the collection does not have. */
    String vectorNameOrInvalid() {
        return mistake(0.02) ? "missing" : vectorName();
    }

    int dimension(String name) {
        return "b".equals(name) ? 3 : 4;
    }

    /** Random floats in [-1, 1); rarely of the wrong dimension. */
    List<Float> floats(String name) {
        int dim = mistake(0.01) ? dimension(name) + 1 : dimension(name);
        List<Float> values = new ArrayList<>(dim);
        for (int i = 0; i < dim; i++) {
            values.add(this.rng.nextFloat() * 2 - 1);
        }
        return values;
    }

    Vector vector(String name) {
        return Vector.newBuilder().setDense(DenseVector.newBuilder().addAllData(floats(name))).build();
    }

    /** The vectors of a point: the unnamed one, or a non-empty subset of {@code a} and {@code b}. */
    Vectors pointVectors() {
        if (!this.named) {
            return Vectors.newBuilder().setVector(vector("")).build();
        }
        NamedVectors.Builder vectors = NamedVectors.newBuilder();
        int which = between(1, 3);
        if ((which & 1) != 0) {
            vectors.putVectors("a", vector("a"));
        }
        if ((which & 2) != 0) {
            vectors.putVectors("b", vector("b"));
        }
        return Vectors.newBuilder().setVectors(vectors).build();
    }

    // ---- payloads ----

    /**
     * A payload of some of: {@code color} (keyword, sometimes null), {@code n} (integer), {@code f} (float),
     * {@code tags} (keyword array), {@code meta} ({@code k} keyword, {@code v} integer), {@code items} (an array
     * of such objects, for nested conditions) and, when asked,
     * {@code rank}: an integer from a range so wide that order_by never meets equal values, whose order Qdrant
     * leaves undefined (only upserts set it, so set/overwrite-by-filter cannot copy one value to many points).
     */
    Map<String, Value> payload(boolean rank) {
        Map<String, Value> payload = new LinkedHashMap<>();
        if (chance(0.8)) {
            payload.put("color", chance(0.1) ? nullValue() : string(pick(COLORS)));
        }
        if (chance(0.7)) {
            payload.put("n", integer(between(0, 5)));
        }
        if (chance(0.6)) {
            payload.put("f", Value.newBuilder().setDoubleValue(this.rng.nextDouble() * 10).build());
        }
        if (chance(0.6)) {
            ListValue.Builder tags = ListValue.newBuilder();
            for (int i = between(0, 3); i > 0; i--) {
                tags.addValues(string(pick(TAGS)));
            }
            payload.put("tags", Value.newBuilder().setListValue(tags).build());
        }
        if (chance(0.4)) {
            payload.put("meta", Value.newBuilder().setStructValue(meta()).build());
        }
        if (chance(0.3)) {
            ListValue.Builder items = ListValue.newBuilder();
            for (int i = between(1, 3); i > 0; i--) {
                items.addValues(Value.newBuilder().setStructValue(meta()));
            }
            payload.put("items", Value.newBuilder().setListValue(items).build());
        }
        if (rank && chance(0.9)) {
            payload.put("rank", integer(this.rng.nextInt(1_000_000_000)));
        }
        return payload;
    }

    /** A non-empty payload without {@code rank}. */
    Map<String, Value> partialPayload() {
        Map<String, Value> payload = payload(false);
        if (payload.isEmpty()) {
            payload.put("n", integer(between(0, 5)));
        }
        return payload;
    }

    /** The fields of {@code meta}, for writes with {@code key = "meta"}. */
    Struct meta() {
        Struct.Builder meta = Struct.newBuilder().putFields("k", string(chance(0.5) ? "p" : "q"));
        if (chance(0.5)) {
            meta.putFields("v", integer(between(0, 3)));
        }
        return meta.build();
    }

    static Value string(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    static Value integer(long value) {
        return Value.newBuilder().setIntegerValue(value).build();
    }

    private static Value nullValue() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    // ---- filters ----

    /** A filter of one to three conditions of several kinds ({@link OracleFilters}); rarely empty. */
    Filter filter() {
        return this.filters.filter();
    }

    /** A filter that is present only sometimes: {@code null} means none. */
    Filter optionalFilter() {
        return chance(0.5) ? filter() : null;
    }
}
