package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.NamespacedIds;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;

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
}
