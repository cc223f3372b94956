package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.IDS;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutionException;

import io.github.qdrantscope.autoconfigure.scope.CurrentProject;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Fixtures;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * What is really on the server, read with a client of the test's own that qdrant-scope does not know (not a
 * bean, so neither mapped nor scoped): the application's "documents" is the fork's own collection, and this
 * test's points in it carry its project and namespaced ids.
 */
@SpringBootTest
@ScopedProject
class ServerViewTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    CurrentProject project;

    @Autowired
    Environment environment;

    @Autowired
    QdrantClient client;

    QdrantClient server;

    String namespace;

    @BeforeEach
    void connect() {
        // exempt: this client looks at the server as it really is on purpose, so its calls are not unscoped access
        this.server = UncoveredClients.exempt(() -> new QdrantClient(QdrantGrpcClient.newBuilder(
                this.environment.getRequiredProperty("qdrant-scope.server.host"),
                this.environment.getRequiredProperty("qdrant-scope.server.port", Integer.class), false, false).build()));
        this.namespace = this.environment.getRequiredProperty("qdrant-scope.binding.collection");
    }

    @AfterEach
    void disconnect() {
        this.server.close();
    }

    @Test
    void hardCodedNamesLiveInTheForksNamespace() throws Exception {
        List<String> onServer = this.server.listCollectionsAsync().get();
        assertThat(onServer).contains(this.namespace + "__documents", this.namespace + "__chunks")
            .doesNotContain("documents", "chunks");
        // the other fork's namespace (when there is one) has its own two, never this fork's
        assertThat(onServer).filteredOn(name -> name.endsWith("__documents"))
            .allMatch(name -> name.equals(this.namespace + "__documents") || !name.startsWith(this.namespace + "__"));
    }

    @Test
    void thisTestsPointsAreStampedWithItsProjectUnderNamespacedIds() throws Exception {
        this.knowledgeBase.ingest(corpus(token()));
        Filter mine = inProject(this.project.name());
        String documents = this.namespace + "__documents";
        assertThat(this.server.countAsync(documents, mine, true).get()).isEqualTo(6);
        List<RetrievedPoint> stored = this.server.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(documents)
            .setFilter(mine)
            .setLimit(100)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .build()).get().getResultList();
        // every stored id is the project's, of the kind the application's was (numeric stays numeric), and
        // none is the application's
        assertThat(stored).filteredOn(point -> point.getId().hasNum()).hasSize(3);
        assertThat(stored).filteredOn(point -> point.getId().hasUuid()).hasSize(3);
        assertThat(stored).extracting(point -> point.getId().hasNum() ? Long.toUnsignedString(point.getId().getNum())
                : point.getId().getUuid())
            .doesNotContainAnyElementsOf(IDS.stream().map(DocumentId::toString).toList());
        // the application's ids are nowhere on the server: each is computed back from the project's stored id
        assertThat(stored).allSatisfy(point -> assertThat(point.getPayloadMap()).doesNotContainKey("qdrant_scope_id"));
        ScopedIds ids = ScopedIds.of(this.project.name());
        assertThat(stored).extracting(point -> ids.original(point.getId()))
            .extracting(id -> id.hasNum() ? Long.toUnsignedString(id.getNum()) : id.getUuid())
            .containsExactlyInAnyOrderElementsOf(IDS.stream().map(DocumentId::toString).toList());
        assertThat(this.knowledgeBase.get(IDS)).extracting(Document::id).containsExactlyElementsOf(IDS);
    }

    @Test
    void removeAllDeletesOnlyThisTestsPointsOnTheServer() throws ExecutionException, InterruptedException {
        String documents = this.namespace + "__documents";
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(token())));
            this.knowledgeBase.ingest(corpus(token()));
            assertThat(this.server.countAsync(documents, inProject(this.project.name()), true).get()).isEqualTo(6);
            assertThat(this.server.countAsync(documents, inProject(neighbour.name()), true).get()).isEqualTo(6);

            this.knowledgeBase.removeAll();

            assertThat(this.server.countAsync(documents, inProject(this.project.name()), true).get()).isZero();
            assertThat(this.server.countAsync(documents, inProject(neighbour.name()), true).get()).isEqualTo(6);
        }
    }

    @Test
    void aClosedNeighboursPointsAreGoneFromTheServer() throws Exception {
        String documents = this.namespace + "__documents";
        String chunks = this.namespace + "__chunks";
        Neighbour neighbour = new Neighbour(this.client);
        neighbour.run(() -> {
            this.knowledgeBase.ingest(corpus(token()));
            this.knowledgeBase.addChunks(Fixtures.chunks(token()));
        });
        assertThat(this.server.countAsync(documents, inProject(neighbour.name()), true).get()).isEqualTo(6);
        assertThat(this.server.countAsync(chunks, inProject(neighbour.name()), true).get()).isEqualTo(4);

        neighbour.close(); // what the listener does after every test: one delete by project per collection written

        assertThat(this.server.countAsync(documents, inProject(neighbour.name()), true).get()).isZero();
        assertThat(this.server.countAsync(chunks, inProject(neighbour.name()), true).get()).isZero();
    }

    private Filter inProject(String name) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword(this.project.key(), name)).build();
    }
}
