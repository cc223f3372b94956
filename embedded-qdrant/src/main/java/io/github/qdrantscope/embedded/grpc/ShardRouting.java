package io.github.qdrantscope.embedded.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.CustomShards;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.ShardSelection;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredCollection.MutableCollection;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends a Points request to the shards its {@code shard_key_selector} names. Every Points request carries the
 * selector in a field of that name, so it is read by descriptor; points in the answers of a custom-sharded
 * collection get the {@code shard_key} they were read from, as Qdrant sets it (point_ops.rs, search.rs).
 */
final class ShardRouting {

    private static final String FIELD = "shard_key_selector";

    private ShardRouting() {
    }

    /** The request's selector, or {@code null} (a batch has none of its own: {@link BatchReads} routes its entries). */
    static ShardKeySelector selectorOf(Message request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName(FIELD);
        return field != null && request.hasField(field) ? (ShardKeySelector) request.getField(field) : null;
    }

    /** A read over the selected shards. */
    static <A> A read(StoredCollection collection, ShardKeySelector selector, Function<CollectionView, A> query) {
        Optional<CustomShards> custom = collection.customShards();
        if (custom.isEmpty()) {
            ShardSelection.checkAuto(selector, false);
            return collection.read(query);
        }
        A answer = custom.get().read(selector, query);
        return answer instanceof Message message ? cast(stamp(message, custom.get().keysOf(selector))) : answer;
    }

    /**
     * Count over the selected shards: the sum of the shards' counts ({@code Collection::count}), so an id under two
     * selected keys counts twice.
     */
    static CountResponse count(StoredCollection collection, CountPoints request, PointsQueryEngine engine) {
        ShardKeySelector selector = request.hasShardKeySelector() ? request.getShardKeySelector() : null;
        Optional<CustomShards> custom = collection.customShards();
        if (custom.isEmpty()) {
            ShardSelection.checkAuto(selector, false);
            return collection.read(view -> engine.count(view, request));
        }
        long total = custom.get().readEach(selector, view -> engine.count(view, request)).stream()
                .mapToLong(c -> c.getResult().getCount()).sum();
        return CountResponse.newBuilder().setResult(CountResult.newBuilder().setCount(total)).build();
    }

    /** A point write to the selected shards. */
    static <T> T write(StoredCollection collection, ShardKeySelector selector,
            Function<? super MutableCollection, T> writer) {
        Optional<CustomShards> custom = collection.customShards();
        if (custom.isEmpty()) {
            ShardSelection.checkAuto(selector, true);
            return collection.write(writer);
        }
        return custom.get().write(selector, writer);
    }

    @SuppressWarnings("unchecked")
    private static <A> A cast(Message message) {
        return (A) message;
    }

    private static Message stamp(Message message, Function<PointKey, ShardKey> keys) {
        if (message instanceof ScoredPoint point) {
            ShardKey key = keys.apply(PointKey.of(point.getId()));
            return key == null ? point : point.toBuilder().setShardKey(key).build();
        }
        if (message instanceof RetrievedPoint point) {
            ShardKey key = keys.apply(PointKey.of(point.getId()));
            return key == null ? point : point.toBuilder().setShardKey(key).build();
        }
        Message.Builder builder = null;
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    Message item = (Message) message.getRepeatedField(field, i);
                    Message stamped = stamp(item, keys);
                    if (stamped != item) {
                        builder = builder == null ? message.toBuilder() : builder;
                        builder.setRepeatedField(field, i, stamped);
                    }
                }
            } else if (message.hasField(field)) {
                Message item = (Message) message.getField(field);
                Message stamped = stamp(item, keys);
                if (stamped != item) {
                    builder = builder == null ? message.toBuilder() : builder;
                    builder.setField(field, stamped);
                }
            }
        }
        return builder == null ? message : builder.build();
    }
}
