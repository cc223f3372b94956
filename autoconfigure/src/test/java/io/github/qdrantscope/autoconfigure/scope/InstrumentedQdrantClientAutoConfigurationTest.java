package io.github.qdrantscope.autoconfigure.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.autoconfigure.FixedQdrantConnectionDetails;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's QdrantClient: built from the connection details, carries interceptor beans, backs off. */
class InstrumentedQdrantClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class,
                InstrumentedQdrantClientAutoConfiguration.class))
        .withBean(FakeEmbeddingModel.class);

    /** The starter's client alone (no Spring AI client to fall back to), on the embedded server. */
    private final ApplicationContextRunner alone = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InstrumentedQdrantClientAutoConfiguration.class))
        .withPropertyValues("spring.ai.vectorstore.qdrant.host=" + TestQdrant.server().host(),
                "spring.ai.vectorstore.qdrant.port=" + TestQdrant.server().grpcPort());

    /** Records the full method name of every call it sees. */
    static final class RecordingInterceptor implements ClientInterceptor {

        final List<String> methods = new CopyOnWriteArrayList<>();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                Channel next) {
            this.methods.add(method.getFullMethodName());
            return next.newCall(method, options);
        }
    }

    @Test
    void clientTalksToTheConfiguredServerThroughEveryInterceptorBean() {
        RecordingInterceptor interceptor = new RecordingInterceptor();
        this.runner.withBean(ClientInterceptor.class, () -> interceptor)
            .withPropertyValues("spring.ai.vectorstore.qdrant.host=" + TestQdrant.server().host(),
                    "spring.ai.vectorstore.qdrant.port=" + TestQdrant.server().grpcPort())
            .run(context -> {
                assertThat(context).hasSingleBean(QdrantClient.class);
                QdrantClient client = context.getBean(QdrantClient.class);
                // built without the client library's version check (a call without a deadline, see
                // QdrantServerAutoConfigurationTest): nothing is sent until the client is used
                assertThat(interceptor.methods).isEmpty();
                assertThat(client.healthCheckAsync().get().getVersion()).isEqualTo("1.17.0");
                client.listCollectionsAsync().get();
                assertThat(interceptor.methods).containsExactly("qdrant.Qdrant/HealthCheck",
                        "qdrant.Collections/List");
            });
    }

    @Test
    void connectionDetailsBeanWinsOverProperties() {
        QdrantConnectionDetails details = new FixedQdrantConnectionDetails(TestQdrant.server().host(),
                TestQdrant.server().grpcPort(), null);
        // the properties point nowhere: only the details bean can make the health check succeed
        this.runner.withBean(QdrantConnectionDetails.class, () -> details)
            .withPropertyValues("spring.ai.vectorstore.qdrant.host=127.0.0.1",
                    "spring.ai.vectorstore.qdrant.port=1")
            .run(context -> assertThat(context.getBean(QdrantClient.class).healthCheckAsync().get().getTitle())
                .isEqualTo("qdrant - vector search engine"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClient() {
        QdrantClient own = new QdrantClient(
                QdrantGrpcClient.newBuilder(TestQdrant.server().host(), TestQdrant.server().grpcPort(), false).build());
        this.runner.withBean("ownClient", QdrantClient.class, () -> own)
            .run(context -> assertThat(context.getBean(QdrantClient.class)).isSameAs(own));
        own.close();
    }

    @Test
    void offWhenQdrantScopeIsDisabled() {
        this.runner.withPropertyValues("qdrant-scope.enabled=false")
            .run(context -> assertThat(context.getBeanNamesForType(QdrantClient.class)).containsExactly("qdrantClient")
                .allSatisfy(name -> assertThat(context.getBeanDefinitionNames()).contains(name)));
    }

    @Test
    void contributesTheClientForTheQdrantVectorStoreType() {
        this.alone.withPropertyValues("spring.ai.vectorstore.type=qdrant")
            .run(context -> assertThat(context).hasSingleBean(QdrantClient.class).hasBean("qdrantClient"));
    }

    @Test
    void offForAnotherVectorStoreType() {
        this.alone.withPropertyValues("spring.ai.vectorstore.type=pgvector")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(QdrantClient.class));
    }

    @Test
    void offWithoutSpringAisQdrantProperties() {
        this.alone.withClassLoader(new FilteredClassLoader(QdrantVectorStoreProperties.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(QdrantClient.class));
    }

    @Test
    void offWithoutTheQdrantClient() {
        this.alone.withClassLoader(new FilteredClassLoader(QdrantClient.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(QdrantClient.class));
    }
}
