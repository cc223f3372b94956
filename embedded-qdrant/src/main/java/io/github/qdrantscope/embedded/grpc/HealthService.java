package io.github.qdrantscope.embedded.grpc;

import grpc.health.v1.HealthCheck.HealthCheckRequest;
import grpc.health.v1.HealthCheck.HealthCheckResponse;
import grpc.health.v1.HealthCheck.HealthCheckResponse.ServingStatus;
import grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;

/** The standard {@code grpc.health.v1.Health/Check}: always {@code SERVING} while the server runs. */
public final class HealthService extends HealthGrpc.HealthImplBase {

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
        Rpc.respond(observer, clock -> HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build());
    }
}
