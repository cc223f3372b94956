package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.benchmarks.QueryCursor;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code similaritySearch} (top 10) over the {@value #POINTS} points a test added in its project:
 * {@link #scoped} through the auto-configured, scoped {@code QdrantVectorStore} bean inside the project
 * scope (the project condition ANDed onto the request, results mapped back); {@link #raw} through a plain
 * {@code QdrantVectorStore} on the same collection, unfiltered. Target (issue 3): {@code scoped / raw <=
 * 1.10}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScopedSearchBenchmark {

    static final int POINTS = 10_000;
    static final int TOP_K = 10;
    static final String COLLECTION = "bench_scoped_search";

    /** A Spring Boot application on an embedded Qdrant, with one project's points loaded. */
    @State(Scope.Benchmark)
    public static class Stores {

        ConfigurableApplicationContext context;
        QdrantClient rawClient;
        VectorStore scoped;
        QdrantVectorStore raw;
        ProjectScope project;
        SearchRequest[] requests;

        @Setup(Level.Trial)
        public void start() throws Exception {
            start(POINTS);
        }

        /** Starts the application and loads {@code points} documents into one project. */
        void start(int points) throws Exception {
            SharedQdrant.start();
            context = new SpringApplicationBuilder(BenchApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(Map.of(
                            "spring.ai.vectorstore.qdrant.host", SharedQdrant.host(),
                            "spring.ai.vectorstore.qdrant.port", SharedQdrant.port(),
                            "spring.ai.vectorstore.qdrant.collection-name", COLLECTION,
                            "spring.ai.vectorstore.qdrant.initialize-schema", true,
                            "spring.main.banner-mode", "off",
                            "logging.level.root", "warn"))
                    .run();
            QdrantClient client = context.getBean(QdrantClient.class);
            // The tenant index the starter creates on the project key of its collections.
            QdrantFixture.await(client.createPayloadIndexAsync(COLLECTION, ScopedProject.DEFAULT_KEY,
                    PayloadSchemaType.Keyword, null, true, null, null));
            scoped = context.getBean(VectorStore.class);
            project = new ProjectScope(ProjectNames.newName("search-bench"), ScopedProject.DEFAULT_KEY);
            try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
                for (int from = 0; from < points; from += 500) {
                    scoped.add(documents(from, Math.min(from + 500, points)));
                }
            }
            // A client of its own: the starter's client carries interceptors that count unscoped raw calls.
            rawClient = SharedQdrant.connect();
            raw = QdrantVectorStore.builder(rawClient, context.getBean(EmbeddingModel.class))
                    .collectionName(COLLECTION)
                    .build();
            raw.afterPropertiesSet();
            requests = new SearchRequest[QueryCursor.QUERIES];
            for (int i = 0; i < QueryCursor.QUERIES; i++) {
                requests[i] = SearchRequest.builder().query("query " + i).topK(TOP_K).build();
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            rawClient.close();
            context.close();
            SharedQdrant.stop();
        }
    }

    static List<Document> documents(int from, int to) {
        List<Document> documents = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            documents.add(new Document("document " + i, Map.of("rank", i)));
        }
        return documents;
    }

    @Benchmark
    public List<Document> scoped(Stores stores, QueryCursor cursor) {
        try (ProjectScope.Binding ignored = ProjectScope.open(stores.project)) {
            return stores.scoped.similaritySearch(stores.requests[cursor.advance()]);
        }
    }

    @Benchmark
    public List<Document> raw(Stores stores, QueryCursor cursor) {
        return stores.raw.similaritySearch(stores.requests[cursor.advance()]);
    }
}
