package io.github.qdrantscope.embedded.grpc;

import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.search.GroupLookups;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.ForeignCollections;
import io.github.qdrantscope.embedded.storage.LookupView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The reads of one request (every read RPC but the batches, {@link BatchReads}): the request's inference inputs
 * resolved, then read in the shards its {@code shard_key_selector} names, with the collections its
 * {@code lookup_from} names read first ({@link LookupPrefetch}) and a groups read's {@code with_lookup} filled after.
 */
final class SingleReads {

    private final CollectionCatalog catalog;

    SingleReads(CollectionCatalog catalog) {
        this.catalog = catalog;
    }

    <Q extends Message, A> void read(StreamObserver<A> observer, String collectionName, Q request,
            BiFunction<CollectionView, Q, A> query) {
        readResolved(observer, collectionName, () -> request, query);
    }

    // inference inputs are resolved first: Qdrant converts the request before it looks at the collection
    <Q extends Message, A> void readResolved(StreamObserver<A> observer, String collectionName,
            Supplier<Q> request, BiFunction<CollectionView, Q, A> query) {
        Rpc.respond(observer, clock -> {
            Q resolved = request.get();
            return readNow(lookup(collectionName), resolved, query);
        });
    }

    <Q extends Message, A> A readNow(StoredCollection collection, Q request,
            BiFunction<CollectionView, Q, A> query) {
        ShardKeySelector selector = ShardRouting.selectorOf(request);
        // lookup_from collections are read first, so that this read never holds two collections' locks
        ForeignCollections lookups = LookupPrefetch.read(catalog, collection.name(), request);
        return ShardRouting.read(collection, selector,
                view -> query.apply(lookups.isEmpty() ? view : new LookupView(view, lookups), request));
    }

    /**
     * A groups read whose {@code with_lookup} may name another collection: that one is read after the search, once
     * the searched collection's lock is released, in the shards the request selects ({@code lookup_ids},
     * lib/collection/src/lookup/mod.rs: a missing collection is {@code NOT_FOUND "Not found: Collection x"}).
     */
    <Q extends Message, A extends Message> void readGroups(StreamObserver<A> observer, String collectionName,
            Q request, BiFunction<CollectionView, Q, A> query, Points.WithLookup withLookup) {
        readGroupsResolved(observer, collectionName, () -> request, query, withLookup);
    }

    <Q extends Message, A extends Message> void readGroupsResolved(StreamObserver<A> observer,
            String collectionName, Supplier<Q> resolve, BiFunction<CollectionView, Q, A> query,
            Points.WithLookup withLookup) {
        Rpc.respond(observer, clock -> {
            Q request = resolve.get();
            StoredCollection collection = lookup(collectionName);
            A answer = readNow(collection, request, query);
            if (withLookup == null || withLookup.getCollection().equals(collection.name())) {
                return answer;
            }
            StoredCollection other = catalog.find(withLookup.getCollection()).orElseThrow(
                    () -> QdrantErrors.notFound("Not found: Collection " + withLookup.getCollection()));
            var field = answer.getDescriptorForType().findFieldByName("result");
            Points.GroupsResult groups = (Points.GroupsResult) answer.getField(field);
            Points.GroupsResult filled = ShardRouting.read(other, ShardRouting.selectorOf(request),
                    view -> GroupLookups.fill(view, withLookup, groups));
            @SuppressWarnings("unchecked")
            A withLookups = (A) answer.toBuilder().setField(field, filled).build();
            return withLookups;
        });
    }

    private StoredCollection lookup(String name) {
        CollectionDefinition.checkNameLength(name);
        return catalog.get(name);
    }
}
