package io.github.qdrantscope.autoconfigure.starter;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A {@code QdrantClient} the test builds inside a method, never a bean: the starter cannot scope it, so its calls
 * are counted under the unscoped kinds and the client is named once in the log. {@code @Isolated}: the meters are
 * per JVM.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@ScopedProject
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class UncoveredClientEndToEndTest extends StarterTestSupport {

    @Test
    void callsOfAClientBuiltInAMethodAreCountedAsUnscopedAndItIsNamedOnce(CapturedOutput output) throws Exception {
        ScopeMeterValues before = ScopeMeterValues.of(this.registry);
        try (QdrantClient uncovered = buildInAMethod()) {
            uncovered.upsertAsync(collection(), List.of(PointStruct.newBuilder().setId(id(7))
                .setVectors(vectors(new float[StarterTestApplication.DIMENSION])).build())).get();
            Filter seven = Filter.newBuilder().addMust(ConditionFactory.hasId(id(7))).build();
            assertThat(uncovered.countAsync(collection(), seven, true).get()).isEqualTo(1);
            // the project sees none of it: the point has no project and its id was not namespaced
            assertThat(raw().countAsync(collection()).get()).isZero();
            uncovered.deleteAsync(collection(), List.of(id(7))).get();
        }

        // the uncovered calls as contention; the scoped client's count as the one operation it is
        assertThat(ScopeMeterValues.of(this.registry).since(before)).isEqualTo(Map.of(
                "qdrant.scope.contention{kind=unscoped_write}", 1L,
                "qdrant.scope.contention{kind=unscoped_read}", 1L,
                "qdrant.scope.contention{kind=unscoped_delete}", 1L,
                "qdrant.scope.operations{operation=count,scoped=true}", 1L));
        assertThat(output.getOut().split("does not cover", -1)).as("one warning for the client").hasSize(2);
        assertThat(output.getOut()).contains("Upsert on collection '" + collection() + "' by a QdrantClient"
                + " qdrant-scope does not cover (its channel was built at "
                + UncoveredClientEndToEndTest.class.getName() + ".buildInAMethod(UncoveredClientEndToEndTest.java:");
    }

    private static QdrantClient buildInAMethod() {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        return new QdrantClient(QdrantGrpcClient.newBuilder(embedded.host(), embedded.port(), false).build());
    }
}
