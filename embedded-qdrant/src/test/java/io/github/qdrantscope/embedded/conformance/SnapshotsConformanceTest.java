package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code qdrant.Snapshots} through the official client: names, descriptions and errors as Qdrant 1.17
 * ({@code lib/collection/src/collection/snapshots.rs}, {@code lib/storage/src/content_manager/snapshots/mod.rs},
 * {@code src/tonic/api/snapshots_api.rs}; read at commits 00078e35 and 004b3cbf of the code index, not
 * pinned to the v1.17.0 tag).
 */
class SnapshotsConformanceTest extends ConformanceTestBase {

    @Test
    void createListAndDeleteACollectionSnapshot() throws Exception {
        String collection = newCollection(3, Distance.Dot);
        upsert(collection, point(1, 1f, 2f, 3f), point(2, 4f, 5f, 6f));
        Instant before = Instant.now();

        SnapshotDescription created = await(client.createSnapshotAsync(collection));

        // snapshots.rs create_temp_snapshot: "{collection}-{peer_id}-{%Y-%m-%d-%H-%M-%S}.snapshot"
        assertThat(created.getName()).matches(java.util.regex.Pattern.quote(collection)
                + "-\\d+-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.snapshot");
        Path file = server.snapshotsDirectory().resolve(collection).resolve(created.getName());
        assertThat(created.getSize()).isEqualTo(Files.size(file));
        assertThat(created.getChecksum()).isEqualTo(sha256(file));
        // creation_time is the file's, in whole seconds (SnapshotDescription from file metadata)
        assertThat(created.getCreationTime().getNanos()).isZero();
        assertThat(created.getCreationTime().getSeconds())
                .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());

        assertThat(await(client.listSnapshotAsync(collection))).containsExactly(created);

        await(client.deleteSnapshotAsync(collection, created.getName()));
        assertThat(await(client.listSnapshotAsync(collection))).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(Path.of(file + ".checksum")).doesNotExist();
    }

    @Test
    void anAliasSnapshotsItsCollection() {
        String collection = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        await(client.createAliasAsync(alias, collection));

        SnapshotDescription created = await(client.createSnapshotAsync(alias));

        assertThat(created.getName()).startsWith(collection + "-");
        assertThat(await(client.listSnapshotAsync(collection))).containsExactly(created);
        assertThat(await(client.listSnapshotAsync(alias))).containsExactly(created);
    }

    @Test
    void aMissingCollectionIsNotFound() {
        String missing = uniqueName("missing");
        assertCollectionNotFound(() -> await(client.createSnapshotAsync(missing)), missing);
        assertCollectionNotFound(() -> await(client.listSnapshotAsync(missing)), missing);
        assertCollectionNotFound(() -> await(client.deleteSnapshotAsync(missing, "x.snapshot")), missing);
    }

    @Test
    void aMissingSnapshotIsNotFound() {
        String collection = newCollection(2, Distance.Dot);
        String other = newCollection(2, Distance.Dot);
        SnapshotDescription ofOther = await(client.createSnapshotAsync(other));

        // Collection::get_snapshot_path: CollectionError::NotFound { what: "Snapshot x" } is "{what} not found",
        // inside StorageError::NotFound's "Not found: {description}"
        assertGrpcError(() -> await(client.deleteSnapshotAsync(collection, "nope.snapshot")), Status.Code.NOT_FOUND,
                "Not found: Snapshot nope.snapshot not found");
        // the path must stay inside the collection's snapshot directory (canonicalize + starts_with)
        String escape = "../" + other + "/" + ofOther.getName();
        assertGrpcError(() -> await(client.deleteSnapshotAsync(collection, escape)), Status.Code.NOT_FOUND,
                "Not found: Snapshot " + escape + " not found");
        assertThat(await(client.listSnapshotAsync(other))).containsExactly(ofOther);
    }

    @Test
    void aRestoredSnapshotIsTheCollectionAsItWas() {
        String collection = uniqueName("rich");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("cos", VectorParams.newBuilder().setSize(3).setDistance(Distance.Cosine).build())
                        .putMap("dot", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("sparse", SparseVectorParams.getDefaultInstance()))
                .build()));
        UUID uuid = UUID.fromString("0b0f7f4c-2d8e-4c43-9a57-16d7c7a3f001");
        await(client.upsertAsync(collection, List.of(
                PointStruct.newBuilder().setId(id(7)).setVectors(namedVectors(Map.of(
                        "cos", vector(3f, 4f, 0f), "dot", vector(1f, -2f),
                        "sparse", vector(List.of(0.5f, 1.5f), List.of(9, 2)))))
                        .putAllPayload(Map.of("tenant", value("a"), "n", value(3))).build(),
                PointStruct.newBuilder().setId(id(uuid)).setVectors(namedVectors(Map.of("dot", vector(0.25f, 8f))))
                        .putAllPayload(Map.of("tenant", value("b"))).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(namedVectors(Map.of("cos", vector(0f, 0f, 1f))))
                        .build())));
        createIndex(collection, "tenant", PayloadSchemaType.Keyword);
        SnapshotDescription snapshot = await(client.createSnapshotAsync(collection));
        String copy = uniqueName("copy");

        server.restoreSnapshot(server.snapshotsDirectory().resolve(collection).resolve(snapshot.getName()), copy);

        assertThat(await(client.getCollectionInfoAsync(copy))).isEqualTo(await(client.getCollectionInfoAsync(collection)));
        assertThat(await(client.scrollAsync(everything(copy))).getResultList())
                .isEqualTo(await(client.scrollAsync(everything(collection))).getResultList());
        // Cosine vectors come back preprocessed once, not normalised again: (3,4,0) is stored as (0.6,0.8,0)
        assertThat(await(client.retrieveAsync(copy, id(7), false, true, null)).get(0).getVectors().getVectors()
                .getVectorsOrThrow("cos").getDense().getDataList()).containsExactly(3f / 5f, 4f / 5f, 0f);

        // the copy is a collection of its own
        await(client.deleteAsync(copy, List.of(id(7))));
        assertThat(await(client.countAsync(copy))).isEqualTo(2L);
        assertThat(await(client.countAsync(collection))).isEqualTo(3L);
    }

    @Test
    void aRestoredSnapshotKeepsMultivectors() {
        String collection = uniqueName("multi");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("colbert", VectorParams.newBuilder().setSize(2).setDistance(Distance.Cosine)
                                .setMultivectorConfig(MultiVectorConfig.newBuilder()
                                        .setComparator(MultiVectorComparator.MaxSim)).build())
                        .putMap("dense", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())))
                .build()));
        await(client.upsertAsync(collection, List.of(
                PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of(
                        "colbert", multiVector(new float[][] {{3f, 4f}, {1f, 0f}, {0f, 2f}}),
                        "dense", vector(1f, 2f)))).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(namedVectors(Map.of(
                        "colbert", multiVector(new float[][] {{0.6f, 0.8f}})))).build(),
                PointStruct.newBuilder().setId(id(3)).setVectors(namedVectors(Map.of("dense", vector(5f, 6f))))
                        .build())));
        SnapshotDescription snapshot = await(client.createSnapshotAsync(collection));
        String copy = uniqueName("multicopy");

        server.restoreSnapshot(server.snapshotsDirectory().resolve(collection).resolve(snapshot.getName()), copy);

        // three, one and no sub-vectors come back as they were stored (each Cosine sub-vector normalised once)
        assertThat(await(client.getCollectionInfoAsync(copy))).isEqualTo(await(client.getCollectionInfoAsync(collection)));
        assertThat(await(client.scrollAsync(everything(copy))).getResultList())
                .isEqualTo(await(client.scrollAsync(everything(collection))).getResultList());
    }

    private static ScrollPoints everything(String collection) {
        return ScrollPoints.newBuilder().setCollectionName(collection).setLimit(100)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
