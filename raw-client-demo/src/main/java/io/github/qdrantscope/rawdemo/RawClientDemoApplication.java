package io.github.qdrantscope.rawdemo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small knowledge base kept in Qdrant through the official client only: no Spring AI, no qdrant-scope in
 * production code. The application builds its own {@code QdrantClient} from {@code app.qdrant.host} /
 * {@code app.qdrant.port} ({@link QdrantClientConfiguration}), creates its hard-coded collections at start-up
 * ({@link KnowledgeBaseSchema}) and works on them through {@link KnowledgeBase}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RawClientDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(RawClientDemoApplication.class, args);
    }
}
