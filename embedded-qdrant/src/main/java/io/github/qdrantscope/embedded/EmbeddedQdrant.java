package io.github.qdrantscope.embedded;

import io.github.qdrantscope.embedded.grpc.ApiKeyInterceptor;
import io.github.qdrantscope.embedded.grpc.CollectionsService;
import io.github.qdrantscope.embedded.grpc.HealthService;
import io.github.qdrantscope.embedded.grpc.PointsService;
import io.github.qdrantscope.embedded.grpc.QdrantService;
import io.github.qdrantscope.embedded.grpc.SnapshotsService;
import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.snapshot.SnapshotDirectory;
import io.github.qdrantscope.embedded.snapshot.SnapshotRestore;
import io.github.qdrantscope.embedded.snapshot.SnapshotStore;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM gRPC server speaking Qdrant 1.17's wire protocol, for tests.
 *
 * <pre>{@code
 * try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().port(0).start()) {
 *     QdrantClient client = new QdrantClient(
 *             QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.grpcPort(), false).build());
 *     ...
 * }
 * }</pre>
 *
 * <p>Data lives in memory only and is gone when the server is closed. Every instance is independent.
 * Snapshots ({@code qdrant.Snapshots}) are files in a directory the server owns
 * ({@link Builder#snapshotsDirectory}); {@link #restoreSnapshot} and {@link Builder#restoreCollection}
 * start a collection from one, so a large fixture is built once and restored cheaply.
 *
 * <p>Besides the TCP port, the same services answer on gRPC's in-process transport under {@link #inProcessName()}:
 * a client in the same JVM built with {@link #inProcessChannel()} skips the socket, HTTP/2 framing and
 * serialisation (requests and responses are passed as the same immutable protobuf messages), and runs each call on
 * the calling thread (see {@link #inProcessChannel()}). Both transports share the data and the API key check; TCP
 * calls run on the server's executor.
 */
public final class EmbeddedQdrant implements AutoCloseable {

    // Qdrant has no inbound message limit; grpc-java's 4 MiB default would reject big upsert batches.
    private static final int MAX_INBOUND_MESSAGE_BYTES = Integer.MAX_VALUE;
    private static final int MAX_INBOUND_METADATA_BYTES = 1024 * 1024;
    private static final long GRACEFUL_SHUTDOWN_SECONDS = 5;

    private final Server server;
    private final Server inProcessServer;
    private final String inProcessName;
    private final ExecutorService executor;
    private final String host;
    private final CollectionCatalog catalog;
    private final SnapshotDirectory snapshots;
    private final AtomicInteger closed = new AtomicInteger();

    private EmbeddedQdrant(Server server, Server inProcessServer, String inProcessName, ExecutorService executor,
            String host, CollectionCatalog catalog, SnapshotDirectory snapshots) {
        this.server = server;
        this.inProcessServer = inProcessServer;
        this.inProcessName = inProcessName;
        this.executor = executor;
        this.host = host;
        this.catalog = catalog;
        this.snapshots = snapshots;
    }

    /** A builder with port 0 (any free port), host {@code 127.0.0.1} and no API key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host clients should connect to. */
    public String host() {
        return host;
    }

    /** The gRPC port the server is bound to (the real port when 0 was requested). */
    public int grpcPort() {
        return server.getPort();
    }

    /**
     * The directory holding the snapshots that {@code qdrant.Snapshots/Create} and {@code CreateFull}
     * write: {@code <dir>/<collection>/<collection>-<peer>-<time>.snapshot} and
     * {@code <dir>/full-snapshot-<time>.snapshot}.
     */
    public Path snapshotsDirectory() {
        return snapshots.path();
    }

    /**
     * Starts collection {@code collectionName} from a collection snapshot file this server (or another
     * embedded one) wrote: same configuration, payload indexes, points, payloads and stored vectors.
     * Safe while the server serves; the collection appears once complete.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not an embedded Qdrant
     *     collection snapshot or damaged, or when the name is not a valid collection name
     * @throws IllegalStateException when a collection or alias of that name exists
     */
    public void restoreSnapshot(Path file, String collectionName) {
        SnapshotRestore.restore(catalog, file, collectionName);
    }

    /** The name the server is registered under on gRPC's in-process transport, unique in the JVM. */
    public String inProcessName() {
        return inProcessName;
    }

    /**
     * A channel builder for this server over gRPC's in-process transport; the caller builds and closes the channel.
     * Its authority is {@code host:port}, as a TCP channel's would be.
     *
     * <p>A call on such a channel runs on the calling thread from start to end: the server's handler, then the
     * client's callbacks (the channel's executor is the calling thread too), so the future an {@code ...Async}
     * method returns is already complete. Parallel callers still run in parallel, each on its own thread. A deadline
     * or a cancellation still fails the call's future when it fires, but the calling thread is back only once the
     * handler has returned; a client that wants its async calls to overlap on one thread connects to the TCP port.
     */
    public ManagedChannelBuilder<?> inProcessChannel() {
        return InProcessEndpoint.channel(inProcessName, host + ":" + grpcPort());
    }

    /** Blocks until the server has terminated (after {@link #close()}, e.g. from a shutdown hook). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
        inProcessServer.awaitTermination();
    }

    /**
     * Stops the server: lets running calls finish for a few seconds, then cancels what is left.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndIncrement() > 0) {
            return;
        }
        server.shutdown();
        inProcessServer.shutdown();
        try {
            stop(server);
            stop(inProcessServer);
        } catch (InterruptedException e) {
            server.shutdownNow();
            inProcessServer.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
            snapshots.release();
        }
    }

    private static void stop(Server server) throws InterruptedException {
        if (!server.awaitTermination(GRACEFUL_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
            server.shutdownNow();
            server.awaitTermination(GRACEFUL_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Configures and starts an {@link EmbeddedQdrant}. */
    public static final class Builder {

        private int port;
        private String host = "127.0.0.1";
        private String apiKey;
        private Path snapshotsDirectory;
        private final Map<String, Path> restores = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Where snapshots are kept; created if missing and left in place at {@link #close()}. By default
         * a new temporary directory, deleted with its snapshots at close.
         */
        public Builder snapshotsDirectory(Path directory) {
            if (directory == null) {
                throw new IllegalArgumentException("Embedded Qdrant snapshots directory must not be null");
            }
            this.snapshotsDirectory = directory;
            return this;
        }

        /**
         * Starts collection {@code collectionName} from {@code snapshotFile} before the server accepts
         * calls (see {@link EmbeddedQdrant#restoreSnapshot}); {@link #start()} fails as that does.
         */
        public Builder restoreCollection(String collectionName, Path snapshotFile) {
            if (collectionName == null || snapshotFile == null) {
                throw new IllegalArgumentException("Embedded Qdrant restoreCollection needs a collection name and a file");
            }
            if (restores.putIfAbsent(collectionName, snapshotFile) != null) {
                throw new IllegalArgumentException("Embedded Qdrant restoreCollection: collection `" + collectionName
                        + "` is restored twice (" + restores.get(collectionName) + ", " + snapshotFile + ")");
            }
            return this;
        }

        /** The port to bind; 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Embedded Qdrant port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind and report; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("Embedded Qdrant host must not be blank");
            }
            this.host = host;
            return this;
        }

        /** When non-null, every call except health checks must carry this key. */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isEmpty()) {
                throw new IllegalArgumentException("Embedded Qdrant API key must not be empty (use null for none)");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Starts the server and returns once it accepts connections.
         *
         * @throws UncheckedIOException when the address cannot be bound (e.g. the port is in use)
         */
        public EmbeddedQdrant start() {
            CollectionCatalog catalog = new CollectionCatalog();
            SnapshotDirectory snapshots = SnapshotDirectory.open(snapshotsDirectory);
            try {
                restores.forEach((name, file) -> SnapshotRestore.restore(catalog, file, name));
            } catch (RuntimeException e) {
                snapshots.release();
                throw e;
            }
            SnapshotStore store = snapshots.store();
            List<ServerServiceDefinition> services = List.of(
                    new QdrantService().bindService(),
                    new HealthService().bindService(),
                    new CollectionsService(catalog).bindService(),
                    new PointsService(catalog, new PointsQueryEngine()).bindService(),
                    new SnapshotsService(catalog, store).bindService());
            // Unbounded, like grpc-java's default: parallel test clients must never queue behind a
            // long search; threads are daemons so a forgotten server never keeps a JVM alive.
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                    .executor(executor)
                    .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                    .maxInboundMetadataSize(MAX_INBOUND_METADATA_BYTES);
            // in process, a call's server work runs on the calling thread, not on the executor (InProcessEndpoint)
            String inProcessName = InProcessEndpoint.newName();
            InProcessServerBuilder inProcess = InProcessEndpoint.server(inProcessName, MAX_INBOUND_METADATA_BYTES);
            for (ServerServiceDefinition service : services) {
                ServerServiceDefinition guarded = apiKey == null ? service
                        : ServerInterceptors.intercept(service, new ApiKeyInterceptor(apiKey));
                builder.addService(guarded);
                inProcess.addService(guarded);
            }
            Server server = builder.build();
            try {
                server.start();
            } catch (IOException e) {
                executor.shutdownNow();
                snapshots.release();
                throw new UncheckedIOException("Embedded Qdrant could not listen on " + host + ":" + port
                        + ": " + e.getMessage(), e);
            }
            Server inProcessServer = inProcess.build();
            try {
                inProcessServer.start();
            } catch (IOException | RuntimeException e) {
                server.shutdownNow();
                executor.shutdownNow();
                snapshots.release();
                throw new IllegalStateException("Embedded Qdrant could not register in-process name "
                        + inProcessName + ": " + e.getMessage(), e);
            }
            return new EmbeddedQdrant(server, inProcessServer, inProcessName, executor, host, catalog, snapshots);
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger counter = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, "embedded-qdrant-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
