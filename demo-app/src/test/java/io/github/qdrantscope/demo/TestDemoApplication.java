package io.github.qdrantscope.demo;

import org.springframework.boot.SpringApplication;

/**
 * Runs the demo for development with nothing installed: with the qdrant-scope starter on the (test)
 * classpath and no Qdrant configured, an embedded Qdrant starts in this JVM; the {@code dev} profile
 * ({@code application-dev.properties}) selects the offline hashing embedding model. Start it with
 * {@code ./mvnw -pl demo-app -am spring-boot:test-run} (or run this class from the IDE) and call the API on
 * http://localhost:8080 (see {@code docs/demo.md}).
 */
public final class TestDemoApplication {

    private TestDemoApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(DemoApplication::main).withAdditionalProfiles("dev").run(args);
    }
}
