/**
 * Read-only Points RPCs of the embedded Qdrant: exact (brute-force) scoring with Qdrant 1.17's
 * distances, thresholds and tie-breaking, scroll and count, the Query API (prefetch, fusion,
 * recommend, discover, order_by, sample), grouping, facets and distance matrices.
 *
 * <p>{@link io.github.qdrantscope.embedded.search.PointsQueryEngine} is the entry point the gRPC
 * layer calls; everything else here is package-private machinery.
 */
package io.github.qdrantscope.embedded.search;
