package io.github.qdrantscope.benchmarks.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code @SpringBootTest} of {@link BenchApplication} without a web server, creating its collection on
 * start, quiet enough that logging does not dominate a context start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = BenchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.ai.vectorstore.qdrant.initialize-schema=true",
        "spring.main.banner-mode=off",
        "logging.level.root=warn"})
@interface QdrantBenchTest {
}
