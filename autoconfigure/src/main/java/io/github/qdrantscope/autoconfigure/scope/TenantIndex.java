package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;

/**
 * Makes sure a project key chosen with {@code @ScopedProject(key = ...)} has the same keyword payload index
 * ({@code is_tenant=true}) as the default key, which the fork's collection gets when it is claimed: without
 * it every scoped search and cleanup on that key scans the whole collection, and a Qdrant in strict mode
 * rejects filters on unindexed keys.
 *
 * <p>Only the collection qdrant-scope bound and created for the fork is changed; an application's own
 * collection is left as it is (index the key there yourself). The index is created once per key, before
 * the first scoped write that uses it.
 */
final class TenantIndex {

    private final Supplier<QdrantClient> client;

    private final Supplier<String> collection;

    private final Supplier<String> ownedCollection;

    private final Duration timeout;

    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    /**
     * @param client the store's native client, or a supplier of {@code null} for a store that is not Qdrant
     * @param collection the store's collection
     * @param ownedCollection the collection qdrant-scope bound for the fork, or a supplier of {@code null}
     * @param timeout deadline of the index creation
     */
    TenantIndex(Supplier<QdrantClient> client, Supplier<String> collection, Supplier<String> ownedCollection,
            Duration timeout) {
        this.client = client;
        this.collection = collection;
        this.ownedCollection = ownedCollection;
        this.timeout = timeout;
        // indexed when the fork claimed its collection
        this.ensured.add(ScopedProject.DEFAULT_KEY);
    }

    /** Creates the keyword index on {@code key} if this is the fork's collection and it was not yet done. */
    void ensure(String key) {
        if (this.ensured.contains(key)) {
            return;
        }
        QdrantClient qdrant = this.client.get();
        String name = this.collection.get();
        if (qdrant != null && name != null && name.equals(this.ownedCollection.get())) {
            create(qdrant, name, key);
        }
        this.ensured.add(key);
    }

    private void create(QdrantClient qdrant, String name, String key) {
        PayloadIndexParams params = PayloadIndexParams.newBuilder()
            .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true).build())
            .build();
        ProxiedCalls.await(() -> qdrant.createPayloadIndexAsync(name, key, PayloadSchemaType.Keyword, params, true,
                null, this.timeout), this.timeout, "create the keyword payload index on project key '" + key
                        + "' (from @ScopedProject(key = \"" + key + "\")) in collection '" + name + "'");
    }
}
