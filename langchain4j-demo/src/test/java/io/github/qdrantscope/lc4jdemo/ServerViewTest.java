package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.github.qdrantscope.junit.QdrantScopeEndpoint;
import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Neighbour;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the server really holds, read with a client of the test's own built from the endpoint's address alone
 * (neither mapped nor scoped): the fork's {@code <namespace>__segments}, this test's segments stamped with its
 * project under namespaced ids, and a neighbour's segments gone once it is cleaned up.
 */
@QdrantScopeTest
class ServerViewTest {

    private final Library library;

    private final QdrantScopeEndpoint endpoint;

    private final QdrantClient raw;

    ServerViewTest(QdrantClient client, QdrantScopeEndpoint endpoint) {
        this.library = Library.start(client, CachedEmbeddings.model());
        this.endpoint = endpoint;
        this.raw = new QdrantClient(QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), false).build());
    }

    @AfterEach
    void closeRawClient() {
        this.raw.close();
    }

    private List<RetrievedPoint> pointsOf(String project) throws Exception {
        ScrollPoints request = ScrollPoints.newBuilder()
            .setCollectionName(this.endpoint.serverCollection(LibrarySchema.COLLECTION))
            .setFilter(Filter.newBuilder().addMust(ConditionFactory.matchKeyword(ScopedProject.DEFAULT_KEY, project)))
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setLimit(100)
            .build();
        return this.raw.scrollAsync(request).get().getResultList();
    }

    @Test
    void theCollectionLivesInTheForksNamespace() throws Exception {
        String onServer = this.endpoint.serverCollection(LibrarySchema.COLLECTION);
        assertThat(onServer).isEqualTo(this.endpoint.namespace() + "__segments");
        assertThat(this.raw.listCollectionsAsync().get()).contains(onServer).doesNotContain(LibrarySchema.COLLECTION);
    }

    @Test
    void thisTestsSegmentsAreStampedAndTheirIdsNamespaced(ProjectScope project) throws Exception {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        List<RetrievedPoint> stored = pointsOf(project.name());

        assertThat(stored).hasSize(Corpus.SEGMENTS);
        Set<String> applicationIds = Corpus.passages().stream().map(Passage::segmentId).collect(Collectors.toSet());
        // the application's ids are nowhere on the server: each is computed back from its project's stored id
        ScopedIds ids = ScopedIds.of(project.name());
        assertThat(stored).allSatisfy(point -> {
            assertThat(applicationIds).doesNotContain(point.getId().getUuid());
            assertThat(point.getPayloadMap().get(project.key()).getStringValue()).isEqualTo(project.name());
            assertThat(point.getPayloadMap()).doesNotContainKey(ProjectNames.ORIGINAL_ID_KEY);
        });
        assertThat(stored).extracting(point -> ids.original(point.getId()).getUuid())
            .containsExactlyInAnyOrderElementsOf(applicationIds);
    }

    @Test
    void aNeighboursSegmentsAreGoneAfterItsCleanup(QdrantClient client) throws Exception {
        Neighbour neighbour = new Neighbour(client);
        neighbour.run(() -> this.library.ingestion().ingest(Corpus.SOURDOUGH));
        assertThat(pointsOf(neighbour.name())).hasSize(3);

        neighbour.close();

        assertThat(pointsOf(neighbour.name())).isEmpty();
    }
}
