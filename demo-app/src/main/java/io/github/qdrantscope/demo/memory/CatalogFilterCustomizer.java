package io.github.qdrantscope.demo.memory;

import io.qdrant.client.grpc.Common.Filter;

/**
 * Adds conditions to every filter the {@link MemoryCatalog} sends to Qdrant through the raw client. The
 * application itself needs none; a deployment that partitions one collection further (by tenant, or a test
 * harness that gives each test its own partition) declares a bean of this type, and the catalog's
 * count, scroll and lookup requests stay inside the partition just as the {@code VectorStore}'s do.
 */
@FunctionalInterface
public interface CatalogFilterCustomizer {

    /**
     * @param filter the filter being built; add {@code must} conditions to narrow it
     */
    void customize(Filter.Builder filter);
}
