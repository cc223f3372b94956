package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a collection from a snapshot file: the Java API's and the jar's restore. Qdrant recovers
 * snapshots over REST only, so there is no gRPC counterpart.
 */
public final class SnapshotRestore {

    private SnapshotRestore() {
    }

    /**
     * Reads {@code file} and adds its collection to {@code catalog} as {@code name}.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not a collection snapshot of
     *     this server or damaged, or naming the collection when the name is invalid
     * @throws IllegalStateException when a collection or alias named {@code name} already exists
     * @throws UncheckedIOException when reading fails
     */
    public static void restore(CollectionCatalog catalog, Path file, String name) {
        String what = "Cannot restore snapshot " + file + " as collection `" + name + "`: ";
        try {
            CollectionDefinition.checkNewName(name);
        } catch (StatusRuntimeException e) {
            throw new IllegalArgumentException(what + e.getStatus().getDescription(), e);
        }
        if (catalog.find(name).isPresent()) {
            throw new IllegalStateException(what + "a collection or alias named `" + name + "` already exists");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + "no such file");
        }
        StoredCollection collection;
        try {
            collection = CollectionSnapshot.read(file, name);
        } catch (SnapshotFormatException | EOFException e) {
            throw new IllegalArgumentException(what + "the file is not a readable embedded Qdrant collection "
                    + "snapshot (" + e.getMessage() + ")", e);
        } catch (StatusRuntimeException e) {
            throw new IllegalArgumentException(what + "its collection configuration is refused ("
                    + e.getStatus().getDescription() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(what + e, e);
        }
        try {
            catalog.create(name, () -> collection);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
                    || e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                throw new IllegalStateException(what + e.getStatus().getDescription(), e);
            }
            throw e;
        }
    }
}
