package io.github.qdrantscope.lc4jdemo.support;

import java.time.Duration;
import java.util.UUID;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * TEMPORARY harness until qdrant-scope's JUnit extension lands: one embedded server per JVM, a fork namespace,
 * a project per test method for classes annotated {@link ScopedProject}, a scoped {@link QdrantClient} parameter.
 */
public final class TemporaryScopeExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

    private static final class Jvm {

        static final EmbeddedQdrant SERVER = EmbeddedQdrant.builder().port(0).start();

        static final QdrantClient RAW = new QdrantClient(
                QdrantGrpcClient.newBuilder(SERVER.host(), SERVER.grpcPort(), false).build());

        static final QdrantClient SCOPED = ScopedQdrantClients.scoped(RAW,
                new ForkCollectionsInterceptor("tmp_" + UUID.randomUUID().toString().substring(0, 8)),
                new ProjectScopeInterceptor(ScopedProjects.jvm(),
                        new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> NoOpScopeMetrics.INSTANCE), c -> true));
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(TemporaryScopeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QdrantClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Jvm.SCOPED;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(ScopedProject.class)) {
            ProjectScope scope = new ProjectScope(ProjectNames.newName("t"), ScopedProject.DEFAULT_KEY);
            context.getStore(NAMESPACE).put("binding", ProjectScope.open(scope));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ProjectScope.Binding binding = context.getStore(NAMESPACE).remove("binding", ProjectScope.Binding.class);
        if (binding != null) {
            ProjectScope scope = binding.scope();
            binding.close();
            ProjectCleanup.remove(scope, ScopedProjects.jvm(), Jvm.SCOPED, Duration.ofSeconds(30));
        }
    }
}
