package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a request's {@code shard_key_selector}: the keys it names, a fallback key resolved as a single peer
 * resolves it (all its shards are active: the target when it exists, else the fallback;
 * {@code route_with_fallback_for_read/_for_write} in shard_holder/mod.rs), and what a selector on an
 * auto-sharded collection answers.
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

    static List<ShardKey> readKeys(ShardKeySelector selector, Predicate<ShardKey> exists) {
        return keys(selector, exists);
    }

    static List<ShardKey> writeKeys(ShardKeySelector selector, Predicate<ShardKey> exists) {
        return keys(selector, exists);
    }

    private static List<ShardKey> keys(ShardKeySelector selector, Predicate<ShardKey> exists) {
        if (!selector.hasFallback()) {
            return selector.getShardKeysList();
        }
        if (selector.getShardKeysCount() != 1) {
            // ShardKeyWithFallback has exactly one target; the embedded server does not guess which one
            throw QdrantErrors.unimplementedFeature("a fallback shard key with " + selector.getShardKeysCount()
                    + " target shard keys");
        }
        ShardKey target = selector.getShardKeys(0);
        if (exists.test(target)) {
            return List.of(target);
        }
        if (exists.test(selector.getFallback())) {
            return List.of(selector.getFallback());
        }
        throw QdrantErrors.notFound("Not found: Neither target shard key " + CustomShards.display(target)
                + " nor fallback shard key " + CustomShards.display(selector.getFallback()) + " exist");
    }
}
