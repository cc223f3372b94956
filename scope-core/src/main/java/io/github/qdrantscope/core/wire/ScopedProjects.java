package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.qdrant.client.grpc.Common.PointId;

/**
 * What the open projects wrote through every scoped client of this JVM: the id the application gave each
 * stored point (so responses can carry it back), and, per collection, which points a project has, so that
 * cleanup can say how many it removed without a count round trip and knows every collection to clean.
 *
 * <p>Stored ids are namespaced per project ({@link WireIds}), so the ids upserted and not deleted by id are
 * exactly a project's points in a collection — while nothing else changed them. A delete by filter, a failed
 * write (it may have been applied in part) or two writes of one project to one collection overlapping in time
 * (their order on the server is unknown) make that collection's record <em>uncertain</em>: cleanup then counts.
 *
 * <p>Project names are unique in the JVM, so one instance serves every client and Spring context:
 * {@link #jvm()}.
 */
public final class ScopedProjects {

    private static final ScopedProjects JVM = new ScopedProjects();

    private final ConcurrentMap<String, Project> projects = new ConcurrentHashMap<>();

    /** The registry every scoped client of this JVM shares. */
    public static ScopedProjects jvm() {
        return JVM;
    }

    /**
     * Removes and returns what {@code project} wrote, one entry per collection; empty when it wrote nothing
     * through a scoped client. A write still in flight makes its collection's record uncertain.
     */
    public List<CollectionWrites> take(String project) {
        Project removed = this.projects.remove(project);
        if (removed == null) {
            return List.of();
        }
        List<CollectionWrites> result = new ArrayList<>();
        removed.collections.forEach((collection, record) -> result.add(new CollectionWrites(collection,
                !record.uncertain && record.inFlight.get() == 0, record.ids.size())));
        return result;
    }

    /** Forgets {@code project}, whose points are kept ({@code cleanup = NEVER}). */
    public void forget(String project) {
        this.projects.remove(project);
    }

    /** Whether {@code project} has something recorded (records must not outlive their cleanup). */
    public boolean isRecorded(String project) {
        return this.projects.containsKey(project);
    }

    /** The application's id of a point {@code project} stored as {@code stored}, or {@code null} if unknown. */
    PointId original(String project, PointId stored) {
        Project record = this.projects.get(project);
        return record == null ? null : record.originals.get(WireIds.key(stored));
    }

    /** Remembers that {@code stored} is the application's {@code original} in {@code project}. */
    void remember(String project, PointId stored, PointId original) {
        project(project).originals.put(WireIds.key(stored), original);
    }

    /** Marks the start of a write of {@code project} to {@code collection}; the returned write takes its outcome. */
    Write begin(String project, String collection) {
        Record record = project(project).collections.computeIfAbsent(collection, name -> new Record());
        if (record.inFlight.incrementAndGet() > 1) {
            record.uncertain = true;
        }
        return new Write(record);
    }

    private Project project(String name) {
        // a get first: computeIfAbsent locks the bin even when the project exists, and every id of an upsert asks
        Project existing = this.projects.get(name);
        return existing != null ? existing : this.projects.computeIfAbsent(name, key -> new Project());
    }

    /**
     * What one project wrote to one collection.
     *
     * @param collection the collection, as the application named it
     * @param certain whether {@code points} is exact
     * @param points how many points the project has there, when {@code certain}
     */
    public record CollectionWrites(String collection, boolean certain, long points) {
    }

    /** How a successful write changed the set of a project's points in a collection. */
    record Change(Kind kind, List<PointId> stored) {

        enum Kind {
            /** These stored ids now exist. */
            ADDED,
            /** These stored ids no longer exist. */
            DELETED,
            /** Points were removed in a way the record cannot follow (by filter). */
            UNKNOWN
        }

        static Change added(List<PointId> stored) {
            return new Change(Kind.ADDED, stored);
        }

        static Change deleted(List<PointId> stored) {
            return new Change(Kind.DELETED, stored);
        }

        static Change unknown() {
            return new Change(Kind.UNKNOWN, List.of());
        }
    }

    /** One write in flight; exactly one of its methods is called when it ends. */
    static final class Write {

        private final Record record;

        private Write(Record record) {
            this.record = record;
        }

        /** The write was applied with these changes, in this order (payload and vector updates have none). */
        void succeeded(List<Change> changes) {
            for (Change change : changes) {
                switch (change.kind()) {
                    case ADDED -> change.stored().forEach(id -> this.record.ids.add(WireIds.key(id)));
                    case DELETED -> change.stored().forEach(id -> this.record.ids.remove(WireIds.key(id)));
                    case UNKNOWN -> this.record.uncertain = true;
                }
            }
            this.record.inFlight.decrementAndGet();
        }

        /** The write failed; it may have been applied in part. */
        void failed() {
            this.record.uncertain = true;
            this.record.inFlight.decrementAndGet();
        }
    }

    private static final class Project {

        final Map<String, PointId> originals = new ConcurrentHashMap<>();

        final ConcurrentMap<String, Record> collections = new ConcurrentHashMap<>();
    }

    private static final class Record {

        final Set<String> ids = ConcurrentHashMap.newKeySet();

        final AtomicInteger inFlight = new AtomicInteger();

        volatile boolean uncertain;
    }
}
