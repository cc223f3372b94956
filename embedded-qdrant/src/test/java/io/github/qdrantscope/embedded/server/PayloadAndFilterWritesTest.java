package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.nullValue;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload edits and filter-selected writes (the paths and filters come from the filter package). */
class PayloadAndFilterWritesTest extends ServerTestSupport {

    private static PointStruct point(long id, Map<String, Value> payload) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(1, 0)).putAllPayload(payload).build();
    }

    private Map<String, Value> payload(String collection, long id) {
        List<RetrievedPoint> points = get(client.retrieveAsync(collection, List.of(id(id)), true, false, null));
        assertThat(points).hasSize(1);
        return points.get(0).getPayloadMap();
    }

    private List<Long> ids(String collection, PointId... ids) {
        return get(client.retrieveAsync(collection, List.of(ids), false, false, null)).stream()
                .map(p -> p.getId().getNum()).toList();
    }

    private static Filter tenant(String name) {
        return Filter.newBuilder().addMust(matchKeyword("tenant", name)).build();
    }

    @Test
    void setPayloadMergesAndNullDeletesAKey() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value(1), "b", value(2))))));
        Map<String, Value> change = new HashMap<>();
        change.put("b", nullValue());
        change.put("c", value("new"));
        get(client.setPayloadAsync(c, change, id(1), true, null, null));
        assertThat(payload(c, 1)).containsOnlyKeys("a", "c").containsEntry("c", value("new"));
    }

    @Test
    void setPayloadWithKeyWritesIntoTheNestedObject() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("meta", value(Map.of("x", value(1))))))));
        get(client.setPayloadAsync(c, Map.of("y", value(2)),
                PointsSelector.newBuilder().setPoints(io.qdrant.client.grpc.Points.PointsIdsList.newBuilder()
                        .addIds(id(1))).build(), true, "meta", null, null));
        assertThat(payload(c, 1).get("meta").getStructValue().getFieldsMap())
                .containsEntry("x", value(1)).containsEntry("y", value(2));
    }

    @Test
    void deletePayloadRemovesTopLevelAndNestedPaths() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value(1), "keep", value(0),
                "meta", value(Map.of("x", value(1), "y", value(2))))))));
        get(client.deletePayloadAsync(c, List.of("a", "meta.x"), id(1), true, null, null));
        Map<String, Value> payload = payload(c, 1);
        assertThat(payload).containsOnlyKeys("keep", "meta");
        assertThat(payload.get("meta").getStructValue().getFieldsMap()).containsOnlyKeys("y");
    }

    @Test
    void payloadWritesOnMissingPointsAreNotFound() {
        String c = newCollection(2, Distance.Dot);
        assertFails(client.setPayloadAsync(c, Map.of("a", value(1)), id(5), true, null, null),
                Code.NOT_FOUND, "Not found: No point with id 5 found");
        assertFails(client.deletePayloadAsync(c, List.of("a"), id(5), true, null, null),
                Code.NOT_FOUND, "Not found: No point with id 5 found");
    }

    @Test
    void filterSelectorsTouchOnlyMatchingPoints() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("tenant", value("a"))),
                point(2, Map.of("tenant", value("b"))), point(3, Map.of("tenant", value("a"))))));

        get(client.setPayloadAsync(c, Map.of("seen", value(true)), tenant("a"), true, null, null));
        assertThat(payload(c, 1)).containsKey("seen");
        assertThat(payload(c, 2)).doesNotContainKey("seen");

        get(client.clearPayloadAsync(c, tenant("b"), true, null, null));
        assertThat(payload(c, 2)).isEmpty();

        assertThat(get(client.deleteAsync(c, tenant("a"))).getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(ids(c, id(1), id(2), id(3))).containsExactly(2L);
    }

    @Test
    void deleteWithAnEmptyFilterRemovesEverythingAndWithoutWaitIsAcknowledged() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of()), point(2, Map.of()))));
        var result = get(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c)
                .setPoints(PointsSelector.newBuilder().setFilter(Filter.getDefaultInstance())).build()));
        assertThat(result.getStatus()).isEqualTo(UpdateStatus.Acknowledged);
        assertThat(get(client.getCollectionInfoAsync(c)).getPointsCount()).isZero();
    }

    @Test
    void selectorErrorsUseQdrantsMessages() {
        String c = newCollection(2, Distance.Dot);
        assertFails(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c).setWait(true).build()),
                Code.INVALID_ARGUMENT, "PointSelector is missing");
        assertFails(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c).setWait(true)
                        .setPoints(PointsSelector.getDefaultInstance()).build()),
                Code.INVALID_ARGUMENT, "Malformed PointsSelector type");
    }

    @Test
    void payloadExcludeSelectorDropsTheGivenPaths() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value(1), "b", value(2))))));
        RetrievedPoint p = get(client.retrieveAsync(c, List.of(id(1)), WithPayloadSelectorFactory.exclude(List.of("a")),
                WithVectorsSelectorFactory.enable(false), null)).get(0);
        assertThat(p.getPayloadMap()).containsOnlyKeys("b");
    }

    @Test
    void payloadSchemaCountsPointsWithAValueForTheIndexedKey() {
        String c = newCollection(2, Distance.Dot);
        get(client.createPayloadIndexAsync(c, "tenant", PayloadSchemaType.Keyword, null, true, null, null));
        get(client.upsertAsync(c, List.of(point(1, Map.of("tenant", value("a"))),
                point(2, Map.of("other", value(1))), point(3, Map.of("tenant", value("b"))))));
        assertThat(get(client.getCollectionInfoAsync(c)).getPayloadSchemaMap().get("tenant").getPoints())
                .isEqualTo(2);
    }

    @Test
    void upsertUpdateFilterAndModeDecideWhichPointsChange() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("tenant", value("a"))),
                point(2, Map.of("tenant", value("b"))))));

        // Existing points are replaced only when they match; new points are inserted regardless.
        get(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true)
                .setUpdateFilter(tenant("a"))
                .addPoints(point(1, Map.of("tenant", value("a"), "v", value(1))))
                .addPoints(point(2, Map.of("tenant", value("b"), "v", value(1))))
                .addPoints(point(3, Map.of("v", value(1)))).build()));
        assertThat(payload(c, 1)).containsKey("v");
        assertThat(payload(c, 2)).doesNotContainKey("v");
        assertThat(payload(c, 3)).containsKey("v");

        get(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true)
                .setUpdateMode(UpdateMode.InsertOnly)
                .addPoints(point(1, Map.of("mode", value("insert"))))
                .addPoints(point(4, Map.of("mode", value("insert")))).build()));
        assertThat(payload(c, 1)).doesNotContainKey("mode");
        assertThat(payload(c, 4)).containsKey("mode");

        get(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true)
                .setUpdateMode(UpdateMode.UpdateOnly)
                .addPoints(point(2, Map.of("mode", value("update"))))
                .addPoints(point(5, Map.of("mode", value("update")))).build()));
        assertThat(payload(c, 2)).containsEntry("mode", value("update"));
        assertThat(ids(c, id(5))).isEmpty();
    }
}
