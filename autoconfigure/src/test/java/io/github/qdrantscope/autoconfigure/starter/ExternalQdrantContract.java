package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.scope.DocumentIds;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.server.JvmExit;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.autoconfigure.server.QdrantServerChoice;
import io.github.qdrantscope.autoconfigure.server.QdrantServerSelector;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What must hold in external mode, whatever made the context external: the same application as
 * {@link StarterEndToEndTest} (only an {@code EmbeddingModel} and {@code @ScopedProject}), with the Qdrant
 * a subclass provides — a Testcontainers container, a {@code QdrantConnectionDetails} bean, or Spring AI's
 * host/port properties. Everything is checked on that server through an independent client (no scoping
 * proxy, no interceptor), so nothing can come from the JVM's shared embedded server.
 *
 * <p>Each subclass sets its own {@code qdrant-scope.collection-prefix} ({@link #collectionPrefix()}), so its
 * fork collection is its own even on a server other classes use. {@code @Isolated}: the meters are per
 * JVM, so no other test class may run while these count. One instance per class, so the methods can hand
 * the projects they wrote to the methods that check them.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@ScopedProject
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ExternalQdrantContract extends StarterTestSupport {

    private static final String OPERATIONS = "qdrant.scope.operations";

    private static final String CONTENTION = "qdrant.scope.contention";

    @Autowired
    ApplicationContext context;

    /** A client on the subclass's server that bypasses everything the starter configures. */
    private QdrantClient independent;

    private String firstFixedIdProject;

    private String lastProject;

    private long lastProjectPointsBeforeCleanup;

    private ScopeMeterValues beforeLastCleanup;

    /** The Qdrant the subclass configured; everything the context stores must land there. */
    abstract ExternalServer server();

    /** The {@code qdrant-scope.collection-prefix} the subclass sets, keeping its collection apart. */
    abstract String collectionPrefix();

    /** What {@link QdrantServerSelector} must give as the reason for choosing external mode. */
    abstract String expectedChoiceReason();

    /**
     * Where a subclass's Qdrant listens.
     *
     * @param host the gRPC host
     * @param port the gRPC port
     * @param apiKey the API key, or {@code null}
     */
    record ExternalServer(String host, int port, String apiKey) {

        /**
         * An embedded Qdrant of the test's own, not the starter's shared one; stopped at JVM exit, after
         * the fork has dropped its collection on it.
         */
        static EmbeddedQdrant start(String apiKey, String owner) {
            EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).apiKey(apiKey).start();
            JvmExit.register(JvmExit.Phase.SERVER, "stopping the Qdrant of " + owner, server::close);
            return server;
        }

        static ExternalServer of(EmbeddedQdrant server, String apiKey) {
            return new ExternalServer(server.host(), server.grpcPort(), apiKey);
        }

        QdrantClient client() {
            QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(host, port, false);
            if (apiKey != null) {
                grpc.withApiKey(apiKey);
            }
            return new QdrantClient(grpc.build());
        }
    }

    @BeforeAll
    void openIndependentClient() {
        this.independent = server().client();
    }

    @AfterAll
    void closeIndependentClient() {
        this.independent.close();
    }

    @AfterEach
    void rememberStateBeforeCleanup() throws Exception {
        this.beforeLastCleanup = ScopeMeterValues.of(this.registry);
        this.lastProject = this.project.name();
        this.lastProjectPointsBeforeCleanup = this.independent.countAsync(collection(), inProject(this.lastProject),
                true).get();
    }

    @Test
    @Order(1)
    void externalModeIsChosenForTheSubclassesServerAndNothingIsPublishedForTheEmbeddedOne() {
        QdrantServerChoice choice = this.context.getBean(QdrantServerSelector.CHOICE_BEAN_NAME,
                QdrantServerChoice.class);
        assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
        assertThat(choice.reason()).contains(expectedChoiceReason());

        QdrantEndpoint endpoint = this.context.getBean(QdrantServerSelector.ENDPOINT_BEAN_NAME, QdrantEndpoint.class);
        assertThat(endpoint.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
        assertThat(endpoint.host()).isEqualTo(server().host());
        assertThat(endpoint.port()).isEqualTo(server().port());
        assertThat(endpoint.apiKey()).isEqualTo(server().apiKey());
        assertThat(endpoint.source()).isEqualTo(choice.reason());
        assertThat(((ConfigurableEnvironment) this.environment).getPropertySources()
            .contains(QdrantServerSelector.PROPERTY_SOURCE_NAME)).isFalse();

        // the starter's proxy is on Spring AI's own store, whose client reaches the subclass's server
        assertThat(AopUtils.isCglibProxy(this.vectorStore)).isTrue();
        assertThat(this.context.getBean(QdrantVectorStore.class)).isSameAs(this.vectorStore);
    }

    @Test
    @Order(2)
    void theForkCollectionIsCreatedOnThatServerWithTheTenantIndexAndTheLease() throws Exception {
        assertThat(collectionPrefix()).isNotEqualTo("qdrant_scope");
        ForkIdentity fork = ForkIdentity.jvm();
        String collection = collectionPrefix() + "_" + fork.run().value() + "_f" + fork.fork().value();
        assertThat(collection()).isEqualTo(collection);

        CollectionInfo info = this.independent.getCollectionInfoAsync(collection).get();
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getSize())
            .isEqualTo(StarterTestApplication.DIMENSION);
        PayloadSchemaInfo projectIndex = info.getPayloadSchemaMap().get(ScopedProject.DEFAULT_KEY);
        assertThat(projectIndex.getDataType()).isEqualTo(PayloadSchemaType.Keyword);
        assertThat(projectIndex.getParams().getKeywordIndexParams().getIsTenant()).isTrue();

        List<RetrievedPoint> lease = this.independent.retrieveAsync(collection, List.of(CollectionLease.pointId()),
                WithPayloadSelectorFactory.enable(true), WithVectorsSelectorFactory.enable(false), null).get();
        assertThat(lease).hasSize(1);
        assertThat(lease.get(0).getPayloadMap().get("qdrant_scope_lease_pid").getIntegerValue())
            .isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    @Order(3)
    @ScopedProject(cleanup = ScopedProject.Cleanup.AFTER_CLASS)
    void aTestWritingFixedIdsSeesItsOwnDocuments() {
        this.firstFixedIdProject = this.project.name();
        this.vectorStore.add(List.of(new Document("doc-1", "red apple", Map.of("writer", "first")),
                new Document("doc-2", "green apple", Map.of("writer", "first"))));

        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
            .extracting(Document::getId, Document::getText, document -> document.getMetadata().get("writer"))
            .containsExactlyInAnyOrder(tuple("doc-1", "red apple", "first"),
                    tuple("doc-2", "green apple", "first"));
    }

    @Test
    @Order(4)
    @ScopedProject(cleanup = ScopedProject.Cleanup.AFTER_CLASS)
    void aLaterTestWritingTheSameIdsSeesOnlyItsOwnAndOverwritesNothing() throws Exception {
        assertThat(this.firstFixedIdProject).isNotNull().isNotEqualTo(this.project.name());
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);

        this.vectorStore.add(List.of(new Document("doc-1", "red pear", Map.of("writer", "second")),
                new Document("doc-2", "green pear", Map.of("writer", "second"))));
        // "apple" is closer to the first test's documents: a leak would show them
        List<Document> found = this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build());
        assertThat(found)
            .extracting(Document::getId, Document::getText, document -> document.getMetadata().get("writer"))
            .containsExactlyInAnyOrder(tuple("doc-1", "red pear", "second"),
                    tuple("doc-2", "green pear", "second"));
        assertThat(found).allSatisfy(document -> assertThat(document.getMetadata()).containsOnlyKeys("writer", "distance"));

        // on the server: each fixed id twice, once per project, the first test's points untouched
        Map<String, Set<String>> projectsById = pointsWithOriginalIds(List.of("doc-1", "doc-2")).stream()
            .collect(Collectors.groupingBy(point -> point.getPayloadMap().get(DocumentIds.DOCUMENT_ID_KEY).getStringValue(),
                    Collectors.mapping(point -> point.getPayloadMap().get(ScopedProject.DEFAULT_KEY).getStringValue()
                            + "|" + point.getPayloadMap().get("writer").getStringValue(), Collectors.toSet())));
        Set<String> both = Set.of(this.firstFixedIdProject + "|first", this.project.name() + "|second");
        assertThat(projectsById).isEqualTo(Map.of("doc-1", both, "doc-2", both));

        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(
                OPERATIONS + "{operation=add,scoped=true}", 1L,
                OPERATIONS + "{operation=search,scoped=true}", 1L));
    }

    @Test
    @Order(5)
    void scopedOperationsAreCountedExactlyWithoutContention() {
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);
        assertThat(ScopeMeterValues.activeProjects(this.registry)).isEqualTo(1.0);

        this.vectorStore.add(List.of(new Document("doc-1", "red apple", Map.of("color", "red")),
                new Document("doc-2", "green apple", Map.of("color", "green")),
                new Document("doc-3", "blue apple", Map.of("color", "blue"))));
        this.vectorStore.delete(List.of("doc-2"));
        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
            .extracting(Document::getId)
            .containsExactlyInAnyOrder("doc-1", "doc-3");

        ScopeMeterValues after = ScopeMeterValues.of(this.registry);
        assertThat(after.since(before)).isEqualTo(Map.of(
                OPERATIONS + "{operation=add,scoped=true}", 1L,
                OPERATIONS + "{operation=delete,scoped=true}", 1L,
                OPERATIONS + "{operation=search,scoped=true}", 1L));
        // every contention kind is registered from the start: present, and unchanged by scoped work
        assertThat(after.counts().keySet().stream().filter(key -> key.startsWith(CONTENTION + "{")))
            .containsExactlyInAnyOrder(CONTENTION + "{kind=collection_claim}", CONTENTION + "{kind=foreign_point}",
                    CONTENTION + "{kind=unscoped_read}", CONTENTION + "{kind=unscoped_write}",
                    CONTENTION + "{kind=unscoped_delete}");
    }

    @Test
    @Order(6)
    void thePreviousTestsProjectWasCleanedUpOnThatServer() throws Exception {
        assertThat(this.lastProjectPointsBeforeCleanup).isEqualTo(2);
        assertThat(this.independent.countAsync(collection(), inProject(this.lastProject), true).get()).isZero();
        assertThat(ScopeMeterValues.of(this.registry).since(this.beforeLastCleanup)).isEqualTo(Map.of(
                "qdrant.scope.cleanup{}", 1L,
                "qdrant.scope.cleanup.points{}", 2L));
        // the AFTER_CLASS projects are still there until the class ends
        assertThat(this.independent.countAsync(collection(), inProject(this.firstFixedIdProject), true).get())
            .isEqualTo(2);
    }

    private static Filter inProject(String project) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword(ScopedProject.DEFAULT_KEY, project)).build();
    }

    private List<RetrievedPoint> pointsWithOriginalIds(List<String> originalIds) throws Exception {
        return this.independent.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(collection())
            .setFilter(Filter.newBuilder().addMust(ConditionFactory.matchKeywords(DocumentIds.DOCUMENT_ID_KEY, originalIds)))
            .setLimit(100)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .build()).get().getResultList();
    }
}
