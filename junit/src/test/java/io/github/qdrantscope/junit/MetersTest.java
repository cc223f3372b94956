package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The starter's meters, without Spring: the JVM's qdrant-scope meters are bound into Micrometer's global registry,
 * so a registry a test (or the application) adds there shows them, and every RPC of the scoped client counts once.
 * The meters are per JVM: {@code @Isolated} keeps the other tests of this fork from counting meanwhile.
 */
@Isolated
@QdrantScopeTest
class MetersTest {

    @Test
    void aRegistryAddedToTheGlobalOneShowsTheMetersAndEachRpcCountsOnce(QdrantClient client) throws Exception {
        Documents.ensureCollection(client);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            Map<String, Long> before = operations(registry);
            Map<String, Double> contentionBefore = contention(registry);

            get(client.upsertAsync(Documents.COLLECTION, Documents.points("meters")));
            get(client.searchAsync(SearchPoints.newBuilder().setCollectionName(Documents.COLLECTION)
                .addAllVector(List.of(1f, 0f, 0f, 0f)).setLimit(3).build()));
            get(client.countAsync(Documents.COLLECTION));
            get(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(Documents.COLLECTION).setLimit(2)
                .build()));
            get(client.countAsync(Documents.COLLECTION));

            Map<String, Long> counted = new TreeMap<>();
            operations(registry).forEach((key, count) -> {
                long delta = count - before.getOrDefault(key, 0L);
                if (delta != 0) {
                    counted.put(key, delta);
                }
            });
            assertThat(counted).isEqualTo(Map.of("upsert/true", 1L, "search/true", 1L, "count/true", 2L,
                    "scroll/true", 1L));
            // deltas: the meters are cumulative per JVM, and an earlier test of the fork may count contention on purpose
            assertThat(contention(registry)).isEqualTo(contentionBefore);
            assertThat(registry.get("qdrant.scope.projects.active").gauge().value()).isEqualTo(1.0);
        }
        finally {
            Metrics.removeRegistry(registry);
        }
    }

    /** Every contention kind's count in {@code registry}. */
    static Map<String, Double> contention(MeterRegistry registry) {
        Map<String, Double> counts = new TreeMap<>();
        for (ContentionKind kind : ContentionKind.values()) {
            counts.put(kind.tag(),
                    registry.get("qdrant.scope.contention").tag("kind", kind.tag()).functionCounter().count());
        }
        return counts;
    }

    private static Map<String, Long> operations(MeterRegistry registry) {
        Map<String, Long> counts = new TreeMap<>();
        for (FunctionTimer timer : registry.find("qdrant.scope.operations").functionTimers()) {
            counts.put(timer.getId().getTag("operation") + "/" + timer.getId().getTag("scoped"), (long) timer.count());
        }
        return counts;
    }
}
