package io.github.qdrantscope.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * "Project memory": a small web service that stores notes ("memories") per project in Qdrant through
 * Spring AI's {@code VectorStore} and finds them again by meaning.
 *
 * <p>It needs a Qdrant and an {@code EmbeddingModel}. For development, run {@code TestDemoApplication}
 * (test scope: the embedded Qdrant and the offline hashing embeddings) with
 * {@code ./mvnw -pl demo-app -am spring-boot:test-run}; in production add an embedding model starter
 * (for example {@code spring-ai-starter-model-openai}) and point {@code spring.ai.vectorstore.qdrant.*} at
 * your Qdrant.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
