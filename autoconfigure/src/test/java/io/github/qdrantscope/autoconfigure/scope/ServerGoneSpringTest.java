package io.github.qdrantscope.autoconfigure.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.autoconfigure.server.QdrantConnectionCheck;
import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantServerGoneException;
import io.github.qdrantscope.core.server.ServerHealth;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring AI's store through the starter's client when its server goes away: the add that meets it fails naming
 * server, collection and test; once the server is known gone, further adds fail with the one cause and nothing
 * reaches the transport; a new context against the server, back on its port, starts and works.
 */
class ServerGoneSpringTest {

    private static final String TEST = "com.example.StoreTest#adds";

    @Test
    void addsFailWithTheOneCauseOnceTheServerIsGoneAndANewContextWorksWhenItIsBack() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();
            int port = server.grpcPort();
            String collection = TestQdrant.uniqueCollection("scope_gone");
            QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, server.host(), port, null,
                    false, "Spring AI's Qdrant properties");
            ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class,
                        InstrumentedQdrantClientAutoConfiguration.class, ProjectScopeAutoConfiguration.class))
                .withUserConfiguration(TestInfrastructure.class, SentCallsConfiguration.class,
                        ConnectionCheckConfiguration.class)
                .withPropertyValues("spring.ai.vectorstore.qdrant.host=" + server.host(),
                        "spring.ai.vectorstore.qdrant.port=" + port,
                        "spring.ai.vectorstore.qdrant.initialize-schema=true",
                        "spring.ai.vectorstore.qdrant.collection-name=" + collection,
                        "qdrant-scope.server.host=" + server.host(), "qdrant-scope.server.port=" + port,
                        "qdrant-scope.connect-timeout=5s");
            ProjectScope scope = new ProjectScope(ProjectNames.newName("gone"), ScopedProject.DEFAULT_KEY);
            EmbeddedQdrant back = null;
            try {
                runner.run(context -> {
                    QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
                    AtomicInteger sent = context.getBean(SentCalls.class).count;
                    // what the listener opens around each test method
                    try (CurrentTest.Binding test = CurrentTest.open(TEST, scope);
                            ProjectScope.Binding project = ProjectScope.open(scope)) {
                        store.add(List.of(new Document("one", "text one", Map.of())));
                        server.close();

                        assertThatThrownBy(() -> store.add(List.of(new Document("two", "text two", Map.of()))))
                            .hasStackTraceContaining("UNAVAILABLE: qdrant-scope: the " + endpoint + " did not answer"
                                    + " qdrant.Points/Upsert on collection '" + collection + "' in test " + TEST
                                    + ": UNAVAILABLE");
                        int before = sent.get();
                        Throwable third = catchRoot(() -> store.add(List.of(new Document("three", "t", Map.of()))));
                        Throwable fourth = catchRoot(() -> store.similaritySearch("text"));
                        assertThat(third).isInstanceOf(QdrantServerGoneException.class)
                            .hasMessageContaining("first failure: qdrant.Points/Upsert on collection '" + collection
                                    + "' in test " + TEST);
                        assertThat(fourth).isSameAs(third);
                        assertThat(sent.get()).isEqualTo(before);
                        assertThat(ServerHealth.of(endpoint).gone()).isSameAs(third);
                    }
                });

                back = EmbeddedQdrant.builder().port(port).start();
                runner.run(context -> {
                    // the connection check the new context ran as it started found the server back
                    assertThat(context).hasNotFailed();
                    assertThat(ServerHealth.of(endpoint).gone()).isNull();
                    try (ProjectScope.Binding project = ProjectScope.open(scope)) {
                        context.getBean(QdrantVectorStore.class)
                            .add(List.of(new Document("four", "text four", Map.of())));
                        assertThat(context.getBean(QdrantVectorStore.class).similaritySearch("text four"))
                            .extracting(Document::getId).containsExactly("four");
                    }
                });
            }
            finally {
                ServerHealth.of(endpoint).recovered();
                server.close();
                if (back != null) {
                    back.close();
                }
            }
        });
    }

    private static Throwable catchRoot(Runnable call) {
        try {
            call.run();
        }
        catch (RuntimeException ex) {
            Throwable root = ex;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** Counts the calls that get past qdrant-scope's interceptors towards the server. */
    static final class SentCalls implements ClientInterceptor {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                Channel next) {
            this.count.incrementAndGet();
            return next.newCall(method, options);
        }
    }

    /** The starter's check of the context's client at start. */
    @Configuration(proxyBeanMethods = false)
    static class ConnectionCheckConfiguration {

        @Bean
        static QdrantConnectionCheck qdrantConnectionCheck() {
            return new QdrantConnectionCheck();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SentCallsConfiguration {

        @Bean
        SentCalls sentCalls() {
            return new SentCalls();
        }
    }
}
