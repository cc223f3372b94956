package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The isolation suite: every test of every subclass writes the same four ids into the same collection of its
 * fork, at the same time as the others (4 JUnit threads, classes and methods concurrent, two Surefire forks), and
 * every assertion is exact: only the test's own project is ever seen, changed or removed.
 */
@QdrantScopeTest
abstract class IsolationSuite {

    private final QdrantClient client;

    private String token;

    IsolationSuite(QdrantClient client) {
        this.client = client;
    }

    @BeforeEach
    void writeTheFixedPoints() throws Exception {
        Documents.ensureCollection(this.client);
        this.token = getClass().getSimpleName() + "-" + UUID.randomUUID();
        get(this.client.upsertAsync(Documents.COLLECTION, Documents.points(this.token)));
    }

    @RepeatedTest(5)
    void countsAndReadsOnlyItsOwnPoints() throws Exception {
        assertThat(get(this.client.countAsync(Documents.COLLECTION))).isEqualTo(4);
        List<RetrievedPoint> read = get(this.client.retrieveAsync(Documents.COLLECTION, Documents.IDS, true, false,
                null));
        assertThat(read).extracting(RetrievedPoint::getId).containsExactlyInAnyOrderElementsOf(Documents.IDS);
        assertThat(read).allSatisfy(point -> assertThat(point.getPayloadMap().get("token").getStringValue())
            .isEqualTo(this.token));
    }

    @RepeatedTest(5)
    void searchRanksOnlyItsOwnPoints() throws Exception {
        List<ScoredPoint> hits = get(this.client.searchAsync(SearchPoints.newBuilder()
            .setCollectionName(Documents.COLLECTION)
            .addAllVector(List.of(1f, 0f, 0f, 0f))
            .setLimit(2)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .build()));
        assertThat(hits).extracting(ScoredPoint::getId).containsExactly(id(1), id(2));
        // cosine of 0 and of 45 degrees, as float32 arithmetic gives them
        assertThat(hits.get(0).getScore()).isCloseTo(1.0f, within(1e-6f));
        assertThat(hits.get(1).getScore()).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
        assertThat(hits).allSatisfy(hit -> assertThat(hit.getPayloadMap().get("token").getStringValue())
            .isEqualTo(this.token));
    }

    @RepeatedTest(5)
    void deletesByFilterAndRemovesAllOnlyInItsProject() throws Exception {
        get(this.client.deleteAsync(Documents.COLLECTION, Filter.newBuilder()
            .addMust(range("rank", Range.newBuilder().setGte(2).build()))
            .build()));
        assertThat(ids()).containsExactly(id(1), id(2));

        // "remove all": an empty filter, confined to the project at the wire
        get(this.client.deleteAsync(Documents.COLLECTION, Filter.getDefaultInstance()));
        assertThat(get(this.client.countAsync(Documents.COLLECTION))).isZero();
    }

    @RepeatedTest(5)
    void rewritingTheSameIdsReplacesOnlyItsOwnPoints() throws Exception {
        String again = this.token + "-again";
        get(this.client.upsertAsync(Documents.COLLECTION, Documents.points(again)));

        assertThat(get(this.client.countAsync(Documents.COLLECTION))).isEqualTo(4);
        assertThat(get(this.client.retrieveAsync(Documents.COLLECTION, Documents.IDS, true, false, null)))
            .allSatisfy(point -> assertThat(point.getPayloadMap().get("token").getStringValue()).isEqualTo(again));
    }

    @RepeatedTest(5)
    void listsOnlyItsForksCollectionsUnderTheApplicationsNames() throws Exception {
        assertThat(get(this.client.listCollectionsAsync())).contains(Documents.COLLECTION)
            .noneMatch(name -> name.startsWith("qdrant_scope"));
        assertThat(get(this.client.collectionExistsAsync(Documents.COLLECTION))).isTrue();
    }

    private List<PointId> ids() throws Exception {
        return get(this.client.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(Documents.COLLECTION)
            .setLimit(10)
            .build())).getResultList().stream().map(RetrievedPoint::getId).toList();
    }
}
