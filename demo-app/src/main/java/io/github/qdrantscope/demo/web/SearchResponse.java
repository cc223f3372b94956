package io.github.qdrantscope.demo.web;

import java.util.List;

import io.github.qdrantscope.demo.memory.ScoredMemory;

/**
 * Result of a search.
 *
 * @param project the project searched
 * @param query the query text
 * @param results the hits, most similar first
 */
public record SearchResponse(String project, String query, List<ScoredMemory> results) {
}
