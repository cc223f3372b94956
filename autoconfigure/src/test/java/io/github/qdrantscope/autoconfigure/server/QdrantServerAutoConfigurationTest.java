package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantUnreachableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import io.github.qdrantscope.autoconfigure.FixedQdrantConnectionDetails;
import io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/** Server choice without starting the embedded server: every external trigger and the back-offs. */
class QdrantServerAutoConfigurationTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantServerAutoConfiguration.class));

    private final ApplicationContextRunner withSpringAi = runner
            .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class))
            .withUserConfiguration(Embedding.class);

    @Test
    void hostPropertyMeansExternalAndIsPublishedUnderQdrantScopesName() {
        runner.withPropertyValues("spring.ai.vectorstore.qdrant.host=qdrant.internal").run(context -> {
            QdrantServerChoice choice = context.getBean(QdrantServerSelector.CHOICE_BEAN_NAME, QdrantServerChoice.class);
            assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
            assertThat(choice.reason()).isEqualTo("spring.ai.vectorstore.qdrant.host is set");
            assertThat(context.getEnvironment().getPropertySources().contains(QdrantServerSelector.PROPERTY_SOURCE_NAME))
                    .isFalse();
            assertThat(context.getEnvironment().getProperty(QdrantServerSelector.SERVER_HOST))
                    .isEqualTo("qdrant.internal");
        });
    }

    @Test
    void qdrantScopesOwnServerPropertiesMeanExternalAndReachSpringAi() {
        runner.withPropertyValues("qdrant-scope.server.host=qdrant.internal", "qdrant-scope.server.port=7334")
                .run(context -> {
                    assertThat(context.getBean(QdrantServerChoice.class).reason())
                            .isEqualTo("qdrant-scope.server.host is set; qdrant-scope.server.port is set");
                    assertThat(context.getEnvironment().getProperty(QdrantServerSelector.HOST))
                            .isEqualTo("qdrant.internal");
                    assertThat(context.getEnvironment().getProperty(QdrantServerSelector.PORT)).isEqualTo("7334");
                });
    }

    @Test
    void portOrApiKeyPropertyMeansExternal() {
        runner.withPropertyValues("spring.ai.vectorstore.qdrant.port=7334", "spring.ai.vectorstore.qdrant.api-key=s3cret")
                .run(context -> assertThat(context.getBean(QdrantServerChoice.class).reason())
                        .isEqualTo("spring.ai.vectorstore.qdrant.port is set; spring.ai.vectorstore.qdrant.api-key is set"));
    }

    @Test
    void environmentVariableFormMeansExternal() {
        runner.withInitializer(context -> {
            context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
                    "systemEnvironment", Map.of("SPRING_AI_VECTORSTORE_QDRANT_HOST", "qdrant.ci")));
        }).run(context -> assertThat(context.getBean(QdrantServerChoice.class).mode())
                .isEqualTo(QdrantEndpoint.Mode.EXTERNAL));
    }

    @Test
    void connectionDetailsBeanMeansExternal() {
        runner.withUserConfiguration(ContainerDetails.class).run(context -> {
            QdrantServerChoice choice = context.getBean(QdrantServerChoice.class);
            assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
            assertThat(choice.reason()).contains("QdrantConnectionDetails bean 'containerDetails'");
        });
    }

    @Test
    void connectionDetailsFromAnImportedConfigurationInQdrantScopesPackagesAreTheUsersToo() {
        // @Import registers a configuration under its fully qualified name, here inside
        // io.github.qdrantscope.autoconfigure: only the starter's own client auto-configuration is not the user's
        runner.withUserConfiguration(ImportsContainerDetails.class).run(context -> {
            QdrantServerChoice choice = context.getBean(QdrantServerChoice.class);
            assertThat(choice.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
            assertThat(choice.reason()).contains("QdrantConnectionDetails bean 'containerDetails'");
        });
    }

    @Test
    void springAisOwnConnectionDetailsDoNotCountAsUserConfiguration() {
        withSpringAi.withUserConfiguration(ContainerDetails.class)
                .withPropertyValues("qdrant-scope.connect-timeout=2s")
                .run(context -> {
                    // the user's details point at port 1, where nothing answers
                    QdrantUnreachableException failure = findCause(context.getStartupFailure());
                    assertThat(failure.endpoint().port()).isEqualTo(1);
                    assertThat(failure.endpoint().source()).contains("containerDetails")
                            .doesNotContain("qdrantConnectionDetails");
                });
    }

    @Test
    void ownQdrantClientElsewhereFailsNamingTheBeanAndThePublishedAddress() throws IOException {
        int closedPort = closedPort();
        OwnClient.port = closedPort;
        withSpringAi.withUserConfiguration(OwnClient.class).withPropertyValues("qdrant-scope.connect-timeout=2s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    // an application's own client does not make the server external: the embedded one is chosen,
                    // and a client that talks elsewhere is a misconfiguration, named
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("QdrantClient bean 'myClient' connects to 127.0.0.1:" + closedPort)
                            .hasMessageContaining("but qdrant-scope chose the embedded Qdrant")
                            .hasMessageContaining("${qdrant-scope.server.port}");
                });
    }

    @Test
    void ownQdrantClientBuiltFromThePublishedAddressTalksToTheEmbeddedServer() {
        withSpringAi.withUserConfiguration(OwnClientFromProperties.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(QdrantServerChoice.class).mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
            assertThat(context.getBean("myClient", QdrantClient.class).healthCheckAsync().get().getVersion())
                    .isEqualTo("1.17.0");
        });
    }

    @Test
    void unreachableExternalQdrantFailsWithAnAnalyzedMessageNamingHostPortAndProperties() throws IOException {
        int closedPort = closedPort();
        withSpringAi.withPropertyValues("spring.ai.vectorstore.qdrant.host=127.0.0.1",
                "spring.ai.vectorstore.qdrant.port=" + closedPort, "qdrant-scope.connect-timeout=2s").run(context -> {
                    QdrantUnreachableException failure = findCause(context.getStartupFailure());
                    assertThat(failure.endpoint().host()).isEqualTo("127.0.0.1");
                    assertThat(failure.endpoint().port()).isEqualTo(closedPort);
                    assertThat(failure).hasMessageContaining("within PT2S");

                    FailureAnalysis analysis = new QdrantUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("external Qdrant server at 127.0.0.1:" + closedPort)
                            .contains("spring.ai.vectorstore.qdrant.host is set; spring.ai.vectorstore.qdrant.port is set");
                    assertThat(analysis.getAction())
                            .contains("spring.ai.vectorstore.qdrant.host")
                            .contains("spring.ai.vectorstore.qdrant.port")
                            .contains("qdrant-scope.connect-timeout");
                });
    }

    @Test
    void externalQdrantThatAcceptsButNeverAnswersFailsStartUpWithinTheConnectTimeout() throws IOException {
        try (SilentTcpServer silent = new SilentTcpServer()) {
            ApplicationContextRunner starter = withSpringAi
                    .withConfiguration(AutoConfigurations.of(InstrumentedQdrantClientAutoConfiguration.class))
                    .withPropertyValues("spring.ai.vectorstore.qdrant.host=" + silent.host(),
                            "spring.ai.vectorstore.qdrant.port=" + silent.port(), "qdrant-scope.connect-timeout=1s");
            // generous: the point is "fails instead of hanging", not how fast
            QdrantUnreachableException failure = assertTimeoutPreemptively(CONNECT_TIMEOUT.plusSeconds(20), () -> {
                AtomicReference<Throwable> startup = new AtomicReference<>();
                starter.run(context -> startup.set(context.getStartupFailure()));
                return findCause(startup.get());
            });
            assertThat(silent.accepted()).isPositive();
            assertThat(failure.endpoint().host()).isEqualTo(silent.host());
            assertThat(failure.endpoint().port()).isEqualTo(silent.port());
            assertThat(failure).hasMessageContaining("external Qdrant at " + silent.host() + ":" + silent.port())
                    .hasMessageContaining("spring.ai.vectorstore.qdrant.host is set")
                    .hasMessageContaining("within PT1S (qdrant-scope.connect-timeout)")
                    .hasMessageContaining("DEADLINE_EXCEEDED");
        }
    }

    @Test
    void startUpAgainstASilentServerIsExplainedByTheRegisteredFailureAnalyzer(@TempDir Path factories)
            throws IOException {
        try (SilentTcpServer silent = new SilentTcpServer();
                URLClassLoader classLoader = RecordingFailureAnalysisReporter.classLoader(factories)) {
            SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader),
                    UserApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(Banner.Mode.OFF);
            application.setRegisterShutdownHook(false);
            String endpoint = silent.host() + ":" + silent.port();

            Throwable thrown = assertTimeoutPreemptively(CONNECT_TIMEOUT.plusSeconds(20),
                    () -> catchThrowable(() -> application.run("--spring.ai.vectorstore.qdrant.host=" + silent.host(),
                            "--spring.ai.vectorstore.qdrant.port=" + silent.port(), "--qdrant-scope.connect-timeout=1s")));

            // what Boot printed under "APPLICATION FAILED TO START", for the exception start-up threw
            FailureAnalysis analysis = RecordingFailureAnalysisReporter.take(findCause(thrown));
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith("qdrant-scope could not reach the external Qdrant server at " + endpoint
                            + " (gRPC) within PT1S. It was configured by: spring.ai.vectorstore.qdrant.host is set; "
                            + "spring.ai.vectorstore.qdrant.port is set.")
                    .contains("DEADLINE_EXCEEDED");
            assertThat(analysis.getAction())
                    .startsWith("Start the Qdrant server at " + endpoint + " or correct spring.ai.vectorstore.qdrant.host"
                            + " / spring.ai.vectorstore.qdrant.port")
                    .contains("Raise qdrant-scope.connect-timeout");
        }
    }

    @Test
    void failureAnalyzerIsRegistered() throws IOException {
        assertThat(new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes()))
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
                        + "io.github.qdrantscope.autoconfigure.server.QdrantUnreachableFailureAnalyzer");
    }

    @Test
    void backsOffForAnotherVectorStoreType() {
        runner.withPropertyValues("spring.ai.vectorstore.type=pgvector").run(context ->
                assertThat(context).doesNotHaveBean(QdrantServerSelector.class).doesNotHaveBean(QdrantConnectionCheck.class)
                        .doesNotHaveBean(QdrantServerChoice.class));
    }

    @Test
    void disabled() {
        runner.withPropertyValues("qdrant-scope.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(QdrantServerSelector.class).doesNotHaveBean(QdrantConnectionCheck.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnSelector() {
        runner.withUserConfiguration(OwnSelector.class).withPropertyValues("spring.ai.vectorstore.qdrant.host=h")
                .run(context -> assertThat(context).getBean(QdrantServerSelector.class).isSameAs(OwnSelector.INSTANCE));
    }

    private static QdrantUnreachableException findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof QdrantUnreachableException unreachable) {
                return unreachable;
            }
        }
        throw new AssertionError("no QdrantUnreachableException in " + failure, failure);
    }

    /** Port 1 (tcpmux): privileged and unused, so nothing a parallel test starts can listen there. */
    static int closedPort() throws IOException {
        return 1;
    }

    /** A user's application: the whole auto-configuration of the test class path and an embedding model. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class UserApplication {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(8);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Embedding {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(8);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ContainerDetails {

        @Bean
        QdrantConnectionDetails containerDetails() {
            return new FixedQdrantConnectionDetails("127.0.0.1", 1, null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ContainerDetails.class)
    static class ImportsContainerDetails {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        static volatile int port;

        @Bean(destroyMethod = "close")
        QdrantClient myClient() {
            return new QdrantClient(QdrantGrpcClient.newBuilder("127.0.0.1", port, false).build());
        }
    }

    /** An application's own client from its own properties, set in the test as the user guide says. */
    @Configuration(proxyBeanMethods = false)
    @PropertySource(value = "classpath:own-client.properties")
    static class OwnClientFromProperties {

        @Bean(destroyMethod = "close")
        QdrantClient myClient(@Value("${app.qdrant.host:localhost}") String host,
                @Value("${app.qdrant.port:6334}") int port) {
            return new QdrantClient(QdrantGrpcClient.newBuilder(host, port, false).build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSelector {

        static final QdrantServerSelector INSTANCE = new QdrantServerSelector();

        @Bean
        static QdrantServerSelector mySelector() {
            return INSTANCE;
        }
    }
}
