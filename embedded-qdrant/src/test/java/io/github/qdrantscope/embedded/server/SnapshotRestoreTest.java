package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.github.qdrantscope.embedded.Main;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full snapshots, the snapshots directory's lifecycle and restoring from files: the Java API, the
 * builder and the jar's {@code --restore}, with their errors. Each test starts its own servers.
 */
class SnapshotRestoreTest {

    @TempDir
    Path tmp;

    @Test
    void fullSnapshotsAreNamedListedAndDeletedAsInQdrant() throws Exception {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start(); QdrantClient client = client(qdrant)) {
            fixture(client, "a", 2);
            fixture(client, "b", 1);

            SnapshotDescription full = client.createFullSnapshotAsync().get();

            // mod.rs _do_create_full_snapshot: "{FULL_SNAPSHOT_FILE_NAME}-{%Y-%m-%d-%H-%M-%S}.snapshot"
            assertThat(full.getName()).matches("full-snapshot-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.snapshot");
            assertThat(full.getSize()).isEqualTo(Files.size(qdrant.snapshotsDirectory().resolve(full.getName())));
            assertThat(client.listFullSnapshotAsync().get()).containsExactly(full);
            // it snapshots every collection first, each listed as that collection's own
            assertThat(client.listSnapshotAsync("a").get()).hasSize(1);
            assertThat(client.listSnapshotAsync("b").get()).hasSize(1);

            // get_full_snapshot_path: StorageError::not_found(format!("Snapshot {snapshot_name}"))
            Status missing = status(() -> client.deleteFullSnapshotAsync("nope.snapshot").get());
            assertThat(missing.getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(missing.getDescription()).isEqualTo("Not found: Snapshot nope.snapshot");

            client.deleteFullSnapshotAsync(full.getName()).get();
            assertThat(client.listFullSnapshotAsync().get()).isEmpty();
        }
    }

    @Test
    void theDefaultDirectoryIsDeletedAtCloseAConfiguredOneIsKept() throws Exception {
        Path temporary;
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start(); QdrantClient client = client(qdrant)) {
            fixture(client, "a", 1);
            client.createSnapshotAsync("a").get();
            temporary = qdrant.snapshotsDirectory();
            assertThat(temporary.resolve("a")).isDirectory();
        }
        assertThat(temporary).doesNotExist();

        Path configured = tmp.resolve("snaps");
        SnapshotDescription kept;
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().snapshotsDirectory(configured).start();
                QdrantClient client = client(qdrant)) {
            fixture(client, "a", 1);
            kept = client.createSnapshotAsync("a").get();
        }
        assertThat(configured.resolve("a").resolve(kept.getName())).isRegularFile();
        // a later server on the same directory lists what the first left
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().snapshotsDirectory(configured).start();
                QdrantClient client = client(qdrant)) {
            fixture(client, "a", 1);
            assertThat(client.listSnapshotAsync("a").get()).containsExactly(kept);
        }
    }

    @Test
    void aSnapshotSeedsAnotherServerAtStart() throws Exception {
        Path file = snapshotOf("seed", 5);
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().restoreCollection("one", file)
                .restoreCollection("two", file).start(); QdrantClient client = client(qdrant)) {
            assertThat(client.listCollectionsAsync().get()).containsExactly("one", "two");
            assertThat(client.countAsync("one").get()).isEqualTo(5L);
            assertThat(client.retrieveAsync("two", id(3), true, false, null).get().get(0).getPayloadMap())
                    .isEqualTo(Map.of("i", value(3)));
        }
    }

    @Test
    void restoreErrorsNameTheFileOrTheCollection() throws Exception {
        Path file = snapshotOf("src", 3);
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start(); QdrantClient client = client(qdrant)) {
            fixture(client, "taken", 1);
            Path missing = tmp.resolve("missing.snapshot");
            assertThatThrownBy(() -> qdrant.restoreSnapshot(missing, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot restore snapshot " + missing + " as collection `x`: no such file");

            Path garbage = Files.write(tmp.resolve("garbage.snapshot"), "not a snapshot at all".getBytes());
            assertThatThrownBy(() -> qdrant.restoreSnapshot(garbage, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot restore snapshot " + garbage + " as collection `x`: the file is not a readable"
                            + " embedded Qdrant collection snapshot (it does not start with EQSNAP01, so it is no"
                            + " embedded Qdrant collection snapshot)");

            byte[] whole = Files.readAllBytes(file);
            Path truncated = Files.write(tmp.resolve("truncated.snapshot"), Arrays.copyOf(whole, whole.length - 9));
            assertThatThrownBy(() -> qdrant.restoreSnapshot(truncated, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot restore snapshot " + truncated + " as collection `x`: the file is not a"
                            + " readable embedded Qdrant collection snapshot (the file ends early (truncated))");

            assertThatThrownBy(() -> qdrant.restoreSnapshot(file, "taken"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot restore snapshot " + file + " as collection `taken`: a collection or alias"
                            + " named `taken` already exists");

            assertThatThrownBy(() -> qdrant.restoreSnapshot(file, "a/b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot restore snapshot " + file + " as collection `a/b`: Validation error in body:"
                            + " [collection_name: collection name cannot contain \"/\" char]");

            Path full = qdrant.snapshotsDirectory().resolve(client.createFullSnapshotAsync().get().getName());
            assertThatThrownBy(() -> qdrant.restoreSnapshot(full, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("(it is a full snapshot (all collections), not a collection snapshot)");

            // nothing was created by the failed attempts
            assertThat(client.listCollectionsAsync().get()).containsExactly("taken");
        }
    }

    @Test
    void theJarRestoresFromItsOptions() throws Exception {
        Path file = snapshotOf("jar", 4);
        Path dir = tmp.resolve("jar-snaps");
        Process process = java("--port", "0", "--snapshots-dir", dir.toString(), "--restore", "fixture=" + file);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher matcher = Pattern.compile("Embedded Qdrant listening on (\\S+):(\\d+)").matcher(out.readLine());
            assertThat(matcher.matches()).isTrue();
            try (QdrantClient client = new QdrantClient(QdrantGrpcClient.newBuilder("127.0.0.1",
                    Integer.parseInt(matcher.group(2)), false).build())) {
                assertThat(client.countAsync("fixture").get()).isEqualTo(4L);
                String name = client.createSnapshotAsync("fixture").get().getName();
                assertThat(dir.resolve("fixture").resolve(name)).isRegularFile();
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badRestoreOptionsAreNamed() throws Exception {
        assertThat(usageError("--restore", "nameonly")).contains("Invalid value for --restore: nameonly (expected NAME=PATH)");
        Path missing = tmp.resolve("none.snapshot");
        assertThat(usageError("--restore", "c=" + missing))
                .contains("Cannot restore snapshot " + missing + " as collection `c`: no such file");
    }

    private String usageError(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Throwable thrown = catchThrowable(() -> {
            Process process = java(all.toArray(String[]::new));
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(Main.USAGE_ERROR);
            new PrintStream(sink, true, StandardCharsets.UTF_8).print(err);
        });
        assertThat(thrown).isNull();
        return sink.toString(StandardCharsets.UTF_8);
    }

    private Path snapshotOf(String collection, int points) throws Exception {
        Path dir = tmp.resolve("source-" + collection);
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().snapshotsDirectory(dir).start();
                QdrantClient client = client(qdrant)) {
            fixture(client, collection, points);
            return dir.resolve(collection).resolve(client.createSnapshotAsync(collection).get().getName());
        }
    }

    private static void fixture(QdrantClient client, String collection, int points) throws Exception {
        client.createCollectionAsync(collection,
                VectorParams.newBuilder().setSize(2).setDistance(Distance.Euclid).build()).get();
        List<PointStruct> batch = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            batch.add(PointStruct.newBuilder().setId(id(i)).setVectors(vectors(i, -i))
                    .putAllPayload(Map.of("i", value(i))).build());
        }
        client.upsertAsync(collection, batch).get();
    }

    private static QdrantClient client(EmbeddedQdrant qdrant) {
        return new QdrantClient(QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.grpcPort(), false).build());
    }

    private static Status status(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof StatusRuntimeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("gRPC status in %s", thrown).isInstanceOf(StatusRuntimeException.class);
        return ((StatusRuntimeException) cause).getStatus();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).directory(new File(".")).start();
    }
}
