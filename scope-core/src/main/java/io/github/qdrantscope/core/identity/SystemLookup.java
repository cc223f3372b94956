package io.github.qdrantscope.core.identity;

import java.util.Map;
import java.util.function.Function;

/**
 * Where fork and run ids are read from: system properties and environment variables. An interface so
 * the resolution layers can be tested without changing the real JVM's state.
 */
public interface SystemLookup {

    /** A system property, or {@code null}. */
    String property(String name);

    /** An environment variable, or {@code null}. */
    String env(String name);

    /** The real JVM's system properties and environment. */
    static SystemLookup jvm() {
        return of(System::getProperty, System::getenv);
    }

    /** A lookup over two functions. */
    static SystemLookup of(Function<String, String> properties, Function<String, String> env) {
        return new SystemLookup() {
            @Override
            public String property(String name) {
                return properties.apply(name);
            }

            @Override
            public String env(String name) {
                return env.apply(name);
            }
        };
    }

    /** A lookup over two maps (tests). */
    static SystemLookup of(Map<String, String> properties, Map<String, String> env) {
        return of(properties::get, env::get);
    }

    /** A value that is present and not blank, or {@code null}. */
    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
