package io.github.qdrantscope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkIdResolverTest {

    @TempDir
    Path buildDir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private ForkId resolve() {
        return new ForkIdResolver(SystemLookup.of(properties, env), buildDir, 4242).resolve();
    }

    @Test
    void explicitSystemPropertyWinsOverEverything() {
        properties.put("qdrant-scope.fork-id", "blue-7");
        env.put("QDRANT_SCOPE_FORK_ID", "3");
        properties.put("qdrant-scope.surefire-fork-number", "2");
        properties.put("org.gradle.test.worker", "17");

        assertThat(resolve()).isEqualTo(new ForkId("blue-7", "qdrant-scope.fork-id"));
    }

    @Test
    void environmentVariableWinsOverBuildTools() {
        env.put("QDRANT_SCOPE_FORK_ID", "3");
        properties.put("qdrant-scope.surefire-fork-number", "2");

        assertThat(resolve()).isEqualTo(new ForkId("3", "QDRANT_SCOPE_FORK_ID"));
    }

    @Test
    void surefireForkNumberIsUsedWhenPassedThroughSystemPropertyVariables() {
        properties.put("qdrant-scope.surefire-fork-number", "fork2");
        properties.put("org.gradle.test.worker", "17");

        assertThat(resolve()).isEqualTo(new ForkId("2", "surefire"));
    }

    @Test
    void unreplacedSurefirePlaceholderIsIgnored() {
        // forkCount=0 runs in Maven's JVM, where Surefire leaves the placeholder as it is
        properties.put("qdrant-scope.surefire-fork-number", "fork${surefire.forkNumber}");

        ForkId id = resolve();

        assertThat(id.source()).isEqualTo("pid");
        assertThat(id.value()).matches("p4242-[0-9a-f]{4}");
    }

    @Test
    void gradleWorkersGetDenseSlotsHeldByFileLocks() {
        properties.put("org.gradle.test.worker", "731");
        ForkId first = resolve();
        properties.put("org.gradle.test.worker", "977");
        ForkId second = resolve();

        assertThat(first).isEqualTo(new ForkId("1", "gradle"));
        assertThat(second).isEqualTo(new ForkId("2", "gradle"));
        assertThat(buildDir.resolve("qdrant-scope/gradle-slots/slot-1.lock")).exists();
    }

    @Test
    void lastResortIsPidWithRandomSuffix() {
        ForkId id = resolve();

        assertThat(id.source()).isEqualTo("pid");
        assertThat(id.value()).matches("p4242-[0-9a-f]{4}");
    }

    @Test
    void invalidExplicitForkIdNamesWhereItCameFrom() {
        properties.put("qdrant-scope.fork-id", "fork/1");

        assertThatIllegalArgumentException().isThrownBy(this::resolve)
                .withMessageContaining("'fork/1'")
                .withMessageContaining("system property qdrant-scope.fork-id")
                .withMessageContaining("[A-Za-z0-9-]");
    }

    @Test
    void invalidEnvironmentForkIdNamesTheVariable() {
        env.put("QDRANT_SCOPE_FORK_ID", "a_very_long_fork_identifier_that_exceeds_thirty_two");

        assertThatIllegalArgumentException().isThrownBy(this::resolve)
                .withMessageContaining("environment variable QDRANT_SCOPE_FORK_ID");
    }

    @Test
    void bareForkNumberIsAcceptedToo() {
        properties.put("qdrant-scope.surefire-fork-number", "3");

        assertThat(resolve()).isEqualTo(new ForkId("3", "surefire"));
    }

    @Test
    void emptySurefireValueExplainsMavensReplacement() {
        // what Maven passes for <qdrant-scope.surefire-fork-number>${surefire.forkNumber}</...>
        properties.put("qdrant-scope.surefire-fork-number", "");

        assertThatIllegalArgumentException().isThrownBy(this::resolve)
                .withMessageContaining("system property qdrant-scope.surefire-fork-number='' is invalid")
                .withMessageContaining("fork${surefire.forkNumber}");
    }

    @Test
    void malformedSurefireValueNamesTheSystemProperty() {
        properties.put("qdrant-scope.surefire-fork-number", "1 2");

        assertThatIllegalArgumentException().isThrownBy(this::resolve)
                .withMessageContaining("qdrant-scope.surefire-fork-number='1 2'");
    }
}
