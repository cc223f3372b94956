package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.Filter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-test cost of isolation: one whole test (Spring test lifecycle, then adding the same
 * {@value BenchTest#DOCUMENTS} documents with fixed ids) under each way of keeping tests apart.
 * <ul>
 *   <li>{@link #scopedProject}: {@code @ScopedProject} on a shared, cached context; the scope is opened
 *       before the test and closed after it, deleting the test's points.</li>
 *   <li>{@link #contextReload}: what teams do today to be safe: a fresh collection name from
 *       {@code @DynamicPropertySource} and {@code @DirtiesContext(AFTER_EACH_TEST_METHOD)}, so every test
 *       starts a Spring Boot context (which creates the collection) and closes it.</li>
 *   <li>{@link #clearSharedCollection}: a cached context whose {@code @BeforeEach} deletes every point of
 *       the shared collection: cheap, but wipes what concurrently running tests are asserting on.</li>
 * </ul>
 * Targets (issue 3): {@code contextReload / scopedProject >= 50}, {@code scopedProject /
 * clearSharedCollection <= 1.5}.
 *
 * <p>Those variants reach their server, started by the benchmark, over TCP, as an external server. The starter's
 * own embedded server is compared by transport: {@link #scopedProjectInProcess} (the default, gRPC's in-process
 * transport) and {@link #scopedProjectTcp} ({@code qdrant-scope.embedded.transport=tcp}), the same scoped test
 * otherwise. Target (issue 11): {@code scopedProjectTcp / scopedProjectInProcess >= 1.5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class IsolationBenchmark {

    /**
     * The baselines are what teams do without the starter: its fork binding and server choice are
     * switched off and none of its auto-configurations (server, fork, metrics, scoping) are applied.
     */
    static final String STARTER_DISABLED = "qdrant-scope.enabled=false";

    static final String STARTER_EXCLUDED = "spring.autoconfigure.exclude="
            + "io.github.qdrantscope.autoconfigure.server.QdrantServerAutoConfiguration,"
            + "io.github.qdrantscope.autoconfigure.fork.QdrantScopeForkAutoConfiguration,"
            + "io.github.qdrantscope.autoconfigure.metrics.QdrantScopeMetricsAutoConfiguration,"
            + "io.github.qdrantscope.autoconfigure.scope.ProjectScopeAutoConfiguration";

    /**
     * Connects every test context to the fork's embedded Qdrant, as a Testcontainers setup would; the
     * test body is the same for every variant.
     */
    public abstract static class OnSharedQdrant implements BenchTest {

        @Autowired
        VectorStore store;

        @Override
        public void test() {
            store.add(BenchTest.fixtures());
        }

        @DynamicPropertySource
        static void qdrantAddress(DynamicPropertyRegistry registry) {
            registry.add("spring.ai.vectorstore.qdrant.host", SharedQdrant::host);
            registry.add("spring.ai.vectorstore.qdrant.port", SharedQdrant::port);
        }
    }

    /**
     * The starter's way: a project per test in the fork's collection (bound by the starter) and one
     * cached context; the whole starter is active (fork binding and lease, metrics, scoping).
     */
    @QdrantBenchTest
    @ScopedProject
    public static class ScopedTest extends OnSharedQdrant {
    }

    /**
     * The same test on the starter's own embedded server (no address configured), reached as
     * {@code qdrant-scope.embedded.transport} says.
     */
    public abstract static class OnStartersQdrant implements BenchTest {

        @Autowired
        VectorStore store;

        @Override
        public void test() {
            store.add(BenchTest.fixtures());
        }
    }

    /** {@link ScopedTest} on the starter's embedded server over the in-process transport (the default). */
    @QdrantBenchTest
    @ScopedProject
    public static class ScopedInProcessTest extends OnStartersQdrant {
    }

    /** {@link ScopedTest} on the starter's embedded server over its TCP port. */
    @QdrantBenchTest
    @ScopedProject
    @TestPropertySource(properties = "qdrant-scope.embedded.transport=tcp")
    public static class ScopedTcpTest extends OnStartersQdrant {
    }

    /** A fresh collection and a fresh context per test. */
    @QdrantBenchTest
    @TestPropertySource(properties = {STARTER_DISABLED, STARTER_EXCLUDED})
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
    public static class ReloadTest extends OnSharedQdrant {

        static final String COLLECTION_PREFIX = "reload_";
        static final AtomicInteger COLLECTIONS = new AtomicInteger();

        @DynamicPropertySource
        static void freshCollection(DynamicPropertyRegistry registry) {
            // Called once per context start; the name is fixed here so every read in that context agrees.
            String collection = COLLECTION_PREFIX + COLLECTIONS.incrementAndGet();
            registry.add("spring.ai.vectorstore.qdrant.collection-name", () -> collection);
        }
    }

    /** One shared collection emptied before each test. */
    @QdrantBenchTest
    @TestPropertySource(properties = {STARTER_DISABLED, STARTER_EXCLUDED,
            "spring.ai.vectorstore.qdrant.collection-name=" + ClearTest.COLLECTION})
    public static class ClearTest extends OnSharedQdrant {

        static final String COLLECTION = "shared_cleared";

        @Autowired
        QdrantClient client;

        @Override
        public void beforeEach() {
            // An empty filter matches every point.
            QdrantFixture.await(client.deleteAsync(COLLECTION, Filter.getDefaultInstance()));
        }
    }

    /** The embedded Qdrant all test contexts of the fork connect to. */
    @State(Scope.Benchmark)
    public static class Server {

        @Setup(Level.Trial)
        public void start() {
            SharedQdrant.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            SharedQdrant.stop();
        }
    }

    /** A test class under the lifecycle driver; one per variant. */
    public abstract static class Run {
        TestLifecycle lifecycle;

        abstract Class<? extends BenchTest> testClass();

        @Setup(Level.Trial)
        public void open(Server server) throws Exception {
            lifecycle = new TestLifecycle(testClass());
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            lifecycle.close();
        }
    }

    @State(Scope.Benchmark)
    public static class ScopedRun extends Run {
        @Override
        Class<? extends BenchTest> testClass() {
            return ScopedTest.class;
        }
    }

    @State(Scope.Benchmark)
    public static class ScopedInProcessRun extends Run {
        @Override
        Class<? extends BenchTest> testClass() {
            return ScopedInProcessTest.class;
        }
    }

    @State(Scope.Benchmark)
    public static class ScopedTcpRun extends Run {
        @Override
        Class<? extends BenchTest> testClass() {
            return ScopedTcpTest.class;
        }
    }

    @State(Scope.Benchmark)
    public static class ReloadRun extends Run {
        @Override
        Class<? extends BenchTest> testClass() {
            return ReloadTest.class;
        }
    }

    @State(Scope.Benchmark)
    public static class ClearRun extends Run {
        @Override
        Class<? extends BenchTest> testClass() {
            return ClearTest.class;
        }
    }

    @Benchmark
    public void scopedProject(ScopedRun run) throws Exception {
        run.lifecycle.runOneTest();
    }

    @Benchmark
    public void scopedProjectInProcess(ScopedInProcessRun run) throws Exception {
        run.lifecycle.runOneTest();
    }

    @Benchmark
    public void scopedProjectTcp(ScopedTcpRun run) throws Exception {
        run.lifecycle.runOneTest();
    }

    @Benchmark
    public void contextReload(ReloadRun run) throws Exception {
        run.lifecycle.runOneTest();
    }

    @Benchmark
    public void clearSharedCollection(ClearRun run) throws Exception {
        run.lifecycle.runOneTest();
    }
}
