package io.github.qdrantscope.autoconfigure.scope;

import java.lang.reflect.Method;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The validated {@link ScopedProject @ScopedProject} that applies to one test method: the method's own
 * (direct or meta-annotation, also from an overridden method) wins over the class's, which is searched
 * on superclasses, interfaces and enclosing classes of {@code @Nested} tests.
 */
record ScopeDefinition(String prefix, String key, ScopedProject.Cleanup cleanup) {

    /** The definition for {@code method} of {@code testClass}, or {@code null} when it is not scoped. */
    static ScopeDefinition forMethod(Class<?> testClass, Method method) {
        ScopedProject onMethod = AnnotatedElementUtils.findMergedAnnotation(method, ScopedProject.class);
        if (onMethod != null) {
            return validated(onMethod, testClass, method);
        }
        ScopedProject onClass = forClassAnnotation(testClass);
        return onClass == null ? null : validated(onClass, testClass, method);
    }

    /** The class-level annotation that applies to {@code testClass}, or {@code null}. */
    static ScopedProject forClassAnnotation(Class<?> testClass) {
        return TestContextAnnotationUtils.findMergedAnnotation(testClass, ScopedProject.class);
    }

    /** A fresh scope following this definition. */
    ProjectScope newScope() {
        return new ProjectScope(ProjectNames.newName(this.prefix), this.key);
    }

    private static ScopeDefinition validated(ScopedProject annotation, Class<?> testClass, Method method) {
        String where = testClass.getName() + "#" + method.getName();
        String value = annotation.value();
        if (!value.isEmpty() && !ProjectNames.isValidPrefix(value)) {
            throw new IllegalArgumentException("Invalid @ScopedProject(value = \"" + value + "\") on " + where
                    + ": " + ProjectNames.PREFIX_RULE);
        }
        if (!ProjectNames.isValidKey(annotation.key())) {
            throw new IllegalArgumentException("Invalid @ScopedProject(key = \"" + annotation.key() + "\") on "
                    + where + ": " + ProjectNames.KEY_RULE);
        }
        String prefix = value.isEmpty() ? ProjectNames.derivePrefix(testClass, method.getName()) : value;
        return new ScopeDefinition(prefix, annotation.key(), annotation.cleanup());
    }
}
