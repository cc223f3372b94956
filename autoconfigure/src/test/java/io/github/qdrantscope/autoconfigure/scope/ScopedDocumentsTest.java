package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.NamespacedIds;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.wire.ScopedIds;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;

import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Execution(ExecutionMode.CONCURRENT)
class ScopedDocumentsTest {

    private final ProjectScope scope = new ProjectScope("orders-0000abcd", "qdrant_scope_project");

    @Test
    void stampAddsProjectAndOriginalIdAndNamespacesTheIdWithoutTouchingTheInput() {
        Document original = new Document("doc-1", "hello", Map.of("color", "red"));
        Document stamped = ScopedDocuments.stamp(original, this.scope);

        assertThat(stamped.getId()).isEqualTo(NamespacedIds.of("orders-0000abcd", "doc-1"));
        assertThat(stamped.getText()).isEqualTo("hello");
        assertThat(stamped.getMetadata()).containsEntry("color", "red")
            .containsEntry("qdrant_scope_project", "orders-0000abcd")
            .containsEntry(ProjectNames.ORIGINAL_ID_KEY, "doc-1");
        assertThat(original.getId()).isEqualTo("doc-1");
        assertThat(original.getMetadata()).containsOnlyKeys("color");
    }

    @Test
    void unstampRestoresExactlyWhatTheApplicationWrote() {
        Document original = new Document("doc-1", "hello", Map.of("color", "red"));
        Document stored = ScopedDocuments.stamp(original, this.scope);
        Document back = ScopedDocuments.unstamp(List.of(stored), this.scope.key()).get(0);

        assertThat(back.getId()).isEqualTo("doc-1");
        assertThat(back.getText()).isEqualTo("hello");
        assertThat(back.getMetadata()).containsExactlyEntriesOf(Map.of("color", "red"));
    }

    @Test
    void documentStoredWithoutScopePassesThroughUnchanged() {
        Document plain = new Document("6f1c9d9e-0000-4000-8000-000000000001", "x", Map.of("k", 1));
        assertThat(ScopedDocuments.unstamp(plain, "qdrant_scope_project")).isSameAs(plain);
    }

    @Test
    void documentCarryingAnotherProjectIsRejectedWithTheIdKeyAndBothValues() {
        Document foreign = new Document("doc-7", "x", Map.of("qdrant_scope_project", "other-12345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScopedDocuments.stamp(foreign, this.scope))
            .withMessageContaining("'doc-7'")
            .withMessageContaining("qdrant_scope_project='other-12345678'")
            .withMessageContaining("'orders-0000abcd'");
    }

    @Test
    void documentAlreadyCarryingItsOwnProjectIsAccepted() {
        Document same = new Document("doc-8", "x", Map.of("qdrant_scope_project", "orders-0000abcd"));
        assertThat(ScopedDocuments.stamp(same, this.scope).getMetadata())
            .containsEntry("qdrant_scope_project", "orders-0000abcd");
    }

    @Test
    void documentUsingTheReservedIdFieldIsRejected() {
        Document bad = new Document("doc-9", "x", Map.of(ProjectNames.ORIGINAL_ID_KEY, "something-else"));
        assertThatIllegalArgumentException().isThrownBy(() -> ScopedDocuments.stamp(bad, this.scope))
            .withMessageContaining(ProjectNames.ORIGINAL_ID_KEY)
            .withMessageContaining("'doc-9'");
    }

    @Test
    void anUnscopedReadSeesAWireStampedDocumentAsItsProjectWroteIt() {
        String applicationId = "0d7f3a1e-5b2c-4e8d-9f60-7a1b2c3d4e5f";
        String storedId = ScopedIds.of("orders-0000abcd").stored(id(UUID.fromString(applicationId))).getUuid();
        Document wire = new Document(storedId, "x", Map.of("color", "red", "qdrant_scope_project", "orders-0000abcd"));
        Document custom = new Document(storedId, "x", Map.of("color", "red", "tenant", "orders-0000abcd",
                ProjectNames.PROJECT_KEY_KEY, "tenant"));
        // an id that is not a UUID comes back through qdrant_scope_document_id, which DocumentIds.restore reads
        Document named = new Document(storedId, "x", Map.of("qdrant_scope_project", "orders-0000abcd",
                DocumentIds.DOCUMENT_ID_KEY, "doc-1"));
        Document plain = new Document(applicationId, "x", Map.of("k", 1));

        List<Document> read = ScopedDocuments.unstampAnyProject(List.of(wire, custom, named, plain));

        assertThat(read.get(0).getId()).isEqualTo(applicationId);
        assertThat(read.get(0).getMetadata()).containsExactlyEntriesOf(Map.of("color", "red"));
        assertThat(read.get(1).getId()).isEqualTo(applicationId);
        assertThat(read.get(1).getMetadata()).containsExactlyEntriesOf(Map.of("color", "red"));
        assertThat(DocumentIds.restore(List.of(read.get(2))).get(0).getId()).isEqualTo("doc-1");
        assertThat(read.get(3)).isSameAs(plain);
        // a document stamped by this proxy carries its id, as before
        Document proxied = ScopedDocuments.stamp(new Document("doc-2", "x", Map.of()), this.scope);
        assertThat(ScopedDocuments.unstampAnyProject(List.of(proxied)).get(0).getId()).isEqualTo("doc-2");
    }
}
