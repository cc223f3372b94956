package io.github.qdrantscope.embedded.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.Main;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs {@link Main} as the jar does: in a separate JVM, reading its output. */
class MainTest {

    private static final Pattern LISTENING = Pattern.compile("Embedded Qdrant listening on (\\S+):(\\d+)");

    @Test
    void printsOneListeningLineAndServesUntilKilled() throws Exception {
        Process process = java(ProcessBuilder.Redirect.DISCARD, "--port", "0", "--host", "127.0.0.1", "--api-key", "k1");
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).isNotNull();
            Matcher matcher = LISTENING.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            assertThat(matcher.group(1)).isEqualTo("127.0.0.1");
            int port = Integer.parseInt(matcher.group(2));
            assertThat(port).isPositive();

            try (QdrantClient client = new QdrantClient(
                    QdrantGrpcClient.newBuilder("127.0.0.1", port, false).withApiKey("k1").build())) {
                assertThat(client.listCollectionsAsync().get()).isEmpty();
            }
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anUnknownArgumentPrintsUsageAndExitsWithTwo() throws Exception {
        Process process = java(ProcessBuilder.Redirect.PIPE, "--port", "0", "--bogus");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.USAGE_ERROR);
        assertThat(err).contains("Unknown argument: --bogus").contains("Usage:");
    }

    @Test
    void aBadPortValueIsNamed() throws Exception {
        Process process = java(ProcessBuilder.Redirect.PIPE, "--port", "http");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.USAGE_ERROR);
        assertThat(err).contains("Invalid value for --port: http");
    }

    @Test
    void aMissingValueIsNamed() throws Exception {
        Process process = java(ProcessBuilder.Redirect.PIPE, "--api-key");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.USAGE_ERROR);
        assertThat(err).contains("Missing value for --api-key");
    }

    private static Process java(ProcessBuilder.Redirect stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr).directory(new File(".")).start();
    }
}
