package io.github.qdrantscope.embedded.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded server's full snapshot file: every collection's snapshot and the aliases, as Qdrant's
 * full snapshot holds every collection's snapshot and a {@code config.json} with the aliases
 * ({@code lib/storage/src/content_manager/snapshots/mod.rs}, {@code _do_create_full_snapshot}).
 *
 * <pre>
 * magic "EQFULL01"
 * aliases      int count, then (alias, collection) name pairs
 * collections  int count, then per collection: name, long length, its collection snapshot file
 * end          "EQFLEND1"
 * </pre>
 */
final class FullSnapshot {

    static final byte[] MAGIC = "EQFULL01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "EQFLEND1".getBytes(StandardCharsets.US_ASCII);

    private FullSnapshot() {
    }

    /** Writes the new file {@code target} and returns its SHA-256 (hex). */
    static String write(Map<String, Path> collectionSnapshots, Map<String, String> aliases, Path target)
            throws IOException {
        try (ChannelOutput out = new ChannelOutput(target)) {
            out.writeBytes(MAGIC);
            out.writeInt(aliases.size());
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                out.writeString(alias.getKey());
                out.writeString(alias.getValue());
            }
            out.writeInt(collectionSnapshots.size());
            byte[] chunk = new byte[1 << 20];
            for (Map.Entry<String, Path> collection : collectionSnapshots.entrySet()) {
                out.writeString(collection.getKey());
                out.writeLong(Files.size(collection.getValue()));
                try (InputStream in = Files.newInputStream(collection.getValue())) {
                    int n;
                    while ((n = in.read(chunk)) > 0) {
                        out.writeBytes(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
                    }
                }
            }
            out.writeBytes(END);
            return out.finish();
        }
    }
}
