package io.github.qdrantscope.benchmarks.wire;

import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.server.ServerWatch;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;

/**
 * Where a scoped upsert's cost over a plain one comes from, in one JVM like {@link WireInterleaved}: each variant
 * adds one part of what the scoped client does. The server's share: the application's points under the project's
 * ids ({@code storedIds}), with the project's stamp ({@code stampOnly}), both ({@code stamped}, what the scoped
 * client sends). The client's: the same request rebuilt in the call, so protobuf computes its sizes afresh as for
 * every rewritten request ({@code stampedFresh}); the scoped client ({@code scoped}) and the same client outside a
 * scope ({@code outsideScope}: the interceptor inspects, the server watch gives the call a deadline); the plain client
 * with a deadline ({@code plainDeadline}) and through a channel carrying only the server watch ({@code watchOnly}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.qdrantscope.benchmarks.wire.WireUpsertParts [rounds]
 * </pre>
 */
public final class WireUpsertParts {

    private WireUpsertParts() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        WireScopingBenchmark.Upsert upsert = new WireScopingBenchmark.Upsert();
        upsert.start();
        upsert.emptyCollection();
        int batches = upsert.batches.length;
        UpsertPoints[] storedIds = new UpsertPoints[batches];
        UpsertPoints[] stampOnly = new UpsertPoints[batches];
        for (int b = 0; b < batches; b++) {
            UpsertPoints.Builder ids = upsert.batches[b].toBuilder().clearPoints();
            UpsertPoints.Builder stamp = upsert.batches[b].toBuilder().clearPoints();
            for (int i = 0; i < upsert.batches[b].getPointsCount(); i++) {
                PointStruct application = upsert.batches[b].getPoints(i);
                PointStruct sent = upsert.stamped[b].getPoints(i);
                ids.addPoints(application.toBuilder().setId(sent.getId()));
                stamp.addPoints(application.toBuilder().clearPayload().putAllPayload(sent.getPayloadMap()));
            }
            storedIds[b] = ids.build();
            stampOnly[b] = stamp.build();
        }
        EmbeddedQdrant server = upsert.fixture.server();
        QdrantClient plain = upsert.fixture.plain();
        QdrantClient scoped = upsert.fixture.scoped();
        QdrantClient plainDeadline = new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(),
                false).withTimeout(Duration.ofSeconds(60)).build());
        QdrantClient watchOnly = ScopedQdrantClients.scoped(QdrantFixture.connect(server), ServerWatch.defaults());
        try {
            String[] names = {"plain", "storedIds", "stampOnly", "stamped", "stampedFresh", "scoped", "outsideScope",
                    "plainDeadline", "watchOnly"};
            WireInterleaved.report("upsert", rounds, names, round -> {
                if (round % 100 == 0) {
                    upsert.emptyCollection();
                }
            }, (variant, round) -> {
                int b = Math.floorMod(round, batches);
                switch (variant) {
                    case 0 -> QdrantFixture.await(plain.upsertAsync(upsert.batches[b]));
                    case 1 -> QdrantFixture.await(plain.upsertAsync(storedIds[b]));
                    case 2 -> QdrantFixture.await(plain.upsertAsync(stampOnly[b]));
                    case 3 -> QdrantFixture.await(plain.upsertAsync(upsert.stamped[b]));
                    case 4 -> QdrantFixture.await(plain.upsertAsync(fresh(upsert.stamped[b])));
                    case 5 -> {
                        try (ProjectScope.Binding ignored = ProjectScope.open(upsert.project)) {
                            QdrantFixture.await(scoped.upsertAsync(upsert.batches[b]));
                        }
                    }
                    case 6 -> QdrantFixture.await(scoped.upsertAsync(upsert.batches[b]));
                    case 7 -> QdrantFixture.await(plainDeadline.upsertAsync(upsert.batches[b]));
                    default -> QdrantFixture.await(watchOnly.upsertAsync(upsert.batches[b]));
                }
            });
        } finally {
            plainDeadline.close();
            watchOnly.close();
            upsert.stop();
        }
    }

    /** {@code request} as a new message, whose serialized sizes protobuf has not memoized. */
    private static UpsertPoints fresh(UpsertPoints request) {
        UpsertPoints.Builder copy = request.toBuilder().clearPoints();
        for (PointStruct point : request.getPointsList()) {
            copy.addPoints(PointStruct.newBuilder().setId(point.getId().toBuilder()).setVectors(point.getVectors())
                    .putAllPayload(point.getPayloadMap()));
        }
        return copy.build();
    }
}
