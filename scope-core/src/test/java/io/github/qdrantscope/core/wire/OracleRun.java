package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * One seed of the oracle: a random sequence of operations run (a) scoped, in a project of the collection all
 * projects share, while other projects write the same ids there, and (b) unscoped in a fresh collection of the
 * same configuration. After every operation both outcomes must be equal, after every write also the whole
 * content of the project and of the fresh collection; at the end the project must hold as many stamped points as
 * the fresh collection, and its write record (what cleanup counts on) must not say otherwise.
 */
final class OracleRun {

    /** How often each operation succeeded or failed with which status, over every run: what the oracle covered. */
    static final Map<String, LongAdder> OUTCOMES = new ConcurrentSkipListMap<>();

    /** More pages than any scroll of the id pool can need: a scroll still going is a paging bug. */
    private static final int MAX_PAGES = 64;

    private final OracleServer server;

    private final long seed;

    private final int operations;

    private final ProjectScope scope;

    private final List<String> history = new ArrayList<>();

    private String shared;

    private String fresh;

    OracleRun(OracleServer server, long seed, int operations) {
        this.server = server;
        this.seed = seed;
        this.operations = operations;
        // every third project has a key of its own (@ScopedProject(key = "tenant")): stamped with two fields
        this.scope = new ProjectScope(ProjectNames.newName("oracle-s" + seed),
                seed % 3 == 1 ? "tenant" : ScopedProject.DEFAULT_KEY);
    }

    /** Runs the sequence; an {@link AssertionError} names the seed, the operation and both outcomes. */
    void run() throws Exception {
        // the first draws of java.util.Random from adjacent seeds are correlated (every seed divisible by 4 drew
        // the same configuration): the seed is mixed first
        Random rng = new Random(new SplittableRandom(this.seed).nextLong());
        // every fourth sequence writes only what cannot fail, so that its write record stays certain
        OracleData data = new OracleData(rng, rng.nextBoolean(), this.seed % 4 == 0);
        OracleWrites writes = new OracleWrites(data);
        OracleReads reads = new OracleReads(data);
        OracleQueries queries = new OracleQueries(data, reads);
        this.shared = this.server.shared(data.named);
        this.fresh = "oracle_fresh_" + Long.toUnsignedString(this.seed) + "_" + this.scope.name();
        this.server.create(this.fresh, data.named);
        try {
            for (int i = 0; i < this.operations; i++) {
                int roll = rng.nextInt(100);
                OracleOp op = i < 4 ? writes.upsert() : roll < 35 ? writes.next() : roll < 70 ? reads.next()
                        : queries.next();
                this.history.add("#" + i + " " + op.name());
                boolean failed = !check(op, i);
                // a refused write changes nothing, except UpdateBatch, whose operations before the failing one
                // stay applied
                if (op.kind() == OracleOp.Kind.WRITE && (!failed || op.method() == PointsGrpc.getUpdateBatchMethod())) {
                    checkState(i);
                }
            }
            checkState(this.operations);
            checkCleanup();
        }
        finally {
            this.server.drop(this.fresh);
        }
    }

    /** Whether the operation succeeded (on both sides, as it must). */
    private boolean check(OracleOp op, int index) {
        if (op.kind() == OracleOp.Kind.SCROLL_PAGES) {
            checkPages(op, index);
            return true;
        }
        OracleOutcome scoped = this.server.call(this.scope, op.method(), op.request().apply(this.shared), op.ties());
        OracleOutcome fresh = this.server.call(null, op.method(), op.request().apply(this.fresh), op.ties());
        if (!scoped.sameAs(fresh)) {
            throw difference(index, op.describe(this.fresh), scoped, fresh);
        }
        count(op.name(), fresh);
        return fresh.ok();
    }

    private static void count(String name, OracleOutcome outcome) {
        tally(name + (outcome.ok() ? (empty(outcome.response()) ? " ok, empty" : " ok")
                : " " + outcome.status().getCode()));
    }

    private static void tally(String outcome) {
        OUTCOMES.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** A read that found nothing: every repeated field of the response (and of its result) is empty. */
    private static boolean empty(Message response) {
        for (var field : response.getDescriptorForType().getFields()) {
            if (field.isRepeated() && response.getRepeatedFieldCount(field) > 0) {
                return false;
            }
            if (field.getName().equals("result") && !field.isRepeated() && response.hasField(field)) {
                return empty((Message) response.getField(field));
            }
        }
        return response.getDescriptorForType().getFields().stream().anyMatch(field -> field.isRepeated()
                || field.getName().equals("result"));
    }

    /** Follows next_page_offset on each side and compares every page. */
    private void checkPages(OracleOp op, int index) {
        Points.ScrollPoints first = (Points.ScrollPoints) op.request().apply("");
        PointId offset = first.hasOffset() ? first.getOffset() : null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Points.ScrollPoints.Builder request = first.toBuilder();
            if (offset != null) {
                request.setOffset(offset);
            }
            Message scopedRequest = request.setCollectionName(this.shared).build();
            Message freshRequest = request.setCollectionName(this.fresh).build();
            OracleOutcome scoped = this.server.call(this.scope, op.method(), scopedRequest, false);
            OracleOutcome fresh = this.server.call(null, op.method(), freshRequest, false);
            if (!scoped.sameAs(fresh)) {
                throw difference(index, op.name() + " page " + page + " "
                        + TextFormat.printer().shortDebugString(freshRequest), scoped, fresh);
            }
            count(op.name() + " page", fresh);
            Points.ScrollResponse response = (Points.ScrollResponse) fresh.response();
            if (response == null || !response.hasNextPageOffset()) {
                return;
            }
            offset = response.getNextPageOffset();
        }
        throw new AssertionError(prefix(index) + op.name() + " still has a next page after " + MAX_PAGES + " pages");
    }

    /** The project's points and the fresh collection's, in full. */
    private void checkState(int index) {
        OracleOp all = new OracleOp("whole content", PointsGrpc.getScrollMethod(),
                collection -> Points.ScrollPoints.newBuilder().setCollectionName(collection).setLimit(1000)
                    .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                    .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true))
                    .build(), OracleOp.Kind.READ, false);
        check(all, index);
    }

    /**
     * The project holds as many stamped points as the fresh collection, and the write record cleanup relies on
     * ({@link ScopedProjects#take}) counts them exactly whenever it claims to be certain.
     */
    private void checkCleanup() throws Exception {
        long expected = get(this.server.raw.countAsync(this.fresh, null, true));
        Filter project = Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(this.scope.key(), this.scope.name()))
            .build();
        long stamped = get(this.server.raw.countAsync(this.shared, project, true));
        List<ScopedProjects.CollectionWrites> records = this.server.qdrant.projects.take(this.scope.name());
        get(this.server.raw.deleteAsync(this.shared, project));
        boolean recordWrong = records.stream().anyMatch(record -> !record.collection().equals(this.shared)
                || record.certain() && record.points() != expected);
        tally("write record " + (records.stream().allMatch(ScopedProjects.CollectionWrites::certain) ? "certain"
                : "uncertain"));
        if (stamped != expected || recordWrong) {
            throw new AssertionError(prefix(this.operations) + "project '" + this.scope.name() + "' holds " + stamped
                    + " stamped points and its write record says " + records + "; the fresh collection holds "
                    + expected + "\noperations: " + this.history);
        }
    }

    private AssertionError difference(int index, String request, OracleOutcome scoped, OracleOutcome fresh) {
        return new AssertionError(prefix(index) + request + "\n--- scoped (project '" + this.scope.name()
                + "' in shared collection '" + this.shared + "'):\n" + scoped + "\n--- fresh (collection '"
                + this.fresh + "'):\n" + fresh + "\noperations: " + this.history);
    }

    private String prefix(int index) {
        return "Oracle difference at seed " + this.seed + " (-Dqdrant-scope.oracle.seed=" + this.seed
                + "), operation #" + index + " of " + this.operations + ": ";
    }
}
