package io.github.qdrantscope.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.qdrantscope.core.ScopedProject;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class isolated by qdrant-scope without Spring: registers the {@link QdrantScopeExtension} and gives every
 * test method its own project ({@link ScopedProject @ScopedProject} with its defaults). For another key, prefix or
 * cleanup policy, put {@code @ScopedProject(...)} on the class or a method as well: a directly present annotation
 * wins over this one.
 *
 * <pre>{@code
 * @QdrantScopeTest
 * class SegmentSearchTest {
 *
 *     @Test
 *     void findsOnlyItsOwnSegments(QdrantClient qdrant) throws Exception {
 *         qdrant.upsertAsync("segments", List.of(point(1, ...))).get();    // the fork's "segments", this test's project
 *         assertThat(qdrant.countAsync("segments").get()).isEqualTo(1);   // exact: other tests' points are not seen
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QdrantScopeExtension.class)
@ScopedProject
public @interface QdrantScopeTest {
}
