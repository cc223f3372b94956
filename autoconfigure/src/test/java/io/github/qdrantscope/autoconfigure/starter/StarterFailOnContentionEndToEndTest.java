package io.github.qdrantscope.autoconfigure.starter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.metrics.ContentionException;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.ai.document.Document;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code qdrant-scope.fail-on-contention=true} as shipped: the offending call fails where it is made. */
@SpringBootTest(classes = StarterTestApplication.class, properties = "qdrant-scope.fail-on-contention=true")
@ScopedProject
@Isolated
class StarterFailOnContentionEndToEndTest extends StarterTestSupport {

    @Test
    void anUnscopedRawReadFailsAtThePointOfContentionNamingCollectionAndKind() throws Exception {
        String collection = collection();
        QdrantClient raw = raw();
        SearchPoints unscoped = SearchPoints.newBuilder()
            .setCollectionName(collection)
            .addAllVector(List.of(1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f))
            .setLimit(10)
            .build();
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);

        // inside the test's project the raw client is scoped; a thread without the project is not
        ExecutorService unscopedThread = Executors.newSingleThreadExecutor();
        ContentionException failure;
        try {
            failure = unscopedThread.submit(() -> catchThrowableOfType(ContentionException.class,
                    () -> raw.searchAsync(unscoped))).get();
        }
        finally {
            unscopedThread.shutdownNow();
        }

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ContentionKind.UNSCOPED_READ);
        assertThat(failure).hasMessageContaining("unscoped_read")
            .hasMessageContaining("'" + collection + "'")
            .hasMessageContaining("raw QdrantClient Search");
        assertThat(ScopeMeterValues.of(this.registry).since(before))
            .isEqualTo(Map.of("qdrant.scope.contention{kind=unscoped_read}", 1L));

        // scoped use of the store is not contention
        this.vectorStore.add(List.of(new Document("doc-1", "red apple", Map.of())));
        assertThat(this.vectorStore.similaritySearch("apple")).extracting(Document::getId).containsExactly("doc-1");
    }
}
