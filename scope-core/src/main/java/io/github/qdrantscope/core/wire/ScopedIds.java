package io.github.qdrantscope.core.wire;

import java.util.UUID;

import io.qdrant.client.grpc.Common.PointId;

/**
 * The id a point of the application is stored under inside one project, and back: the one rule by which the wire
 * namespaces ids. A numeric id stays numeric ({@link NumericIds}), a UUID stays a UUID ({@link UuidIds}); both are
 * keyed permutations of the project, so the same id in two projects is two points and the application's id is
 * computed back from any stored id of the project, with nothing remembered and nothing kept in the payload.
 *
 * <p>Public so that code looking at the server as it is (a test's own unscoped client, an audit) can tell which
 * stored point is which application id: {@code ScopedIds.of(project).original(point.getId())}.
 *
 * <p>The keys are computed at the first id of each kind (a hash of the project name), so one instance serves a
 * whole request; it is not meant to be shared between threads, though a race only computes a key twice.
 */
public final class ScopedIds {

    private final String project;

    private NumericIds numeric;

    private UuidIds uuid;

    private ScopedIds(String project) {
        this.project = project;
    }

    /** The ids of {@code project} (a project name, as {@code ProjectScope.name()}). */
    public static ScopedIds of(String project) {
        return new ScopedIds(project);
    }

    /**
     * The stored id of the application's {@code id}; a UUID in any form Qdrant accepts.
     *
     * @throws io.github.qdrantscope.core.client.CallRejection with Qdrant's message for a UUID Qdrant would refuse
     */
    public PointId stored(PointId id) {
        return switch (id.getPointIdOptionsCase()) {
            case NUM -> PointId.newBuilder().setNum(numeric().stored(id.getNum())).build();
            case UUID -> uuidId(uuid().stored(WireIds.parse(id.getUuid())));
            // Qdrant itself rejects it, with its own message
            case POINTIDOPTIONS_NOT_SET -> id;
        };
    }

    /**
     * The application's id of a stored id of this project, a UUID in Qdrant's canonical form (lowercase,
     * hyphenated). For an id that is no stored id of this project (a point of another project, or written outside
     * any), the result is an id nobody wrote.
     */
    public PointId original(PointId stored) {
        return switch (stored.getPointIdOptionsCase()) {
            case NUM -> PointId.newBuilder().setNum(numeric().original(stored.getNum())).build();
            case UUID -> uuidId(uuid().original(WireIds.parse(stored.getUuid())));
            case POINTIDOPTIONS_NOT_SET -> stored;
        };
    }

    /** The application's unsigned 64-bit id of the stored numeric id {@code stored}. */
    long originalNum(long stored) {
        return numeric().original(stored);
    }

    /** The application's UUID of the stored UUID {@code stored}. */
    UUID originalUuid(UUID stored) {
        return uuid().original(stored);
    }

    private NumericIds numeric() {
        NumericIds keys = this.numeric;
        if (keys == null) {
            keys = NumericIds.of(this.project);
            this.numeric = keys;
        }
        return keys;
    }

    private UuidIds uuid() {
        UuidIds keys = this.uuid;
        if (keys == null) {
            keys = UuidIds.of(this.project);
            this.uuid = keys;
        }
        return keys;
    }

    private static PointId uuidId(UUID uuid) {
        return PointId.newBuilder().setUuid(uuid.toString()).build();
    }
}
