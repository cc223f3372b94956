package io.github.qdrantscope.benchmarks.wire;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.google.protobuf.Message;
import io.github.qdrantscope.benchmarks.Dataset;
import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.benchmarks.QueryCursor;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What scoping at the wire ({@code ProjectScopeInterceptor} on the official client's channel) costs
 * (issue 8), in three parts:
 *
 * <ul>
 * <li><b>Search</b>: top 10 of one project's {@value #PROJECT_POINTS} points (384-d, Cosine) in a collection
 * that also holds {@value #OTHER_PROJECTS} other projects' {@value #PROJECT_POINTS} points each, as a shared
 * test collection does. {@link #scopedSearch}: the scoped client inside the project, the application sending
 * no filter (the interceptor ANDs the project condition in, namespaces nothing here, maps ids back and strips
 * the reserved payload fields). {@link #unscopedSearch}: a plain client on the same collection sending the
 * equivalent keyword condition on the project key itself. So both sides scan the same 10k candidates (the
 * project key is keyword-indexed, as the starter indexes it) and get the same ten points with their payload:
 * the difference is the interceptor. Parameter {@code rpc}: {@code Search}, or {@code Query} with a
 * {@code nearest} query. Target: scoped / unscoped &le; 1.10.</li>
 * <li><b>Upsert</b> of batches of {@value #BATCH} points (384-d, payload {@code tenant} and {@code rank},
 * {@code wait=true}), numeric application ids cycling through {@value #UPSERT_POOL}; the collection is
 * recreated before every iteration. {@link #scopedUpsert} also stamps the project, namespaces the ids and
 * records them for cleanup. Target: scoped / unscoped &le; 1.15.</li>
 * <li><b>The interceptor alone</b>, in ns per call, without a server: calls through
 * {@code ClientInterceptors.intercept(new CannedChannel(), interceptor)}, whose calls answer at once with
 * prepared responses (a scoped scroll is answered with the whole project's window, as the server would). Ops:
 * Upsert of {@value #BATCH} points, Search, Query with two prefetches and RRF fusion, Scroll (limit 10 in a
 * project of {@value #BATCH} points, and {@code scroll10k} in one of {@value #LARGE_PROJECT_POINTS}: a scoped
 * scroll reads and orders the project's whole window); responses carry stored ids and the stamps, as the
 * server returns them. {@link #interceptorScoped} inside the project; {@link #interceptorOutsideScope} without a scope
 * (the unscoped-access guard's inspection, policy {@code allow}); {@link #noInterceptor} the same calls on the
 * canned channel directly, the cost of the harness itself.</li>
 * </ul>
 *
 * <p>Each method runs in its own fork (JMH's default), all in one run of the suite; the search forks load
 * byte-identical data (fixed project names, seeded vectors). The server-side methods warm up for 5 x 3 s: with
 * 3 x 2 s a fork was still getting faster during measurement (the whole gRPC client and server stack has to be
 * compiled, at ~1000 calls per iteration), by up to 40%, differently in each fork. The interceptor-only methods
 * make millions of calls per iteration and warm up for 5 x 1 s.
 */
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireScopingBenchmark {

    static final int DIMENSION = 384;
    static final int LIMIT = 10;
    static final long SEED = 42;

    /** Points of the searched project, and of every other project in the search collection. */
    static final int PROJECT_POINTS = 10_000;

    /** Other projects sharing the search collection. */
    static final int OTHER_PROJECTS = 9;

    static final int BATCH = 100;

    /** Points of the project the {@code scroll10k} op scrolls (the other ops' project has {@value #BATCH}). */
    static final int LARGE_PROJECT_POINTS = 10_000;
    static final int UPSERT_POOL = 10_000;

    static final String SEARCH_COLLECTION = "bench_wire_search";
    static final String UPSERT_COLLECTION = "bench_wire_upsert";
    static final String CANNED_COLLECTION = "bench_wire_canned";

    /** The search collection: {@code 1 + OTHER_PROJECTS} projects, the searched one first. */
    @State(Scope.Benchmark)
    public static class Search {

        @Param({"search", "query"})
        public String rpc;

        WireFixture fixture;
        ProjectScope project;
        boolean query;
        Message[] scopedRequests;
        Message[] unscopedRequests;

        @Setup(Level.Trial)
        public void start() {
            start(1 + OTHER_PROJECTS, PROJECT_POINTS, DIMENSION);
        }

        /** Loads {@code projects} projects of {@code points} points and prepares both sides' requests. */
        void start(int projects, int points, int dimension) {
            query = "query".equals(rpc);
            fixture = WireFixture.start();
            fixture.createCollection(SEARCH_COLLECTION, dimension);
            Dataset dataset = Dataset.generate(projects * points, dimension, SEED);
            for (int p = 0; p < projects; p++) {
                fixture.loadProject(SEARCH_COLLECTION, WireFixture.project(p), dataset, p * points, points, 1000);
            }
            project = WireFixture.project(0);
            // the condition the interceptor adds, sent by the unscoped side itself
            Filter sameCondition = Filter.newBuilder().addMust(matchKeyword(WireFixture.KEY, project.name())).build();
            float[][] queries = Dataset.queries(QueryCursor.QUERIES, dimension, SEED);
            scopedRequests = new Message[queries.length];
            unscopedRequests = new Message[queries.length];
            for (int i = 0; i < queries.length; i++) {
                scopedRequests[i] = query ? query(queries[i], null) : search(queries[i], null);
                unscopedRequests[i] = query ? query(queries[i], sameCondition) : search(queries[i], sameCondition);
            }
        }

        List<ScoredPoint> send(QdrantClient client, Message request) {
            return QdrantFixture.await(query ? client.queryAsync((QueryPoints) request)
                    : client.searchAsync((SearchPoints) request));
        }

        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    static SearchPoints search(float[] vector, Filter filter) {
        SearchPoints.Builder request = SearchPoints.newBuilder()
                .setCollectionName(SEARCH_COLLECTION)
                .setLimit(LIMIT)
                .setWithPayload(enable(true));
        for (float x : vector) {
            request.addVector(x);
        }
        if (filter != null) {
            request.setFilter(filter);
        }
        return request.build();
    }

    static QueryPoints query(float[] vector, Filter filter) {
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .setCollectionName(SEARCH_COLLECTION)
                .setQuery(QueryFactory.nearest(vector))
                .setLimit(LIMIT)
                .setWithPayload(enable(true));
        if (filter != null) {
            request.setFilter(filter);
        }
        return request.build();
    }

    /** The upsert collection, emptied before every iteration, and the prepared batches. */
    @State(Scope.Benchmark)
    public static class Upsert {

        WireFixture fixture;
        ProjectScope project;
        UpsertPoints[] batches;
        /** {@link #batches} as the scoped client sends them: captured from the interceptor, once. */
        UpsertPoints[] stamped;
        Dataset dataset;
        int next;

        @Setup(Level.Trial)
        public void start() {
            fixture = WireFixture.start();
            project = WireFixture.project(0);
            dataset = Dataset.generate(UPSERT_POOL, DIMENSION, 7);
            batches = new UpsertPoints[UPSERT_POOL / BATCH];
            for (int b = 0; b < batches.length; b++) {
                batches[b] = build(b);
            }
            CannedChannel canned = new CannedChannel().answer(PointsGrpc.getUpsertMethod(),
                    request -> PointsOperationResponse.getDefaultInstance());
            Channel intercepted = ClientInterceptors.intercept(canned, WireFixture.interceptor(new ScopedProjects()));
            stamped = new UpsertPoints[batches.length];
            try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
                for (int b = 0; b < batches.length; b++) {
                    CannedChannel.call(intercepted, PointsGrpc.getUpsertMethod(), batches[b]);
                    stamped[b] = (UpsertPoints) canned.lastRequest();
                }
            }
        }

        @Setup(Level.Iteration)
        public void emptyCollection() {
            fixture.createCollection(UPSERT_COLLECTION, DIMENSION);
        }

        UpsertPoints nextBatch() {
            return next(batches);
        }

        /**
         * The next batch built now from the application's data, as an application builds each request: a
         * message sent once, whose serialized sizes protobuf has not memoized yet.
         */
        UpsertPoints buildNext() {
            UpsertPoints batch = build(next);
            next = (next + 1) % batches.length;
            return batch;
        }

        private UpsertPoints build(int b) {
            List<PointStruct> points = new ArrayList<>(BATCH);
            for (int id = b * BATCH; id < (b + 1) * BATCH; id++) {
                points.add(WireFixture.point(id, dataset, id));
            }
            return WireFixture.upsert(UPSERT_COLLECTION, points);
        }

        UpsertPoints nextStamped() {
            return next(stamped);
        }

        private UpsertPoints next(UpsertPoints[] pool) {
            UpsertPoints batch = pool[next];
            next = (next + 1) % pool.length;
            return batch;
        }

        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    /**
     * The interceptor on a {@link CannedChannel}, with one project of {@value #BATCH} points written through
     * it (so it knows their ids, as after a test's upsert) and the request of {@code op}.
     */
    @State(Scope.Benchmark)
    public static class Rewrite {

        @Param({"upsert100", "search", "queryPrefetch", "scroll", "scroll10k"})
        public String op;

        ProjectScope project;
        CannedChannel canned;
        Channel intercepted;
        MethodDescriptor<Message, Message> method;
        Message request;

        @Setup(Level.Trial)
        public void prepare() {
            project = WireFixture.project(0);
            canned = new CannedChannel();
            intercepted = ClientInterceptors.intercept(canned, WireFixture.interceptor(new ScopedProjects()));
            int projectPoints = "scroll10k".equals(op) ? LARGE_PROJECT_POINTS : BATCH;
            Dataset dataset = Dataset.generate(projectPoints, DIMENSION, 5);
            PointsOperationResponse upserted = PointsOperationResponse.newBuilder()
                    .setResult(UpdateResult.newBuilder().setOperationId(1).setStatus(UpdateStatus.Completed))
                    .setTime(0.0001)
                    .build();
            canned.answer(PointsGrpc.getUpsertMethod(), request -> upserted);
            // the project's points, written through the interceptor (which remembers their ids) as the server
            // stores them: namespaced ids, stamped payload, in Qdrant's id order
            UpsertPoints upsert = null;
            List<PointStruct> stored = new ArrayList<>(projectPoints);
            try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
                for (int from = 0; from < projectPoints; from += BATCH) {
                    List<PointStruct> points = new ArrayList<>(BATCH);
                    for (int id = from; id < from + BATCH; id++) {
                        points.add(WireFixture.point(id, dataset, id));
                    }
                    UpsertPoints batch = WireFixture.upsert(CANNED_COLLECTION, points);
                    upsert = upsert == null ? batch : upsert;
                    CannedChannel.call(intercepted, PointsGrpc.getUpsertMethod(), batch);
                    stored.addAll(((UpsertPoints) canned.lastRequest()).getPointsList());
                }
            }
            stored.sort(Comparator.comparing(PointStruct::getId, WireScopingBenchmark::compareIds));
            answerReads(canned, stored);

            float[][] queries = Dataset.queries(2, DIMENSION, SEED);
            Filter tenant = Filter.newBuilder().addMust(matchKeyword(Dataset.TENANT_KEY, Dataset.FILTER_TENANT)).build();
            switch (op) {
                case "upsert100" -> use(PointsGrpc.getUpsertMethod(), upsert);
                case "search" -> use(PointsGrpc.getSearchMethod(), search(queries[0], null).toBuilder()
                        .setCollectionName(CANNED_COLLECTION).build());
                case "queryPrefetch" -> use(PointsGrpc.getQueryMethod(), QueryPoints.newBuilder()
                        .setCollectionName(CANNED_COLLECTION)
                        .addPrefetch(PrefetchQuery.newBuilder().setQuery(QueryFactory.nearest(queries[0])).setLimit(50))
                        .addPrefetch(PrefetchQuery.newBuilder().setQuery(QueryFactory.nearest(queries[1]))
                                .setFilter(tenant).setLimit(50))
                        .setQuery(QueryFactory.fusion(Fusion.RRF))
                        .setLimit(LIMIT)
                        .setWithPayload(enable(true))
                        .build());
                case "scroll", "scroll10k" -> use(PointsGrpc.getScrollMethod(), ScrollPoints.newBuilder()
                        .setCollectionName(CANNED_COLLECTION)
                        .setLimit(LIMIT)
                        .setWithPayload(enable(true))
                        .build());
                default -> throw new IllegalArgumentException("unknown op " + op);
            }
        }

        @SuppressWarnings("unchecked")
        private void use(MethodDescriptor<?, ?> method, Message request) {
            this.method = (MethodDescriptor<Message, Message>) method;
            this.request = request;
        }
    }

    /**
     * Canned reads over {@code stored}: Search and Query return ten of its points with scores, Scroll the
     * first {@code limit} points (the scoped scroll asks for its whole window) with the next offset.
     */
    static void answerReads(CannedChannel canned, List<PointStruct> stored) {
        List<ScoredPoint> hits = new ArrayList<>(LIMIT);
        for (int i = 0; i < LIMIT; i++) {
            PointStruct point = stored.get(i * 7 % stored.size());
            hits.add(ScoredPoint.newBuilder().setId(point.getId()).putAllPayload(point.getPayloadMap())
                    .setScore(0.9f - i * 0.01f).setVersion(3).build());
        }
        SearchResponse searched = SearchResponse.newBuilder().addAllResult(hits).setTime(0.0001).build();
        QueryResponse queried = QueryResponse.newBuilder().addAllResult(hits).setTime(0.0001).build();
        canned.answer(PointsGrpc.getSearchMethod(), request -> searched);
        canned.answer(PointsGrpc.getQueryMethod(), request -> queried);
        List<RetrievedPoint> window = stored.stream()
                .map(p -> RetrievedPoint.newBuilder().setId(p.getId()).putAllPayload(p.getPayloadMap()).build())
                .toList();
        Map<Integer, ScrollResponse> pages = new ConcurrentHashMap<>();
        canned.answer(PointsGrpc.getScrollMethod(), request -> pages.computeIfAbsent(request.getLimit(), limit -> {
            ScrollResponse.Builder page = ScrollResponse.newBuilder().setTime(0.0001)
                    .addAllResult(window.subList(0, Math.min(limit, window.size())));
            if (limit < window.size()) {
                page.setNextPageOffset(window.get(limit).getId());
            }
            return page.build();
        }));
    }

    /**
     * Qdrant's order of ids (lib/segment/src/types.rs {@code ExtendedPointId}'s derived {@code Ord}): numbers
     * first, unsigned; then UUIDs by their bytes, unsigned.
     */
    static int compareIds(PointId a, PointId b) {
        if (a.hasNum() || b.hasNum()) {
            return a.hasNum() && b.hasNum() ? Long.compareUnsigned(a.getNum(), b.getNum()) : a.hasNum() ? -1 : 1;
        }
        UUID x = UUID.fromString(a.getUuid());
        UUID y = UUID.fromString(b.getUuid());
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }

    // ---- search over the embedded server ----

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
    public List<ScoredPoint> unscopedSearch(Search search, QueryCursor cursor) {
        return search.send(search.fixture.plain(), search.unscopedRequests[cursor.advance()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
    public List<ScoredPoint> scopedSearch(Search search, QueryCursor cursor) {
        try (ProjectScope.Binding ignored = ProjectScope.open(search.project)) {
            return search.send(search.fixture.scoped(), search.scopedRequests[cursor.advance()]);
        }
    }

    // ---- upsert over the embedded server ----

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public UpdateResult unscopedUpsert(Upsert upsert) {
        return QdrantFixture.await(upsert.fixture.plain().upsertAsync(upsert.nextBatch()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public UpdateResult scopedUpsert(Upsert upsert) {
        try (ProjectScope.Binding ignored = ProjectScope.open(upsert.project)) {
            return QdrantFixture.await(upsert.fixture.scoped().upsertAsync(upsert.nextBatch()));
        }
    }

    /**
     * {@link #unscopedUpsert} with the request built in the call, as applications do (the prepared batches are
     * sent again and again, so protobuf has memoized their sizes; a fresh request's are computed once on the
     * way out, and a scoped request is always fresh: the interceptor builds it).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public UpdateResult unscopedUpsertBuilt(Upsert upsert) {
        return QdrantFixture.await(upsert.fixture.plain().upsertAsync(upsert.buildNext()));
    }

    /** {@link #scopedUpsert} with the request built in the call: the scoped twin of {@link #unscopedUpsertBuilt}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public UpdateResult scopedUpsertBuilt(Upsert upsert) {
        try (ProjectScope.Binding ignored = ProjectScope.open(upsert.project)) {
            return QdrantFixture.await(upsert.fixture.scoped().upsertAsync(upsert.buildNext()));
        }
    }

    /**
     * Diagnostic: the plain client sending exactly what {@link #scopedUpsert} sends (namespaced ids, stamped
     * payload), so {@code scoped / stamped} is the interceptor's share and {@code stamped / unscoped} the
     * server's cost of storing scoped points.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public UpdateResult stampedUpsert(Upsert upsert) {
        return QdrantFixture.await(upsert.fixture.plain().upsertAsync(upsert.nextStamped()));
    }

    // ---- the interceptor alone, no server ----

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 5, time = 1)
    public Message interceptorScoped(Rewrite rewrite) {
        try (ProjectScope.Binding ignored = ProjectScope.open(rewrite.project)) {
            return CannedChannel.call(rewrite.intercepted, rewrite.method, rewrite.request);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 5, time = 1)
    public Message interceptorOutsideScope(Rewrite rewrite) {
        return CannedChannel.call(rewrite.intercepted, rewrite.method, rewrite.request);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 5, time = 1)
    public Message noInterceptor(Rewrite rewrite) {
        return CannedChannel.call(rewrite.canned, rewrite.method, rewrite.request);
    }
}
