package io.github.qdrantscope.benchmarks.scope;

import java.lang.reflect.Method;
import org.springframework.test.context.TestContextManager;

/**
 * Runs one test class's test method the way JUnit's {@code SpringExtension} does, through Spring's
 * {@link TestContextManager}: a new instance per test, dependency injection, every registered
 * {@code TestExecutionListener} (the starter's scoping listener, {@code @DirtiesContext} handling, ...)
 * and the context cache.
 */
final class TestLifecycle implements AutoCloseable {

    private final Class<? extends BenchTest> testClass;
    private final Method testMethod;
    private final TestContextManager manager;

    TestLifecycle(Class<? extends BenchTest> testClass) throws Exception {
        this.testClass = testClass;
        this.testMethod = testClass.getMethod("test");
        this.manager = new TestContextManager(testClass);
        manager.beforeTestClass();
    }

    /** One test: instance, injection, before callbacks, {@code @BeforeEach}, body, after callbacks. */
    void runOneTest() throws Exception {
        BenchTest instance = testClass.getDeclaredConstructor().newInstance();
        manager.prepareTestInstance(instance);
        manager.beforeTestMethod(instance, testMethod);
        Throwable failure = null;
        try {
            instance.beforeEach();
            manager.beforeTestExecution(instance, testMethod);
            instance.test();
            manager.afterTestExecution(instance, testMethod, null);
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            manager.afterTestMethod(instance, testMethod, failure);
        }
    }

    /** A property of the test's (cached) application context, e.g. the collection the starter bound. */
    String property(String key) {
        return manager.getTestContext().getApplicationContext().getEnvironment().getRequiredProperty(key);
    }

    /** A bean of the test's (cached) application context. */
    <T> T bean(Class<T> type) {
        return manager.getTestContext().getApplicationContext().getBean(type);
    }

    @Override
    public void close() throws Exception {
        manager.afterTestClass();
    }
}
