package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantServerGoneException;
import io.github.qdrantscope.core.server.ServerHealth;
import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.QdrantClient;
import java.time.Duration;
import org.springframework.util.ClassUtils;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.qdrantscope.core.metrics.ScopeMetrics;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Conventions;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Opens a fresh {@link ProjectScope} before each test method covered by {@link ScopedProject @ScopedProject}
 * and closes it afterwards, removing the project's points per {@link ScopedProject#cleanup()}.
 *
 * <p>Registered through {@code META-INF/spring.factories}. It runs just after dependency injection
 * ({@link #ORDER}), so the scope is already open in {@code @BeforeEach} methods and in transactions
 * started by later listeners, and is still open in {@code @AfterEach} methods. Test classes without the
 * annotation are left alone and their application context is never touched.
 */
public class ScopedProjectTestExecutionListener extends AbstractTestExecutionListener {

    /** The listener's order: right after {@link DependencyInjectionTestExecutionListener} (2000). */
    public static final int ORDER = 2100;

    private static final String OPEN_SCOPE = Conventions
        .getQualifiedAttributeName(ScopedProjectTestExecutionListener.class, "openScope");

    private static final String CURRENT_TEST = Conventions
        .getQualifiedAttributeName(ScopedProjectTestExecutionListener.class, "currentTest");

    private static final String CLASS_PROJECTS = Conventions
        .getQualifiedAttributeName(ScopedProjectTestExecutionListener.class, "classProjects");

    /** Whether Spring AI is on the classpath: only then can there be scoped {@code VectorStore} beans. */
    private static final boolean SPRING_AI = ClassUtils.isPresent("org.springframework.ai.vectorstore.VectorStore",
            ScopedProjectTestExecutionListener.class.getClassLoader());

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        // Created here, before JUnit threads copy the TestContext, so every copy shares this one queue.
        testContext.setAttribute(CLASS_PROJECTS, new ConcurrentLinkedQueue<ProjectScope>());
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ScopeDefinition definition = ScopeDefinition.forMethod(testContext.getTestClass(),
                testContext.getTestMethod());
        String test = testContext.getTestClass().getName() + "#" + testContext.getTestMethod().getName();
        if (definition == null) {
            // named in failing Qdrant calls; the context is not touched
            testContext.setAttribute(CURRENT_TEST, CurrentTest.open(test, null));
            return;
        }
        requireServer(testContext.getApplicationContext());
        ProjectScope scope = definition.newScope();
        testContext.setAttribute(CURRENT_TEST, CurrentTest.open(test, scope));
        testContext.setAttribute(OPEN_SCOPE, new OpenScope(ProjectScope.open(scope), definition.cleanup()));
        metrics(testContext.getApplicationContext()).projectOpened();
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        try (CurrentTest.Binding test = (CurrentTest.Binding) testContext.removeAttribute(CURRENT_TEST)) {
            closeScope(testContext);
        }
    }

    /**
     * Once the context's server is known to be gone ({@link ServerHealth}), each further test fails here, before
     * its body, with the one cause: as Spring's context-failure threshold does for a context that failed to start.
     */
    private static void requireServer(ApplicationContext context) {
        QdrantEndpoint endpoint = context.getBeanProvider(QdrantEndpoint.class).getIfAvailable();
        QdrantServerGoneException gone = endpoint == null ? null : ServerHealth.of(endpoint).gone();
        if (gone != null) {
            throw gone.again();
        }
    }

    private static void closeScope(TestContext testContext) {
        OpenScope open = (OpenScope) testContext.removeAttribute(OPEN_SCOPE);
        if (open == null) {
            return;
        }
        ProjectScope scope = open.binding().scope();
        try {
            switch (open.cleanup()) {
                case AFTER_EACH_TEST -> removeProjects(testContext.getApplicationContext(), List.of(scope));
                case AFTER_CLASS -> classProjects(testContext).add(scope);
                case NEVER -> {
                    scopingStores(testContext.getApplicationContext()).forEach(store -> store.forgetProject(scope));
                    ScopedProjects.jvm().forget(scope.name());
                }
            }
        }
        finally {
            open.binding().close();
            metrics(testContext.getApplicationContext()).projectClosed();
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        Queue<ProjectScope> pending = classProjects(testContext);
        if (!pending.isEmpty() && testContext.hasApplicationContext()) {
            removeProjects(testContext.getApplicationContext(), List.copyOf(pending));
            pending.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Queue<ProjectScope> classProjects(TestContext testContext) {
        return testContext.computeAttribute(CLASS_PROJECTS, name -> new ConcurrentLinkedQueue<ProjectScope>());
    }

    /** Deletes each project's points from every scoped store and reports time and count per project. */
    private static void removeProjects(ApplicationContext context, List<ProjectScope> scopes) {
        List<ScopingVectorStoreInterceptor> stores = scopingStores(context);
        QdrantClient client = context.getBeanProvider(QdrantClient.class).orderedStream().findFirst().orElse(null);
        if (stores.isEmpty() && client == null) {
            return;
        }
        ScopeMetrics metrics = metrics(context);
        for (ProjectScope scope : scopes) {
            long start = System.nanoTime();
            long removed = 0;
            for (ScopingVectorStoreInterceptor store : stores) {
                removed += Math.max(0, store.removeProject(scope));
            }
            // what the project wrote through raw clients, in whichever collections
            if (client != null) {
                removed += ProjectCleanup.remove(scope, ScopedProjects.jvm(), client, cleanupTimeout(context));
            }
            metrics.cleanup(System.nanoTime() - start, removed);
        }
    }

    /** {@code qdrant-scope.call-timeout}: the deadline of each cleanup call. */
    private static Duration cleanupTimeout(ApplicationContext context) {
        return Binder.get(context.getEnvironment())
            .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class)
            .callTimeout();
    }

    private static List<ScopingVectorStoreInterceptor> scopingStores(ApplicationContext context) {
        if (!SPRING_AI) {
            return List.of();
        }
        return BeanFactoryUtils.beansOfTypeIncludingAncestors(context, VectorStore.class)
            .values()
            .stream()
            .map(ScopedVectorStorePostProcessor::scopingAdvice)
            .filter(advice -> advice != null)
            .toList();
    }

    private static ScopeMetrics metrics(ApplicationContext context) {
        return context.getBeanProvider(ScopeMetrics.class).getIfAvailable(() -> NoOpScopeMetrics.INSTANCE);
    }

    private record OpenScope(ProjectScope.Binding binding, ScopedProject.Cleanup cleanup) {
    }
}
