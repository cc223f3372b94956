package io.github.qdrantscope.embedded.grpc;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * {@code qdrant.Qdrant/HealthCheck}: answers as Qdrant 1.17.0 does, so the official client's version
 * check (same major, minor within one) passes.
 */
public final class QdrantService extends QdrantGrpc.QdrantImplBase {

    /** The title Qdrant reports. */
    public static final String TITLE = "qdrant - vector search engine";
    /** The Qdrant version whose wire protocol and behaviour this server follows. */
    public static final String VERSION = "1.17.0";
    /** Stands in for Qdrant's git commit id. */
    public static final String COMMIT = "qdrant-scope-embedded";

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
        Rpc.respond(observer, clock -> HealthCheckReply.newBuilder()
                .setTitle(TITLE).setVersion(VERSION).setCommit(COMMIT).build());
    }
}
