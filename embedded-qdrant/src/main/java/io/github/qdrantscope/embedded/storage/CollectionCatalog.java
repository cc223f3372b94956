package io.github.qdrantscope.embedded.storage;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The server's table of contents: collections by name and aliases to them, with the checks and
 * messages of Qdrant's {@code toc/collection_meta_ops.rs} and {@code alias_mapping.rs}.
 *
 * <p>Catalog changes are serialised by one lock; point data is guarded per collection by
 * {@link StoredCollection}, so a long search never blocks creating another collection.
 */
public final class CollectionCatalog {

    private final Map<String, StoredCollection> collections = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Adds a collection built by {@code factory}.
     *
     * @throws io.grpc.StatusRuntimeException {@code ALREADY_EXISTS} when the name is taken by a
     *     collection, {@code INVALID_ARGUMENT} when it is taken by an alias
     */
    public StoredCollection create(String name, Supplier<StoredCollection> factory) {
        lock.writeLock().lock();
        try {
            if (collections.containsKey(name)) {
                throw alreadyExists(name);
            }
            if (aliases.containsKey(name)) {
                throw QdrantErrors.wrongInput("Can't create collection with name " + name
                        + ". Alias with the same name already exists");
            }
            StoredCollection collection = factory.get();
            collections.put(name, collection);
            return collection;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a collection and every alias to it; false when there was no such collection. */
    public boolean delete(String name) {
        lock.writeLock().lock();
        try {
            aliases.values().removeIf(name::equals);
            return collections.remove(name) != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The collection with this name or alias, if any. */
    public Optional<StoredCollection> find(String nameOrAlias) {
        lock.readLock().lock();
        try {
            StoredCollection direct = collections.get(nameOrAlias);
            if (direct != null) {
                return Optional.of(direct);
            }
            String target = aliases.get(nameOrAlias);
            return Optional.ofNullable(target == null ? null : collections.get(target));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The collection with this name or alias.
     *
     * @throws io.grpc.StatusRuntimeException {@code NOT_FOUND} "Collection `x` doesn't exist!"
     */
    public StoredCollection get(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> QdrantErrors.collectionNotFound(nameOrAlias));
    }

    /** Collection names in creation order. */
    public List<String> names() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(collections.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All aliases, alias name to collection name, in creation order. */
    public Map<String, String> aliases() {
        lock.readLock().lock();
        try {
            return new LinkedHashMap<>(aliases);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Aliases pointing at {@code collectionName}; empty for an unknown collection, as in Qdrant. */
    public List<String> aliasesOf(String collectionName) {
        lock.readLock().lock();
        try {
            List<String> result = new ArrayList<>();
            aliases.forEach((alias, target) -> {
                if (target.equals(collectionName)) {
                    result.add(alias);
                }
            });
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One alias change of an UpdateAliases request. */
    public sealed interface AliasChange {
    }

    /** Points {@code alias} at {@code collection} (re-pointing an existing alias). */
    public record CreateAlias(String collection, String alias) implements AliasChange {
    }

    /** Renames an alias, keeping its target. */
    public record RenameAlias(String oldAlias, String newAlias) implements AliasChange {
    }

    /** Removes an alias; removing a missing alias is not an error. */
    public record DeleteAlias(String alias) implements AliasChange {
    }

    /**
     * Applies alias changes in order under one lock, so no reader sees a half-switched state. Like
     * Qdrant, changes before a failing one stay applied.
     */
    public void changeAliases(List<AliasChange> changes) {
        lock.writeLock().lock();
        try {
            for (AliasChange change : changes) {
                if (change instanceof CreateAlias c) {
                    if (!collections.containsKey(c.collection())) {
                        throw QdrantErrors.collectionNotFound(c.collection());
                    }
                    if (collections.containsKey(c.alias())) {
                        throw alreadyExists(c.alias());
                    }
                    aliases.put(c.alias(), c.collection());
                } else if (change instanceof RenameAlias r) {
                    String target = aliases.remove(r.oldAlias());
                    if (target == null) {
                        throw QdrantErrors.notFound("Not found: Alias " + r.oldAlias() + " does not exists!");
                    }
                    aliases.put(r.newAlias(), target);
                } else if (change instanceof DeleteAlias d) {
                    aliases.remove(d.alias());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static RuntimeException alreadyExists(String name) {
        return Status.ALREADY_EXISTS
                .withDescription("Wrong input: Collection `" + name + "` already exists!")
                .asRuntimeException();
    }
}
