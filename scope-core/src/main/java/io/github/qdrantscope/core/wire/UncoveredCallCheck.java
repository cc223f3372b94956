package io.github.qdrantscope.core.wire;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.client.CallRejection;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a {@code qdrant.Points} call of a client qdrant-scope could not cover ({@link UncoveredClients}):
 * the parts of it that bypass projects ({@link UnscopedPointRequests}, the same rules as for calls outside a scope)
 * are counted under the unscoped contention kinds, inside a scope or not, because such a client neither stamps,
 * filters nor namespaces, nor maps collection names to the fork's. The first such call of each client is logged
 * once, naming where the client was built; under {@link UnscopedPolicy#FAIL} the call is refused.
 */
public final class UncoveredCallCheck implements UncoveredClients.Observer {

    private static final Logger logger = LoggerFactory.getLogger(UncoveredCallCheck.class);

    private final UnscopedPolicy policy;

    private final Supplier<ScopeMetrics> metrics;

    private final Set<String> warnedSites = ConcurrentHashMap.newKeySet();

    /**
     * @param policy {@code qdrant-scope.unscoped}: {@code fail} refuses the calls, the others let them through
     * @param metrics where the calls are counted
     */
    public UncoveredCallCheck(UnscopedPolicy policy, Supplier<ScopeMetrics> metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public void call(String site, String rpc, Message request) {
        if (!UnscopedPointRequests.inspects(rpc)) {
            return;
        }
        ProjectScope scope = ProjectScope.current().orElse(null);
        String project = scope != null ? scope.name() : null;
        List<UnscopedPointRequests.Finding> findings = UnscopedPointRequests.findings(rpc, request,
                scope != null ? scope.key() : ScopedProject.DEFAULT_KEY, project);
        if (findings.isEmpty()) {
            return;
        }
        String collection = ProjectScopeInterceptor.collection(request);
        String client = "a QdrantClient qdrant-scope does not cover (its channel was built at " + site + ")";
        for (UnscopedPointRequests.Finding finding : findings) {
            this.metrics.get().contention(finding.kind(), project, collection, finding.operation() + " on collection '"
                    + collection + "' by " + client + ": " + finding.problem());
        }
        String advice = "make it a bean (every QdrantClient bean is covered), or wrap it with"
                + " ScopedQdrantClients.scoped(...); build it inside UncoveredClients.exempt(...) if it looks at the"
                + " server unscoped on purpose";
        if (this.policy == UnscopedPolicy.FAIL) {
            throw new CallRejection(Status.Code.FAILED_PRECONDITION, findings.get(0).operation() + " on collection '"
                    + collection + "' by " + client + " rejected because " + UnscopedAccessGuard.PROPERTY
                    + "=fail: it is neither scoped to the test's project nor mapped to the fork's collections; "
                    + advice);
        }
        if (this.warnedSites.add(site)) {
            logger.warn("{} on collection '{}' by {}: it is neither scoped to the test's project nor mapped to the"
                    + " fork's collections, so its calls are counted as unscoped access (qdrant.scope.contention) and"
                    + " this is logged once per client; {}", findings.get(0).operation(), collection, client, advice);
        }
    }
}
