package io.github.qdrantscope.autoconfigure.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A {@link FailureAnalysisReporter} that keeps what Spring Boot reports, keyed by the exact exception that
 * was analyzed, so that a test can read the analysis of the start-up failure it caused (and no other
 * test's). Boot's {@code FailureAnalyzers} load reporters from {@code META-INF/spring.factories} of the
 * application's class loader: {@link #classLoader} gives an application one that lists this reporter
 * besides everything on the test class path.
 */
final class RecordingFailureAnalysisReporter implements FailureAnalysisReporter {

    private static final Map<Throwable, FailureAnalysis> REPORTED = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public void report(FailureAnalysis analysis) {
        REPORTED.put(analysis.getCause(), analysis);
    }

    /** The analysis Boot reported for {@code cause}, or {@code null}; forgotten once taken. */
    static FailureAnalysis take(Throwable cause) {
        return REPORTED.remove(cause);
    }

    /**
     * A class loader delegating everything to the test's, whose {@code META-INF/spring.factories} resources
     * are the test's plus one (written under {@code directory}) registering this reporter.
     */
    static URLClassLoader classLoader(Path directory) {
        try {
            Path factories = directory.resolve("META-INF").resolve("spring.factories");
            Files.createDirectories(factories.getParent());
            Files.writeString(factories, FailureAnalysisReporter.class.getName() + "="
                    + RecordingFailureAnalysisReporter.class.getName() + "\n");
            return new URLClassLoader(new URL[] { directory.toUri().toURL() },
                    RecordingFailureAnalysisReporter.class.getClassLoader());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
