package io.github.qdrantscope.autoconfigure.starter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qdrantscope.autoconfigure.scope.DocumentIds;
import io.github.qdrantscope.core.ProjectNames;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.autoconfigure.fork.QdrantScopeContextCustomizer;
import io.github.qdrantscope.autoconfigure.metrics.ContextScopeMetrics;
import io.github.qdrantscope.core.metrics.ForkReport;
import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.autoconfigure.server.QdrantServerChoice;
import io.github.qdrantscope.autoconfigure.server.QdrantServerSelector;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter as shipped, with default properties: which server, which collection, the scoping proxy on
 * Spring AI's auto-configured store, and the exact values of the real meters. {@code @Isolated}: the
 * meters are per JVM, so no other test class may run while these count.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@ScopedProject
@Isolated
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarterEndToEndTest extends StarterTestSupport {

    private static final String OPERATIONS = "qdrant.scope.operations";

    /** Meter values just before the listener cleaned up the previous test's project. */
    private static ScopeMeterValues beforeLastCleanup;

    private static String lastProject;

    @Autowired
    ApplicationContext context;

    /** A client on the embedded server without the starter's interceptor: what is really stored. */
    private final QdrantClient independent = independentClient();

    @AfterEach
    void closeIndependentClient() {
        this.independent.close();
    }

    @AfterEach
    void rememberStateBeforeCleanup() {
        beforeLastCleanup = ScopeMeterValues.of(this.registry);
        lastProject = this.project.name();
    }

    @Test
    @Order(1)
    void embeddedServerIsChosenAndTheForkCollectionIsBoundCreatedIndexedAndLeased() throws Exception {
        QdrantServerChoice choice = this.context.getBean(QdrantServerSelector.CHOICE_BEAN_NAME,
                QdrantServerChoice.class);
        assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        assertThat(this.environment.getProperty("spring.ai.vectorstore.qdrant.host")).isEqualTo(embedded.host());
        assertThat(this.environment.getProperty("spring.ai.vectorstore.qdrant.port", Integer.class))
            .isEqualTo(embedded.port());

        ForkIdentity fork = ForkIdentity.jvm();
        String collection = "qdrant_scope_" + fork.run().value() + "_f" + fork.fork().value();
        assertThat(collection()).isEqualTo(collection);
        assertThat(this.environment.getProperty("qdrant-scope.binding.collection")).isEqualTo(collection);

        // the context's client is scoped to this test's project: inspect the server with an independent one
        QdrantClient raw = this.independent;
        CollectionInfo info = raw.getCollectionInfoAsync(collection).get();
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getSize())
            .isEqualTo(StarterTestApplication.DIMENSION);
        PayloadSchemaInfo projectIndex = info.getPayloadSchemaMap().get(ScopedProject.DEFAULT_KEY);
        assertThat(projectIndex.getDataType()).isEqualTo(PayloadSchemaType.Keyword);
        assertThat(projectIndex.getParams().getKeywordIndexParams().getIsTenant()).isTrue();

        List<RetrievedPoint> lease = raw.retrieveAsync(collection, List.of(CollectionLease.pointId()),
                WithPayloadSelectorFactory.enable(true), WithVectorsSelectorFactory.enable(false), null).get();
        assertThat(lease).hasSize(1);
        assertThat(lease.get(0).getPayloadMap().get(CollectionLease.MARKER_KEY).getBoolValue()).isTrue();
        assertThat(lease.get(0).getPayloadMap().get("qdrant_scope_lease_pid").getIntegerValue())
            .isEqualTo(ProcessHandle.current().pid());

        assertThat(this.context.getBean(ScopeMetrics.class)).isInstanceOf(ContextScopeMetrics.class);
        assertThat(AopUtils.isCglibProxy(this.vectorStore)).isTrue();
        assertThat(this.context.getBean(QdrantVectorStore.class)).isSameAs(this.vectorStore);
    }

    @Test
    @Order(2)
    void scopedOperationsAreIsolatedAndCountedExactly() {
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);
        assertThat(ScopeMeterValues.activeProjects(this.registry)).isEqualTo(1.0);

        this.vectorStore.add(List.of(new Document("doc-1", "red apple", Map.of("color", "red")),
                new Document("doc-2", "green apple", Map.of("color", "green")),
                new Document("doc-3", "blue apple", Map.of("color", "blue"))));
        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
            .extracting(Document::getId)
            .containsExactlyInAnyOrder("doc-1", "doc-2", "doc-3");
        this.vectorStore.delete(List.of("doc-2"));
        this.vectorStore.delete(new FilterExpressionBuilder().eq("color", "blue").build());
        List<Document> left = this.vectorStore.similaritySearch("apple");
        assertThat(left).extracting(Document::getId).containsExactly("doc-1");
        assertThat(left.get(0).getMetadata()).containsOnlyKeys("color", "distance");

        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(
                OPERATIONS + "{operation=add,scoped=true}", 1L,
                OPERATIONS + "{operation=search,scoped=true}", 2L,
                OPERATIONS + "{operation=delete,scoped=true}", 2L));
    }

    @Test
    @Order(3)
    void thePreviousTestsProjectWasCleanedUpAndCounted() throws Exception {
        assertThat(ScopeMeterValues.of(this.registry).since(beforeLastCleanup)).isEqualTo(Map.of(
                "qdrant.scope.cleanup{}", 1L,
                "qdrant.scope.cleanup.points{}", 1L));
        QdrantClient raw = raw();
        // a raw count with the project condition: one scoped operation, not an unscoped read
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);
        assertThat(raw.countAsync(collection(), inProject(lastProject), true).get()).isZero();
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(OPERATIONS + "{operation=count,scoped=true}", 1L));
    }

    @Test
    @Order(4)
    void rawClientCallsInsideTheProjectAreScopedAndCountedAsOperations() throws Exception {
        this.vectorStore.add(List.of(new Document("doc-1", "red apple", Map.of("color", "red"))));
        QdrantClient raw = raw();
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);

        // without a project condition: the wire adds it, so the raw client sees this project's document only
        assertThat(raw.searchAsync(search(null).toBuilder().setWithPayload(WithPayloadSelectorFactory.enable(true))
            .build()).get()).singleElement().satisfies(point -> {
            assertThat(point.getId().getUuid()).isEqualTo(DocumentIds.storeId("doc-1"));
            assertThat(point.getPayloadMap()).containsEntry(DocumentIds.DOCUMENT_ID_KEY, value("doc-1"))
                .doesNotContainKeys(ScopedProject.DEFAULT_KEY, ProjectNames.ORIGINAL_ID_KEY);
        });
        assertThat(raw.countAsync(collection()).get()).isEqualTo(1);
        raw.deleteAsync(collection(), Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword("color", "no-such-color"))
            .build()).get();
        assertThat(raw.countAsync(collection()).get()).isEqualTo(1);

        // counted as operations under their RPC names, no contention
        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(
                OPERATIONS + "{operation=search,scoped=true}", 1L,
                OPERATIONS + "{operation=count,scoped=true}", 2L,
                OPERATIONS + "{operation=delete,scoped=true}", 1L));
    }

    @Test
    @Order(5)
    void rawUpsertsInsideTheProjectAreStampedAndReservedFieldsRefused() throws Exception {
        QdrantClient raw = raw();
        UUID id = UUID.randomUUID();
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);

        raw.upsertAsync(collection(), List.of(rawPoint(id, Map.of("color", value("red"))))).get();
        assertThat(this.independent.countAsync(collection(), inProject(this.project.name()), true).get())
            .isEqualTo(1);
        assertThat(raw.retrieveAsync(collection(), id(id), true, false, null).get()).singleElement()
            .satisfies(point -> assertThat(point.getPayloadMap()).containsOnlyKeys("color"));
        assertThatThrownBy(() -> raw.upsertAsync(collection(), List.of(rawPoint(UUID.randomUUID(),
                Map.of(ScopedProject.DEFAULT_KEY, value("another-project"))))).get())
            .hasMessageContaining("INVALID_ARGUMENT")
            .hasMessageContaining("payload field '" + ScopedProject.DEFAULT_KEY + "'");
        // the refused upsert never reached the server: not an operation
        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(
                OPERATIONS + "{operation=upsert,scoped=true}", 1L,
                OPERATIONS + "{operation=get,scoped=true}", 1L));
        // removed by the project's cleanup, which the wire recorded
    }

    @Test
    @Order(6)
    void theLeaseOfANewlyClaimedCollectionIsWrittenUncounted() throws Exception {
        ForkIdentity fork = ForkIdentity.jvm();
        String leased = "e2e_lease_" + fork.run().value() + "_f" + fork.fork().value();
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);

        // a second context of the fork on another prefix, bound as the test framework binds one: it claims
        // its collection, whose lease point (no project key) would be an unscoped_write if it were counted
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(StarterTestApplication.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .registerShutdownHook(false)
            .initializers(context -> new QdrantScopeContextCustomizer(fork).customizeContext(context, null))
            .run("--qdrant-scope.collection-prefix=e2e_lease")) {
            assertThat(other.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.collection-name"))
                .isEqualTo(leased);
        }

        List<RetrievedPoint> lease = this.independent.retrieveAsync(leased, List.of(CollectionLease.pointId()),
                WithPayloadSelectorFactory.enable(true), WithVectorsSelectorFactory.enable(false), null).get();
        assertThat(lease).hasSize(1);
        assertThat(lease.get(0).getPayloadMap().get("qdrant_scope_lease_pid").getIntegerValue())
            .isEqualTo(ProcessHandle.current().pid());
        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEmpty();
    }

    @Test
    @Order(7)
    void theForkReportHoldsTheMetersOfTheContexts() {
        Path file = ForkRuntime.jvm().writeReport();
        ForkIdentity fork = ForkIdentity.jvm();
        assertThat(file).isEqualTo(fork.buildDirectory().resolve("qdrant-scope")
            .resolve("fork-" + fork.fork().value() + ".json"));
        ScopeMeterValues now = ScopeMeterValues.of(this.registry);

        ForkReport report = ForkReportWriter.read(file);
        assertThat(report.fork()).isEqualTo(fork.fork().value());
        assertThat(report.run()).isEqualTo(fork.run().value());
        // every mode this JVM used: other classes of the fork may have used an external server too
        assertThat(report.mode().split(",")).contains("embedded");
        assertThat(report.collections()).contains(collection());
        ForkReport.MeterValues scopedAdds = report.meters().stream()
            .filter(m -> m.name().equals(OPERATIONS) && m.tags().equals(Map.of("operation", "add", "scoped", "true")))
            .findFirst()
            .orElseThrow();
        assertThat(scopedAdds.type()).isEqualTo("timer");
        long adds = now.counts().get(OPERATIONS + "{operation=add,scoped=true}");
        assertThat(adds).isGreaterThanOrEqualTo(2); // this class's own adds
        assertThat(scopedAdds.values().get("count")).isEqualTo((double) adds);
    }


    private static Filter inProject(String project) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword(ScopedProject.DEFAULT_KEY, project)).build();
    }

    /** A point as application code would write it with the raw client: a vector and the given payload. */
    private static PointStruct rawPoint(UUID id, Map<String, Value> payload) {
        float[] vector = new float[StarterTestApplication.DIMENSION];
        vector[0] = 1f;
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(vector)).putAllPayload(payload).build();
    }

    private SearchPoints search(Filter filter) {
        SearchPoints.Builder search = SearchPoints.newBuilder()
            .setCollectionName(collection())
            .addAllVector(List.of(1f, 1f, 0f, 0f, 0f, 0f, 0f, 0f))
            .setLimit(10);
        if (filter != null) {
            search.setFilter(filter);
        }
        return search.build();
    }
}
