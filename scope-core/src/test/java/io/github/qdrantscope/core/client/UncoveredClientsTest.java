package io.github.qdrantscope.core.client;

import io.github.qdrantscope.core.metrics.ContentionRecorder;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UncoveredCallCheck;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Clients built inside a method, never covered: seen through the channel provider, counted, refused under
 * {@code fail}. Isolated: the observer is JVM-wide, and other classes' raw clients would be counted (or refused)
 * while it is registered.
 */
@Isolated
class UncoveredClientsTest {

    private static EmbeddedQdrant server;

    private final List<String> counted = new ArrayList<>();

    private final List<QdrantClient> clients = new ArrayList<>();

    private AutoCloseable registration;

    @BeforeAll
    static void start() {
        server = EmbeddedQdrant.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void close() throws Exception {
        if (this.registration != null) {
            this.registration.close();
        }
        this.clients.forEach(QdrantClient::close);
    }

    @Test
    void countsEveryUnscopedCallOfAClientBuiltInAMethodAndNamesWhereItWasBuilt() throws Exception {
        observe(UnscopedPolicy.WARN);
        QdrantClient client = buildInAMethod();
        String collection = collection(client);

        get(client.upsertAsync(collection, List.of(point(1))));
        get(client.countAsync(collection));
        get(client.countAsync(collection));

        assertThat(this.counted).containsExactly("unscoped_write " + collection + " -",
                "unscoped_read " + collection + " -", "unscoped_read " + collection + " -");
    }

    @Test
    void countsAnUncoveredCallInsideAScopeWithTheProject() throws Exception {
        observe(UnscopedPolicy.ALLOW);
        QdrantClient client = buildInAMethod();
        String collection = collection(client);
        ProjectScope scope = new ProjectScope(ProjectNames.newName("uncovered"), ScopedProject.DEFAULT_KEY);

        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            get(client.upsertAsync(collection, List.of(point(1))));
        }

        assertThat(this.counted).containsExactly("unscoped_write " + collection + " " + scope.name());
    }

    @Test
    void failPolicyRefusesTheCallNamingTheClientAndWritesNothing() throws Exception {
        observe(UnscopedPolicy.FAIL);
        QdrantClient client = buildInAMethod();
        String collection = collection(client);

        assertThatThrownBy(() -> get(client.upsertAsync(collection, List.of(point(1)))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(ex.getStatus().getDescription())
                    .contains("Upsert on collection '" + collection + "'")
                    .contains("UncoveredClientsTest.buildInAMethod(UncoveredClientsTest.java:")
                    .contains("qdrant-scope.unscoped=fail")
                    .contains("make it a bean");
            });
        assertThat(get(exemptClient().countAsync(collection))).isZero();
    }

    @Test
    void callsThroughTheScopeInterceptorAreCovered() throws Exception {
        observe(UnscopedPolicy.FAIL);
        QdrantClient plain = buildInAMethod();
        String collection = collection(plain);
        ProjectScopeInterceptor interceptor = new ProjectScopeInterceptor(new ScopedProjects(),
                new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> recording()), name -> true);
        QdrantClient scoped = track(ScopedQdrantClients.scoped(plain, interceptor));
        ProjectScope scope = new ProjectScope(ProjectNames.newName("covered"), ScopedProject.DEFAULT_KEY);

        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            get(scoped.upsertAsync(collection, List.of(point(1))));
            assertThat(get(scoped.countAsync(collection))).isEqualTo(1);
        }

        assertThat(this.counted).isEmpty();
    }

    @Test
    void exemptClientsAndCallsWithoutAnObserverPassUntouched() throws Exception {
        QdrantClient unobserved = buildInAMethod();
        String collection = collection(unobserved);
        get(unobserved.upsertAsync(collection, List.of(point(1))));
        observe(UnscopedPolicy.FAIL);

        assertThat(get(exemptClient().countAsync(collection))).isEqualTo(1);
        assertThat(this.counted).isEmpty();
    }

    @Test
    void theSchemaAndOtherServicesAreNotPointAccess() throws Exception {
        observe(UnscopedPolicy.FAIL);
        QdrantClient client = buildInAMethod();

        String collection = collection(client);
        assertThat(get(client.collectionExistsAsync(collection))).isTrue();
        assertThat(this.counted).isEmpty();
    }

    private QdrantClient buildInAMethod() {
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false, false)
            .build()));
    }

    private QdrantClient exemptClient() {
        return track(UncoveredClients.exempt(() -> new QdrantClient(QdrantGrpcClient.newBuilder(server.host(),
                server.grpcPort(), false, false).build())));
    }

    private QdrantClient track(QdrantClient client) {
        this.clients.add(client);
        return client;
    }

    private void observe(UnscopedPolicy policy) {
        ScopeMetrics metrics = recording();
        this.registration = UncoveredClients.observe(new UncoveredCallCheck(policy, () -> metrics));
    }

    private static String collection(QdrantClient client) throws Exception {
        String name = "uncovered_" + ProjectNames.newName("c").replace('-', '_');
        get(client.createCollectionAsync(name, VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build()));
        return name;
    }

    private static PointStruct point(long id) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(1f, 0f)).putAllPayload(Map.of("a", value(1)))
            .build();
    }

    private ScopeMetrics recording() {
        return new ContentionRecorder((kind, project, collection) -> {
            synchronized (this.counted) {
                this.counted.add(kind.tag() + " " + collection + " " + (project == null ? "-" : project));
            }
        });
    }

    private static <T> T get(com.google.common.util.concurrent.ListenableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw ex;
        }
    }
}
