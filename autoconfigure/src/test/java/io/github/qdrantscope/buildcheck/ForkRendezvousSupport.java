package io.github.qdrantscope.buildcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.autoconfigure.fork.ForkTestApplication;
import io.github.qdrantscope.core.metrics.ForkReport;
import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.github.qdrantscope.core.ScopedProject;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Proves this module's Surefire configuration runs two forks at once, each bound to its own collection. Each
 * of the two subclasses does scoped work on its fork's collection, writes its fork report early (the report
 * the fork writes anyway at the end of the run: fork id, run id, collections), then waits for the report of
 * another fork of the same run. Surefire hands each fork one class at a time, so a fork waiting in one class
 * cannot take the other: with one fork the wait fails, and so does the second class (at once).
 */
@SpringBootTest(classes = ForkTestApplication.class)
@ScopedProject
abstract class ForkRendezvousSupport {

    /** Bounds only the failure: the other fork normally reports within seconds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** The rendezvous classes that ran in this JVM. */
    private static final Set<String> RAN_HERE = ConcurrentHashMap.newKeySet();

    @Autowired
    VectorStore vectorStore;

    @Value("${qdrant-scope.binding.collection}")
    String collection;

    @Test
    void anotherForkOfThisRunReportsAnotherCollection() throws InterruptedException, IOException {
        RAN_HERE.add(getClass().getSimpleName());
        if (RAN_HERE.size() > 1) {
            fail("both rendezvous classes ran in one JVM (" + RAN_HERE + "): Surefire did not run two forks "
                    + "(forkCount in autoconfigure/pom.xml)");
        }
        vectorStore.add(List.of(new Document("rendezvous", "fork rendezvous " + getClass().getSimpleName(),
                Map.of("fork", System.getProperty("qdrant-scope.surefire-fork-number")))));
        assertThat(vectorStore.similaritySearch(SearchRequest.builder().query("fork rendezvous").topK(10).build()))
                .extracting(Document::getId).containsExactly("rendezvous");

        Path file = ForkRuntime.jvm().writeReport();
        ForkReport mine = ForkReportWriter.read(file);
        assertThat(mine.collections()).containsExactly(collection);
        assertThat(mine.forkSource()).isEqualTo("surefire");

        ForkReport other = awaitReportOfAnotherFork(file.getParent(), mine);

        assertThat(Set.of(mine.fork(), other.fork())).isEqualTo(Set.of("1", "2"));
        assertThat(other.forkSource()).isEqualTo("surefire");
        assertThat(other.collections()).singleElement().isNotEqualTo(collection)
                .isEqualTo(collection.substring(0, collection.lastIndexOf("_f") + 2) + other.fork());
    }

    /**
     * Waits for a report file to appear rather than for time to pass: the directory is watched before it is
     * first read, so a report moved in after that read is signalled, not missed.
     */
    private static ForkReport awaitReportOfAnotherFork(Path directory, ForkReport mine)
            throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (WatchService watcher = directory.getFileSystem().newWatchService()) {
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                Optional<ForkReport> other = reports(directory).stream()
                        .filter(report -> report.run().equals(mine.run()) && !report.fork().equals(mine.fork()))
                        .findFirst();
                if (other.isPresent()) {
                    return other.get();
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                WatchKey changed = left > 0 ? watcher.poll(left, TimeUnit.MILLISECONDS) : null;
                if (changed == null) {
                    throw new AssertionError("no other fork of run " + mine.run() + " wrote a report to " + directory
                            + " within " + PATIENCE + " (fork " + mine.fork() + " did): Surefire ran one fork, not "
                            + "the two of forkCount in autoconfigure/pom.xml");
                }
                changed.pollEvents();
                changed.reset();
            }
        }
    }

    private static List<ForkReport> reports(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            // reports are written by an atomic move: a fork-*.json file is always whole
            return files.filter(f -> f.getFileName().toString().matches("fork-[A-Za-z0-9-]+\\.json"))
                    .map(ForkReportWriter::read).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
