package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.qdrant.client.grpc.Common.PointId;

/**
 * What the open projects wrote through every scoped client of this JVM: per collection, which points a project
 * has, so that cleanup can say how many it removed without a count round trip and knows every collection to
 * clean. (The application's ids are not recorded: {@link ScopedIds} computes them back from the stored ones.)
 *
 * <p>Stored ids are namespaced per project ({@link ScopedIds}), so the ids upserted and not deleted by id are
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

    /** Projects forgotten with their points kept ({@code cleanup = NEVER}): their names, for {@link #withPoints}. */
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

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
        if (this.projects.remove(project) != null) {
            this.kept.add(project);
        }
    }

    /**
     * The projects that may have points written through a scoped client of this JVM: those not cleaned up yet and
     * those whose points are kept. With {@link ScopedIds} this tells which stored point is which project's id, for
     * what looks at the collection as it is (the audit of a {@code delete(ids)}).
     */
    public Set<String> withPoints() {
        Set<String> names = new HashSet<>(this.projects.keySet());
        names.addAll(this.kept);
        return names;
    }

    /** Whether {@code project} has something recorded (records must not outlive their cleanup). */
    public boolean isRecorded(String project) {
        return this.projects.containsKey(project);
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
        // a get first: computeIfAbsent locks the bin even when the project exists, and every write asks
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
                    case ADDED -> change.stored().forEach(this.record.ids::add);
                    case DELETED -> change.stored().forEach(this.record.ids::remove);
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

        final ConcurrentMap<String, Record> collections = new ConcurrentHashMap<>();
    }

    private static final class Record {

        final StoredIdSet ids = new StoredIdSet();

        final AtomicInteger inFlight = new AtomicInteger();

        volatile boolean uncertain;
    }
}
