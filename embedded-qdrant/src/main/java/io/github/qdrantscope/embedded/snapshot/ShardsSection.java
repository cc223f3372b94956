package io.github.qdrantscope.embedded.snapshot;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.qdrantscope.embedded.storage.CustomShards;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Collections.ReplicaState;
import io.qdrant.client.grpc.Collections.ShardKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shard keys of a custom-sharded collection in its snapshot, after the (empty) points block of the
 * collection itself: {@code int count}, then per key in creation order its {@code ShardKey} message (int length +
 * bytes), first shard id, replica state number (with the key's shard count - 1 in its high 16 bits) and a points
 * block of its own.
 */
final class ShardsSection {

    private ShardsSection() {
    }

    static void write(ChannelOutput out, CustomShards shards, Map<String, VectorSpec> vectors,
            List<String> sparseVectors) throws IOException {
        List<CustomShards.Shard> all = shards.shards();
        out.writeInt(all.size());
        for (CustomShards.Shard shard : all) {
            out.writeSized(shard.key().toByteArray());
            out.writeInt(shard.id());
            // the key's shard count shares the state's int (count - 1 in the high 16 bits), so that files written
            // before a key could have several shards read as keys of one shard
            out.writeInt(shard.state().getNumber() | (shard.count() - 1) << 16);
            PointsBlock.write(out, vectors, sparseVectors, shard.points());
        }
    }

    static void read(ChannelInput in, CustomShards shards, Map<String, VectorSpec> specs, Set<String> sparseNames)
            throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new SnapshotFormatException("negative shard key count " + count);
        }
        for (int i = 0; i < count; i++) {
            ShardKey key;
            try {
                key = ShardKey.parseFrom(in.readSized(1 << 20, "shard key"));
            } catch (InvalidProtocolBufferException e) {
                throw new SnapshotFormatException("its shard key " + i + " is not readable: " + e.getMessage());
            }
            int id = in.readInt();
            int stateAndCount = in.readInt();
            ReplicaState state = ReplicaState.forNumber(stateAndCount & 0xFFFF);
            if (state == null) {
                throw new SnapshotFormatException("shard key " + CustomShards.display(key) + " has an unknown state");
            }
            shards.restore(key, id, (stateAndCount >>> 16) + 1, state, PointsBlock.read(in, specs, sparseNames));
        }
    }
}
