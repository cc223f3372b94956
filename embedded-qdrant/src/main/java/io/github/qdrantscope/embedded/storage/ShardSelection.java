package io.github.qdrantscope.embedded.storage;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a request's {@code shard_key_selector}: the keys it names, a fallback key resolved as a single peer
 * resolves it ({@link #keys}), and what a selector on an auto-sharded collection answers.
 */
public final class ShardSelection {

    private ShardSelection() {
    }

    /** Whether the request names any shard key (a selector without keys selects nothing in particular). */
    public static boolean present(ShardKeySelector selector) {
        return selector != null && (selector.getShardKeysCount() > 0 || selector.hasFallback());
    }

    /**
     * Refuses a selector on an auto-sharded collection, whose only shard has no key.
     *
     * @param write a write ("Wrong input: Shard key X not found", {@code split_by_shard}); else a read ("Bad
     *     request: Shard key X not found", {@code get_shard_ids_by_key})
     */
    public static void checkAuto(ShardKeySelector selector, boolean write) {
        if (!present(selector)) {
            return;
        }
        ShardKey first = selector.getShardKeysCount() > 0 ? selector.getShardKeys(0) : selector.getFallback();
        String detail = "Shard key " + CustomShards.display(first) + " not found";
        throw write ? QdrantErrors.wrongInput(detail) : QdrantErrors.badRequest(detail);
    }

    /**
     * The keys a selector names. A fallback selector names one target: its key when it exists and is active, else
     * the fallback key ({@code route_with_fallback_for_read} and {@code route_with_fallback_for_write} in
     * lib/collection/src/shards/shard_holder/mod.rs agree on a single peer, whose keys are Active or Partial and
     * never ActiveRead: a Partial target is not readable, and is not written either without an ActiveRead replica).
     *
     * @param exists whether a key exists
     * @param active whether an existing key's shards are active
     */
    static List<ShardKey> keys(ShardKeySelector selector, Predicate<ShardKey> exists, Predicate<ShardKey> active) {
        if (!selector.hasFallback()) {
            return selector.getShardKeysList();
        }
        ShardKey fallback = selector.getFallback();
        if (selector.getShardKeysCount() != 1) {
            // ShardKeyWithFallback has exactly one target; the official Python client refuses other selectors in
            // its gRPC conversion (convert_shard_key_selector) with this text
            throw QdrantErrors.invalidArgument("Fallback shard key " + CustomShards.display(fallback)
                    + " can only be set when a single shard key is provided");
        }
        ShardKey target = selector.getShardKeys(0);
        if (exists.test(target) && active.test(target)) {
            return List.of(target);
        }
        if (exists.test(fallback)) {
            return List.of(fallback);
        }
        if (exists.test(target)) {
            // CollectionError::shard_unavailable, UNAVAILABLE "Shard temporarily unavailable: ..." (errors.rs)
            throw Status.UNAVAILABLE.withDescription("Shard temporarily unavailable: Neither target shard key "
                    + CustomShards.display(target) + " nor fallback shard key " + CustomShards.display(fallback)
                    + " have active replicas").asRuntimeException();
        }
        throw QdrantErrors.notFound("Not found: Neither target shard key " + CustomShards.display(target)
                + " nor fallback shard key " + CustomShards.display(fallback) + " exist");
    }
}
