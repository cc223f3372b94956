package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which @ScopedProject applies: the Spring listener's rules (method, class, @Nested, meta-annotation). */
class ProjectScopingTest {

    /** A meta-annotation of the application's own, with a custom key. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @QdrantScopeTest
    @ScopedProject(value = "catalogue", key = "tenant")
    @interface CatalogueTest {
    }

    @QdrantScopeTest
    @Nested
    class OnTheClass {

        @Test
        void everyMethodGetsAProjectNamedAfterClassAndMethod(ProjectScope scope) {
            assertThat(scope.name()).matches("OnTheClass-everyMethodGetsAProjectNamedA-[0-9a-f]{8}");
        }

        @Test
        @ScopedProject("own-prefix")
        void theMethodsAnnotationWins(ProjectScope scope) {
            assertThat(scope.name()).matches("own-prefix-[0-9a-f]{8}");
        }

        @Nested
        class Inner {

            @Test
            void aNestedClassInheritsTheEnclosingClasssAnnotation(ProjectScope scope) {
                assertThat(scope.name()).matches("Inner-aNestedClassInheritsTheEnclosingCl-[0-9a-f]{8}");
            }
        }

        @Nested
        @ScopedProject(value = "nested-own", key = "nested_key")
        class InnerWithItsOwn {

            @Test
            void aNestedClassesOwnAnnotationWins(ProjectScope scope) {
                assertThat(scope.name()).matches("nested-own-[0-9a-f]{8}");
                assertThat(scope.key()).isEqualTo("nested_key");
            }
        }
    }

    /** A base class of the application's own, whose method carries the annotation. */
    abstract static class AnnotatedBase {

        @ScopedProject("from-base")
        void overridden(ProjectScope scope) {
            throw new AssertionError("overridden");
        }
    }

    @ExtendWith(QdrantScopeExtension.class)
    @Nested
    class OverridingAnAnnotatedMethod extends AnnotatedBase {

        @Test
        @Override
        void overridden(ProjectScope scope) {
            assertThat(scope.name()).matches("from-base-[0-9a-f]{8}");
        }
    }

    @CatalogueTest
    @Nested
    class ThroughAMetaAnnotation {

        @Test
        void theMetaAnnotationsAttributesApplyAndTheCustomKeyStampsThePoints(QdrantClient client,
                QdrantScopeEndpoint endpoint, ProjectScope scope) throws Exception {
            assertThat(scope.name()).matches("catalogue-[0-9a-f]{8}");
            assertThat(scope.key()).isEqualTo("tenant");
            Documents.ensureCollection(client);
            get(client.upsertAsync(Documents.COLLECTION, Documents.points("meta")));

            // what the server holds: the custom key carries the project
            try (QdrantClient server = UncoveredClients.exempt(() -> new QdrantClient(
                    QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), false).build()))) {
                List<RetrievedPoint> stored = get(server.scrollAsync(io.qdrant.client.grpc.Points.ScrollPoints
                    .newBuilder()
                    .setCollectionName(endpoint.serverCollection(Documents.COLLECTION))
                    .setFilter(io.qdrant.client.grpc.Common.Filter.newBuilder()
                        .addMust(io.qdrant.client.ConditionFactory.matchKeyword("tenant", scope.name())))
                    .setLimit(10)
                    .setWithPayload(io.qdrant.client.WithPayloadSelectorFactory.enable(true))
                    .build())).getResultList();
                assertThat(stored).hasSize(4).allSatisfy(point -> assertThat(point.getPayloadMap())
                    .containsKeys("token", "rank", "tenant", "qdrant_scope_key")
                    .doesNotContainKeys(ScopedProject.DEFAULT_KEY, "qdrant_scope_id"));
            }
            assertThat(get(client.retrieveAsync(Documents.COLLECTION, id(1), true, false, null)))
                .singleElement().satisfies(point -> assertThat(point.getPayloadMap()).containsOnlyKeys("token", "rank"));
        }
    }

    @ExtendWith(QdrantScopeExtension.class)
    @Nested
    class WithoutTheAnnotation {

        @Test
        void aClassWithoutScopedProjectRunsOutsideAnyProject(QdrantScopeEndpoint endpoint) {
            assertThat(ProjectScope.current()).isEmpty();
            assertThat(endpoint.namespace()).isNotEmpty();
        }
    }
}
