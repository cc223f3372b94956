package io.github.qdrantscope.core.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.grpc.HandlerRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;

/**
 * A Qdrant that is there but slow: it answers health checks at once (as Qdrant 1.17.0) and holds every other call
 * unanswered until it is closed, so the callers' deadlines fire.
 */
final class SlowServer implements AutoCloseable {

    private static final String HEALTH_CHECK = QdrantGrpc.SERVICE_NAME + "/HealthCheck";

    private final List<StreamObserver<byte[]>> held = new ArrayList<>();

    private final Server server;

    SlowServer() {
        MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                try {
                    return stream.readAllBytes();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
        HandlerRegistry any = new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(methodName)
                    .setRequestMarshaller(bytes)
                    .setResponseMarshaller(bytes)
                    .build();
                return ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall((request, reply) -> {
                    if (methodName.equals(HEALTH_CHECK)) {
                        reply.onNext(HealthCheckReply.newBuilder().setTitle("slow").setVersion("1.17.0").build()
                            .toByteArray());
                        reply.onCompleted();
                    }
                    else {
                        synchronized (SlowServer.this.held) {
                            SlowServer.this.held.add(reply);
                        }
                    }
                }));
            }
        };
        try {
            this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .fallbackHandlerRegistry(any)
                .build()
                .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int port() {
        return this.server.getPort();
    }

    /** Answers what it held (its callers gave up long ago) and stops. */
    @Override
    public void close() {
        synchronized (this.held) {
            this.held.forEach(reply -> reply.onError(Status.CANCELLED.asRuntimeException()));
            this.held.clear();
        }
        this.server.shutdownNow();
    }
}
