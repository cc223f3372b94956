package io.github.qdrantscope.rawdemo;

import java.util.UUID;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Common.PointId;

/**
 * A document's id: a number or a UUID, the two kinds of ids Qdrant accepts.
 *
 * @param number the numeric id, or {@code null}
 * @param uuid the UUID, or {@code null}
 */
public record DocumentId(Long number, UUID uuid) {

    public DocumentId {
        if ((number == null) == (uuid == null)) {
            throw new IllegalArgumentException("A document id is either a number or a UUID");
        }
    }

    public static DocumentId of(long number) {
        return new DocumentId(number, null);
    }

    public static DocumentId of(UUID uuid) {
        return new DocumentId(null, uuid);
    }

    public static DocumentId of(String uuid) {
        return of(UUID.fromString(uuid));
    }

    static DocumentId from(PointId id) {
        return id.hasNum() ? of(id.getNum()) : of(id.getUuid());
    }

    PointId toPointId() {
        return this.number != null ? PointIdFactory.id(this.number) : PointIdFactory.id(this.uuid);
    }

    @Override
    public String toString() {
        return this.number != null ? this.number.toString() : this.uuid.toString();
    }
}
