package io.github.qdrantscope.core.server;

import io.github.qdrantscope.core.client.RefusedCall;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.core.ProxiedCalls;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * What a call of an instrumented client does when its server goes away or is slow, for every Qdrant RPC but the
 * health check (which is how a server is found to be back):
 * <ul>
 * <li>a call without a deadline gets one, {@code qdrant-scope.call-timeout}, so no call waits forever;</li>
 * <li>a call that fails with {@code UNAVAILABLE} or {@code DEADLINE_EXCEEDED} fails with a description naming the
 * server, the RPC, the collection, the test and, for a deadline, which one fired (setting and value) and how to
 * raise it;</li>
 * <li>an {@code UNAVAILABLE} makes the server suspect ({@link ServerHealth}); once a health check confirms it is
 * gone, every call fails at once with {@code UNAVAILABLE} caused by the one {@link QdrantServerGoneException},
 * and nothing is sent.</li>
 * </ul>
 * The {@code ProjectScopeInterceptor}, on every client qdrant-scope instruments, runs its calls through
 * {@link #watch}; qdrant-scope's own administrative clients carry it as a plain interceptor
 * ({@link #forOwnCalls}).
 */
public final class ServerWatch implements ClientInterceptor {

    /** Deadline of health checks and of qdrant-scope's administrative calls. */
    public static final String CONNECT_TIMEOUT = "qdrant-scope.connect-timeout";

    /** Deadline of calls that have none, and of the cleanup after each test. */
    public static final String CALL_TIMEOUT = "qdrant-scope.call-timeout";

    /** {@value #CONNECT_TIMEOUT} unless set. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** {@value #CALL_TIMEOUT} unless set. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Creates the call a watched call wraps: the interceptor's own work on it. */
    @FunctionalInterface
    public interface Calls {

        /** The call for {@code method} with {@code options} (the deadline applied) on {@code next}. */
        <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next);
    }

    private final Duration connectTimeout;

    private final Duration callTimeout;

    private final boolean ownCalls;

    private ServerWatch(Duration connectTimeout, Duration callTimeout, boolean ownCalls) {
        this.connectTimeout = connectTimeout;
        this.callTimeout = callTimeout;
        this.ownCalls = ownCalls;
    }

    /** The watch of application clients: calls without a deadline get {@code callTimeout}. */
    public static ServerWatch forApplication(Duration connectTimeout, Duration callTimeout) {
        return new ServerWatch(connectTimeout, callTimeout, false);
    }

    /** The watch of qdrant-scope's administrative clients, whose every call has {@code connectTimeout}. */
    public static ServerWatch forOwnCalls(Duration connectTimeout) {
        return new ServerWatch(connectTimeout, connectTimeout, true);
    }

    /** The application watch with both deadlines at their defaults. */
    public static ServerWatch defaults() {
        return forApplication(DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return watch(method, options, next, ServerWatch::direct);
    }

    private static <Q, R> ClientCall<Q, R> direct(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options);
    }

    /** The call {@code calls} makes, watched: refused when the server is gone, given a deadline when it has none. */
    public <Q, R> ClientCall<Q, R> watch(MethodDescriptor<Q, R> method, CallOptions options, Channel next,
            Calls calls) {
        if (QdrantGrpc.SERVICE_NAME.equals(method.getServiceName())) {
            return calls.newCall(method, options, next);
        }
        ServerHealth health = ServerHealth.of(next.authority());
        QdrantServerGoneException gone = health.goneAfterCheck(this.connectTimeout.plusSeconds(1));
        if (gone != null) {
            return new RefusedCall<>(Status.UNAVAILABLE.withDescription(gone.getMessage()).withCause(gone));
        }
        boolean defaulted = options.getDeadline() == null;
        CallOptions sent = defaulted ? options.withDeadlineAfter(this.callTimeout.toNanos(), TimeUnit.NANOSECONDS)
                : options;
        String deadline = defaulted ? setting(CALL_TIMEOUT, this.callTimeout)
                + ", the deadline qdrant-scope gives calls that have none; raise it if the server is just slow"
                : deadlineOf(sent);
        Site site = new Site(health, next, method.getServiceName() + "/" + method.getBareMethodName(),
                CurrentTest.describe(), deadline);
        return new Watched<>(calls.newCall(method, sent, next), site);
    }

    private String deadlineOf(CallOptions options) {
        if (this.ownCalls) {
            return setting(CONNECT_TIMEOUT, this.connectTimeout) + ", the deadline of qdrant-scope's own calls;"
                    + " raise it if the server is just slow";
        }
        // what remains of it as the call starts, up to the next 100 ms: the timeout the caller gave, as it wrote it
        long millis = Math.max(options.getDeadline().timeRemaining(TimeUnit.MILLISECONDS), 0);
        String value = format(Duration.ofMillis((millis + 99) / 100 * 100));
        return ProxiedCalls.active()
                ? "the deadline of " + value + " qdrant-scope gave its own call (cleanups take " + CALL_TIMEOUT
                        + "); raise it if the server is just slow"
                : "the call's own deadline of " + value + " (a timeout argument, or the client's withTimeout);"
                        + " raise it if the server is just slow";
    }

    private static String setting(String name, Duration value) {
        return name + "=" + format(value);
    }

    /** {@code 10s}, {@code 0.5s}, {@code 2m}: as short as ISO-8601 has it. */
    private static String format(Duration value) {
        return value.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code status} is a local channel's shutdown, not the server's: it says nothing about the server. */
    static boolean isChannelShutdown(Status status) {
        String description = status.getDescription();
        return description != null && (description.startsWith("Channel shutdown")
                || description.startsWith("Channel shutdownNow"));
    }

    /** {@code CODE: description}. */
    static String describe(Status status) {
        return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    }

    /** Where a watched call was made, named if it fails. */
    private final class Site {

        final ServerHealth health;

        final Channel next;

        final String rpc;

        final String test;

        final String deadline;

        volatile String collection;

        Site(ServerHealth health, Channel next, String rpc, String test, String deadline) {
            this.health = health;
            this.next = next;
            this.rpc = rpc;
            this.test = test;
            this.deadline = deadline;
        }

        String call() {
            return this.rpc + (this.collection == null || this.collection.isEmpty() ? ""
                    : " on collection '" + this.collection + "'") + " " + this.test;
        }

        Status closed(Status status) {
            if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                return status.withDescription("qdrant-scope: the " + this.health.description() + " did not answer "
                        + call() + " within " + this.deadline + " (" + describe(status) + ")");
            }
            if (status.getCode() != Status.Code.UNAVAILABLE || isChannelShutdown(status)
                    || status.getCause() instanceof QdrantServerGoneException) {
                return status;
            }
            String failure = call() + ": " + describe(status);
            String checkDeadline = setting(CONNECT_TIMEOUT, ServerWatch.this.connectTimeout);
            this.health.suspect(failure, () -> QdrantGrpc.newFutureStub(this.next)
                .withDeadlineAfter(ServerWatch.this.connectTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .healthCheck(HealthCheckRequest.getDefaultInstance()), checkDeadline);
            return status.withDescription("qdrant-scope: the " + this.health.description() + " did not answer "
                    + failure + ". qdrant-scope checks whether the server is gone (a health check within "
                    + checkDeadline + "); if it is, the fork's remaining Qdrant calls fail at once with that cause");
        }
    }

    /** A call whose final status names where it was made. */
    private static final class Watched<Q, R> extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {

        private final Site site;

        Watched(ClientCall<Q, R> delegate, Site site) {
            super(delegate);
            this.site = site;
        }

        @Override
        public void start(Listener<R> listener, Metadata headers) {
            super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<R>(listener) {
                @Override
                public void onClose(Status status, Metadata trailers) {
                    super.onClose(status.isOk() ? status : Watched.this.site.closed(status), trailers);
                }
            }, headers);
        }

        @Override
        public void sendMessage(Q message) {
            if (this.site.collection == null && message instanceof Message request) {
                FieldDescriptor field = request.getDescriptorForType().findFieldByName("collection_name");
                this.site.collection = field == null ? "" : (String) request.getField(field);
            }
            super.sendMessage(message);
        }
    }
}
