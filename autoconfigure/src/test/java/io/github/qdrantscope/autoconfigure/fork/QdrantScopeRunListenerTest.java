package io.github.qdrantscope.autoconfigure.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;

import io.github.qdrantscope.autoconfigure.metrics.ForkReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

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
}
