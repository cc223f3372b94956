package io.github.qdrantscope.autoconfigure.scope;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.autoconfigure.QdrantScopeProperties.Unscoped;
import io.github.qdrantscope.autoconfigure.metrics.ContentionKind;
import io.github.qdrantscope.autoconfigure.metrics.ScopeMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Applies {@code qdrant-scope.unscoped} ({@link Unscoped}) to a vector-store call made outside any project scope. */
final class UnscopedAccessGuard {

    private static final Log logger = LogFactory.getLog(UnscopedAccessGuard.class);

    private static final String PROPERTY = QdrantScopeProperties.PREFIX + ".unscoped";

    private final Unscoped policy;

    private final Supplier<ScopeMetrics> metrics;

    /** Warn once per collection and kind: a start-up data loader would otherwise flood the log. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    UnscopedAccessGuard(Unscoped policy, Supplier<ScopeMetrics> metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    /** Counts the access, then logs or throws per policy. */
    void check(ContentionKind kind, String operation, String collection) {
        String detail = "VectorStore." + operation + " on collection '" + collection
                + "' outside any @ScopedProject scope";
        this.metrics.get().contention(kind, null, collection, detail);
        switch (this.policy) {
            case ALLOW -> {
            }
            case WARN -> {
                if (this.warned.add(collection + '/' + kind)) {
                    logger.warn(detail + " (further ones are counted as qdrant.scope.contention kind="
                            + kind.tag() + " but not logged); set " + PROPERTY
                            + "=allow to silence or =fail to reject such calls");
                }
            }
            case FAIL -> throw new UnscopedAccessException(detail + " rejected because "
                    + PROPERTY + "=fail: annotate the test class or method with"
                    + " @ScopedProject, or move the call into a test method");
        }
    }
}
