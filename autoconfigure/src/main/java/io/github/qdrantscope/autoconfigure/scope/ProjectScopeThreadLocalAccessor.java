package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer's context-propagation carry the {@link ProjectScope} across thread hops: executors
 * decorated with {@code ContextPropagatingTaskDecorator} (the starter adds one to Boot's task executor, so
 * {@code @Async} methods follow), Reactor with automatic context propagation, and anything else built
 * on {@code ContextSnapshot}. Registered through {@code META-INF/services}, so it only loads when
 * context-propagation is on the classpath.
 */
public class ProjectScopeThreadLocalAccessor implements ThreadLocalAccessor<ProjectScope> {

    /** The key the scope is stored under in a context snapshot. */
    public static final String KEY = "qdrant-scope.project";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public ProjectScope getValue() {
        return ProjectScope.currentOrNull();
    }

    @Override
    public void setValue(ProjectScope value) {
        ProjectScope.restore(value);
    }

    @Override
    public void setValue() {
        ProjectScope.restore(null);
    }
}
