package io.github.qdrantscope.demo.web;

/**
 * Result of deleting all of a project's memories.
 *
 * @param project the project emptied
 * @param deleted how many memories it had
 */
public record DeleteProjectResponse(String project, long deleted) {
}
