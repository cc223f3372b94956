package io.github.qdrantscope.core.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.client.RewritingCall;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Counts the {@code qdrant.Points} RPCs that go through the {@link ProjectScopeInterceptor} as
 * {@code qdrant.scope.operations}: tag {@code operation} is the RPC's name in snake case ({@code Upsert} →
 * {@code upsert}, {@code Search} → {@code search}, {@code SetPayload} → {@code set_payload},
 * {@code SearchMatrixPairs} → {@code search_matrix_pairs}), {@code scoped} whether a project scope was open; the time
 * is from the call's creation to its close. Every RPC that reaches the server is counted once, failed ones included;
 * one refused before it is sent ({@code INVALID_ARGUMENT}, {@code unscoped=fail}) is not, as it never reached the
 * server.
 */
final class WireOperations implements RewritingCall.Handler {

    private static final Map<String, String> TAGS = new ConcurrentHashMap<>();

    private final RewritingCall.Handler handler;

    private final String operation;

    private final boolean scoped;

    private final Supplier<ScopeMetrics> metrics;

    private final long start = System.nanoTime();

    WireOperations(RewritingCall.Handler handler, String rpc, boolean scoped, Supplier<ScopeMetrics> metrics) {
        this.handler = handler;
        this.operation = tag(rpc);
        this.scoped = scoped;
        this.metrics = metrics;
    }

    /** The {@code operation} tag of an RPC: its bare method name in snake case. */
    static String tag(String rpc) {
        return TAGS.computeIfAbsent(rpc, name -> name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
    }

    @Override
    public RewritingCall.Rewrite rewrite(MethodDescriptor<?, ?> method, Message request) {
        return this.handler.rewrite(method, request);
    }

    @Override
    public Message response(Message response) {
        return this.handler.response(response);
    }

    @Override
    public Status closed(Status status) {
        try {
            return this.handler.closed(status);
        }
        finally {
            this.metrics.get().recordOperation(this.operation, this.scoped, System.nanoTime() - this.start);
        }
    }
}
