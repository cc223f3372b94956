package io.github.qdrantscope.autoconfigure.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

import io.github.qdrantscope.autoconfigure.metrics.ForkReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
// Boot's output capture is JVM-wide: capturing tests take System.out in turn (as ScopingAutoConfigurationTest)
@ResourceLock(Resources.SYSTEM_OUT)
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
    void closingAJUnitSessionLogsTheOneLineSummary(CapturedOutput output) {
        ForkRuntime runtime = ForkRuntime.jvm();

        // a session as Surefire opens one per fork: the platform finds the listener through META-INF/services
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().build());
        }

        ForkIdentity identity = runtime.identity();
        Path report = identity.buildDirectory().resolve("qdrant-scope/fork-" + identity.fork().value() + ".json");
        // operation counts move with tests running in parallel; the rest of the line is exact
        assertThat(output).containsPattern(Pattern.quote("qdrant-scope fork " + identity.fork().value() + " (run "
                + identity.run().value() + "): ") + "[0-9]+ vector-store operations, contention (none|[a-z_]+=[0-9]+"
                + "(, [a-z_]+=[0-9]+)*), collections " + Pattern.quote(runtime.collections() + " (report " + report + ")"));
    }
}
