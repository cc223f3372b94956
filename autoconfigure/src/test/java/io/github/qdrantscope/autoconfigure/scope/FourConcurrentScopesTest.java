package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ScopedProject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the module's JUnit configuration ({@code junit-platform.properties}: 4 threads) runs 4 tests of one
 * class at the same time, and that the scoping holds while it does: four tests each write the same fixed ids
 * and contents into the one collection, meet at a barrier (which only opens when all four are running at
 * once), and each then finds exactly its own documents.
 *
 * <p>Four methods, not a {@code @RepeatedTest}: JUnit forks a class's methods and then runs the ones no idle
 * thread has taken itself, while it waits for a repeated test's invocations one by one, so one of them can be
 * left behind a waiting thread. Only the methods are concurrent, not the class: when a whole suite runs in one
 * launcher (an IDE), the thread running the class then takes part, so four threads are free for them as soon
 * as other concurrent classes are done.
 */
@SpringBootTest(classes = ScopeTestApplication.class,
        properties = "spring.ai.vectorstore.qdrant.collection-name=scope_four_threads")
@ScopedProject
class FourConcurrentScopesTest extends ScopeTestApplication.OnEmbeddedQdrant {

    /** {@code junit.jupiter.execution.parallel.config.fixed.parallelism} of this module. */
    private static final int THREADS = 4;

    /** Opens once all four tests have written their documents; generous, it only bounds a failure. */
    private static final CyclicBarrier ALL_WRITTEN = new CyclicBarrier(THREADS);

    /** Opens once all four have searched, so no test cleans up before the others have searched. */
    private static final CyclicBarrier ALL_SEARCHED = new CyclicBarrier(THREADS);

    private static final Set<String> THREAD_NAMES = ConcurrentHashMap.newKeySet();

    private static final Set<String> PROJECTS = ConcurrentHashMap.newKeySet();

    @Autowired
    VectorStore vectorStore;

    @Autowired
    CurrentProject project;

    @Autowired
    QdrantClient qdrantClient;

    @Value("${spring.ai.vectorstore.qdrant.collection-name}")
    String collection;

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void first() throws Exception {
        runsWithTheOtherThreeAndSeesOnlyItsOwnDocuments();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void second() throws Exception {
        runsWithTheOtherThreeAndSeesOnlyItsOwnDocuments();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void third() throws Exception {
        runsWithTheOtherThreeAndSeesOnlyItsOwnDocuments();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void fourth() throws Exception {
        runsWithTheOtherThreeAndSeesOnlyItsOwnDocuments();
    }

    private void runsWithTheOtherThreeAndSeesOnlyItsOwnDocuments() throws Exception {
        THREAD_NAMES.add(Thread.currentThread().getName());
        PROJECTS.add(this.project.name());
        this.vectorStore.add(ScopedIsolationTest.fixture());

        // a TimeoutException here means fewer than four tests of this class ran at the same time
        ALL_WRITTEN.await(2, TimeUnit.MINUTES);

        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(20).build()))
            .extracting(Document::getId, Document::getText)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("doc-1", "red apple pie"),
                    org.assertj.core.groups.Tuple.tuple("doc-2", "green apple tart"),
                    org.assertj.core.groups.Tuple.tuple("doc-3", "blue berry muffin"));
        // and independently of the proxy: the collection holds this project's three points, stamped with it
        Common.Filter mine = Common.Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(this.project.key(), this.project.name()))
            .build();
        assertThat(this.qdrantClient.countAsync(this.collection, mine, true).get()).isEqualTo(3);

        ALL_SEARCHED.await(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void fourThreadsAndFourProjects() {
        assertThat(THREAD_NAMES).hasSize(THREADS);
        assertThat(PROJECTS).hasSize(THREADS);
    }
}
