package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A client the test builds without the endpoint's interceptors is not covered: its calls reach the application
 * collection name unmapped and unscoped, and are counted under the unscoped kinds, as under Spring. It provokes
 * contention on purpose, so it runs in a Surefire execution of its own ({@code uncovered-client}, its report under
 * {@code target/uncovered-client}), never in the suite whose report must show none; .ci/run requires its report to
 * show the contention. {@code @Isolated}: the meters are per JVM.
 */
@Isolated
@QdrantScopeTest
class UncoveredClientCheck {

    @Test
    void callsOfAClientBuiltWithoutTheInterceptorsAreCountedAsUnscoped(QdrantScopeEndpoint endpoint) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        String collection = endpoint.serverCollection(Documents.COLLECTION);
        try (QdrantClient scoped = endpoint.newClient();
                QdrantClient uncovered = new QdrantClient(
                        QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), false).build())) {
            Documents.ensureCollection(scoped);
            Map<String, Double> before = MetersTest.contention(registry);

            // on the fork's server collection by its real name: the only way it could reach the fork's data
            get(uncovered.upsertAsync(collection, Documents.points("uncovered")));
            get(uncovered.countAsync(collection));
            long own = get(scoped.countAsync(Documents.COLLECTION));

            Map<String, Double> expected = new TreeMap<>(before);
            expected.merge(ContentionKind.UNSCOPED_WRITE.tag(), 1.0, Double::sum);
            expected.merge(ContentionKind.UNSCOPED_READ.tag(), 1.0, Double::sum);
            assertThat(MetersTest.contention(registry)).isEqualTo(expected);
            assertThat(own).as("the test's project sees none of the unscoped points").isZero();
            get(uncovered.deleteAsync(collection, Documents.IDS));
        }
        finally {
            Metrics.removeRegistry(registry);
        }
    }
}
