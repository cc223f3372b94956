package io.github.qdrantscope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.github.qdrantscope.core.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line that says which fork and run id this JVM uses and where each came from. */
class ForkIdentityLogTest {

    @TempDir
    Path workingDirectory;

    @Test
    void logsBothIdsAndTheirSources() {
        ForkIdentity identity = ForkIdentity.resolve(SystemLookup.of(Map.of("qdrant-scope.fork-id", "blue-7"),
                Map.of("CI_JOB_ID", "5551")), workingDirectory, "host-a", 4242, null);

        try (LogCapture log = LogCapture.of(ForkIdentity.class)) {
            identity.logResolved();

            assertThat(log.messages()).containsExactly(
                    "qdrant-scope: fork id blue-7 (from qdrant-scope.fork-id), run id gl5551 (from gitlab)");
        }
    }
}
