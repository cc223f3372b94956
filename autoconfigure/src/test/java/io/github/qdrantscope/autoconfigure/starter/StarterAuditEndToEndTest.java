package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.scope.DocumentIds;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit mode as shipped: {@code foreign_point} counts another project's points that an unscoped search or
 * delete would have touched, and never the fork's lease point. The context has its own collection prefix,
 * so the collection holds nothing but the lease and what this test writes.
 */
@SpringBootTest(classes = StarterTestApplication.class,
        properties = { "qdrant-scope.audit=true", "qdrant-scope.collection-prefix=e2e_audit" })
@ScopedProject
@Isolated
class StarterAuditEndToEndTest extends StarterTestSupport {

    private static final String FOREIGN = "qdrant.scope.contention{kind=foreign_point}";

    private static final String SCOPED_SEARCH = "qdrant.scope.operations{operation=search,scoped=true}";

    private static final String SCOPED_DELETE = "qdrant.scope.operations{operation=delete,scoped=true}";

    /** Without the starter's interceptor: the store's own client is scoped to the test's project. */
    private final QdrantClient independent = independentClient();

    @AfterEach
    void closeIndependentClient() {
        this.independent.close();
    }

    @Test
    void foreignPointsAreCountedAndTheLeaseIsNot() throws Exception {
        assertThat(collection()).startsWith("e2e_audit_");
        ProjectScope other = new ProjectScope(ProjectNames.newName("other"), this.project.key());
        try (ProjectScope.Binding ignored = ProjectScope.open(other)) {
            this.vectorStore.add(List.of(new Document("x-1", "red apple", Map.of("color", "red")),
                    new Document("x-2", "green apple", Map.of("color", "green"))));
        }
        this.vectorStore.add(List.of(new Document("mine-1", "yellow apple", Map.of("color", "yellow"))));

        // another project's points in reach of the search: one search, counted once
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);
        assertThat(search()).extracting(Document::getId).containsExactly("mine-1");
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(FOREIGN, 1L, SCOPED_SEARCH, 1L));

        try (ProjectScope.Binding ignored = ProjectScope.open(other)) {
            this.vectorStore.delete(List.of("x-1", "x-2"));
        }
        // what follows is about the lease: it is in the collection, outside every project, and an unscoped
        // search (no score threshold) by a client without the starter's interceptor returns it next to this
        // project's point
        try (QdrantClient raw = independentClient()) {
            assertThat(raw.searchAsync(SearchPoints.newBuilder()
                .setCollectionName(collection())
                .addAllVector(List.of(1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f))
                .setLimit(10)
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .build()).get()).extracting(point -> point.getPayloadMap().containsKey(CollectionLease.MARKER_KEY)
                        ? point.getId().getUuid() : point.getPayloadMap().get(DocumentIds.DOCUMENT_ID_KEY).getStringValue())
                .containsExactlyInAnyOrder(CollectionLease.POINT_ID, "mine-1");
        }

        // only the lease is outside the project now: nothing foreign, for a search and for a delete
        before = ScopeMeterValues.of(this.registry);
        assertThat(search()).extracting(Document::getId).containsExactly("mine-1");
        this.vectorStore.delete(new FilterExpressionBuilder().eq("color", "no-such-color").build());
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(SCOPED_SEARCH, 1L, SCOPED_DELETE, 1L));

        // a delete whose filter matches another project's point: counted, and that point survives
        try (ProjectScope.Binding ignored = ProjectScope.open(other)) {
            this.vectorStore.add(List.of(new Document("x-1", "red apple", Map.of("color", "red"))));
        }
        before = ScopeMeterValues.of(this.registry);
        this.vectorStore.delete(new FilterExpressionBuilder().eq("color", "red").build());
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(FOREIGN, 1L, SCOPED_DELETE, 1L));
        Filter otherProject = Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(other.key(), other.name()))
            .build();
        assertThat(independent.countAsync(collection(), otherProject, true).get())
            .isEqualTo(1);

        // a delete of an id another project uses: unscoped it would have removed that point; counted, and the
        // point survives. An id nobody else uses is not counted.
        before = ScopeMeterValues.of(this.registry);
        this.vectorStore.delete(List.of("x-1"));
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(FOREIGN, 1L, SCOPED_DELETE, 1L));
        assertThat(independent.countAsync(collection(), otherProject, true).get()).isEqualTo(1);
        before = ScopeMeterValues.of(this.registry);
        this.vectorStore.delete(List.of("mine-1", "nobody-has-this-id"));
        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(SCOPED_DELETE, 1L));

        // a point stored under a plain UUID outside every project (a raw write) is what an unscoped delete of
        // that id would hit
        String plainId = "7d444840-9dc0-11d1-b245-5ffdce74fad2";
        independent.upsertAsync(collection(), List.of(PointStruct.newBuilder()
            .setId(PointIdFactory.id(UUID.fromString(plainId)))
            .setVectors(VectorsFactory.vectors(1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f))
            .build())).get();
        before = ScopeMeterValues.of(this.registry);
        this.vectorStore.delete(List.of(plainId));
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of(FOREIGN, 1L, SCOPED_DELETE, 1L));
        assertThat(independent.retrieveAsync(collection(), PointIdFactory.id(UUID.fromString(plainId)), null).get())
            .hasSize(1);
        independent.deleteAsync(collection(), List.of(PointIdFactory.id(UUID.fromString(plainId)))).get();
        try (ProjectScope.Binding ignored = ProjectScope.open(other)) {
            this.vectorStore.delete(List.of("x-1"));
        }
    }

    private List<Document> search() {
        return this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build());
    }

}
