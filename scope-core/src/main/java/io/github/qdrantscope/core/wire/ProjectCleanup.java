package io.github.qdrantscope.core.wire;

import java.time.Duration;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.server.QdrantServerGoneException;
import io.github.qdrantscope.core.server.ServerHealth;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.Filter;

/**
 * Removes what a project wrote through scoped clients: one delete by the project condition per collection it
 * wrote to, the number of points removed taken from {@link ScopedProjects} (a count on the server first only
 * where that record is uncertain). Nothing is sent to a server known to be gone ({@link ServerHealth}).
 */
public final class ProjectCleanup {

    private static final System.Logger logger = System.getLogger(ProjectCleanup.class.getName());

    private ProjectCleanup() {
    }

    /**
     * Deletes {@code scope}'s points from every collection it wrote to through a scoped client and forgets its
     * records.
     *
     * @param client a client on the same server (its own scoping is bypassed for these calls)
     * @return how many points were removed
     */
    public static long remove(ProjectScope scope, ScopedProjects projects, QdrantClient client, Duration timeout) {
        QdrantServerGoneException gone = ServerHealth.of(client.grpcClient().channel().authority()).gone();
        if (gone != null) {
            // nothing can be removed from a server that is gone; the test already fails with that cause
            projects.forget(scope.name());
            logger.log(System.Logger.Level.DEBUG, "qdrant-scope: not removing the points of project '"
                    + scope.name() + "': " + gone.getMessage());
            return 0;
        }
        long removed = 0;
        Filter inProject = Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build();
        for (ScopedProjects.CollectionWrites writes : projects.take(scope.name())) {
            String what = "remove the points of project '" + scope.name() + "' from collection '"
                    + writes.collection() + "'";
            long count = writes.certain() ? writes.points()
                    : ProxiedCalls.await(() -> client.countAsync(writes.collection(), inProject, true, timeout),
                            timeout, what);
            if (count > 0 || !writes.certain()) {
                ProxiedCalls.await(() -> client.deleteAsync(writes.collection(), inProject, timeout), timeout, what);
            }
            removed += count;
        }
        return removed;
    }
}
