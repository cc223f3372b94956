package io.github.qdrantscope.core.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ManagedChannelProvider;

/**
 * Registered as an {@code io.grpc.ManagedChannelProvider} (META-INF/services), with a priority above gRPC's
 * transports: builds every channel with the best other provider and puts an {@link UncoveredCallInterceptor}
 * naming where it was built on it. That is how a {@code QdrantClient} built inside a method, which qdrant-scope
 * cannot scope, is still seen and counted ({@link UncoveredClients}).
 *
 * <p>gRPC declares the provider methods protected; the delegate's are called reflectively (gRPC on the class
 * path, as every Qdrant client has it). When no other provider is available this one is unavailable too, so gRPC
 * reports its usual "no transport" error.
 */
public final class WatchingChannelProvider extends ManagedChannelProvider {

    /** Above grpc-netty(-shaded)'s 5 and grpc-okhttp's 5 (8 on Android, where qdrant-scope does not run). */
    static final int PRIORITY = 7;

    private final ManagedChannelProvider delegate = findDelegate().orElse(null);

    @Override
    protected boolean isAvailable() {
        return this.delegate != null;
    }

    @Override
    protected int priority() {
        return PRIORITY;
    }

    @Override
    protected ManagedChannelBuilder<?> builderForAddress(String name, int port) {
        return watched((ManagedChannelBuilder<?>) invoke("builderForAddress",
                new Class<?>[] { String.class, int.class }, name, port));
    }

    @Override
    protected ManagedChannelBuilder<?> builderForTarget(String target) {
        return watched((ManagedChannelBuilder<?>) invoke("builderForTarget", new Class<?>[] { String.class }, target));
    }

    @Override
    protected NewChannelBuilderResult newChannelBuilder(String target, ChannelCredentials creds) {
        NewChannelBuilderResult result = (NewChannelBuilderResult) invoke("newChannelBuilder",
                new Class<?>[] { String.class, ChannelCredentials.class }, target, creds);
        return result.getChannelBuilder() == null ? result
                : NewChannelBuilderResult.channelBuilder(watched(result.getChannelBuilder()));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Collection<Class<? extends SocketAddress>> getSupportedSocketAddressTypes() {
        return (Collection<Class<? extends SocketAddress>>) invoke("getSupportedSocketAddressTypes", new Class<?>[0]);
    }

    private static ManagedChannelBuilder<?> watched(ManagedChannelBuilder<?> builder) {
        if (builder == null || UncoveredClients.buildingExempt()) {
            return builder;
        }
        return builder.intercept(new UncoveredCallInterceptor(BuildSite.caller()));
    }

    private Object invoke(String name, Class<?>[] types, Object... args) {
        try {
            return method(name, types).invoke(this.delegate, args);
        }
        catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException("qdrant-scope: cannot delegate " + name + " to gRPC channel provider "
                    + this.delegate.getClass().getName() + ": " + ex, ex);
        }
    }

    /** gRPC's protected provider methods, looked up and opened once. */
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private static Method method(String name, Class<?>... types) {
        return METHODS.computeIfAbsent(name, key -> {
            try {
                Method method = ManagedChannelProvider.class.getDeclaredMethod(name, types);
                method.setAccessible(true);
                return method;
            }
            catch (NoSuchMethodException ex) {
                throw new IllegalStateException("qdrant-scope: gRPC's ManagedChannelProvider has no " + name, ex);
            }
        });
    }

    private static Optional<ManagedChannelProvider> findDelegate() {
        ManagedChannelProvider best = null;
        int bestPriority = Integer.MIN_VALUE;
        List<ManagedChannelProvider> candidates = ServiceLoader.load(ManagedChannelProvider.class,
                WatchingChannelProvider.class.getClassLoader()).stream()
            // by type, before instantiating: this constructor runs while gRPC's registry loads the providers
            .filter(provider -> provider.type() != WatchingChannelProvider.class)
            .map(ServiceLoader.Provider::get)
            .toList();
        for (ManagedChannelProvider candidate : candidates) {
            try {
                int value = (int) method("priority").invoke(candidate);
                if ((boolean) method("isAvailable").invoke(candidate) && value > bestPriority) {
                    best = candidate;
                    bestPriority = value;
                }
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                // a provider we cannot ask is one we cannot delegate to
            }
        }
        return Optional.ofNullable(best);
    }
}
