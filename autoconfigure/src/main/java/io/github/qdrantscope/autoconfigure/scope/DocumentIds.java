package io.github.qdrantscope.autoconfigure.scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.github.qdrantscope.core.NamespacedIds;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.wire.Reserved;

import org.springframework.ai.document.Document;

/**
 * Document ids for Spring AI's {@code QdrantVectorStore} inside a project, whose requests the wire scopes.
 *
 * <p>That store only takes UUID ids ({@code UUID.fromString(document.getId())}); inside a project qdrant-scope
 * has always accepted any id ({@code "doc-1"}). So a document whose id is not a canonical UUID is given a
 * name-based UUID of its id and carries its id in {@value #DOCUMENT_ID_KEY}, which results give back; a UUID id
 * is passed as it is, so the raw client and LangChain4j see the same point under the same id. Everything else
 * (stamping, namespacing per project, filtering) happens at the wire.
 */
public final class DocumentIds {

    /** The metadata field holding the id of a document whose id is not a UUID. */
    public static final String DOCUMENT_ID_KEY = "qdrant_scope_document_id";

    /** Name space of the UUIDs of non-UUID document ids; fixed forever. */
    private static final UUID NAMESPACE = UUID.fromString("2d6c9e41-7b0a-5f3e-9a4d-1c8e6b2f7a90");

    private DocumentIds() {
    }

    /**
     * Copies of {@code documents} under ids the store accepts; the caller's documents are left untouched.
     *
     * @throws IllegalArgumentException when a document's metadata sets a field qdrant-scope reserves
     */
    static List<Document> toStore(List<Document> documents, ProjectScope scope) {
        return documents.stream().map(document -> toStore(document, scope)).toList();
    }

    private static Document toStore(Document document, ProjectScope scope) {
        Map<String, Object> metadata = new LinkedHashMap<>(document.getMetadata());
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            String where = "Document '" + document.getId() + "' carries " + entry.getKey() + "='" + entry.getValue()
                    + "': its metadata key";
            String problem = entry.getKey().equals(DOCUMENT_ID_KEY)
                    ? where + " '" + DOCUMENT_ID_KEY + "' is reserved by qdrant-scope for the id of a document whose"
                            + " id is not a UUID"
                    : Reserved.violation(scope, entry.getKey(), where);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        String id = document.getId();
        if (isCanonicalUuid(id)) {
            return ScopedDocuments.copy(document, id, metadata);
        }
        metadata.put(DOCUMENT_ID_KEY, id);
        return ScopedDocuments.copy(document, storeId(id), metadata);
    }

    /** The id the store gets for the application's {@code id}: the id itself when it is a canonical UUID. */
    public static String storeId(String id) {
        Objects.requireNonNull(id, "id");
        return isCanonicalUuid(id) ? id : NamespacedIds.uuidV5(NAMESPACE, id).toString();
    }

    /** The ids the store gets for the application's {@code ids}. */
    static List<String> storeIds(List<String> ids) {
        return ids.stream().map(DocumentIds::storeId).toList();
    }

    /** The application's view of results: ids that were not UUIDs restored, the id field removed. */
    static List<Document> restore(List<Document> documents) {
        return documents.stream().map(DocumentIds::restore).toList();
    }

    private static Document restore(Document document) {
        Object id = document.getMetadata().get(DOCUMENT_ID_KEY);
        if (id == null) {
            return document;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(document.getMetadata());
        metadata.remove(DOCUMENT_ID_KEY);
        return ScopedDocuments.copy(document, id.toString(), metadata);
    }

    /** Qdrant returns UUIDs lowercase and hyphenated: only that form round-trips unchanged. */
    private static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
