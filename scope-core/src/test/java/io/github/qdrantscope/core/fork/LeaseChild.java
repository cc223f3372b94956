package io.github.qdrantscope.core.fork;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.identity.RunId;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;

/**
 * A fork in a JVM of its own: claims {@code <prefix>_<run>_f<fork>} and leases the namespace of the same name on the
 * server given, writes points into both, prints {@code READY}, and runs until killed. The test starts it with the
 * test class path ({@link #start}).
 */
public final class LeaseChild {

    /** The collection prefix of the children. */
    static final String PREFIX = "lq";

    /** Points the child writes into its fork collection (besides the lease) and into {@code <namespace>__docs}. */
    static final int POINTS = 6;

    private LeaseChild() {
    }

    /** Args: host, port, run id, fork id, heartbeat (ISO-8601), TTL (ISO-8601). */
    public static void main(String[] args) throws Exception {
        ForkIdentity identity = new ForkIdentity(new ForkId(args[3], "test"), new RunId(args[2], "test"),
                ForkIdentity.jvm().host(), Path.of("target"));
        QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, args[0], Integer.parseInt(args[1]),
                null, false, "lease child");
        LeaseSettings lease = new LeaseSettings(Duration.parse(args[5]), Duration.parse(args[4]), false,
                Duration.ofSeconds(10), 50);
        JvmScopeMeters meters = new JvmScopeMeters();
        ForkRuntime runtime = new ForkRuntime(identity, LeaseOwner.self(identity), meters);
        String namespace = CollectionNames.of(PREFIX, identity.run(), identity.fork());
        CountingScopeMetrics metrics = new CountingScopeMetrics(meters, false);
        runtime.claim(endpoint, namespace, PREFIX, 4, "p", "doc_content", false, Duration.ofSeconds(10), lease,
                metrics);
        runtime.mapsInto(endpoint, PREFIX, namespace, false, Duration.ofSeconds(10), lease, metrics);
        QdrantClient client = new QdrantClient(QdrantGrpcClient.newBuilder(args[0], Integer.parseInt(args[1]), false,
                false).build());
        client.upsertAsync(namespace, points("fork " + args[3])).get();
        client.createCollectionAsync(namespace + "__docs",
                VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine).build()).get();
        client.upsertAsync(namespace + "__docs", points("docs")).get();
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static List<PointStruct> points(String text) {
        List<PointStruct> points = new ArrayList<>();
        for (int i = 1; i <= POINTS; i++) {
            points.add(PointStruct.newBuilder().setId(id(i)).setVectors(vectors(i, 1f, 0f, 2f))
                .putAllPayload(Map.of("p", value("proj-" + (i % 2)), "doc_content", value(text + " " + i)))
                .build());
        }
        return points;
    }

    /** Starts a child fork and waits (at most a minute) until it has written everything. */
    static Process start(String host, int port, String run, String fork, Duration heartbeat, Duration ttl)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LeaseChild.class.getName(), host, Integer.toString(port), run, fork, heartbeat.toString(),
                ttl.toString())
            .redirectErrorStream(true)
            .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY " + process.pid())) {
                        return true;
                    }
                    seen.append(line).append('\n');
                }
                return false;
            }
            catch (IOException ex) {
                return false;
            }
        });
        try {
            if (!ready.get(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("lease child ended before it was ready:\n" + seen);
            }
        }
        catch (Exception ex) {
            process.destroyForcibly();
            throw new IllegalStateException("lease child did not get ready: " + ex + "\n" + seen, ex);
        }
        // keep draining its output, so it never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try {
                while (out.readLine() != null) {
                    // drained
                }
            }
            catch (IOException ex) {
                // the child was killed
            }
        });
        return process;
    }

    /** Kills {@code child} with SIGKILL and waits until it is gone. */
    static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lease child " + child.pid() + " survived SIGKILL for 30s");
        }
    }
}
