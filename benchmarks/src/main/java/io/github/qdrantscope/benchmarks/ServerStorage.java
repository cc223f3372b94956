package io.github.qdrantscope.benchmarks;

import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.PointWrites;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpdateMode;
import java.util.List;

/**
 * A collection built with the embedded server's own storage and write path ({@link CollectionDefinition},
 * {@link PointWrites}), without the gRPC layer, so its search engine can be measured in process.
 */
final class ServerStorage {

    private ServerStorage() {
    }

    /**
     * A Cosine collection holding every point of {@code dataset} (id = index), as an upsert stores it,
     * with the keyword index on {@link Dataset#TENANT_KEY} that {@link QdrantFixture#createCollection}
     * creates on the server, so both plan a filtered search alike.
     */
    static StoredCollection load(String name, Dataset dataset, int batchSize) {
        StoredCollection collection = CollectionDefinition.build(CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder()
                        .setSize(dataset.vector(0).length)
                        .setDistance(Distance.Cosine)))
                .build());
        collection.write(mutable -> {
            mutable.putIndex(Dataset.TENANT_KEY,
                    PayloadSchemaInfo.newBuilder().setDataType(PayloadSchemaType.Keyword).build());
            return null;
        });
        for (int from = 0; from < dataset.size(); from += batchSize) {
            List<PointStruct> batch = QdrantFixture.points(dataset, from, Math.min(from + batchSize, dataset.size()));
            collection.write(mutable -> {
                new PointWrites(mutable).upsert(batch, null, UpdateMode.Upsert);
                return null;
            });
        }
        return collection;
    }
}
