package io.github.qdrantscope.core.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.qdrantscope.core.UnscopedAccessException;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code qdrant-scope.unscoped} ({@link UnscopedPolicy}) to an operation on a scoped collection made
 * outside any project scope: the one rule for {@code VectorStore} calls and raw {@code qdrant.Points} RPCs.
 */
public final class UnscopedAccessGuard {

    private static final Logger logger = LoggerFactory.getLogger(UnscopedAccessGuard.class);

    /** The property (or system property) that sets the policy. */
    public static final String PROPERTY = "qdrant-scope.unscoped";

    private final UnscopedPolicy policy;

    private final Supplier<ScopeMetrics> metrics;

    /** Warn once per collection and kind: a start-up data loader would otherwise flood the log. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param policy what to do
     * @param metrics where the access is counted
     */
    public UnscopedAccessGuard(UnscopedPolicy policy, Supplier<ScopeMetrics> metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    /** The policy applied. */
    public UnscopedPolicy policy() {
        return this.policy;
    }

    /**
     * Counts the access, then logs or throws per policy.
     *
     * @param kind the contention kind it is counted as
     * @param operation what was called, e.g. {@code VectorStore.add} or {@code raw QdrantClient Search}
     * @param collection the collection
     * @param problem why it is unscoped, appended to the message; may be empty
     * @throws UnscopedAccessException under {@link UnscopedPolicy#FAIL}
     */
    public void check(ContentionKind kind, String operation, String collection, String problem) {
        String detail = operation + " on collection '" + collection + "' outside any @ScopedProject scope"
                + (problem == null || problem.isEmpty() ? "" : " (" + problem + ")");
        this.metrics.get().contention(kind, null, collection, detail);
        switch (this.policy) {
            case ALLOW -> {
            }
            case WARN -> {
                if (this.warned.add(collection + '/' + kind)) {
                    logger.warn("{} (further ones are counted as qdrant.scope.contention kind={} but not logged);"
                            + " set {}=allow to silence or =fail to reject such calls", detail, kind.tag(), PROPERTY);
                }
            }
            case FAIL -> throw new UnscopedAccessException(detail + " rejected because " + PROPERTY
                    + "=fail: annotate the test class or method with @ScopedProject, or move the call into a test"
                    + " method");
        }
    }
}
