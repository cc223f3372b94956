package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read-only Points RPCs reach the query engine with the collection resolved (aliases too) and
 * see the writes made before them; unknown collections fail before the engine is asked.
 */
class ReadDelegationTest extends ServerTestSupport {

    private String populated() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(
                PointStruct.newBuilder().setId(id(1)).setVectors(vectors(1, 0)).putPayload("t", value("a")).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(vectors(0, 1)).putPayload("t", value("b")).build(),
                PointStruct.newBuilder().setId(id(3)).setVectors(vectors(2, 0)).putPayload("t", value("a")).build())));
        return c;
    }

    @Test
    void searchScrollAndCountWorkThroughAnAlias() {
        String c = populated();
        String alias = uniqueName("alias");
        get(client.createAliasAsync(alias, c));

        List<ScoredPoint> hits = get(client.searchAsync(SearchPoints.newBuilder().setCollectionName(alias)
                .addAllVector(List.of(1f, 0f)).setLimit(2).build()));
        assertThat(hits).extracting(h -> h.getId().getNum()).containsExactly(3L, 1L);

        assertThat(get(client.countAsync(alias, Filter.newBuilder().addMust(matchKeyword("t", "a")).build(), true)))
                .isEqualTo(2);
        assertThat(get(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(alias).setLimit(10).build()))
                .getResultList()).extracting(p -> p.getId().getNum()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void readsSeeDeletes() {
        String c = populated();
        get(client.deleteAsync(c, List.of(id(3))));
        assertThat(get(client.countAsync(c))).isEqualTo(2);
    }

    @Test
    void unknownCollectionIsNotFoundForReads() {
        String missing = uniqueName("missing");
        String message = "Not found: Collection `" + missing + "` doesn't exist!";
        assertFails(client.countAsync(missing), Code.NOT_FOUND, message);
        assertFails(client.searchAsync(SearchPoints.newBuilder().setCollectionName(missing)
                .addAllVector(List.of(1f, 0f)).setLimit(1).build()), Code.NOT_FOUND, message);
        assertFails(client.retrieveAsync(missing, List.of(id(1)), false, false, null), Code.NOT_FOUND, message);
    }

    @Test
    void collectionInfoAndPayloadAreConsistentWithSearchResults() {
        String c = populated();
        List<ScoredPoint> hits = get(client.searchAsync(SearchPoints.newBuilder().setCollectionName(c)
                .addAllVector(List.of(0f, 1f)).setLimit(1)
                .setWithPayload(io.qdrant.client.WithPayloadSelectorFactory.enable(true)).build()));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).getPayloadMap()).isEqualTo(Map.of("t", value("b")));
    }
}
