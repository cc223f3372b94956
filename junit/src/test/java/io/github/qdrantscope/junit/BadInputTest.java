package io.github.qdrantscope.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Wrong settings and a server that does not answer fail the test class at once, naming what to change. */
class BadInputTest {

    @Test
    void aValueThatIsNotAPortNamesTheSettingAndWhereItCameFrom() {
        assertThat(failuresOf(Map.of("qdrant-scope.server.port", "64x"))).containsExactly("qdrant-scope: "
                + "qdrant-scope.server.port='64x' (JUnit configuration parameter) is invalid: expected a port number "
                + "from 1 to 65535");
    }

    @Test
    void aDurationWithoutAUnitWeKnowNamesTheSetting() {
        assertThat(failuresOf(Map.of("qdrant-scope.connect-timeout", "10 seconds"))).containsExactly("qdrant-scope: "
                + "qdrant-scope.connect-timeout='10 seconds' (JUnit configuration parameter) is invalid: expected a "
                + "positive duration such as 10s, 500ms, 2m, 24h or PT10S");
    }

    @Test
    void theForkIdOutsideSystemPropertiesIsRefusedBecauseItIsResolvedPerJvm() {
        assertThat(failuresOf(Map.of("qdrant-scope.fork-id", "7"))).singleElement().asString()
            .startsWith("qdrant-scope: qdrant-scope.fork-id is set as a JUnit configuration parameter, but the fork "
                    + "identity is resolved once per JVM from system properties");
    }

    @Test
    void aRefusedConnectionFailsWithTheServerTheSettingsAndTheDeadline() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertThat(failuresOf(Map.of("qdrant-scope.server.host", "127.0.0.1", "qdrant-scope.server.port",
                Integer.toString(port), "qdrant-scope.connect-timeout", "2s"))).singleElement().asString()
            .startsWith("qdrant-scope could not reach the external Qdrant at 127.0.0.1:" + port + " from "
                    + "qdrant-scope.server.host (JUnit configuration parameter), qdrant-scope.server.port (JUnit "
                    + "configuration parameter) set within PT2S (qdrant-scope.connect-timeout): ");
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            List<String> failures = failuresOf(Map.of("qdrant-scope.server.port", Integer.toString(silent.port()),
                    "qdrant-scope.connect-timeout", "1s"));
            assertThat(failures).singleElement().asString()
                .startsWith("qdrant-scope could not reach the external Qdrant at localhost:" + silent.port()
                        + " from qdrant-scope.server.port (JUnit configuration parameter) set within PT1S "
                        + "(qdrant-scope.connect-timeout): ");
            // the deadline, not a hang: well under the 30 s a gRPC call would otherwise wait
            assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(15.0);
        }
    }

    @Test
    void anInvalidAnnotationFailsTheTestNamingTheAttributeTheValueAndTheTest() {
        TestExecutionSummary summary = Scenarios.run(InvalidKey.class, Map.of());

        assertThat(Scenarios.failures(summary)).containsExactly("Invalid @ScopedProject(key = \"meta.project\") on "
                + InvalidKey.class.getName() + "#writes: expected a plain payload field name matching "
                + "[A-Za-z_][A-Za-z0-9_]{0,63} (no dots or brackets, which Qdrant reads as a nested path), other "
                + "than the reserved 'qdrant_scope_id' and 'qdrant_scope_key'");
    }

    @Test
    void aProjectScopeParameterOutsideAProjectSaysWhereItCanBeInjected() {
        TestExecutionSummary summary = Scenarios.run(NoProject.class, Map.of());

        assertThat(Scenarios.failures(summary)).singleElement().asString()
            .startsWith("qdrant-scope: no project scope is open for parameter 'scope' of ")
            .endsWith("a ProjectScope is injected into test methods and @BeforeEach/@AfterEach methods of tests "
                    + "covered by @ScopedProject");
    }

    private static List<String> failuresOf(Map<String, String> parameters) {
        TestExecutionSummary summary = Scenarios.run(Plain.class, parameters);
        assertThat(summary.getTestsSucceededCount()).isZero();
        return Scenarios.failures(summary);
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    static class Plain {

        @Test
        void usesTheClient(QdrantClient client) {
            assertThat(client).isNotNull();
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    static class InvalidKey {

        @Test
        @ScopedProject(key = "meta.project")
        void writes() {
        }
    }

    @Scenarios.Scenario
    @ExtendWith(QdrantScopeExtension.class)
    static class NoProject {

        @Test
        void wantsAProject(ProjectScope scope) {
        }
    }
}
