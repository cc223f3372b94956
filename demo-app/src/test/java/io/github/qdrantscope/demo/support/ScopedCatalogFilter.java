package io.github.qdrantscope.demo.support;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.demo.memory.CatalogFilterCustomizer;
import io.qdrant.client.grpc.Common.Filter;

import static io.qdrant.client.ConditionFactory.matchKeyword;

/**
 * Narrows the application's raw-client reads (list, count, statistics, get) to the current test's project
 * scope, as the starter narrows every {@code VectorStore} operation. Outside a scope it adds nothing.
 * With it, raw reads carry the project key, so the starter does not count them as unscoped.
 */
public class ScopedCatalogFilter implements CatalogFilterCustomizer {

    @Override
    public void customize(Filter.Builder filter) {
        ProjectScope.current().ifPresent(scope -> filter.addMust(matchKeyword(scope.key(), scope.name())));
    }
}
