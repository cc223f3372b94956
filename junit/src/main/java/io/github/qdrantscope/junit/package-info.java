/**
 * qdrant-scope for plain JUnit Jupiter, without Spring: {@link io.github.qdrantscope.junit.QdrantScopeTest} and
 * {@link io.github.qdrantscope.junit.QdrantScopeExtension} give tests the embedded (or a configured) Qdrant, the
 * fork's own collection namespace, a project per test method and a scoped {@code QdrantClient}; the options are
 * {@link io.github.qdrantscope.junit.QdrantScopeOptions}.
 */
package io.github.qdrantscope.junit;
