package io.github.qdrantscope.core.server;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;

/**
 * Whether a Qdrant server of this JVM (this fork) is still there, as its instrumented clients saw it. A call that
 * fails with {@code UNAVAILABLE} makes the server <em>suspect</em> and starts one health check with the
 * {@code qdrant-scope.connect-timeout} deadline; when that fails too ({@code UNAVAILABLE} or no answer in time) the
 * server is <em>gone</em>: from then on {@link ServerWatch} fails every call of an instrumented client at once with
 * one {@link QdrantServerGoneException}, and the test integrations fail each further Qdrant test before it starts,
 * with that same cause. A call made while the check runs waits for its outcome (never longer than its deadline).
 *
 * <p>"Gone" lasts until a health check of the server succeeds ({@link #recovered()}): the one a new Spring
 * context or JUnit test class runs, so a server that comes back serves the next context.
 *
 * <p>One instance per server address, shared by every client of the JVM ({@link #of(String)}); the address is the
 * channel's authority, {@code host:port}, loopback names folded together.
 */
public final class ServerHealth {

    private static final System.Logger logger = System.getLogger(ServerHealth.class.getName());

    private static final ConcurrentMap<String, ServerHealth> SERVERS = new ConcurrentHashMap<>();

    private final String key;

    private volatile String description;

    private volatile CompletableFuture<Void> check;

    private volatile QdrantServerGoneException gone;

    private ServerHealth(String key) {
        this.key = key;
        this.description = "Qdrant at " + key;
    }

    /** The health of the server a channel with {@code authority} ({@code host:port}) talks to. */
    public static ServerHealth of(String authority) {
        return SERVERS.computeIfAbsent(key(authority), ServerHealth::new);
    }

    /** The health of {@code endpoint}, which messages then describe as the endpoint does (mode, what configured it). */
    public static ServerHealth of(QdrantEndpoint endpoint) {
        String host = endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host();
        ServerHealth health = of(host + ":" + endpoint.port());
        health.description = endpoint.toString();
        return health;
    }

    /** The server as messages name it: the endpoint's description, or {@code Qdrant at host:port}. */
    public String description() {
        return this.description;
    }

    /** The cause every call fails with while the server is gone; {@code null} while it is not known to be. */
    public QdrantServerGoneException gone() {
        return this.gone;
    }

    /**
     * {@link #gone()}, after waiting for a health check still running (at most {@code wait}), so that the calls
     * after a failure see its outcome.
     */
    public QdrantServerGoneException goneAfterCheck(Duration wait) {
        CompletableFuture<Void> running = this.check;
        if (running != null && this.gone == null) {
            try {
                running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (ExecutionException | TimeoutException ex) {
                // the check's own deadline decides; a caller that stops waiting first sends its call
            }
        }
        return this.gone;
    }

    /** A health check of the server succeeded: it is there (again). */
    public void recovered() {
        if (this.gone != null) {
            logger.log(System.Logger.Level.INFO, "qdrant-scope: the " + this.description + " answers again; its"
                    + " calls go through again");
        }
        this.gone = null;
    }

    /**
     * A call failed with {@code UNAVAILABLE}: unless a check already runs or the server is known gone, starts
     * {@code probe} (a health check with its own deadline) and marks the server gone when it fails as well.
     *
     * @param failure the failed call, named in the message if the server is gone
     * @param probe starts the health check
     * @param deadline the probe's deadline, named in the message
     */
    void suspect(String failure, Supplier<ListenableFuture<?>> probe, String deadline) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (this.gone != null || this.check != null) {
                return;
            }
            done = new CompletableFuture<>();
            this.check = done;
        }
        LocalTime since = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        ListenableFuture<?> reply;
        try {
            reply = probe.get();
        }
        catch (RuntimeException ex) {
            settle(done, null);
            return;
        }
        Futures.addCallback(reply, new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object result) {
                settle(done, null);
            }

            @Override
            public void onFailure(Throwable ex) {
                Status status = Status.fromThrowable(ex);
                boolean unanswered = status.getCode() == Status.Code.UNAVAILABLE
                        || status.getCode() == Status.Code.DEADLINE_EXCEEDED;
                settle(done, unanswered && !ServerWatch.isChannelShutdown(status)
                        ? goneSince(since, failure, deadline, status) : null);
            }
        }, MoreExecutors.directExecutor());
    }

    private void settle(CompletableFuture<Void> done, QdrantServerGoneException confirmed) {
        synchronized (this) {
            if (confirmed != null) {
                this.gone = confirmed;
                logger.log(System.Logger.Level.ERROR, confirmed.getMessage());
            }
            this.check = null;
        }
        done.complete(null);
    }

    private QdrantServerGoneException goneSince(LocalTime since, String failure, String deadline, Status check) {
        return new QdrantServerGoneException("qdrant-scope: the " + this.description + " is gone since " + since
                + " (first failure: " + failure + "; a health check within " + deadline + " then failed: "
                + ServerWatch.describe(check) + "). The fork's remaining Qdrant calls fail at once without contacting"
                + " it, and its remaining Qdrant tests fail before they start. Restart the server (an external one:"
                + " its log says why it stopped) and run the tests again; a new Spring context or JUnit test class"
                + " checks the server again and goes on when it answers.");
    }

    /** {@code host:port}, every loopback name as {@code 127.0.0.1}, so clients of one server share its health. */
    static String key(String authority) {
        String value = authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        if (colon < 0 || value.endsWith("]")) {
            return value;
        }
        String host = value.substring(0, colon);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("[0:0:0:0:0:0:0:1]");
        return (loopback ? "127.0.0.1" : host) + value.substring(colon);
    }

    @Override
    public String toString() {
        return "ServerHealth[" + this.key + (this.gone != null ? ", gone" : "") + "]";
    }
}
