package io.github.qdrantscope.benchmarks;

import io.qdrant.client.grpc.Points.PointStruct;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10: seeding a collection of {@value #POINTS} points × {@value #DIMENSION}-d (Cosine, a tenant
 * keyword payload and its index) from a snapshot file ({@link #restoreSnapshot},
 * {@code EmbeddedQdrant.restoreSnapshot}) against re-upserting the same points through the official
 * client in batches of {@value #BATCH} with {@code wait=true} ({@link #reupsert}, the protobuf batches
 * pre-built so neither side pays for building them). Target: restore ≤ 0.5× re-upsert.
 *
 * <p>One operation fills the collection completely; it is dropped before every operation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SnapshotRestoreBenchmark {

    static final int POINTS = 100_000;
    static final int DIMENSION = 384;
    static final int BATCH = 1000;
    static final String SOURCE = "bench_snapshot_source";
    static final String TARGET = "bench_snapshot_target";

    /** The server, the snapshot file of the source collection and the upsert batches. */
    @State(Scope.Benchmark)
    public static class Fixture {
        QdrantFixture qdrant;
        Path snapshot;
        List<List<PointStruct>> batches;

        @Setup(Level.Trial)
        public void start() {
            Dataset dataset = Dataset.generate(POINTS, DIMENSION, 11);
            qdrant = QdrantFixture.start();
            batches = new ArrayList<>();
            for (int from = 0; from < POINTS; from += BATCH) {
                batches.add(QdrantFixture.points(dataset, from, from + BATCH));
            }
            qdrant.createCollection(SOURCE, DIMENSION);
            for (List<PointStruct> batch : batches) {
                QdrantFixture.await(qdrant.client().upsertAsync(SOURCE, batch));
            }
            String name = QdrantFixture.await(qdrant.client().createSnapshotAsync(SOURCE)).getName();
            snapshot = qdrant.server().snapshotsDirectory().resolve(SOURCE).resolve(name);
            QdrantFixture.await(qdrant.client().deleteCollectionAsync(SOURCE));
        }

        @Setup(Level.Invocation)
        public void dropTarget() {
            if (QdrantFixture.await(qdrant.client().collectionExistsAsync(TARGET))) {
                QdrantFixture.await(qdrant.client().deleteCollectionAsync(TARGET));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            qdrant.close();
        }
    }

    @Benchmark
    public long restoreSnapshot(Fixture fixture) {
        fixture.qdrant.server().restoreSnapshot(fixture.snapshot, TARGET);
        return POINTS;
    }

    @Benchmark
    public long reupsert(Fixture fixture) {
        fixture.qdrant.createCollection(TARGET, DIMENSION);
        for (List<PointStruct> batch : fixture.batches) {
            QdrantFixture.await(fixture.qdrant.client().upsertAsync(TARGET, batch));
        }
        return POINTS;
    }
}
