package io.github.qdrantscope.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The qdrant-scope counters of this JVM. Every Spring context and JUnit test class of a fork reports into the same
 * instance, so the numbers add up across them; each {@code MeterRegistry} bound with {@link #bindTo} (a Spring
 * context's, or one the JUnit extension is given) gets function meters that read these counters, and so does a
 * private registry from which the
 * per-fork report is written.
 *
 * <p>Meters (all names lowercase and dotted, tags low-cardinality):
 * <ul>
 *   <li>{@value #OPERATIONS} — function timer, tags {@code operation} (e.g. {@code add}, {@code search},
 *       {@code delete}; for Qdrant RPCs the RPC's name in snake case, e.g. {@code upsert}, {@code query},
 *       {@code set_payload}) and {@code scoped} ({@code true}/{@code false}): Spring AI {@code VectorStore}
 *       operations through the scoping proxy, and every other {@code qdrant.Points} RPC through the wire
 *       interceptor, and how long they took. Each is counted once: the RPCs a counted {@code VectorStore} call
 *       makes are not counted again ({@link CountedOperations}).</li>
 *   <li>{@value #CONTENTION} — function counter, tag {@code kind} ({@code collection_claim},
 *       {@code foreign_point}, {@code unscoped_read}, {@code unscoped_write}, {@code unscoped_delete}):
 *       contention seen; every kind is registered from the start, so a zero is visible.</li>
 *   <li>{@value #CLEANUP} — function timer: project cleanups and how long they took.</li>
 *   <li>{@value #CLEANUP_POINTS} — function counter: points removed by project cleanups.</li>
 *   <li>{@value #PROJECTS_ACTIVE} — gauge: project scopes open right now.</li>
 *   <li>{@value #LEASE_REAPED} — function counter, tag {@code kind} ({@code takeover}, {@code reaper}): leases of
 *       gone holders reclaimed, by a claim that cleared and took over the collection or namespace, or by the
 *       start-up reaper that dropped it; both kinds registered from the start.</li>
 *   <li>{@value #LEASE_LOST} — function counter: this JVM's leases a heartbeat found held by another process.</li>
 * </ul>
 */
public final class JvmScopeMeters {

    /** Timer of operations (vector-store calls and Qdrant RPCs); tags {@code operation}, {@code scoped}. */
    public static final String OPERATIONS = "qdrant.scope.operations";

    /** Counter of contention; tag {@code kind}. */
    public static final String CONTENTION = "qdrant.scope.contention";

    /** Timer of project cleanups. */
    public static final String CLEANUP = "qdrant.scope.cleanup";

    /** Counter of points removed by project cleanups. */
    public static final String CLEANUP_POINTS = "qdrant.scope.cleanup.points";

    /** Gauge of open project scopes. */
    public static final String PROJECTS_ACTIVE = "qdrant.scope.projects.active";

    /** Counter of reclaimed leases of gone holders; tag {@code kind}. */
    public static final String LEASE_REAPED = "qdrant.scope.lease.reaped";

    /** Counter of this JVM's leases found held by another process. */
    public static final String LEASE_LOST = "qdrant.scope.lease.lost";

    private static final JvmScopeMeters INSTANCE = new JvmScopeMeters();

    private final Map<OperationKey, TimeStats> operations = new ConcurrentHashMap<>();
    private final Map<ContentionKind, LongAdder> contention = new EnumMap<>(ContentionKind.class);
    private final TimeStats cleanup = new TimeStats();
    private final LongAdder cleanupPoints = new LongAdder();
    private final AtomicLong activeProjects = new AtomicLong();
    private final Map<LeaseReapKind, LongAdder> reaped = new EnumMap<>(LeaseReapKind.class);
    private final LongAdder leasesLost = new LongAdder();
    private final Set<MeterRegistry> registries = Collections.newSetFromMap(new WeakHashMap<>());
    private final SimpleMeterRegistry ownRegistry = new SimpleMeterRegistry();

    /** A fresh, unshared instance (tests); production code uses {@link #jvm()}. */
    public JvmScopeMeters() {
        for (ContentionKind kind : ContentionKind.values()) {
            contention.put(kind, new LongAdder());
        }
        for (LeaseReapKind kind : LeaseReapKind.values()) {
            reaped.put(kind, new LongAdder());
        }
        bindTo(ownRegistry);
    }

    /** The instance shared by everything in this JVM. */
    public static JvmScopeMeters jvm() {
        return INSTANCE;
    }

    /** Counts one operation: a {@code VectorStore} call through the proxy, or a Qdrant RPC through the wire. */
    public void recordOperation(String operation, boolean scoped, long nanos) {
        OperationKey key = new OperationKey(operation, scoped);
        TimeStats stats = operations.get(key);
        if (stats == null) {
            stats = registerOperation(key);
        }
        stats.record(nanos);
    }

    /** Counts one contention event. */
    public void contention(ContentionKind kind) {
        contention.get(kind).increment();
    }

    /** Counts one project cleanup. */
    public void cleanup(long nanos, long pointsRemoved) {
        cleanup.record(nanos);
        cleanupPoints.add(pointsRemoved);
    }

    /** A project scope was opened. */
    public void projectOpened() {
        activeProjects.incrementAndGet();
    }

    /** A project scope was closed. */
    public void projectClosed() {
        activeProjects.decrementAndGet();
    }

    /** Counts one reclaimed lease of a gone holder. */
    public void leaseReaped(LeaseReapKind kind) {
        reaped.get(kind).increment();
    }

    /** Counts one lease of this JVM found held by another process. */
    public void leaseLost() {
        leasesLost.increment();
    }

    /** How many leases were reclaimed by {@code kind}. */
    public long leaseReapedCount(LeaseReapKind kind) {
        return reaped.get(kind).sum();
    }

    /** How many of this JVM's leases were lost. */
    public long leaseLostCount() {
        return leasesLost.sum();
    }

    /** How many contention events of {@code kind} were counted. */
    public long contentionCount(ContentionKind kind) {
        return contention.get(kind).sum();
    }

    /** Total contention events of every kind. */
    public long contentionTotal() {
        long total = 0;
        for (LongAdder adder : contention.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Total operations, scoped and unscoped. */
    public long operationTotal() {
        long total = 0;
        for (TimeStats stats : operations.values()) {
            total += stats.count();
        }
        return total;
    }

    /** Project scopes open right now. */
    public long activeProjects() {
        return activeProjects.get();
    }

    /** The private registry holding one copy of every meter, from which the report is written. */
    public MeterRegistry ownRegistry() {
        return ownRegistry;
    }

    /**
     * Registers every meter on {@code registry}, and any operation meter that appears later as well.
     * Registries are held weakly, so a closed context's registry can be collected.
     */
    public void bindTo(MeterRegistry registry) {
        List<OperationKey> known;
        synchronized (registries) {
            if (!registries.add(registry)) {
                return;
            }
            known = new ArrayList<>(operations.keySet());
        }
        for (ContentionKind kind : ContentionKind.values()) {
            LongAdder adder = contention.get(kind);
            FunctionCounter.builder(CONTENTION, adder, LongAdder::doubleValue)
                    .tag("kind", kind.tag())
                    .description("Contention seen by qdrant-scope")
                    .register(registry);
        }
        FunctionTimer.builder(CLEANUP, cleanup, TimeStats::count, TimeStats::totalNanos, TimeUnit.NANOSECONDS)
                .description("Project cleanups")
                .register(registry);
        FunctionCounter.builder(CLEANUP_POINTS, cleanupPoints, LongAdder::doubleValue)
                .description("Points removed by project cleanups")
                .register(registry);
        for (LeaseReapKind kind : LeaseReapKind.values()) {
            FunctionCounter.builder(LEASE_REAPED, reaped.get(kind), LongAdder::doubleValue)
                    .tag("kind", kind.tag())
                    .description("Leases of gone holders reclaimed by qdrant-scope")
                    .register(registry);
        }
        FunctionCounter.builder(LEASE_LOST, leasesLost, LongAdder::doubleValue)
                .description("Leases of this JVM found held by another process")
                .register(registry);
        Gauge.builder(PROJECTS_ACTIVE, activeProjects, AtomicLong::doubleValue)
                .description("Project scopes open right now")
                .register(registry);
        for (OperationKey key : known) {
            registerOperationMeter(registry, key, operations.get(key));
        }
    }

    private TimeStats registerOperation(OperationKey key) {
        List<MeterRegistry> targets;
        TimeStats stats;
        synchronized (registries) {
            stats = operations.get(key);
            if (stats != null) {
                return stats;
            }
            stats = new TimeStats();
            operations.put(key, stats);
            targets = new ArrayList<>(registries);
        }
        for (MeterRegistry registry : targets) {
            registerOperationMeter(registry, key, stats);
        }
        return stats;
    }

    private static void registerOperationMeter(MeterRegistry registry, OperationKey key, TimeStats stats) {
        FunctionTimer.builder(OPERATIONS, stats, TimeStats::count, TimeStats::totalNanos, TimeUnit.NANOSECONDS)
                .tag("operation", key.operation())
                .tag("scoped", Boolean.toString(key.scoped()))
                .description("Operations through qdrant-scope: VectorStore calls and Qdrant RPCs, each counted once")
                .register(registry);
    }

    private record OperationKey(String operation, boolean scoped) {
    }

    /** Count and total time of something timed; read by function timers. */
    static final class TimeStats {

        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();

        void record(long nanos) {
            count.increment();
            totalNanos.add(Math.max(0, nanos));
        }

        long count() {
            return count.sum();
        }

        double totalNanos() {
            return totalNanos.sum();
        }
    }
}
