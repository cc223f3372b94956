package io.github.qdrantscope.core.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.VersionsCompatibilityChecker;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;

/**
 * The first call qdrant-scope makes to a server: a health check with a deadline, so a server that refuses the
 * connection, or accepts it and never answers, fails at once with a {@link QdrantUnreachableException} naming it
 * instead of hanging in the first collection call. A server that answers is no longer {@link ServerHealth gone}:
 * this is how a server that comes back serves the next Spring context or JUnit test class.
 */
public final class QdrantHealthCheck {

    private static final System.Logger logger = System.getLogger(QdrantHealthCheck.class.getName());

    private QdrantHealthCheck() {
    }

    /**
     * Fails with a {@link QdrantUnreachableException} unless {@code client} answers within {@code timeout}; logs a
     * warning when the server's version is incompatible with the client library's (the check the library would
     * otherwise make, without a deadline, when the client is built).
     *
     * @param client a client of {@code endpoint}
     * @param endpoint the server, named in the failure
     * @param timeout the deadline
     * @param timeoutSetting where the deadline is configured, named in the failure (e.g.
     *     {@code qdrant-scope.connect-timeout})
     */
    public static void check(QdrantClient client, QdrantEndpoint endpoint, Duration timeout, String timeoutSetting) {
        try {
            HealthCheckReply reply = client.healthCheckAsync(timeout).get(timeout.toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
            warnIfIncompatible(endpoint, reply.getVersion());
            ServerHealth.of(endpoint).recovered();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new QdrantUnreachableException(endpoint, timeout, timeoutSetting, ex);
        }
        catch (Exception ex) {
            throw new QdrantUnreachableException(endpoint, timeout, timeoutSetting, ex);
        }
    }

    private static void warnIfIncompatible(QdrantEndpoint endpoint, String serverVersion) {
        String clientVersion = QdrantGrpcClient.class.getPackage().getImplementationVersion();
        if (clientVersion != null && !VersionsCompatibilityChecker.isCompatible(clientVersion, serverVersion)) {
            logger.log(System.Logger.Level.WARNING, "qdrant-scope: the " + endpoint + " runs Qdrant " + serverVersion
                    + ", incompatible with the Qdrant client library " + clientVersion
                    + " (major versions must match and minor versions differ by at most 1)");
        }
    }
}
