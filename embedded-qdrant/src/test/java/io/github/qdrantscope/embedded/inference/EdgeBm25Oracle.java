package io.github.qdrantscope.embedded.inference;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Qdrant Edge's BM25 model behind {@code src/test/python/edge_bm25.py}: one request a line, one answer a line.
 * The interpreter is the build's virtualenv ({@code edge.python}, as for the differential test); the script
 * sits next to {@code edge.oracle}. A missing interpreter or a dead oracle fails the test, never skips it.
 */
final class EdgeBm25Oracle implements AutoCloseable {

    private static final Gson GSON = new Gson();

    /** Edge's vector, or its refusal of the configuration. */
    record Answer(int[] indices, float[] values, String error) {
    }

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path stderr;

    private EdgeBm25Oracle(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static EdgeBm25Oracle start() {
        Path python = Path.of(required("edge.python"));
        Path script = Path.of(required("edge.oracle")).resolveSibling("edge_bm25.py");
        if (!Files.isRegularFile(python) || !Files.isRegularFile(script)) {
            throw new IllegalStateException("Missing " + python + " or " + script
                    + " (the virtualenv is built by `./mvnw -pl embedded-qdrant process-test-resources`)");
        }
        try {
            Path stderr = Files.createTempFile("edge-bm25-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-u", script.toString())
                    .redirectError(stderr.toFile());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            return new EdgeBm25Oracle(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (see EdgeOracle)");
        }
        return value;
    }

    Answer embed(String side, String text, Map<String, Object> options) {
        JsonObject request = new JsonObject();
        request.addProperty("side", side);
        request.addProperty("text", text);
        request.add("options", GSON.toJsonTree(options));
        JsonObject answer = exchange(request);
        if (answer.has("error")) {
            return new Answer(null, null, answer.get("error").getAsString());
        }
        return vector(answer);
    }

    /** The query indices of each text, in order, from one request (the {@code queries} side of the script). */
    List<int[]> queries(List<String> texts, Map<String, Object> options) {
        List<int[]> vectors = new ArrayList<>(texts.size());
        for (JsonElement vector : batch("queries", texts, options)) {
            vectors.add(indices(vector.getAsJsonArray()));
        }
        return vectors;
    }

    /** The document vector of each text, in order, from one request (the {@code documents} side of the script). */
    List<Answer> documents(List<String> texts, Map<String, Object> options) {
        List<Answer> vectors = new ArrayList<>(texts.size());
        for (JsonElement element : batch("documents", texts, options)) {
            vectors.add(vector(element.getAsJsonObject()));
        }
        return vectors;
    }

    // one request for many texts: options Edge refuses fail the test, as no generated option set should be refused
    private JsonArray batch(String side, List<String> texts, Map<String, Object> options) {
        JsonObject request = new JsonObject();
        request.addProperty("side", side);
        request.add("texts", GSON.toJsonTree(texts));
        request.add("options", GSON.toJsonTree(options));
        JsonObject answer = exchange(request);
        if (answer.has("error")) {
            throw new IllegalStateException("Edge refused " + options + ": " + answer.get("error").getAsString());
        }
        return answer.getAsJsonArray("vectors");
    }

    private static Answer vector(JsonObject indicesAndValues) {
        int[] ids = indices(indicesAndValues.getAsJsonArray("indices"));
        JsonArray values = indicesAndValues.getAsJsonArray("values");
        float[] weights = new float[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = values.get(i).getAsFloat();
        }
        return new Answer(ids, weights, null);
    }

    private static int[] indices(JsonArray indices) {
        int[] ids = new int[indices.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) indices.get(i).getAsLong();
        }
        return ids;
    }

    private JsonObject exchange(JsonObject request) {
        try {
            in.write(GSON.toJson(request));
            in.newLine();
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("The BM25 oracle died: " + Files.readString(stderr));
            }
            return JsonParser.parseString(line).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(stderr);
    }
}
