package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.NamespacedIds;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.qdrant.client.PointIdFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.ai.document.Document;

/**
 * Translates documents between the application's view and the stored, project-stamped form: on the way
 * in the project key and the original id are added and the id is namespaced; on the way out both fields
 * are removed and the original id restored, so the application sees exactly what it wrote.
 */
final class ScopedDocuments {

    private ScopedDocuments() {
    }

    /** Stamped copies of {@code documents}; the caller's documents are left untouched. */
    static List<Document> stamp(List<Document> documents, ProjectScope scope) {
        return documents.stream().map(document -> stamp(document, scope)).toList();
    }

    static Document stamp(Document document, ProjectScope scope) {
        Map<String, Object> metadata = new LinkedHashMap<>(document.getMetadata());
        Object carried = metadata.get(scope.key());
        if (carried != null && !scope.name().equals(carried)) {
            throw new IllegalArgumentException("Document '" + document.getId() + "' carries " + scope.key() + "='"
                    + carried + "' but the open project scope is '" + scope.name() + "': the payload key '"
                    + scope.key() + "' is reserved for @ScopedProject; remove it from the document's metadata"
                    + " or choose another key with @ScopedProject(key = ...)");
        }
        requireOwnValue(document, metadata, ProjectNames.ORIGINAL_ID_KEY, document.getId(), "the original document id");
        requireOwnValue(document, metadata, ProjectNames.PROJECT_KEY_KEY, scope.key(), "the project key");
        metadata.put(scope.key(), scope.name());
        metadata.put(ProjectNames.ORIGINAL_ID_KEY, document.getId());
        if (!ScopedProject.DEFAULT_KEY.equals(scope.key())) {
            metadata.put(ProjectNames.PROJECT_KEY_KEY, scope.key());
        }
        return copy(document, NamespacedIds.of(scope.name(), document.getId()), metadata);
    }

    /** A reserved field may only carry the value qdrant-scope would write there itself. */
    private static void requireOwnValue(Document document, Map<String, Object> metadata, String field, String value,
            String purpose) {
        Object carried = metadata.get(field);
        if (carried != null && !value.equals(carried)) {
            throw new IllegalArgumentException("Document '" + document.getId() + "' carries " + field + "='" + carried
                    + "': the payload key '" + field + "' is reserved by qdrant-scope for " + purpose);
        }
    }

    /** Namespaced ids of {@code ids} inside {@code scope}. */
    static List<String> namespaced(List<String> ids, ProjectScope scope) {
        return ids.stream().map(id -> NamespacedIds.of(scope.name(), Objects.requireNonNull(id, "id"))).toList();
    }

    /**
     * The application's view of stored documents: original ids restored and the scope fields removed.
     * Documents that were stored without a scope pass through with only unknown fields left alone. A
     * document stamped with another project key than {@code key} names it in
     * {@link ProjectNames#PROJECT_KEY_KEY}, and that one is removed.
     */
    static List<Document> unstamp(List<Document> documents, String key) {
        return documents.stream().map(document -> unstamp(document, key)).toList();
    }

    static Document unstamp(Document document, String key) {
        Map<String, Object> metadata = new LinkedHashMap<>(document.getMetadata());
        Object originalId = metadata.remove(ProjectNames.ORIGINAL_ID_KEY);
        if (originalId == null) {
            return document;
        }
        Object stampedKey = metadata.remove(ProjectNames.PROJECT_KEY_KEY);
        metadata.remove(stampedKey != null ? stampedKey.toString() : key);
        return copy(document, originalId.toString(), metadata);
    }

    /**
     * What an unscoped read returns of stored documents, each as the application of its project wrote it. A document
     * stamped by this proxy carries its id ({@link #unstamp}); one stamped at the wire carries only its project
     * (the key's value, the key named in {@link ProjectNames#PROJECT_KEY_KEY} when it is not the default), whose
     * {@link ScopedIds} compute its id back from the stored UUID. Documents of no project pass through.
     */
    static List<Document> unstampAnyProject(List<Document> documents) {
        return documents.stream().map(ScopedDocuments::unstampAnyProject).toList();
    }

    private static Document unstampAnyProject(Document document) {
        Map<String, Object> stored = document.getMetadata();
        if (stored.containsKey(ProjectNames.ORIGINAL_ID_KEY)) {
            return unstamp(document, ScopedProject.DEFAULT_KEY);
        }
        Object customKey = stored.get(ProjectNames.PROJECT_KEY_KEY);
        String key = customKey != null ? customKey.toString() : ScopedProject.DEFAULT_KEY;
        Object project = stored.get(key);
        if (project == null) {
            return document;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(stored);
        metadata.remove(ProjectNames.PROJECT_KEY_KEY);
        metadata.remove(key);
        // a document whose id is not a UUID carries it in DocumentIds.DOCUMENT_ID_KEY, which restore() puts back
        String id = document.getId();
        if (!metadata.containsKey(DocumentIds.DOCUMENT_ID_KEY) && isUuid(id)) {
            id = ScopedIds.of(project.toString()).original(PointIdFactory.id(UUID.fromString(id))).getUuid();
        }
        return copy(document, id, metadata);
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** A copy of {@code document} under {@code id} with {@code metadata}; text or media, score and formatter kept. */
    static Document copy(Document document, String id, Map<String, Object> metadata) {
        Document.Builder builder = Document.builder().id(id).metadata(metadata).score(document.getScore());
        if (document.isText()) {
            builder.text(document.getText());
        }
        else {
            builder.media(document.getMedia());
        }
        Document copy = builder.build();
        copy.setContentFormatter(document.getContentFormatter());
        return copy;
    }
}
