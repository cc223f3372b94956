package io.github.qdrantscope.embedded.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.ForeignCollections;
import io.github.qdrantscope.embedded.storage.LookupView;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Points.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The batch reads (SearchBatch, RecommendBatch, DiscoverBatch, QueryBatch): every entry is read in the shards its
 * own {@code shard_key_selector} names, as Qdrant 1.17 pairs each request of a batch with its own shard selector
 * ({@code src/tonic/api/query_common.rs}: {@code recommend_batch} converts each request's selector with
 * {@code convert_shard_selector_for_read}, {@code core_search_batch} takes {@code (CoreSearchRequest,
 * ShardSelectorInternal)} pairs). The collections {@code lookup_from} names anywhere in the batch are read once,
 * first ({@link LookupPrefetch}).
 */
final class BatchReads {

    private final CollectionCatalog catalog;
    private final PointsQueryEngine engine;

    BatchReads(CollectionCatalog catalog, PointsQueryEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /** Answers a batch RPC with what {@code response} makes of the entries' results and the seconds taken. */
    <A> void respond(StreamObserver<A> observer, String collectionName, Message batch,
            BiFunction<List<BatchResult>, Double, A> response) {
        respond(observer, collectionName, () -> batch, response);
    }

    /**
     * As {@link #respond(StreamObserver, String, Message, BiFunction)}, with the batch resolved first (inference
     * inputs: Qdrant converts the request before it looks at the collection).
     */
    <A> void respond(StreamObserver<A> observer, String collectionName, Supplier<? extends Message> batch,
            BiFunction<List<BatchResult>, Double, A> response) {
        Rpc.respond(observer, clock -> {
            Message resolved = batch.get();
            CollectionDefinition.checkNameLength(collectionName);
            List<BatchResult> results = read(catalog.get(collectionName), resolved);
            return response.apply(results, clock.seconds());
        });
    }

    /** The results of {@code batch}'s entries, in order; the first entry that fails fails the batch. */
    private List<BatchResult> read(StoredCollection collection, Message batch) {
        ForeignCollections lookups = LookupPrefetch.read(catalog, collection.name(), batch);
        FieldDescriptor entries = entriesField(batch);
        int count = batch.getRepeatedFieldCount(entries);
        List<BatchResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int entry = i;
            Message request = (Message) batch.getRepeatedField(entries, i);
            results.add(ShardRouting.read(collection, ShardRouting.selectorOf(request), view ->
                    engine.batchEntry(lookups.isEmpty() ? view : new LookupView(view, lookups), batch, entry)));
        }
        return results;
    }

    /** The batch's one repeated message field ({@code search_points}, {@code query_points}, ...). */
    private static FieldDescriptor entriesField(Message batch) {
        for (FieldDescriptor field : batch.getDescriptorForType().getFields()) {
            if (field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                return field;
            }
        }
        throw new IllegalArgumentException("not a batch read: " + batch.getDescriptorForType().getFullName());
    }
}
