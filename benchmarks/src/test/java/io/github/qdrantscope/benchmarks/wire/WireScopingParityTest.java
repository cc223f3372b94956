package io.github.qdrantscope.benchmarks.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.github.qdrantscope.benchmarks.Dataset;
import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.benchmarks.QueryCursor;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.github.qdrantscope.core.wire.UnscopedPointRequests;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WireScopingBenchmark}'s sides do the same work: the scoped and the plain client's searches return
 * the same ten points (the scoped ones under the application's ids, without the reserved fields), both
 * upserts store their 100 points (the scoped ones in the project), and the interceptor-only calls rewrite
 * and map as they would against a server. Small data, so it runs in every build.
 */
class WireScopingParityTest {

    private final WireScopingBenchmark benchmark = new WireScopingBenchmark();

    @ParameterizedTest
    @ValueSource(strings = {"search", "query"})
    void scopedAndUnscopedSearchesReturnTheSameTopTen(String rpc) {
        WireScopingBenchmark.Search search = new WireScopingBenchmark.Search();
        search.rpc = rpc;
        search.start(3, 400, 32);
        try {
            QueryCursor scopedCursor = new QueryCursor();
            QueryCursor unscopedCursor = new QueryCursor();
            for (int i = 0; i < 8; i++) {
                List<ScoredPoint> scoped = benchmark.scopedSearch(search, scopedCursor);
                List<ScoredPoint> unscoped = benchmark.unscopedSearch(search, unscopedCursor);

                assertThat(scoped).hasSize(WireScopingBenchmark.LIMIT);
                assertThat(unscoped).allSatisfy(point -> assertThat(point.getPayloadMap().get(WireFixture.KEY)
                        .getStringValue()).isEqualTo(search.project.name()));
                // the plain client sees stored ids and the stamp; the application's ids are computed back
                ScopedIds ids = ScopedIds.of(search.project.name());
                assertThat(scoped).extracting(ScoredPoint::getId).containsExactlyElementsOf(unscoped.stream()
                        .map(point -> ids.original(point.getId())).toList());
                assertThat(scoped).extracting(ScoredPoint::getScore)
                        .containsExactlyElementsOf(unscoped.stream().map(ScoredPoint::getScore).toList());
                assertThat(scoped).allSatisfy(point -> assertThat(point.getPayloadMap())
                        .containsOnlyKeys(Dataset.TENANT_KEY, WireFixture.RANK_KEY));
            }
        } finally {
            search.stop();
        }
    }

    @Test
    void bothUpsertsStoreTheirBatchTheScopedOneInTheProject() {
        WireScopingBenchmark.Upsert upsert = new WireScopingBenchmark.Upsert();
        upsert.start();
        try {
            upsert.emptyCollection();
            assertThat(benchmark.scopedUpsert(upsert).getStatus()).isEqualTo(UpdateStatus.Completed);
            assertThat(benchmark.unscopedUpsert(upsert).getStatus()).isEqualTo(UpdateStatus.Completed);

            Filter project = Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeyword(WireFixture.KEY, upsert.project.name())).build();
            assertThat(QdrantFixture.await(upsert.fixture.plain().countAsync(WireScopingBenchmark.UPSERT_COLLECTION,
                    project, true))).isEqualTo(WireScopingBenchmark.BATCH);
            assertThat(QdrantFixture.await(upsert.fixture.plain().countAsync(WireScopingBenchmark.UPSERT_COLLECTION))).isEqualTo(2L * WireScopingBenchmark.BATCH);
        } finally {
            upsert.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"upsert100", "search", "queryPrefetch", "scroll", "scroll10k"})
    void interceptorAloneRewritesAndMapsAsAgainstAServer(String op) {
        WireScopingBenchmark.Rewrite rewrite = new WireScopingBenchmark.Rewrite();
        rewrite.op = op;
        rewrite.prepare();

        Message direct = benchmark.noInterceptor(rewrite);
        assertThat(rewrite.canned.lastRequest()).isSameAs(rewrite.request);
        // outside a scope the guard only inspects: the request and the response pass unchanged
        assertThat(benchmark.interceptorOutsideScope(rewrite)).isEqualTo(direct);
        assertThat(rewrite.canned.lastRequest()).isEqualTo(rewrite.request);

        Message scoped = benchmark.interceptorScoped(rewrite);
        Message sent = rewrite.canned.lastRequest();
        switch (op) {
            case "upsert100" -> {
                assertThat(((PointsOperationResponse) scoped).getResult().getStatus()).isEqualTo(UpdateStatus.Completed);
                assertThat(((UpsertPoints) sent).getPointsList()).hasSize(WireScopingBenchmark.BATCH)
                        .allSatisfy(point -> assertStamped(point, rewrite));
            }
            case "search" -> {
                assertThat(UnscopedPointRequests.mentionsKey(sent, WireFixture.KEY)).isTrue();
                assertApplicationView(((SearchResponse) scoped).getResultList());
            }
            case "queryPrefetch" -> {
                assertThat(sent.toString()).containsPattern("(?s)prefetch.*" + rewrite.project.name()
                        + ".*prefetch.*" + rewrite.project.name());
                assertApplicationView(((QueryResponse) scoped).getResultList());
            }
            case "scroll", "scroll10k" -> {
                assertThat(UnscopedPointRequests.mentionsKey(sent, WireFixture.KEY)).isTrue();
                ScrollResponse page = (ScrollResponse) scoped;
                // the whole project's window was read and cut to the first ten application ids
                assertThat(page.getResultList()).extracting(point -> point.getId().getNum())
                        .containsExactlyElementsOf(LongStream.range(0, WireScopingBenchmark.LIMIT).boxed().toList());
                assertThat(page.getNextPageOffset().getNum()).isEqualTo(WireScopingBenchmark.LIMIT);
                assertThat(page.getResultList()).allSatisfy(point -> assertThat(point.getPayloadMap())
                        .containsOnlyKeys(Dataset.TENANT_KEY, WireFixture.RANK_KEY));
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    private static void assertStamped(PointStruct point, WireScopingBenchmark.Rewrite rewrite) {
        // the benchmark's ids are numeric (the rank is the application's id): stored numeric too, but the
        // project's, not the application's, and only the project added to the payload
        Map<String, Value> payload = point.getPayloadMap();
        long applicationId = payload.get(WireFixture.RANK_KEY).getIntegerValue();
        assertThat(point.getId().hasNum()).isTrue();
        assertThat(point.getId().getNum()).isNotEqualTo(applicationId);
        assertThat(ScopedIds.of(rewrite.project.name()).original(point.getId()).getNum()).isEqualTo(applicationId);
        assertThat(payload.get(WireFixture.KEY).getStringValue()).isEqualTo(rewrite.project.name());
        assertThat(payload).containsOnlyKeys(WireFixture.KEY, Dataset.TENANT_KEY, WireFixture.RANK_KEY);
    }

    private static void assertApplicationView(List<ScoredPoint> points) {
        assertThat(points).hasSize(WireScopingBenchmark.LIMIT).allSatisfy(point -> {
            assertThat(point.getId().hasNum()).isTrue();
            assertThat(point.getId().getNum()).isLessThan(WireScopingBenchmark.BATCH);
            assertThat(point.getPayloadMap()).containsOnlyKeys(Dataset.TENANT_KEY, WireFixture.RANK_KEY);
        });
    }
}
