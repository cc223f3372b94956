package io.github.qdrantscope.core.fork;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.ChangeAliases;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.DeleteAlias;
import io.qdrant.client.grpc.Collections.ListAliasesResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.RenameAlias;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.WithLookup;
import org.junit.jupiter.api.Test;

/** One call's mapping, message by message: nested names, what is left alone, responses and error texts. */
class ForkCallMappingTest {

    private static final String NS = "qdrant_scope_local-a683f017_f1";

    private static final String OTHER = "qdrant_scope_local-a683f017_f2";

    private final ForkCollections fork = new ForkCollections(NS);

    private ForkCallMapping mapping() {
        return new ForkCallMapping(this.fork, "test/Rpc");
    }

    @Test
    void everyAliasOperationIsMapped() {
        ChangeAliases request = ChangeAliases.newBuilder()
            .addActions(AliasOperations.newBuilder()
                .setCreateAlias(CreateAlias.newBuilder().setCollectionName("documents").setAliasName("current")))
            .addActions(AliasOperations.newBuilder()
                .setRenameAlias(RenameAlias.newBuilder().setOldAliasName("current").setNewAliasName("live")))
            .addActions(AliasOperations.newBuilder().setDeleteAlias(DeleteAlias.newBuilder().setAliasName("live")))
            .build();

        ChangeAliases mapped = (ChangeAliases) mapping().request(request);

        assertThat(mapped.getActions(0).getCreateAlias().getCollectionName()).isEqualTo(NS + "__documents");
        assertThat(mapped.getActions(0).getCreateAlias().getAliasName()).isEqualTo(NS + "__current");
        assertThat(mapped.getActions(1).getRenameAlias().getOldAliasName()).isEqualTo(NS + "__current");
        assertThat(mapped.getActions(1).getRenameAlias().getNewAliasName()).isEqualTo(NS + "__live");
        assertThat(mapped.getActions(2).getDeleteAlias().getAliasName()).isEqualTo(NS + "__live");
    }

    @Test
    void namesInsideBatchesGroupsAndPrefetchesAreMapped() {
        RecommendBatchPoints recommend = (RecommendBatchPoints) mapping().request(RecommendBatchPoints.newBuilder()
            .setCollectionName("documents")
            .addRecommendPoints(RecommendPoints.newBuilder().setCollectionName("documents")
                .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks")))
            .build());
        assertThat(recommend.getRecommendPoints(0).getCollectionName()).isEqualTo(NS + "__documents");
        assertThat(recommend.getRecommendPoints(0).getLookupFrom().getCollectionName()).isEqualTo(NS + "__chunks");

        DiscoverBatchPoints discover = (DiscoverBatchPoints) mapping().request(DiscoverBatchPoints.newBuilder()
            .setCollectionName("documents")
            .addDiscoverPoints(DiscoverPoints.newBuilder().setCollectionName("documents")
                .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks")))
            .build());
        assertThat(discover.getCollectionName()).isEqualTo(NS + "__documents");
        assertThat(discover.getDiscoverPoints(0).getLookupFrom().getCollectionName()).isEqualTo(NS + "__chunks");

        QueryPointGroups groups = (QueryPointGroups) mapping().request(QueryPointGroups.newBuilder()
            .setCollectionName("documents")
            .addPrefetch(PrefetchQuery.newBuilder()
                .addPrefetch(PrefetchQuery.newBuilder()
                    .setLookupFrom(LookupLocation.newBuilder().setCollectionName("deep"))))
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks"))
            .setWithLookup(WithLookup.newBuilder().setCollection("titles"))
            .build());
        assertThat(groups.getPrefetch(0).getPrefetch(0).getLookupFrom().getCollectionName()).isEqualTo(NS + "__deep");
        assertThat(groups.getLookupFrom().getCollectionName()).isEqualTo(NS + "__chunks");
        assertThat(groups.getWithLookup().getCollection()).isEqualTo(NS + "__titles");
    }

    @Test
    void aRequestWithNothingToMapIsSentAsItIsAndPointsAreNeverCopied() {
        RecommendBatchPoints bound = RecommendBatchPoints.newBuilder()
            .setCollectionName(NS)
            .addRecommendPoints(RecommendPoints.newBuilder()) // an inner name left empty stays empty
            .build();
        assertThat(mapping().request(bound)).isSameAs(bound);

        PointStruct point = PointStruct.newBuilder().setId(id(1)).setVectors(vectors(1f, 0f)).build();
        UpsertPoints upsert = UpsertPoints.newBuilder().setCollectionName("documents").addPoints(point).build();
        UpsertPoints mapped = (UpsertPoints) mapping().request(upsert);
        assertThat(mapped.getCollectionName()).isEqualTo(NS + "__documents");
        assertThat(mapped.getPoints(0)).isSameAs(point);
    }

    @Test
    void aTooLongNestedNameIsRefusedNamingTheField() {
        String tooLong = "x".repeat(255);
        assertThatThrownBy(() -> mapping().request(RecommendPoints.newBuilder().setCollectionName("documents")
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName(tooLong))
            .build()))
            .isInstanceOf(io.github.qdrantscope.core.client.CallRejection.class)
            .hasMessageStartingWith("qdrant-scope: collection name '" + tooLong + "'")
            .hasMessageEndingWith("(test/Rpc, LookupLocation.collection_name)")
            .satisfies(ex -> assertThat(((io.github.qdrantscope.core.client.CallRejection) ex).status().getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void listingsKeepOnlyThisForksNamesMappedBack() {
        ListCollectionsResponse collections = ListCollectionsResponse.newBuilder()
            .addCollections(CollectionDescription.newBuilder().setName("documents"))
            .addCollections(CollectionDescription.newBuilder().setName(NS + "__documents"))
            .addCollections(CollectionDescription.newBuilder().setName(NS))
            .addCollections(CollectionDescription.newBuilder().setName(OTHER + "__documents"))
            .addCollections(CollectionDescription.newBuilder().setName(NS + "2__documents"))
            .setTime(0.5)
            .build();
        ListCollectionsResponse listed = (ListCollectionsResponse) mapping().response(collections);
        assertThat(listed.getCollectionsList()).extracting(CollectionDescription::getName)
            .containsExactly("documents", NS);
        assertThat(listed.getTime()).isEqualTo(0.5);

        ListAliasesResponse aliases = ListAliasesResponse.newBuilder()
            .addAliases(alias(NS + "__current", NS + "__documents"))
            .addAliases(alias(NS + "__bound", NS))
            .addAliases(alias("current", "documents"))
            .addAliases(alias(OTHER + "__current", OTHER + "__documents"))
            .addAliases(alias("foreign", NS + "__documents"))
            .addAliases(alias(NS + "__to-foreign", "documents"))
            .build();
        assertThat(((ListAliasesResponse) mapping().response(aliases)).getAliasesList())
            .extracting(AliasDescription::getAliasName, AliasDescription::getCollectionName)
            .containsExactly(tuple("current", "documents"),
                    tuple("bound", NS));
    }

    @Test
    void errorTextsNameTheApplicationsCollections() {
        ForkCallMapping mapping = mapping();
        mapping.request(QueryPointGroups.newBuilder()
            .setCollectionName("documents")
            .setWithLookup(WithLookup.newBuilder().setCollection("documents_v2"))
            .build());
        Status status = Status.NOT_FOUND.withDescription("Not found: Collection `" + NS + "__documents_v2` (from `"
                + NS + "__documents`)");
        assertThat(mapping.status(status).getDescription())
            .isEqualTo("Not found: Collection `documents_v2` (from `documents`)");
        assertThat(mapping.status(status).getCode()).isEqualTo(Status.Code.NOT_FOUND);
        Status unrelated = Status.UNAVAILABLE.withDescription("io exception");
        assertThat(mapping.status(unrelated)).isSameAs(unrelated);
    }

    @Test
    void aServerNameInsideAnotherIsNotReplacedInsideIt() {
        // "copy_of_<ns>__a" holds the server name of "a", which must not be replaced again after the longer one
        String copy = "copy_of_" + NS + "__a";
        ForkCallMapping mapping = mapping();
        mapping.request(QueryPointGroups.newBuilder()
            .setCollectionName("a")
            .setWithLookup(WithLookup.newBuilder().setCollection(copy))
            .build());
        Status status = Status.NOT_FOUND.withDescription("Collection `" + NS + "__" + copy + "` (from `" + NS
                + "__a`)");
        assertThat(mapping.status(status).getDescription()).isEqualTo("Collection `" + copy + "` (from `a`)");
    }

    private static AliasDescription alias(String alias, String collection) {
        return AliasDescription.newBuilder().setAliasName(alias).setCollectionName(collection).build();
    }
}
