package io.github.qdrantscope.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.core.ProjectDefinition;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * qdrant-scope for plain JUnit Jupiter, without Spring: the same isolation the Spring starter gives a Spring test.
 * Register it with {@link QdrantScopeTest @QdrantScopeTest} (which also puts {@link ScopedProject @ScopedProject} on
 * the class) or {@code @ExtendWith(QdrantScopeExtension.class)}.
 *
 * <ul>
 * <li><b>Server</b>, once per JVM: the embedded Qdrant, or the external one given by {@code qdrant-scope.server.*}
 * ({@link QdrantScopeOptions}), health-checked with a deadline.</li>
 * <li><b>Fork</b>, once per JVM: the fork's namespace {@code <prefix>_<run>_f<fork>} from the same fork-id and run-id
 * layers as under Spring, leased to this JVM; application collection names ({@code "documents"}) are mapped into
 * it; its collections are dropped at JVM exit, after the per-fork report is written.</li>
 * <li><b>Project</b>, per test method covered by {@code @ScopedProject} (class, method, {@code @Nested},
 * meta-annotations, same attributes and validation as under Spring): opened on the test's thread before
 * {@code @BeforeEach} methods, closed after {@code @AfterEach} methods, its points removed per
 * {@link ScopedProject#cleanup()}.</li>
 * <li><b>Parameters</b> (test methods, lifecycle methods, constructors): a {@link QdrantClient} whose calls are
 * mapped and scoped (one per top-level test class, closed when the class is done), the
 * {@link QdrantScopeEndpoint} for clients the test builds itself, and, inside a project, its {@link ProjectScope}.</li>
 * </ul>
 *
 * State lives in JUnit's {@link ExtensionContext.Store}: the JVM binding in the root store (read from that run's
 * configuration parameters), the client in its top-level class's store, the open project in the test's. Only the
 * server, the fork and its meters are static, as they belong to the JVM.
 */
public final class QdrantScopeExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(QdrantScopeExtension.class);

    private static final String CLASS_PROJECTS = "classProjects";

    private static final String OPEN_SCOPE = "openScope";

    private static final String CURRENT_TEST = "currentTest";

    @Override
    public void beforeAll(ExtensionContext context) {
        // fails the class before any test when the options are wrong or the server does not answer; a server
        // known to be gone is checked once more, as a new Spring context would
        binding(context).requireServer(true);
        classProjects(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        JvmBinding binding = binding(context);
        // once the server is gone, each further test fails here at once, with that one cause
        binding.requireServer(false);
        ProjectDefinition definition = ScopedProjectLookup
            .forMethod(context.getRequiredTestClass(), context.getRequiredTestMethod()).orElse(null);
        ProjectScope scope = definition == null ? null : definition.newScope();
        String test = context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
        context.getStore(NAMESPACE).put(CURRENT_TEST, CurrentTest.open(test, scope));
        if (scope == null) {
            return;
        }
        context.getStore(NAMESPACE).put(OPEN_SCOPE, new OpenScope(ProjectScope.open(scope), definition.cleanup()));
        binding.metrics.projectOpened();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (CurrentTest.Binding test = context.getStore(NAMESPACE).remove(CURRENT_TEST, CurrentTest.Binding.class)) {
            closeScope(context);
        }
    }

    private static void closeScope(ExtensionContext context) {
        OpenScope open = context.getStore(NAMESPACE).remove(OPEN_SCOPE, OpenScope.class);
        if (open == null) {
            return;
        }
        JvmBinding binding = binding(context);
        ProjectScope scope = open.binding().scope();
        try {
            switch (open.cleanup()) {
                case AFTER_EACH_TEST -> remove(binding, List.of(scope));
                case AFTER_CLASS -> classProjects(classContext(context)).add(scope);
                case NEVER -> ScopedProjects.jvm().forget(scope.name());
            }
        }
        finally {
            open.binding().close();
            binding.metrics.projectClosed();
        }
    }

    /**
     * The context of the class the test belongs to: its parent for a plain test, further up for an invocation of a
     * {@code @RepeatedTest}, {@code @ParameterizedTest} or {@code @TestFactory}, whose parent is the template's own
     * context (it has a test method; {@link #afterAll} runs for class contexts only).
     */
    private static ExtensionContext classContext(ExtensionContext test) {
        ExtensionContext context = test.getParent().orElseThrow();
        while (context.getTestMethod().isPresent()) {
            context = context.getParent().orElseThrow();
        }
        return context;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Queue<ProjectScope> pending = classProjects(context);
        if (!pending.isEmpty()) {
            List<ProjectScope> scopes = new ArrayList<>(pending);
            pending.clear();
            remove(binding(context), scopes);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == QdrantClient.class || type == QdrantScopeEndpoint.class || type == ProjectScope.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == QdrantScopeEndpoint.class) {
            return binding(context).endpoint;
        }
        if (type == ProjectScope.class) {
            return ProjectScope.current().orElseThrow(() -> new ParameterResolutionException("qdrant-scope: no "
                    + "project scope is open for parameter '" + parameter.getParameter().getName() + "' of "
                    + parameter.getDeclaringExecutable() + ": a ProjectScope is injected into test methods and "
                    + "@BeforeEach/@AfterEach methods of tests covered by @ScopedProject"));
        }
        JvmBinding binding = binding(context);
        return topLevelClass(context).getStore(NAMESPACE)
            .computeIfAbsent(ClassClient.class, key -> new ClassClient(binding.newScopedClient()), ClassClient.class)
            .client();
    }

    /** The JVM binding for this run's configuration parameters, kept in the run's root store. */
    private static JvmBinding binding(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(JvmBinding.class,
                key -> JvmBinding.of(QdrantScopeOptions.from(OptionSources.jvm(context::getConfigurationParameter))),
                JvmBinding.class);
    }

    /** Deletes each project's points from every collection it wrote to, counting one cleanup per project. */
    private static void remove(JvmBinding binding, List<ProjectScope> scopes) {
        for (ProjectScope scope : scopes) {
            long start = System.nanoTime();
            long removed = ProjectCleanup.remove(scope, ScopedProjects.jvm(), binding.cleanupClient,
                    binding.options.callTimeout());
            binding.metrics.cleanup(System.nanoTime() - start, removed);
        }
    }

    /** Projects of {@code classContext}'s tests waiting for the class to finish (cleanup AFTER_CLASS). */
    @SuppressWarnings("unchecked")
    private static Queue<ProjectScope> classProjects(ExtensionContext classContext) {
        return classContext.getStore(NAMESPACE).computeIfAbsent(CLASS_PROJECTS,
                key -> new ConcurrentLinkedQueue<ProjectScope>(), Queue.class);
    }

    /** The context of the outermost class ({@code @Nested} classes share their top-level class's client). */
    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != context.getRoot()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** The scoped client of one top-level test class; JUnit closes it with the class's store. */
    private record ClassClient(QdrantClient client) implements AutoCloseable {

        @Override
        public void close() {
            this.client.close();
        }
    }

    private record OpenScope(ProjectScope.Binding binding, ScopedProject.Cleanup cleanup) {
    }
}
