package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.NamespacedIds;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.ConditionFactory;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt;
import io.qdrant.client.grpc.Points;

import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded Qdrant for the whole test JVM, started on first use (like the starter does), and the
 * helpers tests use to point Spring AI at it and to read it independently of the scoping proxy.
 */
final class TestQdrant {

    private TestQdrant() {
    }

    private static final class Holder {

        static final EmbeddedQdrant SERVER = start();

        private static EmbeddedQdrant start() {
            EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-qdrant-stop"));
            return server;
        }
    }

    static EmbeddedQdrant server() {
        return Holder.SERVER;
    }

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    /** A collection name no other test of this JVM uses: {@code <prefix>_<n>_<8 random hex>}. */
    static String uniqueCollection(String prefix) {
        return prefix + "_" + COLLECTIONS.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Spring AI's Qdrant auto-configuration plus the starter's client and scoping on {@code collection} of
     * this JVM's server, with {@link TestInfrastructure} (embedding model, recording metrics).
     */
    static ApplicationContextRunner scopedStoreRunner(String collection) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class,
                    InstrumentedQdrantClientAutoConfiguration.class, ProjectScopeAutoConfiguration.class))
            .withUserConfiguration(TestInfrastructure.class)
            .withPropertyValues("spring.ai.vectorstore.qdrant.host=" + server().host(),
                    "spring.ai.vectorstore.qdrant.port=" + server().grpcPort(),
                    "spring.ai.vectorstore.qdrant.initialize-schema=true",
                    "spring.ai.vectorstore.qdrant.collection-name=" + collection);
    }

    /** Host, port and schema initialisation; each test class sets its own collection name. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.vectorstore.qdrant.host", () -> server().host());
        registry.add("spring.ai.vectorstore.qdrant.port", () -> server().grpcPort());
        registry.add("spring.ai.vectorstore.qdrant.initialize-schema", () -> "true");
    }

    /**
     * A client on the Qdrant a context is configured for (whatever put the address into its Environment),
     * optionally with interceptors, as the starter's client bean has.
     */
    static QdrantClient client(Environment environment, ClientInterceptor... interceptors) {
        String host = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.host");
        int port = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.port", Integer.class);
        return client(host, port, interceptors);
    }

    /** A client on this JVM's test server, optionally with interceptors. */
    static QdrantClient client(ClientInterceptor... interceptors) {
        return client(server().host(), server().grpcPort(), interceptors);
    }

    private static QdrantClient client(String host, int port, ClientInterceptor... interceptors) {
        // without interceptors it is a client looking at the server as it is: exempt from the uncovered-client count
        ManagedChannel channel = interceptors.length > 0
                ? ManagedChannelBuilder.forAddress(host, port).usePlaintext().intercept(interceptors).build()
                : UncoveredClients.exempt(() -> ManagedChannelBuilder.forAddress(host, port).usePlaintext().build());
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true).build());
    }

    /**
     * Every point of the context's collection stored (in any project) under one of {@code originalIds},
     * read by an independent client, bypassing the scoping proxy.
     * @param projectKey the payload key to read each point's project from
     */
    static List<StoredPoint> pointsWithOriginalIds(Environment environment, String projectKey,
            Collection<String> originalIds) throws ExecutionException, InterruptedException {
        String collection = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.collection-name");
        try (QdrantClient independent = client(environment)) {
            return independent.scrollAsync(Points.ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(Common.Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeywords(ProjectNames.ORIGINAL_ID_KEY,
                            originalIds.stream().map(DocumentIds::storeId).toList())))
                .setLimit(1_000)
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .build()).get().getResultList().stream().map(point -> StoredPoint.of(point, projectKey)).toList();
        }
    }

    /**
     * The id the application gave a stored document: {@link DocumentIds#DOCUMENT_ID_KEY} for an id that is not a
     * UUID, else the UUID in {@link ProjectNames#ORIGINAL_ID_KEY}.
     */
    static String documentId(Map<String, JsonWithInt.Value> payload) {
        JsonWithInt.Value documentId = payload.get(DocumentIds.DOCUMENT_ID_KEY);
        return (documentId != null ? documentId : payload.get(ProjectNames.ORIGINAL_ID_KEY)).getStringValue();
    }

    /** What a point in Qdrant says about where it belongs. */
    record StoredPoint(String uuid, String originalId, String project) {

        /** The point the scoped store writes for {@code originalId} in {@code scope}'s project. */
        static StoredPoint inProject(ProjectScope scope, String originalId) {
            return new StoredPoint(NamespacedIds.of(scope.name(), DocumentIds.storeId(originalId)), originalId,
                    scope.name());
        }

        private static StoredPoint of(Points.RetrievedPoint point, String projectKey) {
            Map<String, JsonWithInt.Value> payload = point.getPayloadMap();
            return new StoredPoint(point.getId().getUuid(), documentId(payload),
                    payload.containsKey(projectKey) ? payload.get(projectKey).getStringValue() : null);
        }
    }
}
