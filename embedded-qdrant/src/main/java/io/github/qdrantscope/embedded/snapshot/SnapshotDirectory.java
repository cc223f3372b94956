package io.github.qdrantscope.embedded.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The snapshots directory of one server: the one configured (kept at close) or a temporary one (deleted
 * with its content at close).
 */
public final class SnapshotDirectory {

    private final Path path;
    private final boolean temporary;
    private final SnapshotStore store;

    private SnapshotDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
        // Qdrant's peer id is a random u64 chosen at a node's first start; it appears in snapshot names.
        this.store = new SnapshotStore(path, new SecureRandom().nextLong() >>> 1, Clock.systemUTC());
    }

    /** {@code configured}, or a new temporary directory when it is {@code null}. */
    public static SnapshotDirectory open(Path configured) {
        if (configured != null) {
            return new SnapshotDirectory(configured, false);
        }
        try {
            return new SnapshotDirectory(Files.createTempDirectory("embedded-qdrant-snapshots-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Qdrant cannot create a temporary snapshots directory", e);
        }
    }

    public Path path() {
        return path;
    }

    public SnapshotStore store() {
        return store;
    }

    /** Deletes a temporary directory with everything in it; leaves a configured one alone. */
    public void release() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Qdrant could not delete its snapshots directory " + path, e);
        }
    }
}
