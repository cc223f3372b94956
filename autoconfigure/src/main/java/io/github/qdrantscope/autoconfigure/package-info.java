/**
 * qdrant-scope's Spring Boot integration: its {@link io.github.qdrantscope.autoconfigure.QdrantScopeProperties}
 * and, in sub-packages, which Qdrant server to use ({@code server}), the per-fork collection
 * binding ({@code fork}), project scoping ({@code scope}) and contention metrics ({@code metrics}).
 */
package io.github.qdrantscope.autoconfigure;
