package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.lease.CollectionClaimedException;
import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.metrics.LeaseReapKind;
import io.github.qdrantscope.core.lease.NamespaceLease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.metrics.ContentionException;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.autoconfigure.metrics.ContextScopeMetrics;
import io.github.qdrantscope.core.metrics.ForkReport;
import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.autoconfigure.server.QdrantServerChoice;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The fork's collection through Spring AI's real {@code QdrantVectorStore} on the embedded server:
 * name, dimension, tenant index, lease, contention with a simulated second JVM, dropping and the report.
 */
@SpringBootTest(classes = ForkTestApplication.class, properties = ForkTestApplication.SHARED)
class ForkCollectionBindingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The reaper off: this class's runtimes share the JVM's server with the Spring context's. */
    private static final LeaseSettings LEASE = new LeaseSettings(Duration.ofHours(1), Duration.ofMinutes(10), false,
            Duration.ofSeconds(10), 50);

    @Autowired
    QdrantVectorStore vectorStore;

    @Autowired
    QdrantServerChoice choice;

    @Autowired
    QdrantEndpoint endpoint;

    @Autowired
    ScopeMetrics scopeMetrics;

    @Autowired
    MeterRegistry meterRegistry;

    @Value("${spring.ai.vectorstore.qdrant.collection-name}")
    String collection;

    @TempDir
    Path buildDir;

    /** Looks at the server as it is: exempt, or its reads would be counted as unscoped in concurrent tests. */
    private final QdrantClient admin = UncoveredClients.exempt(() -> new QdrantClient(QdrantGrpcClient
            .newBuilder(SharedEmbeddedQdrant.endpoint().host(), SharedEmbeddedQdrant.endpoint().port(), false).build()));

    @AfterEach
    void closeClient() {
        admin.close();
    }

    @Test
    void surefirePassesTheForkNumberOfThisModulesBuild() {
        // this module's pom passes fork${surefire.forkNumber} as qdrant-scope.surefire-fork-number
        assertThat(System.getProperty("qdrant-scope.surefire-fork-number")).matches("fork[12]");
        assertThat(ForkIdentity.jvm().fork()).isEqualTo(new ForkId(
                System.getProperty("qdrant-scope.surefire-fork-number").substring("fork".length()), "surefire"));
    }

    @Test
    void usesTheJvmsEmbeddedServer() {
        assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
        assertThat(endpoint).isEqualTo(SharedEmbeddedQdrant.endpoint());
    }

    @Test
    void collectionIsCreatedWithTheForkNameDimensionAndTenantIndex() throws Exception {
        assertThat(collection).isEqualTo("qdrant_scope_" + ForkIdentity.jvm().run().value() + "_f"
                + ForkIdentity.jvm().fork().value());

        CollectionInfo info = admin.getCollectionInfoAsync(collection).get();

        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getSize())
                .isEqualTo(ForkTestApplication.DIMENSION);
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getDistance()).isEqualTo(Distance.Cosine);
        PayloadSchemaInfo index = info.getPayloadSchemaMap().get(ForkCollectionBinder.PROJECT_KEY);
        assertThat(index).isNotNull();
        assertThat(index.getDataType()).isEqualTo(PayloadSchemaType.Keyword);
        assertThat(index.getParams().getKeywordIndexParams().getIsTenant()).isTrue();
    }

    @Test
    void theForkHoldsTheLease() {
        LeaseOwner holder = claimer(new ContextScopeMetrics(new JvmScopeMeters(), false)).readLease(collection);

        assertThat(holder).isNotNull();
        assertThat(holder.sameProcess(ForkRuntime.jvm().self())).isTrue();
        assertThat(holder.fork()).isEqualTo(ForkIdentity.jvm().fork().value());
        assertThat(holder.run()).isEqualTo(ForkIdentity.jvm().run().value());
    }

    @Test
    void vectorStoreWorksOnTheBoundCollection() {
        String id = UUID.randomUUID().toString();
        vectorStore.add(List.of(new Document(id, "binding check " + id, Map.of("kind", "binding"))));

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query("binding check " + id)
                .topK(50).filterExpression("kind == 'binding'").build());

        assertThat(found).extracting(Document::getId).contains(id);
        vectorStore.delete(List.of(id));
    }

    @Test
    void aSecondJvmClaimingTheSameCollectionFailsNamingBothOwnersAndCountsContention() {
        JvmScopeMeters meters = new JvmScopeMeters();
        LeaseOwner secondJvm = otherProcessOnThisHost();

        assertThatThrownBy(() -> claimer(new ContextScopeMetrics(meters, false))
                .claim(collection, ForkTestApplication.DIMENSION, ForkCollectionBinder.PROJECT_KEY, "doc_content", secondJvm))
                .isInstanceOf(CollectionClaimedException.class)
                .hasMessageContaining("collection '" + collection + "' is already claimed by run "
                        + ForkIdentity.jvm().run().value() + " fork " + ForkIdentity.jvm().fork().value()
                        + " (pid " + ProcessHandle.current().pid())
                .hasMessageContaining(secondJvm.describe());
        assertThat(meters.contentionCount(ContentionKind.COLLECTION_CLAIM)).isEqualTo(1);
        assertThat(meters.contentionTotal()).isEqualTo(1);
        // the lease is untouched
        assertThat(claimer(new ContextScopeMetrics(meters, false)).readLease(collection)
                .sameProcess(ForkRuntime.jvm().self())).isTrue();
    }

    @Test
    void withFailOnContentionTheClaimFailsWithTheContentionMessage() {
        JvmScopeMeters meters = new JvmScopeMeters();

        assertThatThrownBy(() -> claimer(new ContextScopeMetrics(meters, true))
                .claim(collection, ForkTestApplication.DIMENSION, ForkCollectionBinder.PROJECT_KEY, "doc_content",
                        otherProcessOnThisHost()))
                .isInstanceOf(ContentionException.class)
                .hasMessageContaining("collection_claim")
                .hasMessageContaining("'" + collection + "'")
                .hasMessageContaining("already claimed by run");
        assertThat(meters.contentionCount(ContentionKind.COLLECTION_CLAIM)).isEqualTo(1);
    }

    @Test
    void contentionShowsInTheContextsMeterRegistry() {
        double before = meterRegistry.get("qdrant.scope.contention").tag("kind", "collection_claim")
                .functionCounter().count();

        assertThatThrownBy(() -> claimer(scopeMetrics).claim(collection, ForkTestApplication.DIMENSION,
                ForkCollectionBinder.PROJECT_KEY, "doc_content", otherProcessOnThisHost()))
                .isInstanceOf(CollectionClaimedException.class);

        assertThat(meterRegistry.get("qdrant.scope.contention").tag("kind", "collection_claim")
                .functionCounter().count()).isEqualTo(before + 1);
    }

    @Test
    void leaseOfAnEndedProcessIsTakenOver() throws Exception {
        String name = "qdrant_scope_test_stale_" + UUID.randomUUID().toString().substring(0, 8);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        LeaseOwner dead = new LeaseOwner("r", "9", ForkIdentity.jvm().host(), ended.pid(),
                ended.info().startInstant().orElse(Instant.EPOCH), Instant.now());
        JvmScopeMeters meters = new JvmScopeMeters();
        claimer(new ContextScopeMetrics(meters, false)).claim(name, 4, ForkCollectionBinder.PROJECT_KEY, "doc_content", dead);

        LeaseOwner me = ForkRuntime.jvm().self();
        claimer(new ContextScopeMetrics(meters, false)).claim(name, 4, ForkCollectionBinder.PROJECT_KEY, "doc_content", me);

        assertThat(claimer(new ContextScopeMetrics(meters, false)).readLease(name).sameProcess(me)).isTrue();
        assertThat(meters.contentionTotal()).isZero();
        assertThat(meters.leaseReapedCount(LeaseReapKind.TAKEOVER)).isEqualTo(1);
        admin.deleteCollectionAsync(name).get();
    }

    @Test
    void leaseOfAnotherHostIsLiveUntilItsTtl() throws Exception {
        String name = "qdrant_scope_test_remote_" + UUID.randomUUID().toString().substring(0, 8);
        JvmScopeMeters meters = new JvmScopeMeters();
        LeaseOwner remote = new LeaseOwner("r", "1", "other-host", 1, null, Instant.now().minus(Duration.ofHours(2)));
        claimer(new ContextScopeMetrics(meters, false), Duration.ofHours(3))
                .claim(name, 4, ForkCollectionBinder.PROJECT_KEY, "doc_content", remote);
        // a claim is stamped with the claimer's clock: backdate it to a lease last renewed 2 h ago
        admin.upsertAsync(name, List.of(CollectionLease.toPoint(remote, 4, "doc_content"))).get();

        LeaseOwner me = ForkRuntime.jvm().self();
        assertThatThrownBy(() -> claimer(new ContextScopeMetrics(meters, false), Duration.ofHours(3))
                .claim(name, 4, ForkCollectionBinder.PROJECT_KEY, "doc_content", me))
                .isInstanceOf(CollectionClaimedException.class).hasMessageContaining("on other-host");
        claimer(new ContextScopeMetrics(meters, false), Duration.ofHours(1))
                .claim(name, 4, ForkCollectionBinder.PROJECT_KEY, "doc_content", me);

        assertThat(meters.contentionCount(ContentionKind.COLLECTION_CLAIM)).isEqualTo(1);
        admin.deleteCollectionAsync(name).get();
    }

    @Test
    void existingCollectionOfAnotherDimensionIsRejectedNamingBoth() {
        assertThatIllegalStateException()
                .isThrownBy(() -> claimer(new ContextScopeMetrics(new JvmScopeMeters(), false)).claim(collection, 16,
                        ForkCollectionBinder.PROJECT_KEY, "doc_content", ForkRuntime.jvm().self()))
                .withMessageContaining("collection '" + collection + "' holds vectors of dimension 8")
                .withMessageContaining("produces 16");
    }

    @Test
    void anotherContextOfTheForkWithAnotherDimensionIsRejected() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ForkRuntime.jvm().claim(endpoint, collection, "qdrant_scope", 16,
                        ForkCollectionBinder.PROJECT_KEY, "doc_content", false, TIMEOUT, LEASE, scopeMetrics))
                .withMessageContaining("'" + collection + "' was created with dimension 8")
                .withMessageContaining("produces 16")
                .withMessageContaining("qdrant-scope.collection-prefix");
    }

    @Test
    void collectionsAreDroppedAtExitUnlessKeptAndNothingWithoutThePrefixIsTouched() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dropped = "qdrant_scope_test_drop_" + suffix;
        String leaseLost = "qdrant_scope_test_lost_" + suffix;
        String takenOver = "qdrant_scope_test_taken_" + suffix;
        String kept = "qdrant_scope_test_keep_" + suffix;
        String foreign = "other_app_" + suffix;
        ForkRuntime runtime = new ForkRuntime(ForkIdentity.jvm(), ForkRuntime.jvm().self(), new JvmScopeMeters());
        ScopeMetrics metrics = new ContextScopeMetrics(new JvmScopeMeters(), false);
        runtime.claim(endpoint, dropped, "qdrant_scope", 4, "p", "doc_content", false, TIMEOUT, LEASE, metrics);
        runtime.claim(endpoint, kept, "qdrant_scope", 4, "p", "doc_content", true, TIMEOUT, LEASE, metrics);
        runtime.claim(endpoint, leaseLost, "qdrant_scope", 4, "p", "doc_content", false, TIMEOUT, LEASE, metrics);
        admin.deleteAsync(leaseLost, List.of(CollectionLease.pointId())).get();
        runtime.claim(endpoint, takenOver, "qdrant_scope", 4, "p", "doc_content", false, TIMEOUT, LEASE, metrics);
        admin.upsertAsync(takenOver, List.of(CollectionLease.toPoint(otherProcessOnThisHost(), 4, "doc_content"))).get();
        admin.createCollectionAsync(foreign, io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
                .setDistance(Distance.Cosine).setSize(4).build()).get();
        assertThatThrownBy(() -> runtime.claim(endpoint, foreign, "qdrant_scope", 4, "p", "doc_content", false, TIMEOUT,
                LEASE, metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to claim collection '" + foreign + "'");
        assertThat(claimer(metrics).readLease(foreign)).isNull();

        runtime.dropAll();

        assertThat(admin.collectionExistsAsync(dropped).get()).isFalse();
        assertThat(admin.collectionExistsAsync(leaseLost).get()).isFalse();
        assertThat(admin.collectionExistsAsync(takenOver).get()).isTrue();
        assertThat(admin.collectionExistsAsync(kept).get()).isTrue();
        assertThat(admin.collectionExistsAsync(foreign).get()).isTrue();
        admin.deleteCollectionAsync(kept).get();
        admin.deleteCollectionAsync(takenOver).get();
        admin.deleteCollectionAsync(foreign).get();
    }

    @Test
    void reportFileHoldsForkRunCollectionsAndExactMeterValues() {
        ForkIdentity identity = new ForkIdentity(ForkIdentity.jvm().fork(), ForkIdentity.jvm().run(),
                ForkIdentity.jvm().host(), buildDir);
        JvmScopeMeters meters = new JvmScopeMeters();
        ForkRuntime runtime = new ForkRuntime(identity, ForkRuntime.jvm().self(), meters);
        String name = "qdrant_scope_test_report_" + UUID.randomUUID().toString().substring(0, 8);
        runtime.claim(endpoint, name, "qdrant_scope", 4, "p", "doc_content", false, TIMEOUT, LEASE,
                new ContextScopeMetrics(meters, false));
        ContextScopeMetrics metrics = new ContextScopeMetrics(meters, false);
        metrics.recordOperation("search", true, 250_000_000L);
        metrics.recordOperation("search", true, 250_000_000L);
        metrics.contention(ContentionKind.UNSCOPED_READ, null, name, "search outside a scope");
        metrics.cleanup(100_000_000L, 3);

        Path file = runtime.writeReport();

        assertThat(file).isEqualTo(buildDir.resolve("qdrant-scope/fork-" + identity.fork().value() + ".json"));
        ForkReport report = ForkReportWriter.read(file);
        assertThat(report.fork()).isEqualTo(identity.fork().value());
        assertThat(report.forkSource()).isEqualTo(identity.fork().source());
        assertThat(report.run()).isEqualTo(identity.run().value());
        assertThat(report.mode()).isEqualTo("embedded");
        assertThat(report.collections()).containsExactly(name);
        assertThat(meter(report, "qdrant.scope.operations", Map.of("operation", "search", "scoped", "true")))
                .containsEntry("count", 2.0).containsEntry("total", 0.5);
        assertThat(meter(report, "qdrant.scope.contention", Map.of("kind", "unscoped_read"))).containsEntry("count", 1.0);
        assertThat(meter(report, "qdrant.scope.contention", Map.of("kind", "collection_claim"))).containsEntry("count", 0.0);
        assertThat(meter(report, "qdrant.scope.cleanup.points", Map.of())).containsEntry("count", 3.0);
        assertThat(runtime.summary()).isEqualTo("qdrant-scope fork " + identity.fork().value() + " (run "
                + identity.run().value() + "): 2 operations, contention unscoped_read=1, collections ["
                + name + "]");
        runtime.dropAll();
    }

    @Test
    void aForkWhoseClientsOnlyMapNamesLeasesItsNamespaceListsItsCollectionsAndDropsThemAtExit() throws Exception {
        // an application with its own QdrantClient and no Spring AI: no collection is claimed, names are mapped
        ForkIdentity identity = new ForkIdentity(ForkIdentity.jvm().fork(), ForkIdentity.jvm().run(),
                ForkIdentity.jvm().host(), buildDir);
        ForkRuntime runtime = new ForkRuntime(identity, ForkRuntime.jvm().self(), new JvmScopeMeters());
        String namespace = "qdrant_scope_test_names_" + UUID.randomUUID().toString().substring(0, 8);
        ScopeMetrics metrics = new ContextScopeMetrics(new JvmScopeMeters(), false);
        runtime.mapsInto(endpoint, "qdrant_scope", namespace, false, TIMEOUT, LEASE, metrics);
        String lease = NamespaceLease.collectionOf(namespace);
        assertThat(claimer(metrics).readLease(lease)).satisfies(owner -> assertThat(owner.sameProcess(runtime.self())).isTrue());
        admin.createCollectionAsync(namespace + "__documents", io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
                .setDistance(Distance.Cosine).setSize(4).build()).get();

        ForkReport report = ForkReportWriter.read(runtime.writeReport());

        assertThat(report.mode()).isEqualTo("embedded");
        assertThat(report.collections()).containsExactly(namespace + "__documents");
        runtime.dropAll();
        assertThat(admin.collectionExistsAsync(namespace + "__documents").get()).isFalse();
        assertThat(admin.collectionExistsAsync(lease).get()).isFalse();
    }

    @Test
    void aNamespaceLeasedByAnotherLiveJvmIsRefusedAndItsCollectionsAreNotDropped() throws Exception {
        String namespace = "qdrant_scope_test_taken_ns_" + UUID.randomUUID().toString().substring(0, 8);
        ScopeMetrics holderMetrics = new ContextScopeMetrics(new JvmScopeMeters(), false);
        // the other JVM: this host, a live process that is not this one (the parent, e.g. Maven)
        ProcessHandle other = ProcessHandle.current().parent().orElseThrow();
        LeaseOwner holder = new LeaseOwner("run-x", "9", ForkIdentity.jvm().host(), other.pid(),
                other.info().startInstant().orElse(null), Instant.now());
        NamespaceLease.claim(claimer(holderMetrics), namespace, holder, () -> {
            throw new AssertionError("a new namespace has no holder to take over from");
        });
        JvmScopeMeters meters = new JvmScopeMeters();
        ForkRuntime runtime = new ForkRuntime(ForkIdentity.jvm(), ForkRuntime.jvm().self(), meters);

        assertThatThrownBy(() -> runtime.mapsInto(endpoint, "qdrant_scope", namespace, false, TIMEOUT, LEASE,
                new ContextScopeMetrics(meters, false)))
            .isInstanceOf(CollectionClaimedException.class)
            .hasMessageContaining("'" + NamespaceLease.collectionOf(namespace) + "' is already claimed by run run-x fork 9");
        assertThat(meters.contentionCount(ContentionKind.COLLECTION_CLAIM)).isEqualTo(1);

        // a namespace this JVM leased, taken over before exit: its collections are now the other JVM's
        String mine = namespace + "-mine";
        runtime.mapsInto(endpoint, "qdrant_scope", mine, false, TIMEOUT, LEASE, new ContextScopeMetrics(meters, false));
        admin.createCollectionAsync(mine + "__documents", io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
                .setDistance(Distance.Cosine).setSize(4).build()).get();
        admin.upsertAsync(NamespaceLease.collectionOf(mine), List.of(CollectionLease.toPoint(holder,
                NamespaceLease.DIMENSION, NamespaceLease.NOTE_FIELD))).get();
        runtime.dropAll();
        assertThat(admin.collectionExistsAsync(mine + "__documents").get()).isTrue();
        assertThat(admin.collectionExistsAsync(NamespaceLease.collectionOf(mine)).get()).isTrue();
        for (String name : List.of(NamespaceLease.collectionOf(namespace), mine + "__documents",
                NamespaceLease.collectionOf(mine))) {
            admin.deleteCollectionAsync(name).get();
        }
    }

    private static Map<String, Double> meter(ForkReport report, String name, Map<String, String> tags) {
        return report.meters().stream().filter(m -> m.name().equals(name) && m.tags().equals(tags)).findFirst()
                .orElseThrow(() -> new AssertionError("no meter " + name + tags)).values();
    }

    private ForkCollectionClaimer claimer(ScopeMetrics metrics) {
        return claimer(metrics, Duration.ofHours(1));
    }

    private ForkCollectionClaimer claimer(ScopeMetrics metrics, Duration leaseTtl) {
        return new ForkCollectionClaimer(admin, TIMEOUT, leaseTtl, metrics);
    }

    private static LeaseOwner otherProcessOnThisHost() {
        return new LeaseOwner(ForkIdentity.jvm().run().value(), ForkIdentity.jvm().fork().value(),
                ForkIdentity.jvm().host(), ProcessHandle.current().pid() + 100_000, Instant.EPOCH, Instant.now());
    }
}
