package io.github.qdrantscope.demo.support;

import java.util.UUID;

/**
 * Application-level project names for tests of endpoints the application serves with the raw
 * {@code QdrantClient} (list, count, statistics, delete-all). Scoping covers the {@code VectorStore}; raw
 * client reads filter only on the application's own {@code project} field, so such tests use a project
 * name of their own. Tests of vector-store paths use fixed names on purpose: scoping isolates them.
 */
public final class Projects {

    private Projects() {
    }

    /** {@code prefix} plus a random suffix: a project no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
