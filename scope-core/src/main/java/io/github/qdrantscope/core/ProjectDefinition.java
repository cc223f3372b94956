package io.github.qdrantscope.core;

/**
 * A validated {@link ScopedProject @ScopedProject} as it applies to one test method: the prefix of its projects'
 * names, the payload key and the cleanup policy. Shared by every test integration (the Spring listener, the JUnit
 * extension), so an invalid annotation fails the same way everywhere, naming the annotation, the attribute, the
 * value and the test.
 *
 * @param prefix the project-name prefix: the annotation's value, or derived from the test class and method
 * @param key the payload key carrying the project
 * @param cleanup when the project's points are removed
 */
public record ProjectDefinition(String prefix, String key, ScopedProject.Cleanup cleanup) {

    /**
     * Validates {@code annotation} for {@code methodName} of {@code testClass}.
     *
     * @throws IllegalArgumentException naming the attribute, the value and {@code testClass#methodName}
     */
    public static ProjectDefinition of(ScopedProject annotation, Class<?> testClass, String methodName) {
        String where = testClass.getName() + "#" + methodName;
        String value = annotation.value();
        if (!value.isEmpty() && !ProjectNames.isValidPrefix(value)) {
            throw new IllegalArgumentException("Invalid @ScopedProject(value = \"" + value + "\") on " + where + ": "
                    + ProjectNames.PREFIX_RULE);
        }
        if (!ProjectNames.isValidKey(annotation.key())) {
            throw new IllegalArgumentException("Invalid @ScopedProject(key = \"" + annotation.key() + "\") on "
                    + where + ": " + ProjectNames.KEY_RULE);
        }
        String prefix = value.isEmpty() ? ProjectNames.derivePrefix(testClass, methodName) : value;
        return new ProjectDefinition(prefix, annotation.key(), annotation.cleanup());
    }

    /** A fresh scope following this definition: a JVM-unique name {@code <prefix>-<8 hex digits>}. */
    public ProjectScope newScope() {
        return new ProjectScope(ProjectNames.newName(this.prefix), this.key);
    }
}
