package io.github.qdrantscope.lc4jdemo.support;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.QdrantClient;

/**
 * Another project, as another test running at the same time would have, that a test can write and check
 * deterministically in its own thread: {@link #run} switches the thread to the neighbour's project for the call
 * (the documented {@code ProjectScope.open}); the test's own project is back afterwards. Closing it removes the
 * neighbour's points, as the extension does after a test. The hundreds of tests running in parallel in the same
 * collection are neighbours too, just not ones a test can look at.
 */
public final class Neighbour implements AutoCloseable {

    private final ProjectScope scope = new ProjectScope(ProjectNames.newName("neighbour"), ScopedProject.DEFAULT_KEY);

    private final QdrantClient client;

    public Neighbour(QdrantClient client) {
        this.client = client;
    }

    /** The neighbour's project name (what its points are stamped with on the server). */
    public String name() {
        return this.scope.name();
    }

    /** Runs {@code work} in the neighbour's project. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Calls {@code work} in the neighbour's project. */
    public <T> T call(Supplier<T> work) {
        try (ProjectScope.Binding ignored = ProjectScope.open(this.scope)) {
            return work.get();
        }
    }

    @Override
    public void close() {
        ProjectCleanup.remove(this.scope, ScopedProjects.jvm(), this.client, Duration.ofSeconds(30));
    }
}
