package io.github.qdrantscope.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Point ids namespaced per project: a name-based (version 5, SHA-1) UUID of project and original id.
 * Qdrant only accepts UUIDs or unsigned integers as ids, and the same original id in two projects must
 * name two different points; a name-based UUID gives both, deterministically.
 */
public final class NamespacedIds {

    /** A fixed, arbitrary RFC 4122 namespace; changing it would give every stored point a new id. */
    private static final UUID NAMESPACE = UUID.fromString("8b0f6a53-3c0d-5d7e-9d1c-6f0a2c7e4b11");

    private NamespacedIds() {
    }

    /** The id the point of {@code originalId} gets inside {@code project}. */
    public static String of(String project, String originalId) {
        return uuidV5(NAMESPACE, project + '\u0000' + originalId).toString();
    }

    /**
     * One digest per thread: every id of every scoped write and read is namespaced, and looking the algorithm up
     * each time costs more than hashing a short id. {@link MessageDigest#digest} resets it after each use.
     */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
        }
    });

    /** The name-based (version 5, SHA-1) UUID of {@code name} in {@code namespace} (RFC 4122). */
    public static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        ByteBuffer ns = ByteBuffer.allocate(16)
            .putLong(namespace.getMostSignificantBits())
            .putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
