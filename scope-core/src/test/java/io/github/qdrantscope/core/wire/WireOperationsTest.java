package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.createCollection;
import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.metrics.CountedOperations;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every qdrant.Points RPC through the interceptor is one qdrant.scope.operations, tagged with its snake-case name. */
class WireOperationsTest {

    private final ScopedClients clients = new ScopedClients();

    private final JvmScopeMeters meters = new JvmScopeMeters();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final QdrantClient scoped;

    WireOperationsTest() {
        this.meters.bindTo(this.registry);
        ProjectScopeInterceptor interceptor = new ProjectScopeInterceptor(this.clients.projects,
                new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> new CountingScopeMetrics(this.meters, false)),
                collection -> true, () -> new CountingScopeMetrics(this.meters, false));
        ManagedChannel channel = ManagedChannelBuilder.forAddress(this.clients.server.host(),
                this.clients.server.grpcPort()).usePlaintext().intercept(interceptor).build();
        this.scoped = new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }

    @AfterEach
    void close() {
        this.scoped.close();
        this.clients.close();
    }

    @Test
    void eachRpcIsCountedOnceUnderItsSnakeCaseNameScopedOrNot() throws Exception {
        createCollection(this.clients.raw(), "docs", 2, Distance.Cosine);
        try (ProjectScope.Binding ignored = ProjectScope.open(ScopedClients.project("ops"))) {
            get(this.scoped.upsertAsync("docs", List.of(point(1), point(2))));
            get(this.scoped.searchAsync(SearchPoints.newBuilder().setCollectionName("docs").addAllVector(List.of(1f, 0f))
                .setLimit(5).build()));
            get(this.scoped.searchAsync(SearchPoints.newBuilder().setCollectionName("docs").addAllVector(List.of(0f, 1f))
                .setLimit(5).build()));
            get(this.scoped.setPayloadAsync("docs", Map.of("colour", value("red")), List.of(id(1)), null, null, null));
        }
        assertThat(get(this.scoped.countAsync("docs"))).isEqualTo(2);
        // the collection service (create, list) is not counted: only qdrant.Points RPCs

        assertThat(counts()).isEqualTo(Map.of("upsert/true", 1L, "search/true", 2L, "set_payload/true", 1L,
                "count/false", 1L));
        assertThat(this.meters.operationTotal()).isEqualTo(5);
    }

    @Test
    void rpcsInsideAnOperationCountedAlreadyAreNotCountedAgain() throws Exception {
        createCollection(this.clients.raw(), "docs", 2, Distance.Cosine);
        try (ProjectScope.Binding ignored = ProjectScope.open(ScopedClients.project("ops"));
                CountedOperations.Marker counted = CountedOperations.enter()) {
            get(this.scoped.upsertAsync("docs", List.of(point(1))));
        }
        get(this.scoped.countAsync("docs"));

        assertThat(counts()).isEqualTo(Map.of("count/false", 1L));
    }

    @Test
    void tagsAreTheRpcNamesInSnakeCase() {
        assertThat(WireOperations.tag("Upsert")).isEqualTo("upsert");
        assertThat(WireOperations.tag("SearchMatrixPairs")).isEqualTo("search_matrix_pairs");
        assertThat(WireOperations.tag("QueryBatch")).isEqualTo("query_batch");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (FunctionTimer timer : this.registry.find("qdrant.scope.operations").functionTimers()) {
            counts.put(timer.getId().getTag("operation") + "/" + timer.getId().getTag("scoped"), (long) timer.count());
        }
        return counts;
    }

    private static PointStruct point(long id) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(1f, (float) id)).build();
    }
}
