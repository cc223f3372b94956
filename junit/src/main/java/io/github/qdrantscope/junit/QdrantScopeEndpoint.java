package io.github.qdrantscope.junit;

import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.fork.ForkCollections;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.github.qdrantscope.core.server.EmbeddedTransport;
import io.github.qdrantscope.core.server.QdrantChannels;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.grpc.ClientInterceptor;
import io.qdrant.client.QdrantClient;

/**
 * The Qdrant server the tests of this JVM use and the fork's name mapping, for clients a test builds itself.
 * Injected by {@link QdrantScopeExtension} like the scoped {@code QdrantClient}:
 *
 * <pre>{@code
 * @Test
 * void withMyOwnClient(QdrantScopeEndpoint qdrant) {
 *     try (QdrantClient client = qdrant.newClient()) {          // scoped and mapped like the injected one
 *         ...
 *     }
 *     QdrantClient mine = new QdrantClient(QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), false).build());
 *     QdrantClient scoped = qdrant.scope(mine);                // the same connection, through the interceptors
 *     qdrant.serverCollection("documents");                    // "<namespace>__documents", what the server holds
 * }
 * }</pre>
 *
 * A client built from {@link #host()} and {@link #port()} alone talks to the server unscoped and unmapped (it sees
 * every fork's collections under their server names): give it {@link #interceptors()} or use {@link #scope}.
 */
public final class QdrantScopeEndpoint {

    private final QdrantEndpoint server;

    private final EmbeddedTransport transport;

    private final ForkCollectionsInterceptor fork;

    private final ProjectScopeInterceptor scope;

    QdrantScopeEndpoint(QdrantEndpoint server, EmbeddedTransport transport, ForkCollectionsInterceptor fork,
            ProjectScopeInterceptor scope) {
        this.server = server;
        this.transport = transport;
        this.fork = fork;
        this.scope = scope;
    }

    /** The gRPC host. */
    public String host() {
        return this.server.host();
    }

    /** The gRPC port (of the embedded server: a free port chosen at start). */
    public int port() {
        return this.server.port();
    }

    /** Whether the server is reached over TLS. */
    public boolean useTls() {
        return this.server.useTls();
    }

    /** The API key, or {@code null}. */
    public String apiKey() {
        return this.server.apiKey();
    }

    /** Embedded (started by qdrant-scope, once per JVM) or external (configured). */
    public QdrantEndpoint.Mode mode() {
        return this.server.mode();
    }

    /** The server as scope-core describes it (mode, address, what configured it). */
    public QdrantEndpoint server() {
        return this.server;
    }

    /** The fork's namespace, {@code <prefix>_<run>_f<fork>}. */
    public String namespace() {
        return this.fork.fork().namespace();
    }

    /** The name the server holds for the application's collection {@code name}: {@code <namespace>__<name>}. */
    public String serverCollection(String name) {
        return this.fork.fork().toServer(name);
    }

    /** The fork's name-mapping rule. */
    public ForkCollections forkCollections() {
        return this.fork.fork();
    }

    /**
     * The interceptors that map names into the fork's namespace and scope every request to the test's project, in
     * the order {@link ScopedQdrantClients#scoped} and {@code ManagedChannelBuilder.intercept(...)} take them (the
     * fork's mapping closest to the connection).
     */
    public ClientInterceptor[] interceptors() {
        return new ClientInterceptor[] { this.fork, this.scope };
    }

    /** A client on {@code client}'s connection whose calls are mapped and scoped; closing it closes the connection. */
    public QdrantClient scope(QdrantClient client) {
        return ScopedQdrantClients.scoped(client, interceptors());
    }

    /**
     * A new mapped and scoped client of the server; the caller owns it and closes it. The embedded server is reached
     * on its in-process transport unless {@value QdrantScopeOptions#EMBEDDED_TRANSPORT} is {@code tcp}.
     */
    public QdrantClient newClient() {
        return scope(new QdrantClient(QdrantChannels.grpcClient(this.server, this.transport).build()));
    }

    @Override
    public String toString() {
        return this.server + ", fork namespace " + namespace();
    }
}
