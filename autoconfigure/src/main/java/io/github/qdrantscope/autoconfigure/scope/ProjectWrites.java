package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.NamespacedIds;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each open project has written through one scoped store, so that cleanup can report how many points
 * it removed without asking Qdrant to count them first: a count is a round trip of its own, which would
 * make a scoped test cost a third more than the unsafe "clear the collection before each test".
 *
 * <p>Point ids are namespaced per project ({@link NamespacedIds}), so the set of ids added and not deleted
 * by id is exactly the set of the project's points — as long as nothing else changed the project. A delete
 * by filter, a failed write (it may have been applied in part) and two writes of one project overlapping
 * in time (their order on the server is unknown) make the record <em>uncertain</em>, and cleanup then
 * counts the points on the server as before.
 */
final class ProjectWrites {

    private final ConcurrentMap<String, Record> byProject = new ConcurrentHashMap<>();

    /** Marks the start of a write of {@code project}; the returned record takes its outcome. */
    Record begin(String project) {
        Record record = this.byProject.computeIfAbsent(project, name -> new Record());
        if (record.inFlight.incrementAndGet() > 1) {
            record.uncertain = true;
        }
        return record;
    }

    /**
     * Removes and returns what {@code project} wrote, or {@code null} when it wrote nothing through this
     * store. A write still in flight makes the returned record uncertain.
     */
    Record take(String project) {
        Record record = this.byProject.remove(project);
        if (record != null && record.inFlight.get() > 0) {
            record.uncertain = true;
        }
        return record;
    }

    /** How many projects have a record (for tests: records must not outlive their cleanup). */
    int size() {
        return this.byProject.size();
    }

    /** The writes of one project. */
    static final class Record {

        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        private final AtomicInteger inFlight = new AtomicInteger();

        private volatile boolean uncertain;

        /** The write added these namespaced ids. */
        void added(Collection<String> namespacedIds) {
            this.ids.addAll(namespacedIds);
            this.inFlight.decrementAndGet();
        }

        /** The write deleted these namespaced ids. */
        void deleted(Collection<String> namespacedIds) {
            this.ids.removeAll(namespacedIds);
            this.inFlight.decrementAndGet();
        }

        /** The write changed the project in a way the record cannot follow (delete by filter, failure). */
        void unknown() {
            this.uncertain = true;
            this.inFlight.decrementAndGet();
        }

        /** Whether {@link #points()} is exact. */
        boolean certain() {
            return !this.uncertain;
        }

        /** How many points the project has, when {@link #certain()}. */
        int points() {
            return this.ids.size();
        }
    }
}
