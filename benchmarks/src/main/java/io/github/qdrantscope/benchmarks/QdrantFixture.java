package io.github.qdrantscope.benchmarks;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * An embedded Qdrant on a loopback port and an official {@link QdrantClient} connected to it over a
 * real socket: exactly what the starter's users get.
 */
public final class QdrantFixture implements AutoCloseable {

    private final EmbeddedQdrant server;
    private final QdrantClient client;

    private QdrantFixture(EmbeddedQdrant server, QdrantClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts a server on a free port and connects a client to it. */
    public static QdrantFixture start() {
        EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();
        try {
            return new QdrantFixture(server, connect(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A fresh client for {@code server}, built the way the Qdrant documentation shows. */
    public static QdrantClient connect(EmbeddedQdrant server) {
        return new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false).build());
    }

    /** A fresh client of {@code server} on its in-process transport: no socket, no serialisation. */
    public static QdrantClient connectInProcess(EmbeddedQdrant server) {
        return new QdrantClient(QdrantGrpcClient.newBuilder(server.inProcessChannel().build(), true, false).build());
    }

    public QdrantClient client() {
        return client;
    }

    public EmbeddedQdrant server() {
        return server;
    }

    /** Creates (or replaces) a Cosine collection with a keyword index on {@link Dataset#TENANT_KEY}. */
    public void createCollection(String name, int dimension) {
        // Not recreateCollectionAsync: it fails when there is nothing to delete (Delete answers result=false).
        if (await(client.collectionExistsAsync(name))) {
            await(client.deleteCollectionAsync(name));
        }
        await(client.createCollectionAsync(name,
                VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()));
        await(client.createPayloadIndexAsync(name, Dataset.TENANT_KEY, PayloadSchemaType.Keyword,
                null, true, null, null));
    }

    /** Upserts every point of {@code dataset} (id = index) in batches of {@code batchSize}. */
    public void load(String collection, Dataset dataset, int batchSize) {
        for (int from = 0; from < dataset.size(); from += batchSize) {
            await(client.upsertAsync(collection, points(dataset, from, Math.min(from + batchSize, dataset.size()))));
        }
    }

    /** Points {@code [from, to)} of {@code dataset} as the client's protobuf messages. */
    public static List<PointStruct> points(Dataset dataset, int from, int to) {
        List<PointStruct> points = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            points.add(PointStruct.newBuilder()
                    .setId(id(i))
                    .setVectors(vectors(dataset.vector(i)))
                    .putAllPayload(Map.of(Dataset.TENANT_KEY, value(dataset.tenant(i))))
                    .build());
        }
        return points;
    }

    /** Waits for a client call, rethrowing its failure unchecked with the server's message. */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded Qdrant", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedded Qdrant call failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
