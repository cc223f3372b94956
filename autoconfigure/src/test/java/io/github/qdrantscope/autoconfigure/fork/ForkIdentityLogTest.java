package io.github.qdrantscope.autoconfigure.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The line that says which fork and run id this JVM uses and where each came from. */
@ExtendWith(OutputCaptureExtension.class)
// Boot's output capture is JVM-wide: capturing tests take System.out in turn (as ScopingAutoConfigurationTest)
@ResourceLock(Resources.SYSTEM_OUT)
class ForkIdentityLogTest {

    @TempDir
    Path workingDirectory;

    @Test
    void logsBothIdsAndTheirSources(CapturedOutput output) {
        ForkIdentity identity = ForkIdentity.resolve(SystemLookup.of(Map.of("qdrant-scope.fork-id", "blue-7"),
                Map.of("CI_JOB_ID", "5551")), workingDirectory, "host-a", 4242, null);

        identity.logResolved();

        assertThat(output).contains(
                "qdrant-scope: fork id blue-7 (from qdrant-scope.fork-id), run id gl5551 (from gitlab)");
    }
}
