package io.github.qdrantscope.rawdemo;

import java.time.Duration;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one Qdrant client, built the way the client library's README builds one. */
@Configuration(proxyBeanMethods = false)
public class QdrantClientConfiguration {

    /** Deadline of every call the application makes. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    QdrantClient qdrantClient(QdrantSettings settings) {
        return new QdrantClient(QdrantGrpcClient.newBuilder(settings.host(), settings.port(), false)
            .withTimeout(TIMEOUT)
            .build());
    }
}
