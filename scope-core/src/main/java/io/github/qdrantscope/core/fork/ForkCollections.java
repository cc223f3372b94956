package io.github.qdrantscope.core.fork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import com.google.common.util.concurrent.ListenableFuture;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.DeleteAlias;

/**
 * The one rule that maps an application's collection names into a fork's namespace, and back.
 *
 * <p>A fork is identified by its namespace {@code ns}: the collection name the fork is bound to, e.g.
 * {@code qdrant_scope_local-a683f017_f2}. An application name {@code N} is sent to Qdrant as
 * <ul>
 * <li>{@code N} itself when {@code N} is {@code ns} or starts with {@code ns + "__"}: it is already bound to
 * the fork (Spring AI's collection, set by property, is {@code ns});</li>
 * <li>{@code ns + "__" + N} otherwise, so {@code "documents"} of every fork is a different collection.</li>
 * </ul>
 * The empty name is left as it is, so Qdrant rejects it with its own message. Aliases share the collections'
 * name space on the server and follow the same rule.
 *
 * <p>Back from the server, {@code ns + "__" + N} is {@code N} and {@code ns} is {@code ns}; every other name
 * belongs to another fork or to nobody qdrant-scope knows, and is not this fork's. (So an application that
 * sends an already bound {@code ns + "__x"} sees it listed as {@code x}: both reach the same collection.)
 *
 * <p>The {@code "__"} separator keeps namespaces apart even when one is a prefix of another: fork
 * {@code run_f1} never claims {@code run_f12__documents}.
 */
public final class ForkCollections {

    /** Qdrant's limit on the length of a collection or alias name, in characters. */
    public static final int MAX_NAME_LENGTH = 255;

    /** Between the namespace and the application's name. */
    public static final String SEPARATOR = "__";

    /** Characters Qdrant 1.17 refuses in a new collection's name (common::validation::validate_collection_name). */
    private static final String FORBIDDEN_CHARS = "<>:\"/\\|?*\0\u001F";

    private final String namespace;

    private final String prefix;

    /**
     * @param namespace the fork's namespace: its bound collection name, e.g. {@code qdrant_scope_local-a683f017_f2}
     * @throws IllegalArgumentException when the namespace is empty, holds a character Qdrant refuses in a
     *     collection name, or leaves no room for an application's name within {@value #MAX_NAME_LENGTH}
     *     characters
     */
    public ForkCollections(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("qdrant-scope: the fork namespace must not be empty");
        }
        for (int i = 0; i < namespace.length(); i++) {
            if (FORBIDDEN_CHARS.indexOf(namespace.charAt(i)) >= 0) {
                throw new IllegalArgumentException("qdrant-scope: fork namespace '" + namespace
                        + "' contains '" + namespace.charAt(i) + "', which Qdrant refuses in a collection name");
            }
        }
        int room = MAX_NAME_LENGTH - length(namespace) - SEPARATOR.length();
        if (room < 1) {
            throw new IllegalArgumentException("qdrant-scope: fork namespace '" + namespace + "' is "
                    + length(namespace) + " characters, which leaves no room for a collection name within Qdrant's "
                    + MAX_NAME_LENGTH + "-character limit");
        }
        this.namespace = namespace;
        this.prefix = namespace + SEPARATOR;
    }

    /** The fork's namespace, its bound collection name. */
    public String namespace() {
        return this.namespace;
    }

    /**
     * The name Qdrant sees for the application's collection {@code name}.
     *
     * @throws IllegalArgumentException when the mapped name is longer than {@value #MAX_NAME_LENGTH} characters;
     *     the message names {@code name}, the namespace and the limit
     */
    public String toServer(String name) {
        return toServer(name, "collection");
    }

    /** {@link #toServer(String)} for a name of {@code kind} ("collection" or "alias"), named so in errors. */
    String toServer(String name, String kind) {
        if (name.isEmpty() || isBound(name)) {
            return name;
        }
        String mapped = this.prefix + name;
        int length = length(mapped);
        if (length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("qdrant-scope: " + kind + " name '" + name + "' ("
                    + length(name) + " characters) becomes " + length + " characters in fork namespace '"
                    + this.namespace + "', more than Qdrant's limit of " + MAX_NAME_LENGTH + "; in this fork a "
                    + kind + " name can have at most " + (MAX_NAME_LENGTH - length(this.prefix)) + " characters");
        }
        return mapped;
    }

    /**
     * The application's name for the server's collection {@code serverName}, or empty when the collection is
     * not this fork's (another fork's, or one qdrant-scope does not map).
     */
    public Optional<String> toApplication(String serverName) {
        if (serverName.equals(this.namespace)) {
            return Optional.of(serverName);
        }
        if (isCreatedByFork(serverName)) {
            return Optional.of(serverName.substring(this.prefix.length()));
        }
        return Optional.empty();
    }

    /** Whether {@code name} is already bound to this fork: {@code ns} or {@code ns + "__..."}. */
    public boolean isBound(String name) {
        return name.equals(this.namespace) || name.startsWith(this.prefix);
    }

    /**
     * Whether the server's collection {@code serverName} is one this fork's mapping created:
     * {@code ns + "__" + something}. The bound collection {@code ns} itself is not: it belongs to the fork's
     * binding, which drops it by its own rules.
     */
    public boolean isCreatedByFork(String serverName) {
        return serverName.length() > this.prefix.length() && serverName.startsWith(this.prefix);
    }

    /** {@link #dropAll(QdrantClient, Duration)} with a deadline of 30 seconds per call. */
    public List<String> dropAll(QdrantClient rawClient) {
        return dropAll(rawClient, Duration.ofSeconds(30));
    }

    /**
     * Deletes every collection named {@code ns + "__" + ...} on the server, and every alias named so (collections
     * take their own aliases with them; an alias the fork made to {@code ns} would outlive them and block a later
     * collection of the same name). Nothing else is touched: not {@code ns}, not other forks', not foreign ones.
     *
     * @param rawClient a client <em>without</em> this fork's interceptor, so it lists the server's real names (a
     *     client with it lists application names, none of which this method would delete)
     * @param timeout the deadline of each call
     * @return the server names of the collections deleted, in the server's listing order
     * @throws IllegalStateException when Qdrant cannot be listed or a deletion fails; collections deleted before
     *     the failure stay deleted
     */
    public List<String> dropAll(QdrantClient rawClient, Duration timeout) {
        List<AliasOperations> aliases = new ArrayList<>();
        for (AliasDescription alias : await(rawClient.listAliasesAsync(timeout))) {
            if (isCreatedByFork(alias.getAliasName())) {
                aliases.add(AliasOperations.newBuilder()
                    .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias.getAliasName()))
                    .build());
            }
        }
        if (!aliases.isEmpty()) {
            await(rawClient.updateAliasesAsync(aliases, timeout));
        }
        List<String> dropped = new ArrayList<>();
        for (String name : await(rawClient.listCollectionsAsync(timeout))) {
            if (isCreatedByFork(name)) {
                await(rawClient.deleteCollectionAsync(name, timeout));
                dropped.add(name);
            }
        }
        return dropped;
    }

    private <T> T await(ListenableFuture<T> future) {
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("qdrant-scope: could not drop the collections of fork namespace '"
                    + this.namespace + "': " + ex.getCause(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("qdrant-scope: interrupted while dropping the collections of fork"
                    + " namespace '" + this.namespace + "'", ex);
        }
    }

    /** Qdrant counts characters (Rust {@code chars()}), i.e. code points, not UTF-16 units. */
    private static int length(String name) {
        return name.codePointCount(0, name.length());
    }

    @Override
    public String toString() {
        return "ForkCollections[" + this.namespace + "]";
    }
}
