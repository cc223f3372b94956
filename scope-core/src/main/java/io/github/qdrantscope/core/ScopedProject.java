package io.github.qdrantscope.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each test method its own Qdrant "project": every document the code under test adds is
 * stamped with it, and every search and delete is filtered to it, so tests sharing one collection
 * (and one cached Spring context) cannot see or remove each other's points.
 *
 * <p>Put it on a test class (applies to every test method, inherited by subclasses and {@code @Nested}
 * classes) or on a method (the method's annotation wins). It may be used as a meta-annotation.
 *
 * <p>Before each test method, {@link ScopedProjectTestExecutionListener} opens a fresh
 * {@link ProjectScope} named {@code <prefix>-<8 hex digits>} on the test's thread (read it with
 * {@link ProjectScope#current()} or an injected {@link CurrentProject}); after the method it closes the
 * scope and removes the project's points according to {@link #cleanup()}. An invalid {@link #value()} or
 * {@link #key()} fails the test before it runs, naming the attribute and the test method.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ScopedProject {

    /** The default payload key, {@value}. */
    String DEFAULT_KEY = "qdrant_scope_project";

    /**
     * Readable prefix of the project name (at most 40 characters of {@code [A-Za-z0-9_-]}); a unique
     * 8-hex-digit suffix is appended per test. Empty (the default) derives it from the test class and
     * method names.
     */
    String value() default "";

    /**
     * Payload key that carries the project on every stored point. The default is chosen not to
     * collide with an application's own fields.
     */
    String key() default DEFAULT_KEY;

    /** When the project's points are removed. */
    Cleanup cleanup() default Cleanup.AFTER_EACH_TEST;

    /** When a project's points are removed from the collection. */
    enum Cleanup {
        /** After each test method (the default). */
        AFTER_EACH_TEST,
        /** After the last test method of the class; every method still gets its own project. */
        AFTER_CLASS,
        /** Never: the points stay until the collection is dropped (useful to inspect a failure). */
        NEVER
    }
}
