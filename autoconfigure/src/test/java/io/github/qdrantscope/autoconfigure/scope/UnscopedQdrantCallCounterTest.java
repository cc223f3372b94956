package io.github.qdrantscope.autoconfigure.scope;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

@Execution(ExecutionMode.CONCURRENT)
class UnscopedQdrantCallCounterTest {

    @Test
    void aConditionOnTheKeyAtAnyDepthCountsAsScoped() {
        Common.Filter nested = Common.Filter.newBuilder()
            .addMust(ConditionFactory.filter(Common.Filter.newBuilder()
                .addMust(ConditionFactory.matchKeyword("qdrant_scope_project", "p-00000001"))
                .build()))
            .build();
        Points.SearchPoints search = Points.SearchPoints.newBuilder().setCollectionName("c").setFilter(nested).build();
        assertThat(UnscopedQdrantCallCounter.mentionsKey(search, "qdrant_scope_project")).isTrue();
    }

    @Test
    void aFilterOnOtherKeysOrNoFilterIsUnscoped() {
        Points.SearchPoints other = Points.SearchPoints.newBuilder()
            .setCollectionName("c")
            .setFilter(Common.Filter.newBuilder().addMust(ConditionFactory.matchKeyword("color", "red")).build())
            .build();
        assertThat(UnscopedQdrantCallCounter.mentionsKey(other, "qdrant_scope_project")).isFalse();
        assertThat(UnscopedQdrantCallCounter.mentionsKey(Points.CountPoints.newBuilder().setCollectionName("c").build(),
                "qdrant_scope_project")).isFalse();
    }

    @Test
    void aDeleteBySelectorFilterIsInspected() {
        Points.DeletePoints delete = Points.DeletePoints.newBuilder()
            .setCollectionName("c")
            .setPoints(Points.PointsSelector.newBuilder()
                .setFilter(Common.Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeyword("k", "p-00000001"))
                    .build()))
            .build();
        assertThat(UnscopedQdrantCallCounter.mentionsKey(delete, "k")).isTrue();
    }
}
