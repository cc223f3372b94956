package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.wire.ScopedIds;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
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
            // the application's id is not on the server: it is computed back from each project's stored id
            return independent.scrollAsync(Points.ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(Common.Filter.newBuilder().addMustNot(ConditionFactory.isEmpty(projectKey)))
                .setLimit(10_000)
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .build()).get().getResultList().stream().map(point -> StoredPoint.of(point, projectKey))
                .filter(point -> originalIds.contains(point.originalId()))
                .toList();
        }
    }

    /**
     * The id the application gave a point stored in {@code project}: {@link DocumentIds#DOCUMENT_ID_KEY} for a
     * document id that is not a UUID, else the UUID computed back from the stored id.
     */
    static String documentId(Points.RetrievedPoint point, String project) {
        JsonWithInt.Value documentId = point.getPayloadMap().get(DocumentIds.DOCUMENT_ID_KEY);
        return documentId != null ? documentId.getStringValue()
                : ScopedIds.of(project).original(point.getId()).getUuid();
    }

    /** The stored id of the document {@code originalId} of {@code project}. */
    static String storedId(String project, String originalId) {
        return ScopedIds.of(project).stored(PointIdFactory.id(UUID.fromString(DocumentIds.storeId(originalId))))
            .getUuid();
    }

    /** What a point in Qdrant says about where it belongs. */
    record StoredPoint(String uuid, String originalId, String project) {

        /** The point the scoped store writes for {@code originalId} in {@code scope}'s project. */
        static StoredPoint inProject(ProjectScope scope, String originalId) {
            return new StoredPoint(storedId(scope.name(), originalId), originalId, scope.name());
        }

        private static StoredPoint of(Points.RetrievedPoint point, String projectKey) {
            String project = point.getPayloadMap().get(projectKey).getStringValue();
            return new StoredPoint(point.getId().getUuid(), documentId(point, project), project);
        }
    }
}
