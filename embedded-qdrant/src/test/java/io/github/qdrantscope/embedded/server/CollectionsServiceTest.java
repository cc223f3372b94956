package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionsServiceTest extends ServerTestSupport {

    private static VectorParams params(int size, Distance distance) {
        return VectorParams.newBuilder().setSize(size).setDistance(distance).build();
    }

    @Test
    void createGetListAndDelete() {
        String name = uniqueName("create");
        assertThat(get(client.createCollectionAsync(name, params(4, Distance.Dot))).getResult()).isTrue();

        assertThat(get(client.listCollectionsAsync())).contains(name);
        assertThat(get(client.collectionExistsAsync(name))).isTrue();

        CollectionInfo info = get(client.getCollectionInfoAsync(name));
        assertThat(info.getStatus()).isEqualTo(CollectionStatus.Green);
        assertThat(info.getOptimizerStatus().getOk()).isTrue();
        assertThat(info.getPointsCount()).isZero();
        assertThat(info.getSegmentsCount()).isEqualTo(1); // one in-memory segment, documented in docs/embedded-qdrant.md
        assertThat(info.getConfig().getParams().getVectorsConfig().getParams())
                .isEqualTo(params(4, Distance.Dot));

        assertThat(get(client.deleteCollectionAsync(name)).getResult()).isTrue();
        assertThat(get(client.collectionExistsAsync(name))).isFalse();
        assertThat(get(client.listCollectionsAsync())).doesNotContain(name);
    }

    @Test
    void getCountsPointsAndEchoesNamedVectors() {
        String name = uniqueName("named");
        get(client.createCollectionAsync(name, Map.of(
                "text", params(3, Distance.Cosine), "image", params(2, Distance.Euclid))));
        get(client.upsertAsync(name, List.of(
                PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of(
                        "text", io.qdrant.client.VectorFactory.vector(1, 2, 3)))).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(namedVectors(Map.of(
                        "image", io.qdrant.client.VectorFactory.vector(1, 2)))).build())));

        CollectionInfo info = get(client.getCollectionInfoAsync(name));
        assertThat(info.getPointsCount()).isEqualTo(2);
        assertThat(info.getConfig().getParams().getVectorsConfig().getParamsMap().getMapMap())
                .containsOnlyKeys("text", "image")
                .containsEntry("image", params(2, Distance.Euclid));
    }

    @Test
    void everyDistanceIsAccepted() {
        for (Distance distance : List.of(Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan)) {
            String name = newCollection(2, distance);
            assertThat(get(client.getCollectionInfoAsync(name)).getConfig().getParams().getVectorsConfig()
                    .getParams().getDistance()).isEqualTo(distance);
        }
    }

    @Test
    void duplicateCreateIsAlreadyExists() {
        String name = newCollection(4, Distance.Cosine);
        assertFails(client.createCollectionAsync(name, params(4, Distance.Cosine)),
                Code.ALREADY_EXISTS, "Wrong input: Collection `" + name + "` already exists!");
    }

    @Test
    void unknownCollectionIsNotFound() {
        String name = uniqueName("missing");
        String message = "Not found: Collection `" + name + "` doesn't exist!";
        assertFails(client.getCollectionInfoAsync(name), Code.NOT_FOUND, message);
        assertFails(client.updateCollectionAsync(UpdateCollection.newBuilder().setCollectionName(name).build()),
                Code.NOT_FOUND, message);
        assertFails(client.createAliasAsync(uniqueName("alias"), name), Code.NOT_FOUND, message);
    }

    @Test
    void deletingAMissingCollectionAnswersFalse() {
        // Qdrant answers OK with result=false; the official client turns that into an exception.
        var response = get(client.grpcClient().collections().delete(
                io.qdrant.client.grpc.Collections.DeleteCollection.newBuilder()
                        .setCollectionName(uniqueName("missing")).build()));
        assertThat(response.getResult()).isFalse();
    }

    @Test
    void badNamesAreValidationErrors() {
        for (char c : new char[] {'<', '>', ':', '"', '/', '\\', '|', '?', '*'}) {
            assertFails(client.createCollectionAsync("bad" + c + "name", params(4, Distance.Cosine)),
                    Code.INVALID_ARGUMENT,
                    "Validation error in body: [collection_name: collection name cannot contain \"" + c + "\" char]");
        }
        // The official client refuses an empty name itself; send it raw to see the server's answer.
        assertFails(client.grpcClient().collections().create(CreateCollection.newBuilder()
                        .setCollectionName("").setVectorsConfig(VectorsConfig.newBuilder()
                                .setParams(params(4, Distance.Cosine))).build()), Code.INVALID_ARGUMENT,
                "Validation error in body: [collection_name: value \"\" invalid, must be from 1 to 255 characters]");
        String tooLong = "x".repeat(256);
        assertFails(client.createCollectionAsync(tooLong, params(4, Distance.Cosine)), Code.INVALID_ARGUMENT,
                "Validation error in body: [collection_name: value \"" + tooLong
                        + "\" invalid, must be from 1 to 255 characters]");
        String longest = "y".repeat(255);
        assertThat(get(client.createCollectionAsync(longest, params(4, Distance.Cosine))).getResult()).isTrue();
    }

    @Test
    void vectorSizeMustBeWithinQdrantsRange() {
        assertFails(client.createCollectionAsync(uniqueName("size"), params(0, Distance.Cosine)),
                Code.INVALID_ARGUMENT,
                "Validation error in body: [vectors_config.config.size: value 0 invalid, must be from 1 to 65536]");
        assertFails(client.createCollectionAsync(uniqueName("size"), params(65537, Distance.Cosine)),
                Code.INVALID_ARGUMENT,
                "Validation error in body: [vectors_config.config.size: value 65537 invalid, must be from 1 to 65536]");
        assertThat(get(client.createCollectionAsync(uniqueName("size"), params(65536, Distance.Dot))).getResult())
                .isTrue();
        assertThat(failure(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(uniqueName("nodistance"))
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("v", VectorParams.newBuilder().setSize(3).build())))
                .build())).getCode()).isEqualTo(Code.INVALID_ARGUMENT);
    }

    @Test
    void updateIsAcceptedAndReportedByGet() {
        String name = newCollection(4, Distance.Cosine);
        var response = get(client.updateCollectionAsync(UpdateCollection.newBuilder().setCollectionName(name)
                .setOptimizersConfig(OptimizersConfigDiff.newBuilder().setIndexingThreshold(1234)).build()));
        assertThat(response.getResult()).isTrue();
        assertThat(get(client.getCollectionInfoAsync(name)).getConfig().getOptimizerConfig().getIndexingThreshold())
                .isEqualTo(1234);
    }

    @Test
    void aliasesCreateRenameDeleteAndResolve() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        String renamed = uniqueName("renamed");

        get(client.createAliasAsync(alias, name));
        assertThat(get(client.listCollectionAliasesAsync(name))).containsExactly(alias);
        assertThat(get(client.listAliasesAsync())).contains(alias(alias, name));
        assertThat(get(client.collectionExistsAsync(alias))).isTrue();
        assertThat(get(client.getCollectionInfoAsync(alias)).getConfig().getParams().getVectorsConfig()
                .getParams().getSize()).isEqualTo(2);
        get(client.upsertAsync(alias, List.of(PointStruct.newBuilder().setId(id(7))
                .setVectors(vectors(1f, 2f)).build())));
        assertThat(get(client.getCollectionInfoAsync(name)).getPointsCount()).isEqualTo(1);

        get(client.renameAliasAsync(alias, renamed));
        assertThat(get(client.listCollectionAliasesAsync(name))).containsExactly(renamed);
        assertThat(get(client.collectionExistsAsync(alias))).isFalse();

        get(client.deleteAliasAsync(renamed));
        assertThat(get(client.listCollectionAliasesAsync(name))).isEmpty();
        // Deleting an alias that does not exist is not an error in Qdrant.
        assertThat(get(client.deleteAliasAsync(renamed)).getResult()).isTrue();
    }

    @Test
    void aliasRulesFollowQdrant() {
        String first = newCollection(2, Distance.Dot);
        String second = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");

        // An alias may not take a collection's name.
        assertFails(client.createAliasAsync(second, first), Code.ALREADY_EXISTS,
                "Wrong input: Collection `" + second + "` already exists!");
        // Creating an existing alias again re-points it.
        get(client.createAliasAsync(alias, first));
        get(client.createAliasAsync(alias, second));
        assertThat(get(client.listCollectionAliasesAsync(first))).isEmpty();
        assertThat(get(client.listCollectionAliasesAsync(second))).containsExactly(alias);
        // Renaming a missing alias is NOT_FOUND.
        String missing = uniqueName("nope");
        assertFails(client.renameAliasAsync(missing, uniqueName("x")), Code.NOT_FOUND,
                "Not found: Alias " + missing + " does not exists!");
        // Unknown collections have no aliases.
        assertThat(get(client.listCollectionAliasesAsync(uniqueName("unknown")))).isEmpty();
    }

    @Test
    void deletingACollectionRemovesItsAliases() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        get(client.createAliasAsync(alias, name));
        get(client.deleteCollectionAsync(name));
        assertThat(get(client.listAliasesAsync())).extracting(AliasDescription::getAliasName).doesNotContain(alias);
        assertThat(get(client.collectionExistsAsync(alias))).isFalse();
    }

    private static AliasDescription alias(String alias, String collection) {
        return AliasDescription.newBuilder().setAliasName(alias).setCollectionName(collection).build();
    }
}
