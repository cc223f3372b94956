package io.github.qdrantscope.core.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps Gradle test workers to dense slots 1, 2, ...: each worker takes the lowest slot whose lock file
 * ({@code slot-<n>.lock} in a directory under the build directory) no other live process holds, and holds
 * the lock until it exits. Slots are reused by later workers, so collection names stay few and stable.
 */
public class GradleWorkerSlots {

    private static final int MAX_SLOTS = 1024;

    /** Locks held by this JVM; never released before exit, which is the point. */
    private static final List<FileLock> HELD = new ArrayList<>();

    private final Path directory;

    /** @param directory where the lock files live; created when missing */
    public GradleWorkerSlots(Path directory) {
        this.directory = directory;
    }

    /** Claims the lowest free slot and keeps it until the JVM exits. */
    public int claim() {
        try {
            Files.createDirectories(directory);
            for (int slot = 1; slot <= MAX_SLOTS; slot++) {
                FileLock lock = tryLock(directory.resolve("slot-" + slot + ".lock"));
                if (lock != null) {
                    synchronized (HELD) {
                        HELD.add(lock);
                    }
                    return slot;
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("qdrant-scope could not claim a Gradle worker slot in " + directory
                    + "; set qdrant-scope.fork-id explicitly instead", ex);
        }
        throw new IllegalStateException("qdrant-scope: all " + MAX_SLOTS + " Gradle worker slots in " + directory
                + " are locked; set qdrant-scope.fork-id explicitly instead");
    }

    private static FileLock tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        }
        catch (OverlappingFileLockException ex) {
            // this JVM already holds this slot (a second resolver in the same JVM): try the next one
            channel.close();
            return null;
        }
    }
}
