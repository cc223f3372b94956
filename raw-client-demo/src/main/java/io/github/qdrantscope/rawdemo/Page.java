package io.github.qdrantscope.rawdemo;

import java.util.List;

/**
 * One page of documents in id order.
 *
 * @param documents the page
 * @param next the id the next page starts at, or {@code null} on the last page
 */
public record Page(List<Document> documents, DocumentId next) {
}
