package io.github.qdrantscope.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.EmbeddedTransport;
import io.github.qdrantscope.core.server.JvmExit;
import io.github.qdrantscope.core.server.QdrantChannels;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantHealthCheck;
import io.github.qdrantscope.core.server.ServerHealth;
import io.github.qdrantscope.core.server.ServerWatch;
import io.github.qdrantscope.core.server.QdrantServerGoneException;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UncoveredCallCheck;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import io.micrometer.core.instrument.Metrics;
import io.qdrant.client.QdrantClient;

/**
 * What the extension sets up once per JVM (per set of options; normally one): the server (the JVM's embedded one,
 * or the configured external one after a health check), the fork's namespace leased to this JVM, the two
 * interceptors every scoped client carries, and a client of qdrant-scope's own for cleanups. Intentionally static:
 * the server, the fork and its lease belong to the JVM, exactly as under Spring, and are released by scope-core's
 * JVM-exit work (report, drop, stop). Nothing per test lives here.
 */
final class JvmBinding {

    private static final System.Logger logger = System.getLogger(JvmBinding.class.getName());

    private static final Map<QdrantScopeOptions, JvmBinding> BINDINGS = new ConcurrentHashMap<>();

    final QdrantScopeOptions options;

    final QdrantScopeEndpoint endpoint;

    final ScopeMetrics metrics;

    /** Cleanups go through it: mapped like the tests' clients, never handed to a test, so never closed by one. */
    final QdrantClient cleanupClient;

    private JvmBinding(QdrantScopeOptions options, QdrantScopeEndpoint endpoint, ScopeMetrics metrics,
            QdrantClient cleanupClient) {
        this.options = options;
        this.endpoint = endpoint;
        this.metrics = metrics;
        this.cleanupClient = cleanupClient;
    }

    /** The binding for {@code options}, set up on first use; a failure is not kept, so each class reports it. */
    static JvmBinding of(QdrantScopeOptions options) {
        JvmBinding existing = BINDINGS.get(options);
        if (existing != null) {
            return existing;
        }
        synchronized (BINDINGS) {
            return BINDINGS.computeIfAbsent(options, JvmBinding::bind);
        }
    }

    private static JvmBinding bind(QdrantScopeOptions options) {
        ForkRuntime runtime = ForkRuntime.jvm();
        ForkIdentity identity = runtime.identity();
        QdrantEndpoint server = options.isExternal()
                ? new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, options.host(), options.port(), options.apiKey(),
                        options.useTls(), options.external())
                : SharedEmbeddedQdrant.endpoint();
        QdrantClient cleanup = client(server, options.embeddedTransport());
        try {
            QdrantHealthCheck.check(cleanup, server, options.connectTimeout(), QdrantScopeOptions.CONNECT_TIMEOUT);
        }
        catch (RuntimeException ex) {
            // a failed binding is not kept (each class reports it): neither is its client
            cleanup.close();
            throw ex;
        }
        JvmExit.register(JvmExit.Phase.COLLECTIONS, "closing the JUnit extension's cleanup client", cleanup::close);
        String namespace = CollectionNames.of(options.collectionPrefix(), identity.run(), identity.fork());
        ScopeMetrics metrics = new CountingScopeMetrics(JvmScopeMeters.jvm(), options.failOnContention());
        runtime.mapsInto(server, options.collectionPrefix(), namespace, options.keepCollections(),
                options.connectTimeout(), options.lease(), metrics);
        ForkCollectionsInterceptor fork = new ForkCollectionsInterceptor(namespace);
        ProjectScopeInterceptor scope = new ProjectScopeInterceptor(ScopedProjects.jvm(),
                new UnscopedAccessGuard(options.unscoped(), () -> metrics), collection -> true, () -> metrics,
                ServerWatch.forApplication(options.connectTimeout(), options.callTimeout()));
        // clients a test builds in a method without the interceptors: counted, named once, refused under fail (as
        // under Spring); for the JVM's lifetime, like the binding
        UncoveredClients.observe(new UncoveredCallCheck(options.unscoped(), () -> metrics));
        // Micrometer's global registry: any registry a test adds to it (Metrics.addRegistry) shows the meters
        JvmScopeMeters.jvm().bindTo(Metrics.globalRegistry);
        logger.log(System.Logger.Level.INFO, "qdrant-scope: " + server.mode() + " Qdrant at " + server.host() + ":"
                + server.port() + ", namespace " + namespace + ", fork " + identity.fork().value() + " (fork id from "
                + identity.fork().source() + "), run " + identity.run().value() + "; chosen because "
                + (options.isExternal() ? options.external() : "no Qdrant was configured"));
        QdrantScopeEndpoint endpoint = new QdrantScopeEndpoint(server, options.embeddedTransport(), fork, scope);
        return new JvmBinding(options, endpoint, metrics,
                ScopedQdrantClients.scoped(cleanup, fork,
                        ServerWatch.forApplication(options.connectTimeout(), options.callTimeout())));
    }

    /**
     * Fails with the one cause when the server is known to be gone ({@link ServerHealth}); with {@code recheck}
     * (a test class starting, as a new Spring context would) it first checks the server once more, within
     * {@code qdrant-scope.connect-timeout}, and goes on if it answers again.
     */
    void requireServer(boolean recheck) {
        ServerHealth health = ServerHealth.of(this.endpoint.server());
        QdrantServerGoneException gone = health.gone();
        if (gone == null) {
            return;
        }
        if (recheck) {
            // a new connection, as a new context has: the old ones wait out their reconnect backoff
            try (QdrantClient probe = client(this.endpoint.server(), this.options.embeddedTransport())) {
                QdrantHealthCheck.check(probe, this.endpoint.server(), this.options.connectTimeout(),
                        QdrantScopeOptions.CONNECT_TIMEOUT);
                this.cleanupClient.grpcClient().channel().resetConnectBackoff();
                return;
            }
            catch (RuntimeException stillGone) {
                // the cause stays the first one; the failed re-check adds nothing a user needs
            }
        }
        throw gone.again();
    }

    /** A new client of the server carrying the fork's mapping and the project scope; the caller closes it. */
    QdrantClient newScopedClient() {
        return this.endpoint.newClient();
    }

    // exempt from the uncovered-client count: it is scoped through ScopedQdrantClients, or only health-checks
    private static QdrantClient client(QdrantEndpoint server, EmbeddedTransport transport) {
        return UncoveredClients.exempt(() -> new QdrantClient(QdrantChannels.grpcClient(server, transport).build()));
    }
}
