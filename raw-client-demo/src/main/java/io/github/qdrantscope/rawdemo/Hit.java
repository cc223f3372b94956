package io.github.qdrantscope.rawdemo;

/**
 * One search result.
 *
 * @param id the document's id
 * @param score its similarity to the query
 * @param title its title
 */
public record Hit(DocumentId id, float score, String title) {
}
