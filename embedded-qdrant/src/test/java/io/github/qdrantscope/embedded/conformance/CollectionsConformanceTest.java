package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.qdrant.client.QdrantException;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.RenameAlias;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Collections service: create, get, list, exists, update, delete, aliases, payload indexes. */
class CollectionsConformanceTest extends ConformanceTestBase {

    @Test
    void createdCollectionIsListedExistsAndReportsItsConfig() {
        String name = newCollection(4, Distance.Cosine);

        assertThat(await(client.listCollectionsAsync())).contains(name);
        assertThat(await(client.collectionExistsAsync(name))).isTrue();

        CollectionInfo info = await(client.getCollectionInfoAsync(name));
        // lib/collection/src/collection/mod.rs info(): a fresh, fully optimised collection is Green
        assertThat(info.getStatus()).isEqualTo(CollectionStatus.Green);
        assertThat(info.getPointsCount()).isZero();
        VectorParams params = info.getConfig().getParams().getVectorsConfig().getParams();
        assertThat(params.getSize()).isEqualTo(4);
        assertThat(params.getDistance()).isEqualTo(Distance.Cosine);
    }

    @Test
    void namedVectorsConfigIsReported() {
        String name = newNamedCollection(Distance.Dot, Map.of("text", 3, "image", 2));

        Map<String, VectorParams> map = await(client.getCollectionInfoAsync(name))
                .getConfig().getParams().getVectorsConfig().getParamsMap().getMapMap();

        assertThat(map).containsOnlyKeys("text", "image");
        assertThat(map.get("text").getSize()).isEqualTo(3);
        assertThat(map.get("image").getSize()).isEqualTo(2);
        assertThat(map.get("image").getDistance()).isEqualTo(Distance.Dot);
    }

    @Test
    void pointsCountFollowsUpserts() {
        String name = newCollection(2, Distance.Dot);
        upsert(name, point(1, 1, 0), point(2, 0, 1), point(3, 1, 1));

        assertThat(await(client.getCollectionInfoAsync(name)).getPointsCount()).isEqualTo(3);
    }

    @Test
    void missingCollectionDoesNotExist() {
        assertThat(await(client.collectionExistsAsync(uniqueName("missing")))).isFalse();
    }

    @Test
    void getOfUnknownCollectionIsNotFound() {
        String name = uniqueName("missing");
        // lib/storage/src/content_manager/errors.rs: StorageError::NotFound -> "Not found: {description}";
        // lib/collection/src/operations/types.rs CollectionError::NotFound "Collection `{name}` doesn't exist!"
        assertCollectionNotFound(() -> await(client.getCollectionInfoAsync(name)), name);
    }

    @Test
    void duplicateCreateIsAlreadyExists() {
        String name = newCollection(2, Distance.Dot);
        // lib/storage/src/content_manager/toc/collection_meta_ops.rs create_collection:
        // StorageError::AlreadyExists -> "Wrong input: Collection `{name}` already exists!"
        assertGrpcError(() -> await(client.createCollectionAsync(name,
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())),
                Status.Code.ALREADY_EXISTS, "Wrong input: Collection `" + name + "` already exists!");
    }

    @Test
    void badCollectionNamesAreInvalidArguments() {
        // lib/api/src/grpc/proto/collections.proto + validation: create requires a name without / \ : * ? " < > |
        for (String bad : List.of("bad/name", "bad:name", "bad*name", "a".repeat(256))) {
            Status status = grpcError(() -> await(client.createCollectionAsync(bad,
                    VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())));
            assertThat(status.getCode()).as(bad).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).as(bad).startsWith("Validation error in body: [collection_name");
        }
    }

    @Test
    void vectorSizeZeroIsRejected() {
        // lib/api/src/grpc/proto/collections.proto VectorParams.size validate(range(min = 1, max = 65536))
        Status status = grpcError(() -> await(client.createCollectionAsync(uniqueName("zero"),
                VectorParams.newBuilder().setSize(0).setDistance(Distance.Dot).build())));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).startsWith("Validation error in body: [").contains("size");
    }

    @Test
    void deleteRemovesTheCollection() {
        String name = newCollection(2, Distance.Dot);

        await(client.deleteCollectionAsync(name));

        assertThat(await(client.collectionExistsAsync(name))).isFalse();
        assertThat(await(client.listCollectionsAsync())).doesNotContain(name);
    }

    @Test
    void deleteOfMissingCollectionAnswersFalse() {
        String name = uniqueName("missing");
        // toc/collection_meta_ops.rs delete_collection: Ok(false) when nothing was removed
        CollectionOperationResponse raw = await(client.grpcClient().collections()
                .delete(DeleteCollection.newBuilder().setCollectionName(name).build()));
        assertThat(raw.getResult()).isFalse();

        // the official client turns result=false into its own exception
        assertThatThrownBy(() -> await(client.deleteCollectionAsync(name)))
                .isInstanceOf(QdrantException.class)
                .hasMessageContaining(name);
    }

    @Test
    void updateCollectionIsAccepted() {
        String name = newCollection(2, Distance.Dot);

        CollectionOperationResponse response = await(client.updateCollectionAsync(UpdateCollection.newBuilder()
                .setCollectionName(name)
                .setOptimizersConfig(OptimizersConfigDiff.newBuilder().setIndexingThreshold(10000))
                .build()));

        assertThat(response.getResult()).isTrue();
    }

    @Test
    void updateOfUnknownCollectionIsNotFound() {
        String name = uniqueName("missing");
        assertCollectionNotFound(() -> await(client.updateCollectionAsync(UpdateCollection.newBuilder()
                        .setCollectionName(name).build())), name);
    }

    @Test
    void aliasesCanBeCreatedListedRenamedAndDeleted() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        String renamed = uniqueName("renamed");

        await(client.createAliasAsync(alias, name));
        assertThat(await(client.listCollectionAliasesAsync(name))).containsExactly(alias);
        assertThat(await(client.listAliasesAsync()))
                .contains(AliasDescription.newBuilder().setAliasName(alias).setCollectionName(name).build());

        await(client.renameAliasAsync(alias, renamed));
        assertThat(await(client.listCollectionAliasesAsync(name))).containsExactly(renamed);

        await(client.deleteAliasAsync(renamed));
        assertThat(await(client.listCollectionAliasesAsync(name))).isEmpty();
        assertThat(await(client.listAliasesAsync())).extracting(AliasDescription::getAliasName)
                .doesNotContain(alias, renamed);
    }

    @Test
    void aliasResolvesWhereverACollectionNameIsAccepted() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        await(client.createAliasAsync(alias, name));

        // writes through the alias land in the collection
        upsert(alias, point(1, new float[] {1, 0}, payload("k", "v")), point(2, 0, 1));

        assertThat(await(client.collectionExistsAsync(alias))).isTrue();
        assertThat(await(client.getCollectionInfoAsync(alias)).getPointsCount()).isEqualTo(2);
        assertThat(await(client.countAsync(name))).isEqualTo(2);
        assertThat(await(client.countAsync(alias))).isEqualTo(2);
        assertThat(idsOf(await(client.searchAsync(SearchPoints.newBuilder()
                .setCollectionName(alias).addAllVector(List.of(1f, 0f)).setLimit(1).build()))))
                .containsExactly(1L);
        assertThat(await(client.retrieveAsync(alias, List.of(id(1)), true, false, null)))
                .singleElement().satisfies(p -> assertThat(p.getPayloadMap()).containsKey("k"));
        assertThat(scrollIds(alias, Filter.newBuilder().addMust(matchKeyword("k", "v")).build()))
                .containsExactly(1L);
        await(client.deleteAsync(alias, List.of(id(2))));
        assertThat(await(client.countAsync(name))).isEqualTo(1);
    }

    @Test
    void aliasIsRePointedWhenCreatedAgain() {
        String first = newCollection(2, Distance.Dot);
        String second = newCollection(2, Distance.Dot);
        upsert(second, point(7, 1, 1));
        String alias = uniqueName("alias");

        await(client.createAliasAsync(alias, first));
        await(client.createAliasAsync(alias, second));

        assertThat(await(client.countAsync(alias))).isEqualTo(1);
        assertThat(await(client.listCollectionAliasesAsync(first))).isEmpty();
        assertThat(await(client.listCollectionAliasesAsync(second))).containsExactly(alias);
    }

    @Test
    void aliasToMissingCollectionIsNotFound() {
        String missing = uniqueName("missing");
        // toc/collection_meta_ops.rs CreateAlias: checks the target collection exists first
        assertCollectionNotFound(() -> await(client.createAliasAsync(uniqueName("alias"), missing)), missing);
    }

    @Test
    void deletingTheCollectionRemovesItsAliases() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        await(client.createAliasAsync(alias, name));

        await(client.deleteCollectionAsync(name));

        assertThat(await(client.collectionExistsAsync(alias))).isFalse();
        assertThat(await(client.listAliasesAsync())).extracting(AliasDescription::getAliasName)
                .doesNotContain(alias);
    }

    @Test
    void listCollectionAliasesOfUnknownCollectionIsEmpty() {
        assertThat(await(client.listCollectionAliasesAsync(uniqueName("missing")))).isEmpty();
    }

    @Test
    void payloadIndexesAreRecordedInPayloadSchema() {
        String name = newCollection(2, Distance.Dot);
        createIndex(name, "city", PayloadSchemaType.Keyword);
        createIndex(name, "year", PayloadSchemaType.Integer);
        await(client.createPayloadIndexAsync(name, "tenant", PayloadSchemaType.Keyword,
                PayloadIndexParams.newBuilder()
                        .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true)).build(),
                true, null, null));

        CollectionInfo info = await(client.getCollectionInfoAsync(name));
        assertThat(info.getPayloadSchemaMap()).containsOnlyKeys("city", "year", "tenant");
        assertThat(info.getPayloadSchemaMap().get("city").getDataType()).isEqualTo(PayloadSchemaType.Keyword);
        assertThat(info.getPayloadSchemaMap().get("year").getDataType()).isEqualTo(PayloadSchemaType.Integer);
        assertThat(info.getPayloadSchemaMap().get("tenant").getParams().getKeywordIndexParams().getIsTenant())
                .isTrue();

        await(client.deletePayloadIndexAsync(name, "year", true, null, null));

        assertThat(await(client.getCollectionInfoAsync(name)).getPayloadSchemaMap())
                .containsOnlyKeys("city", "tenant");
    }

    @Test
    void deletingAnUnknownAliasIsAccepted() {
        // toc/collection_meta_ops.rs DeleteAlias: alias_persistence.remove() of a missing alias is not an error
        CollectionOperationResponse response = await(client.deleteAliasAsync(uniqueName("never_created")));

        assertThat(response.getResult()).isTrue();
    }

    @Test
    void aliasOperationsInOneRequestApplyInOrder() {
        String name = newCollection(2, Distance.Dot);
        String first = uniqueName("first");
        String second = uniqueName("second");

        await(client.updateAliasesAsync(List.of(
                AliasOperations.newBuilder().setCreateAlias(CreateAlias.newBuilder()
                        .setCollectionName(name).setAliasName(first)).build(),
                AliasOperations.newBuilder().setRenameAlias(RenameAlias.newBuilder()
                        .setOldAliasName(first).setNewAliasName(second)).build())));

        assertThat(await(client.listCollectionAliasesAsync(name))).containsExactly(second);
    }

    @Test
    void recreatedCollectionStartsEmpty() {
        String name = newCollection(2, Distance.Dot);
        upsert(name, point(1, 1, 0));

        await(client.deleteCollectionAsync(name));
        await(client.createCollectionAsync(name,
                VectorParams.newBuilder().setSize(3).setDistance(Distance.Euclid).build()));

        assertThat(await(client.countAsync(name))).isZero();
        assertThat(await(client.getCollectionInfoAsync(name)).getConfig().getParams().getVectorsConfig().getParams()
                .getSize()).isEqualTo(3);
    }

    @Test
    void vectorSizeLimitIs65536() {
        // lib/api/src/grpc/proto/collections.proto VectorParams.size: range(min = 1, max = 65536)
        String ok = uniqueName("big");
        await(client.createCollectionAsync(ok,
                VectorParams.newBuilder().setSize(65536).setDistance(Distance.Dot).build()));
        assertThat(await(client.collectionExistsAsync(ok))).isTrue();

        Status status = grpcError(() -> await(client.createCollectionAsync(uniqueName("huge"),
                VectorParams.newBuilder().setSize(65537).setDistance(Distance.Dot).build())));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void listCollectionsDoesNotListAliases() {
        String name = newCollection(2, Distance.Dot);
        String alias = uniqueName("alias");
        await(client.createAliasAsync(alias, name));

        assertThat(await(client.listCollectionsAsync())).contains(name).doesNotContain(alias);
    }
}
