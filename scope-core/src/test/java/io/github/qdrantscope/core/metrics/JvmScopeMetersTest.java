package io.github.qdrantscope.core.metrics;

import io.github.qdrantscope.core.metrics.ContentionKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class JvmScopeMetersTest {

    private final JvmScopeMeters meters = new JvmScopeMeters();

    @Test
    void everyContentionKindIsVisibleAtZeroOnceBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);

        for (ContentionKind kind : ContentionKind.values()) {
            assertThat(registry.get("qdrant.scope.contention").tag("kind", kind.tag()).functionCounter().count())
                    .isZero();
        }
        assertThat(registry.get("qdrant.scope.projects.active").gauge().value()).isZero();
    }

    @Test
    void valuesAreExactAndSharedByEveryBoundRegistry() {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        meters.bindTo(first);
        CountingScopeMetrics metrics = new CountingScopeMetrics(meters, false);

        metrics.recordOperation("add", true, 2_000_000);
        metrics.recordOperation("add", true, 3_000_000);
        metrics.recordOperation("search", false, 1_000_000);
        metrics.contention(ContentionKind.UNSCOPED_READ, null, "c", "search outside a scope");
        metrics.contention(ContentionKind.UNSCOPED_READ, null, "c", "search outside a scope");
        metrics.contention(ContentionKind.FOREIGN_POINT, "p-1", "c", "1 foreign point");
        metrics.cleanup(4_000_000, 10);
        metrics.projectOpened();
        metrics.projectOpened();
        metrics.projectClosed();
        meters.bindTo(second);

        for (SimpleMeterRegistry registry : new SimpleMeterRegistry[] {first, second}) {
            FunctionTimer add = registry.get("qdrant.scope.operations").tags("operation", "add", "scoped", "true")
                    .functionTimer();
            assertThat(add.count()).isEqualTo(2);
            assertThat(add.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isEqualTo(5_000_000);
            assertThat(registry.get("qdrant.scope.operations").tags("operation", "search", "scoped", "false")
                    .functionTimer().count()).isEqualTo(1);
            assertThat(registry.get("qdrant.scope.contention").tag("kind", "unscoped_read").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("qdrant.scope.contention").tag("kind", "foreign_point").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("qdrant.scope.cleanup").functionTimer().count()).isEqualTo(1);
            assertThat(registry.get("qdrant.scope.cleanup.points").functionCounter().count()).isEqualTo(10);
            assertThat(registry.get("qdrant.scope.projects.active").gauge().value()).isEqualTo(1);
        }
        assertThat(meters.contentionTotal()).isEqualTo(3);
        assertThat(meters.operationTotal()).isEqualTo(3);
    }

    @Test
    void operationSeenForTheFirstTimeAfterBindingAppearsInBoundRegistries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);

        meters.recordOperation("delete", true, 7);

        assertThat(registry.get("qdrant.scope.operations").tags("operation", "delete", "scoped", "true")
                .functionTimer().count()).isEqualTo(1);
    }

    @Test
    void failOnContentionThrowsNamingProjectCollectionAndKindAfterCounting() {
        CountingScopeMetrics metrics = new CountingScopeMetrics(meters, true);

        assertThatThrownBy(() -> metrics.contention(ContentionKind.FOREIGN_POINT, "orders-1a2b3c4d", "qdrant_scope_x_f1",
                "search would have returned 2 points of other projects"))
                .isInstanceOfSatisfying(ContentionException.class, ex -> {
                    assertThat(ex.kind()).isEqualTo(ContentionKind.FOREIGN_POINT);
                    assertThat(ex.project()).isEqualTo("orders-1a2b3c4d");
                    assertThat(ex.collection()).isEqualTo("qdrant_scope_x_f1");
                })
                .hasMessageContaining("foreign_point")
                .hasMessageContaining("'orders-1a2b3c4d'")
                .hasMessageContaining("'qdrant_scope_x_f1'")
                .hasMessageContaining("2 points of other projects");
        assertThat(meters.contentionCount(ContentionKind.FOREIGN_POINT)).isEqualTo(1);
    }

    @Test
    void withoutFailOnContentionContentionIsOnlyCounted() {
        new CountingScopeMetrics(meters, false).contention(ContentionKind.UNSCOPED_WRITE, null, "c", "add outside a scope");

        assertThat(meters.contentionCount(ContentionKind.UNSCOPED_WRITE)).isEqualTo(1);
    }
}
