package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the extension injects: where, how many and with what scope. */
@QdrantScopeTest
class ParameterInjectionTest {

    private final QdrantClient constructorClient;

    private final QdrantScopeEndpoint endpoint;

    private ProjectScope beforeEachScope;

    ParameterInjectionTest(QdrantClient client, QdrantScopeEndpoint endpoint) {
        this.constructorClient = client;
        this.endpoint = endpoint;
    }

    @BeforeEach
    void open(ProjectScope scope) {
        this.beforeEachScope = scope;
    }

    @Test
    void theClientIsScopedMappedAndTheSameForConstructorAndMethods(QdrantClient client) {
        assertThat(client).isSameAs(this.constructorClient);
        assertThat(ScopedQdrantClients.isScoped(client)).isTrue();
    }

    @Test
    void theProjectOfATestIsOpenFromBeforeEachOnAndNamedAfterIt(ProjectScope scope) {
        assertThat(scope).isSameAs(this.beforeEachScope).isEqualTo(ProjectScope.current().orElseThrow());
        assertThat(scope.name())
            .matches("ParameterInjectionTest-theProjectOfATest-[0-9a-f]{8}");
        assertThat(scope.key()).isEqualTo(ScopedProject.DEFAULT_KEY);
    }

    @Test
    void theEndpointIsTheJvmsEmbeddedServerAndTheForksNamespace() {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        assertThat(this.endpoint.mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
        assertThat(this.endpoint.host()).isEqualTo(embedded.host());
        assertThat(this.endpoint.port()).isEqualTo(embedded.port());
        assertThat(this.endpoint.useTls()).isFalse();
        assertThat(this.endpoint.apiKey()).isNull();
        ForkIdentity identity = ForkIdentity.jvm();
        String namespace = "qdrant_scope_" + identity.run().value() + "_f" + identity.fork().value();
        assertThat(this.endpoint.namespace()).isEqualTo(namespace);
        assertThat(this.endpoint.serverCollection("segments")).isEqualTo(namespace + "__segments");
        assertThat(this.endpoint.interceptors()).hasSize(2);
    }

    @Test
    void aClientBuiltFromTheEndpointIsMappedAndScopedLikeTheInjectedOne(QdrantClient injected) throws Exception {
        Documents.ensureCollection(injected);
        QdrantClient own = this.endpoint.scope(new QdrantClient(
                QdrantGrpcClient.newBuilder(this.endpoint.host(), this.endpoint.port(), false).build()));
        try (own) {
            get(own.upsertAsync(Documents.COLLECTION, Documents.points("own-client")));
            // the same project through the injected client: the four points, not other tests'
            assertThat(get(injected.countAsync(Documents.COLLECTION))).isEqualTo(4);
            assertThat(get(own.listCollectionsAsync())).contains(Documents.COLLECTION)
                .allMatch(name -> !name.startsWith("qdrant_scope_"));
        }
        try (QdrantClient fresh = this.endpoint.newClient()) {
            assertThat(get(fresh.countAsync(Documents.COLLECTION))).isEqualTo(4);
        }
    }

    @Nested
    class Inner {

        private final QdrantClient innerConstructorClient;

        Inner(QdrantClient client) {
            this.innerConstructorClient = client;
        }

        @Test
        void nestedClassesShareTheirTopLevelClassClient(QdrantClient client) {
            assertThat(client).isSameAs(this.innerConstructorClient).isSameAs(ParameterInjectionTest.this.constructorClient);
        }
    }
}
