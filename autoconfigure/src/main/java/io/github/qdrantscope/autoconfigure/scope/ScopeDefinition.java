package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectDefinition;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The validated {@link ScopedProject @ScopedProject} that applies to one test method: the method's own
 * (direct or meta-annotation, also from an overridden method) wins over the class's, which is searched
 * on superclasses, interfaces and enclosing classes of {@code @Nested} tests.
 */
record ScopeDefinition(String prefix, String key, ScopedProject.Cleanup cleanup) {

    /** Unscoped methods are cached too, as this marker; invalid annotations are not (they fail every time). */
    private static final ScopeDefinition UNSCOPED = new ScopeDefinition("", "", ScopedProject.Cleanup.NEVER);

    /**
     * Definitions are looked up before every test method and never change: merged-annotation searches and
     * validation are paid once per method, as Spring's own test annotations are. Soft references, like
     * Spring's caches, so test classes can still be unloaded.
     */
    private static final Map<TestMethod, ScopeDefinition> CACHE = new ConcurrentReferenceHashMap<>();

    /** The definition for {@code method} of {@code testClass}, or {@code null} when it is not scoped. */
    static ScopeDefinition forMethod(Class<?> testClass, Method method) {
        TestMethod key = new TestMethod(testClass, method);
        ScopeDefinition cached = CACHE.get(key);
        if (cached == null) {
            cached = find(testClass, method);
            CACHE.put(key, cached);
        }
        return cached == UNSCOPED ? null : cached;
    }

    private static ScopeDefinition find(Class<?> testClass, Method method) {
        ScopedProject onMethod = AnnotatedElementUtils.findMergedAnnotation(method, ScopedProject.class);
        if (onMethod != null) {
            return validated(onMethod, testClass, method);
        }
        ScopedProject onClass = forClassAnnotation(testClass);
        return onClass == null ? UNSCOPED : validated(onClass, testClass, method);
    }

    /** The class-level annotation that applies to {@code testClass}, or {@code null}. */
    static ScopedProject forClassAnnotation(Class<?> testClass) {
        return TestContextAnnotationUtils.findMergedAnnotation(testClass, ScopedProject.class);
    }

    /** A fresh scope following this definition. */
    ProjectScope newScope() {
        return new ProjectScope(ProjectNames.newName(this.prefix), this.key);
    }

    // the one validation of @ScopedProject, shared with the JUnit extension
    private static ScopeDefinition validated(ScopedProject annotation, Class<?> testClass, Method method) {
        ProjectDefinition definition = ProjectDefinition.of(annotation, testClass, method.getName());
        return new ScopeDefinition(definition.prefix(), definition.key(), definition.cleanup());
    }

    /** The method of a test class: an inherited method runs for each subclass, with that subclass's prefix. */
    private record TestMethod(Class<?> testClass, Method method) {
    }
}
