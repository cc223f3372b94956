package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.github.qdrantscope.core.LogCapture;
import io.github.qdrantscope.core.identity.ForkIdentity;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class QdrantScopeRunListenerTest {

    @Test
    void isRegisteredWithTheJUnitPlatform() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(QdrantScopeRunListener.class);
    }

    @Test
    void writesTheForkReportIntoTheBuildDirectoryAtTheEndOfTheRun() {
        ForkRuntime runtime = ForkRuntime.jvm();

        new QdrantScopeRunListener().launcherSessionClosed(null);

        Path file = runtime.identity().buildDirectory().resolve("qdrant-scope/fork-" + runtime.identity().fork().value() + ".json");
        assertThat(file).exists();
        assertThat(ForkReportWriter.read(file).run()).isEqualTo(runtime.identity().run().value());
    }

    @Test
    void closingAJUnitSessionLogsTheOneLineSummary() {
        ForkRuntime runtime = ForkRuntime.jvm();

        List<String> lines;
        try (LogCapture log = LogCapture.of(QdrantScopeRunListener.class)) {
            // a session as Surefire opens one per fork: the platform finds the listener through META-INF/services
            try (LauncherSession session = LauncherFactory.openSession()) {
                session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().build());
            }
            lines = log.messages();
        }

        ForkIdentity identity = runtime.identity();
        Path report = identity.buildDirectory().resolve("qdrant-scope/fork-" + identity.fork().value() + ".json");
        // operation counts move with tests running in parallel; the rest of the line is exact
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches(Pattern.quote("qdrant-scope fork " + identity.fork().value() + " (run "
                + identity.run().value() + "): ") + "[0-9]+ operations, contention (none|[a-z_]+=[0-9]+"
                + "(, [a-z_]+=[0-9]+)*), collections " + Pattern.quote(runtime.collections() + " (report " + report + ")"));
    }
}
