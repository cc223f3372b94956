package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.core.metrics.ForkReport;
import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

/**
 * Proves the module's Surefire lines run two forks at once, each with its own namespace, leased and reported: each
 * of the two subclasses (run by the pom's {@code two-forks} execution only; their names match no default include)
 * writes the fixed points through the extension, writes its fork report early, then waits for the report of another
 * fork of the same run. Surefire hands a fork one class at a time, so a fork waiting in one class cannot take the
 * other: with one fork the wait fails. The reports are then checked by {@code .ci/run} with
 * {@code contention-report.sh --require-work}: both forks did counted work.
 */
@QdrantScopeTest
abstract class ForkRendezvous {

    /** Bounds only the failure: the other fork normally reports within seconds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final Set<String> RAN_HERE = ConcurrentHashMap.newKeySet();

    @Test
    void anotherForkOfThisRunReportsAnotherNamespace(QdrantClient client, QdrantScopeEndpoint endpoint)
            throws Exception {
        RAN_HERE.add(getClass().getSimpleName());
        if (RAN_HERE.size() > 1) {
            fail("both rendezvous classes ran in one JVM (" + RAN_HERE + "): Surefire did not run two forks "
                    + "(forkCount in junit/pom.xml)");
        }
        Documents.ensureCollection(client);
        get(client.upsertAsync(Documents.COLLECTION, Documents.points(getClass().getSimpleName())));
        assertThat(get(client.countAsync(Documents.COLLECTION))).isEqualTo(4);

        Path file = ForkRuntime.jvm().writeReport();
        ForkReport mine = ForkReportWriter.read(file);
        assertThat(mine.forkSource()).isEqualTo("surefire");
        assertThat(mine.collections()).containsExactly(endpoint.serverCollection(Documents.COLLECTION));

        ForkReport other = awaitReportOfAnotherFork(file.getParent(), mine);

        assertThat(Set.of(mine.fork(), other.fork())).isEqualTo(Set.of("1", "2"));
        String otherNamespace = endpoint.namespace().substring(0, endpoint.namespace().lastIndexOf("_f") + 2)
                + other.fork();
        assertThat(other.collections()).containsExactly(otherNamespace + "__" + Documents.COLLECTION);
    }

    /** Waits for a report file to appear (watched before it is first read), not for time to pass. */
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
                            + "the two of forkCount in junit/pom.xml");
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
