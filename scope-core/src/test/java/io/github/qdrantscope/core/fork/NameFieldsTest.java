package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import org.junit.jupiter.api.Test;

/**
 * Every field of a {@code qdrant.Collections}, {@code qdrant.Points} or {@code qdrant.Snapshots} request (of the
 * client library on the classpath) that names a collection or an alias is mapped: a new one in a later client
 * fails here until it is looked at.
 */
class NameFieldsTest {

    private static final Set<String> MAPPED = Set.of(
            "qdrant.ClearPayloadPoints.collection_name",
            "qdrant.CollectionClusterInfoRequest.collection_name",
            "qdrant.CollectionExistsRequest.collection_name",
            "qdrant.CountPoints.collection_name",
            "qdrant.CreateAlias.alias_name",
            "qdrant.CreateAlias.collection_name",
            "qdrant.CreateCollection.collection_name",
            "qdrant.CreateFieldIndexCollection.collection_name",
            "qdrant.CreateShardKeyRequest.collection_name",
            "qdrant.CreateSnapshotRequest.collection_name",
            "qdrant.DeleteAlias.alias_name",
            "qdrant.DeleteCollection.collection_name",
            "qdrant.DeleteFieldIndexCollection.collection_name",
            "qdrant.DeletePayloadPoints.collection_name",
            "qdrant.DeletePointVectors.collection_name",
            "qdrant.DeletePoints.collection_name",
            "qdrant.DeleteShardKeyRequest.collection_name",
            "qdrant.DeleteSnapshotRequest.collection_name",
            "qdrant.DiscoverBatchPoints.collection_name",
            "qdrant.DiscoverPoints.collection_name",
            "qdrant.FacetCounts.collection_name",
            "qdrant.GetCollectionInfoRequest.collection_name",
            "qdrant.GetPoints.collection_name",
            "qdrant.ListCollectionAliasesRequest.collection_name",
            "qdrant.ListShardKeysRequest.collection_name",
            "qdrant.ListSnapshotsRequest.collection_name",
            "qdrant.LookupLocation.collection_name",
            "qdrant.QueryBatchPoints.collection_name",
            "qdrant.QueryPointGroups.collection_name",
            "qdrant.QueryPoints.collection_name",
            "qdrant.RecommendBatchPoints.collection_name",
            "qdrant.RecommendPointGroups.collection_name",
            "qdrant.RecommendPoints.collection_name",
            "qdrant.RenameAlias.new_alias_name",
            "qdrant.RenameAlias.old_alias_name",
            "qdrant.ScrollPoints.collection_name",
            "qdrant.SearchBatchPoints.collection_name",
            "qdrant.SearchMatrixPoints.collection_name",
            "qdrant.SearchPointGroups.collection_name",
            "qdrant.SearchPoints.collection_name",
            "qdrant.SetPayloadPoints.collection_name",
            "qdrant.UpdateBatchPoints.collection_name",
            "qdrant.UpdateCollection.collection_name",
            "qdrant.UpdateCollectionClusterSetupRequest.collection_name",
            "qdrant.UpdatePointVectors.collection_name",
            "qdrant.UpsertPoints.collection_name",
            "qdrant.WithLookup.collection");

    @Test
    void everyFieldThatNamesACollectionOrAnAliasIsMapped() {
        Set<String> mapped = new TreeSet<>();
        Set<String> unmapped = new TreeSet<>();
        for (Descriptor type : reachableFromRequests()) {
            for (FieldDescriptor field : type.getFields()) {
                String name = type.getFullName() + "." + field.getName();
                if (NameFields.kind(field) != null) {
                    mapped.add(name);
                    // and a walk from the request gets there
                    assertThat(NameFields.relevant(type)).as(name).contains(field);
                }
                else if (field.getJavaType() == FieldDescriptor.JavaType.STRING
                        && (field.getName().contains("collection") || field.getName().contains("alias"))) {
                    unmapped.add(name);
                }
            }
        }
        assertThat(unmapped).isEmpty();
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(MAPPED);
    }

    @Test
    void vectorsPayloadsAndFiltersAreNeverWalked() {
        for (Descriptor type : Set.of(Points.PointStruct.getDescriptor(), Points.Vectors.getDescriptor(),
                Points.Vector.getDescriptor(), Points.Query.getDescriptor(), Value.getDescriptor(),
                Filter.getDescriptor(), Points.SearchParams.getDescriptor(), Points.PointsSelector.getDescriptor(),
                Points.PointsUpdateOperation.getDescriptor())) {
            assertThat(NameFields.holdsNames(type)).as(type.getFullName()).isFalse();
        }
        assertThat(NameFields.relevant(Points.UpsertPoints.getDescriptor())).extracting(FieldDescriptor::getName)
            .containsExactly("collection_name");
        assertThat(NameFields.relevant(Points.QueryPoints.getDescriptor())).extracting(FieldDescriptor::getName)
            .containsExactly("collection_name", "prefetch", "lookup_from");
        assertThat(NameFields.relevant(Points.PrefetchQuery.getDescriptor())).extracting(FieldDescriptor::getName)
            .containsExactly("prefetch", "lookup_from");
    }

    private static Set<Descriptor> reachableFromRequests() {
        Set<Descriptor> seen = new LinkedHashSet<>();
        NameFields.services().forEach(service -> service.getMethods()
            .forEach(method -> collect(method.getInputType(), seen)));
        assertThat(seen).containsAll(NameFields.REQUESTS);
        return seen;
    }

    private static void collect(Descriptor type, Set<Descriptor> seen) {
        if (seen.add(type)) {
            type.getFields().stream()
                .filter(field -> field.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
                .forEach(field -> collect(field.getMessageType(), seen));
        }
    }
}
