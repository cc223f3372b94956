package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.GroupId;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpdateResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts one {@link EmbeddedQdrant} per test class and connects one official {@link QdrantClient} to it
 * over a real socket. Every test works in its own collection ({@link #newCollection}), so methods and
 * classes may run in parallel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceTestBase {

    /** Bounds every single call; a hung call fails the test instead of hanging the build. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger COLLECTION_COUNTER = new AtomicInteger();

    EmbeddedQdrant server;
    QdrantClient client;

    @BeforeAll
    void startServer() {
        server = EmbeddedQdrant.builder().port(0).start();
        client = connect(null);
    }

    @AfterAll
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A new client on its own channel, optionally carrying an API key. */
    QdrantClient connect(String apiKey) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false);
        if (apiKey != null) {
            builder.withApiKey(apiKey);
        }
        return new QdrantClient(builder.build());
    }

    /** A collection name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + "_" + COLLECTION_COUNTER.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a collection with one unnamed vector of the given size and distance. */
    String newCollection(int size, Distance distance) {
        String name = uniqueName("c");
        await(client.createCollectionAsync(name,
                VectorParams.newBuilder().setSize(size).setDistance(distance).build()));
        return name;
    }

    /** Creates a collection with named vectors, each {@code name -> size} with the same distance. */
    String newNamedCollection(Distance distance, Map<String, Integer> sizes) {
        String name = uniqueName("n");
        VectorParamsMap.Builder map = VectorParamsMap.newBuilder();
        sizes.forEach((vector, size) -> map.putMap(vector,
                VectorParams.newBuilder().setSize(size).setDistance(distance).build()));
        await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(map))
                .build()));
        return name;
    }

    /** Dot collection with named vectors a and b: point 1 has a=[1,0] b=[0,1], point 2 the other way round. */
    String crossedNamedVectors() {
        String name = newNamedCollection(Distance.Dot, Map.of("a", 2, "b", 2));
        await(client.upsertAsync(name, List.of(
                PointStruct.newBuilder().setId(id(1))
                        .setVectors(namedVectors(Map.of("a", vector(1, 0), "b", vector(0, 1)))).build(),
                PointStruct.newBuilder().setId(id(2))
                        .setVectors(namedVectors(Map.of("a", vector(0, 1), "b", vector(1, 0)))).build())));
        return name;
    }

    static PointStruct point(long id, float[] vector, Map<String, Value> payload) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(vector)).putAllPayload(payload).build();
    }

    static PointStruct point(long id, float... vector) {
        return point(id, vector, Map.of());
    }

    static PointStruct point(UUID id, float[] vector, Map<String, Value> payload) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(vector)).putAllPayload(payload).build();
    }

    UpdateResult upsert(String collection, PointStruct... points) {
        return await(client.upsertAsync(collection, Arrays.asList(points)));
    }

    void createIndex(String collection, String field, PayloadSchemaType type) {
        await(client.createPayloadIndexAsync(collection, field, type, null, true, null, null));
    }

    /** All point ids matching the filter, in scroll (id) order. */
    List<Object> scrollIds(String collection, Filter filter) {
        ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName(collection).setLimit(1000);
        if (filter != null) {
            request.setFilter(filter);
        }
        return idsOfRetrieved(await(client.scrollAsync(request.build())).getResultList());
    }

    /** Ids as Long (numeric) or String (UUID) so expectations read naturally. */
    static Object idValue(PointId pointId) {
        return pointId.hasUuid() ? pointId.getUuid() : (Object) pointId.getNum();
    }

    static List<Object> idsOfRetrieved(List<RetrievedPoint> points) {
        List<Object> ids = new ArrayList<>();
        points.forEach(p -> ids.add(idValue(p.getId())));
        return ids;
    }

    static List<Object> idsOf(List<ScoredPoint> points) {
        List<Object> ids = new ArrayList<>();
        points.forEach(p -> ids.add(idValue(p.getId())));
        return ids;
    }

    static List<Float> scoresOf(List<ScoredPoint> points) {
        List<Float> scores = new ArrayList<>();
        points.forEach(p -> scores.add(p.getScore()));
        return scores;
    }

    /** Groups as {@code "<group id>=[hit ids]"} in response order, so one assertion shows the whole grouping. */
    static List<String> describeGroups(List<PointGroup> groups) {
        List<String> described = new ArrayList<>();
        for (PointGroup group : groups) {
            GroupId id = group.getId();
            Object key = switch (id.getKindCase()) {
                case STRING_VALUE -> id.getStringValue();
                case UNSIGNED_VALUE -> id.getUnsignedValue();
                case INTEGER_VALUE -> id.getIntegerValue();
                default -> "?";
            };
            described.add(key + "=" + idsOf(group.getHitsList()));
        }
        return described;
    }

    /**
     * Asserts Qdrant's unknown-collection error: lib/storage/src/content_manager/errors.rs StorageError::NotFound
     * ("Not found: {description}") with lib/collection's "Collection `{name}` doesn't exist!".
     */
    static void assertCollectionNotFound(ThrowingCall call, String collection) {
        assertGrpcError(call, Status.Code.NOT_FOUND, "Not found: Collection `" + collection + "` doesn't exist!");
    }

    /** Waits for a client future, failing (not hanging) after {@link #CALL_TIMEOUT}. */
    static <T> T await(Future<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("call did not finish within " + CALL_TIMEOUT, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        }
    }

    /** Runs the call, which must fail with a gRPC status; returns it for further checks. */
    static Status grpcError(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("expected a gRPC error").isNotNull();
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof StatusRuntimeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("gRPC status in %s", thrown).isInstanceOf(StatusRuntimeException.class);
        return ((StatusRuntimeException) cause).getStatus();
    }

    /** Asserts the call fails with exactly this status code and description. */
    static void assertGrpcError(ThrowingCall call, Status.Code code, String description) {
        Status status = grpcError(call);
        assertThat(status.getCode()).as("status of %s", status).isEqualTo(code);
        assertThat(status.getDescription()).isEqualTo(description);
    }

    /** A call expected to throw. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
