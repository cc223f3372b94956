package io.github.qdrantscope.embedded.differential;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The long-lived Python process that applies the test's requests to a Qdrant Edge shard
 * ({@code src/test/python/edge_oracle.py}). Requests go over as the protobuf JSON of the very gRPC
 * messages the embedded server receives, one line each; the answer is one JSON line,
 * {@code {"ok": ...}} or {@code {"error": "..."}} (Edge refused the request).
 *
 * <p>The build creates the interpreter ({@code target/edge-venv}, exec-maven-plugin in this module's
 * pom) and passes its path as {@code edge.python}; outside Maven, set {@code -Dedge.python} and
 * {@code -Dedge.oracle} yourself. A missing interpreter or oracle, or an oracle that dies, fails the test
 * with the reason (and the oracle's stderr): the test never skips itself.
 */
final class EdgeOracle implements AutoCloseable {

    /** Proto field names (snake_case), as Qdrant's own JSON and the oracle use them. */
    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path stderr;

    private EdgeOracle(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static EdgeOracle start() {
        Path python = requiredFile("edge.python", "the virtualenv's python (built by `./mvnw -pl embedded-qdrant"
                + " process-test-resources`, which needs python3 on the PATH)");
        Path script = requiredFile("edge.oracle", "src/test/python/edge_oracle.py");
        try {
            Path stderr = Files.createTempFile("edge-oracle-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-u", script.toString())
                    .redirectError(stderr.toFile());
            builder.environment().put("PYTHONPATH", script.getParent().toString());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            return new EdgeOracle(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Edge oracle with " + python, e);
        }
    }

    private static Path requiredFile(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: it names " + what);
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + "=" + value + " does not exist: it names " + what);
        }
        return path;
    }

    /** The oracle's answer to {@code op} applied to {@code request}. */
    Answer call(String op, MessageOrBuilder request) {
        String line;
        try {
            line = "{\"op\":\"" + op + "\",\"req\":" + PRINTER.print(request) + "}";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Cannot print " + request, e);
        }
        try {
            in.write(line);
            in.write('\n');
            in.flush();
            String answer = out.readLine();
            if (answer == null) {
                throw new IllegalStateException("The Edge oracle exited (status " + exitStatus() + ") on " + line
                        + "\n" + stderrText());
            }
            JsonObject json = JsonParser.parseString(answer).getAsJsonObject();
            return json.has("error") ? new Answer(null, json.get("error").getAsString())
                    : new Answer(Json.toJava(json.get("ok")), null);
        } catch (IOException e) {
            throw new IllegalStateException("The Edge oracle failed on " + line + "\n" + stderrText(), e);
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Exactly one of {@code value} (a {@link Json} value) and {@code error} is set. */
    record Answer(Object value, String error) {
        boolean failed() {
            return error != null;
        }

        @Override
        public String toString() {
            return failed() ? "error " + error : String.valueOf(value);
        }
    }
}
