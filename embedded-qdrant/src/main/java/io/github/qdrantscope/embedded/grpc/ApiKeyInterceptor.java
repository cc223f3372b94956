package io.github.qdrantscope.embedded.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;

/**
 * Qdrant's API-key check ({@code src/common/auth/mod.rs}): every call except the health checks must
 * carry the key in an {@code api-key} header or as {@code authorization: Bearer <key>}.
 */
public final class ApiKeyInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final Set<String> UNPROTECTED = Set.of(
            "qdrant.Qdrant/HealthCheck", "grpc.health.v1.Health/Check", "grpc.health.v1.Health/Watch");

    private final byte[] key;

    /** @param key the key every protected call must present (not null) */
    public ApiKeyInterceptor(String key) {
        this.key = Objects.requireNonNull(key, "key").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        if (UNPROTECTED.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        String presented = headers.get(API_KEY);
        if (presented == null) {
            String authorization = headers.get(AUTHORIZATION);
            if (authorization != null && authorization.startsWith("Bearer ")) {
                presented = authorization.substring("Bearer ".length());
            }
        }
        if (presented == null) {
            return reject(call, "Must provide an API key or an Authorization bearer token");
        }
        // Constant-time comparison, as Qdrant does, so the key cannot be guessed by timing.
        if (!MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            return reject(call, "Invalid API key or JWT");
        }
        return next.startCall(call, headers);
    }

    private static <Q, A> ServerCall.Listener<Q> reject(ServerCall<Q, A> call, String message) {
        call.close(Status.UNAUTHENTICATED.withDescription(message), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
