package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.grpc.Status;
import com.google.protobuf.Timestamp;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The snapshot directory the server owns, laid out as Qdrant lays out its {@code snapshots_path}: a
 * collection's snapshots in {@code <dir>/<collection>/}, full snapshots in {@code <dir>/}, each
 * {@code .snapshot} file with its SHA-256 in a {@code .snapshot.checksum} file beside it.
 *
 * <p>Names, descriptions and errors follow Qdrant 1.17 ({@code lib/collection/src/collection/snapshots.rs},
 * {@code lib/storage/src/content_manager/snapshots/mod.rs}, {@code lib/collection/src/common/snapshots_manager.rs};
 * read in the code index at commits 00078e35 and 004b3cbf, which the index could not pin to the v1.17.0 tag).
 */
public final class SnapshotStore {

    private static final String EXTENSION = ".snapshot";
    private static final String CHECKSUM_EXTENSION = ".checksum";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final long peerId;
    private final Clock clock;

    /**
     * @param root the directory, created if missing
     * @param peerId the number Qdrant puts in collection snapshot names (its peer id)
     */
    public SnapshotStore(Path root, long peerId, Clock clock) {
        this.root = root;
        this.peerId = peerId;
        this.clock = clock;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Qdrant cannot create its snapshots directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** snapshots.rs {@code create_temp_snapshot}: {@code <collection>-<peer id>-<UTC time>.snapshot}. */
    public SnapshotDescription createCollectionSnapshot(StoredCollection collection) {
        String name = collection.name() + "-" + Long.toUnsignedString(peerId) + "-" + TIME.format(clock.instant())
                + EXTENSION;
        Path dir = root.resolve(collection.name());
        return io(() -> {
            Files.createDirectories(dir);
            return publish(dir, name, temp -> CollectionSnapshot.write(collection, temp));
        });
    }

    /** Qdrant lists the {@code .snapshot} files of the collection's directory; here sorted by name. */
    public List<SnapshotDescription> list(StoredCollection collection) {
        return io(() -> list(root.resolve(collection.name())));
    }

    /**
     * Deletes one of the collection's snapshots.
     *
     * @throws io.grpc.StatusRuntimeException {@code NOT_FOUND} "Not found: Snapshot x not found" (the
     *     collection's {@code get_snapshot_path}: a {@code CollectionError::NotFound} "Snapshot x", shown as
     *     "{what} not found", inside StorageError's "Not found: ...")
     */
    public void delete(StoredCollection collection, String snapshotName) {
        Path dir = root.resolve(collection.name());
        Path file = inside(dir, snapshotName).orElseThrow(
                () -> QdrantErrors.notFound("Not found: Snapshot " + snapshotName + " not found"));
        io(() -> remove(file));
    }

    /**
     * mod.rs {@code _do_create_full_snapshot}: a snapshot of every collection (each also listed as the
     * collection's own), then {@code full-snapshot-<UTC time>.snapshot} holding them and the aliases.
     */
    public SnapshotDescription createFull(CollectionCatalog catalog) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : catalog.names()) {
            catalog.find(name).ifPresent(collection -> files.put(name,
                    root.resolve(name).resolve(createCollectionSnapshot(collection).getName())));
        }
        Map<String, String> aliases = catalog.aliases();
        String name = "full-snapshot-" + TIME.format(clock.instant()) + EXTENSION;
        return io(() -> publish(root, name, temp -> FullSnapshot.write(files, aliases, temp)));
    }

    public List<SnapshotDescription> listFull() {
        return io(() -> list(root));
    }

    /**
     * Deletes a full snapshot.
     *
     * @throws io.grpc.StatusRuntimeException {@code NOT_FOUND} "Not found: Snapshot x" (mod.rs
     *     {@code get_full_snapshot_path}: {@code StorageError::not_found(format!("Snapshot {snapshot_name}"))})
     */
    public void deleteFull(String snapshotName) {
        Path file = inside(root, snapshotName).orElseThrow(
                () -> QdrantErrors.notFound("Not found: Snapshot " + snapshotName));
        io(() -> remove(file));
    }

    // Qdrant canonicalises the path and requires it to stay inside the directory and be a file, so a
    // name like ../x is "not found" rather than a way out.
    private static java.util.Optional<Path> inside(Path dir, String name) {
        if (name.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir.normalize()) || file.equals(dir.normalize()) || !Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(file);
    }

    private static Void remove(Path file) throws IOException {
        Files.deleteIfExists(Path.of(file + CHECKSUM_EXTENSION));
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            // deleted concurrently: Qdrant reports what it found when it looked
        }
        return null;
    }

    private interface Writer {
        String write(Path temp) throws IOException;
    }

    // Written under a temporary name, checksum first, then renamed: a listed snapshot is always complete
    // and has its checksum, as in snapshots.rs (a second snapshot in the same second replaces the first,
    // as Qdrant's rename does).
    private SnapshotDescription publish(Path dir, String name, Writer writer) throws IOException {
        Path temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            String checksum = writer.write(temp);
            Files.writeString(dir.resolve(name + CHECKSUM_EXTENSION), checksum, StandardCharsets.US_ASCII);
            Path target = dir.resolve(name);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return describe(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static List<SnapshotDescription> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<SnapshotDescription> out = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                out.add(describe(file));
            } catch (NoSuchFileException e) {
                // deleted while listing
            }
        }
        return out;
    }

    // SnapshotDescription as Qdrant fills it: the file's creation time in whole seconds, its size, and
    // the checksum file's content when there is one.
    private static SnapshotDescription describe(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        SnapshotDescription.Builder description = SnapshotDescription.newBuilder()
                .setName(file.getFileName().toString())
                .setCreationTime(Timestamp.newBuilder().setSeconds(attributes.creationTime().toInstant().getEpochSecond()))
                .setSize(attributes.size());
        Path checksum = Path.of(file + CHECKSUM_EXTENSION);
        if (Files.isRegularFile(checksum)) {
            description.setChecksum(Files.readString(checksum, StandardCharsets.US_ASCII));
        }
        return description.build();
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private static <T> T io(Io<T> body) {
        try {
            return body.run();
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("Service internal error: " + e).withCause(e).asRuntimeException();
        }
    }
}
