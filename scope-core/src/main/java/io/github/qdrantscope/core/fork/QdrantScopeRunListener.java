package io.github.qdrantscope.core.fork;

import java.nio.file.Path;

import io.github.qdrantscope.core.metrics.ForkReport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * At the end of the JUnit run (registered in {@code META-INF/services}), writes the fork report
 * {@code <build dir>/qdrant-scope/fork-<id>.json} and logs a one-line summary, if anything (a Spring context, the JUnit extension) of this
 * JVM used qdrant-scope. The report is written again at JVM exit, so work done after the run is included.
 */
public class QdrantScopeRunListener implements LauncherSessionListener {

    private static final System.Logger logger = System.getLogger(QdrantScopeRunListener.class.getName());

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ForkRuntime runtime = ForkRuntime.jvmIfStarted();
        if (runtime == null) {
            return;
        }
        // one report for both: its collections are listed on the server once
        ForkReport report = runtime.report();
        Path file = runtime.writeReport(report);
        logger.log(System.Logger.Level.INFO, runtime.summary(report) + " (report " + file + ")");
    }
}
