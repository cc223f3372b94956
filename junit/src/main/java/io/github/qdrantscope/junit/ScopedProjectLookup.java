package io.github.qdrantscope.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.core.ProjectDefinition;
import io.github.qdrantscope.core.ScopedProject;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the {@link ScopedProject @ScopedProject} that applies to a test method, with the Spring listener's rules
 * and without Spring: the method's own (direct or as a meta-annotation, also on the method it overrides) wins over
 * the class's, which is searched on the class (directly or meta-present), its interfaces and superclasses, then, for
 * a {@code @Nested} (inner) class, on its enclosing classes.
 */
final class ScopedProjectLookup {

    /** Unscoped methods are cached too, as this marker; invalid annotations are not (they fail every time). */
    private static final Optional<ProjectDefinition> UNSCOPED = Optional.empty();

    private static final Map<TestMethod, Optional<ProjectDefinition>> CACHE = new ConcurrentHashMap<>();

    private ScopedProjectLookup() {
    }

    /**
     * The validated definition for {@code method} run as a test of {@code testClass}, or empty when it is not
     * scoped.
     *
     * @throws IllegalArgumentException for an invalid annotation, naming the attribute, value and test
     */
    static Optional<ProjectDefinition> forMethod(Class<?> testClass, Method method) {
        TestMethod key = new TestMethod(testClass, method);
        Optional<ProjectDefinition> cached = CACHE.get(key);
        if (cached == null) {
            cached = find(testClass, method);
            CACHE.put(key, cached);
        }
        return cached;
    }

    private static Optional<ProjectDefinition> find(Class<?> testClass, Method method) {
        Optional<ScopedProject> annotation = onMethod(testClass, method);
        if (annotation.isEmpty()) {
            annotation = onClass(testClass);
        }
        return annotation.isEmpty() ? UNSCOPED
                : Optional.of(ProjectDefinition.of(annotation.get(), testClass, method.getName()));
    }

    /** On {@code method}, or on a method of a superclass or interface it overrides. */
    private static Optional<ScopedProject> onMethod(Class<?> testClass, Method method) {
        Optional<ScopedProject> direct = AnnotationSupport.findAnnotation(method, ScopedProject.class);
        if (direct.isPresent() || Modifier.isPrivate(method.getModifiers())) {
            return direct;
        }
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Optional<ScopedProject> found = onDeclaredMethod(type, method);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> ifc : type.getInterfaces()) {
                found = onDeclaredMethod(ifc, method);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ScopedProject> onDeclaredMethod(Class<?> type, Method method) {
        try {
            Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return AnnotationSupport.findAnnotation(declared, ScopedProject.class);
        }
        catch (NoSuchMethodException ex) {
            return Optional.empty();
        }
    }

    /** On the class, its interfaces and superclasses (JUnit's search), then on the enclosing class of an inner one. */
    static Optional<ScopedProject> onClass(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = enclosingOfInner(type)) {
            Optional<ScopedProject> found = AnnotationSupport.findAnnotation(type, ScopedProject.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The enclosing class of a {@code @Nested} (non-static member) class, else {@code null}. */
    private static Class<?> enclosingOfInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? type.getEnclosingClass() : null;
    }

    /** An inherited method runs for each subclass, with that subclass's prefix. */
    private record TestMethod(Class<?> testClass, Method method) {
    }
}
