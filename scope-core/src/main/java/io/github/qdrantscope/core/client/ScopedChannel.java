package io.github.qdrantscope.core.client;

import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;

/**
 * A {@link ManagedChannel} that runs every call of an existing channel through interceptors, so a client that
 * was already built (an application's {@code QdrantClient} bean, the client inside a store) can be given the
 * project scope without a new connection. Its lifecycle is the wrapped channel's.
 */
public final class ScopedChannel extends ManagedChannel {

    private final ManagedChannel delegate;

    private final Channel intercepted;

    /**
     * @param delegate the channel the calls really go through
     * @param interceptors applied to every call; the last one sees the call first
     */
    public ScopedChannel(ManagedChannel delegate, ClientInterceptor... interceptors) {
        this.delegate = delegate;
        this.intercepted = ClientInterceptors.intercept(delegate, interceptors);
    }

    /** The channel the calls really go through. */
    public ManagedChannel delegate() {
        return this.delegate;
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions callOptions) {
        // covered: the watching interceptor at the bottom of a channel built in this JVM lets it through
        return this.intercepted.newCall(method, UncoveredClients.covered(callOptions));
    }

    @Override
    public String authority() {
        return this.delegate.authority();
    }

    @Override
    public ManagedChannel shutdown() {
        this.delegate.shutdown();
        return this;
    }

    @Override
    public boolean isShutdown() {
        return this.delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return this.delegate.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
        this.delegate.shutdownNow();
        return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return this.delegate.awaitTermination(timeout, unit);
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
        return this.delegate.getState(requestConnection);
    }

    @Override
    public void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
        this.delegate.notifyWhenStateChanged(source, callback);
    }

    @Override
    public void resetConnectBackoff() {
        this.delegate.resetConnectBackoff();
    }

    @Override
    public void enterIdle() {
        this.delegate.enterIdle();
    }

    @Override
    public String toString() {
        return "ScopedChannel[" + this.delegate + "]";
    }
}
