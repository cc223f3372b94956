package io.github.qdrantscope.autoconfigure.scope;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.github.qdrantscope.autoconfigure.scope.LangChain4jStores.Wiring;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.client.ScopedChannel;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.grpc.ManagedChannel;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * LangChain4j's {@link QdrantEmbeddingStore}, a bean of a context with qdrant-scope, scoped at the wire through
 * the real LangChain4j API against the embedded server: built with the context's {@code QdrantClient} bean, and
 * built from host and port (its own client, which {@link ScopedQdrantClientPostProcessor} scopes) as it is, as an
 * application's subclass, and with an aspect on it ({@link LangChain4jStores.Wiring}). Two projects
 * write segments under the same ids; each sees, removes and deletes by filter only its own. Each run has its own
 * collection (the configured one, so that {@code qdrant-scope.unscoped} covers it), created here as the store
 * does not create it.
 */
@Execution(ExecutionMode.CONCURRENT)
class LangChain4jStoreScopingTest {

    /** The dimension Spring AI's store in the same context would create the collection with. */
    private static final int DIMENSION = FakeEmbeddingModel.DIMENSIONS;

    private final String collection = TestQdrant.uniqueCollection("lc4j_store");

    /** Project names are unique in the JVM, and so is the registry of what they wrote. */
    private final ProjectScope a = new ProjectScope(ProjectNames.newName("lc4j-a"), ScopedProject.DEFAULT_KEY);

    private final ProjectScope b = new ProjectScope(ProjectNames.newName("lc4j-b"), ScopedProject.DEFAULT_KEY);

    /** The same ids in both projects. */
    private final String id1 = UUID.randomUUID().toString();

    private final String id2 = UUID.randomUUID().toString();

    private final String id3 = UUID.randomUUID().toString();

    private final Embedding a1 = LangChain4jStores.unit(11, DIMENSION);

    private final Embedding a2 = LangChain4jStores.unit(12, DIMENSION);

    private final Embedding a3 = LangChain4jStores.unit(13, DIMENSION);

    private final Embedding b1 = LangChain4jStores.unit(21, DIMENSION);

    private final Embedding b2 = LangChain4jStores.unit(22, DIMENSION);

    private final Embedding b3 = LangChain4jStores.unit(23, DIMENSION);

    private ApplicationContextRunner runner(Wiring wiring) {
        return TestQdrant.scopedStoreRunner(this.collection)
            // the store does not create its collection: the test does, with the store's dimension
            .withPropertyValues("spring.ai.vectorstore.qdrant.initialize-schema=false")
            .withUserConfiguration(wiring.configuration);
    }

    private void run(ApplicationContextRunner runner, ContextTest test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            try (QdrantClient independent = TestQdrant.client(context.getEnvironment())) {
                LangChain4jStores.createCollection(independent, this.collection, DIMENSION);
                try {
                    test.run(context, context.getBean(QdrantEmbeddingStore.class), independent);
                }
                finally {
                    ScopedProjects.jvm().forget(this.a.name());
                    ScopedProjects.jvm().forget(this.b.name());
                    independent.deleteCollectionAsync(this.collection).get();
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void searchReturnsOnlyTheProjectsOwnSegmentsWithTheirIdsAndExactEmbeddings(Wiring wiring) {
        run(runner(wiring), (context, store, independent) -> {
            inScope(this.a, () -> store.addAll(List.of(this.id1, this.id2), List.of(this.a1, this.a2),
                    List.of(segment("a one", "red"), segment("a two", "blue"))));
            inScope(this.b, () -> store.addAll(List.of(this.id1, this.id2), List.of(this.b1, this.b2),
                    List.of(segment("b one", "red"), segment("b two", "blue"))));

            inScope(this.a, () -> assertMatches(search(store, this.a1),
                    match(this.id1, this.a1, segment("a one", "red")),
                    match(this.id2, this.a2, segment("a two", "blue"))));
            inScope(this.b, () -> assertMatches(search(store, this.b2),
                    match(this.id2, this.b2, segment("b two", "blue")),
                    match(this.id1, this.b1, segment("b one", "red"))));

            // four points on the server, two per project
            assertThat(count(independent, null)).isEqualTo(4);
            assertThat(count(independent, this.a)).isEqualTo(2);
            assertThat(count(independent, this.b)).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void removeAllInOneProjectLeavesTheOtherProjectsSegments(Wiring wiring) {
        run(runner(wiring), (context, store, independent) -> {
            inScope(this.a, () -> store.addAll(List.of(this.id1, this.id2), List.of(this.a1, this.a2),
                    List.of(segment("a one", "red"), segment("a two", "blue"))));
            inScope(this.b, () -> store.addAll(List.of(this.id1, this.id2), List.of(this.b1, this.b2),
                    List.of(segment("b one", "red"), segment("b two", "blue"))));

            inScope(this.a, () -> {
                store.removeAll();
                assertThat(search(store, this.a1)).isEmpty();
            });

            inScope(this.b, () -> assertMatches(search(store, this.b1),
                    match(this.id1, this.b1, segment("b one", "red")),
                    match(this.id2, this.b2, segment("b two", "blue"))));
            assertThat(count(independent, this.a)).isZero();
            assertThat(count(independent, this.b)).isEqualTo(2);
            assertThat(count(independent, null)).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void removeAllByMetadataFilterAndRemoveByIdOnlyTouchTheProject(Wiring wiring) {
        run(runner(wiring), (context, store, independent) -> {
            inScope(this.a, () -> store.addAll(List.of(this.id1, this.id2, this.id3),
                    List.of(this.a1, this.a2, this.a3),
                    List.of(segment("a one", "red"), segment("a two", "blue"), segment("a three", "red"))));
            inScope(this.b, () -> store.addAll(List.of(this.id1, this.id2, this.id3),
                    List.of(this.b1, this.b2, this.b3),
                    List.of(segment("b one", "red"), segment("b two", "blue"), segment("b three", "red"))));

            // A's red segments, by a LangChain4j metadata filter; B's red ones stay
            inScope(this.a, () -> store.removeAll(metadataKey("colour").isEqualTo("red")));
            // B's id1; A's id1 is already gone, but A's id2 must stay
            inScope(this.b, () -> store.remove(this.id1));

            inScope(this.a, () -> assertMatches(search(store, this.a2),
                    match(this.id2, this.a2, segment("a two", "blue"))));
            inScope(this.b, () -> assertMatches(search(store, this.b3),
                    match(this.id3, this.b3, segment("b three", "red")),
                    match(this.id2, this.b2, segment("b two", "blue"))));
            // a filtered search sees the project's matching segments only
            inScope(this.b, () -> assertMatches(search(store, this.b2, metadataKey("colour").isEqualTo("red")),
                    match(this.id3, this.b3, segment("b three", "red"))));
            assertThat(count(independent, this.a)).isEqualTo(1);
            assertThat(count(independent, this.b)).isEqualTo(2);
            assertThat(count(independent, null)).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void outsideAProjectEveryStoreCallFailsNamingTheOperationAndTheCollection(Wiring wiring) {
        run(runner(wiring).withPropertyValues("qdrant-scope.unscoped=fail"), (context, store, independent) -> {
            inScope(this.a, () -> store.add(this.id1, this.a1));

            assertRejected(() -> store.add(this.id2, this.a2), "Upsert");
            assertRejected(() -> store.add(this.a2, segment("unscoped", "red")), "Upsert");
            assertRejected(() -> store.search(EmbeddingSearchRequest.builder().queryEmbedding(this.a1).build()),
                    "Query");
            assertRejected(() -> store.remove(this.id1), "Delete");
            assertRejected(() -> store.removeAll(List.of(this.id1)), "Delete");
            assertRejected(() -> store.removeAll(metadataKey("colour").isEqualTo("red")), "Delete");
            assertRejected(store::removeAll, "Delete");

            // nothing was written or deleted: A's point is all there is, and A still finds it
            assertThat(count(independent, null)).isEqualTo(1);
            inScope(this.a, () -> assertMatches(search(store, this.a1), match(this.id1, this.a1, null)));
        });
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void theStoresClientIsScopedExactlyOnce(Wiring wiring) {
        run(runner(wiring), (context, store, independent) -> {
            QdrantClient bean = context.getBean(QdrantClient.class);
            QdrantClient storeClient = LangChain4jStores.clientOf(store);
            switch (wiring) {
                // the bean it was built with, already scoped: left as it is
                case CLIENT_BEAN -> assertThat(storeClient).isSameAs(bean);
                // the client it built itself was replaced by one on the same connection through the interceptor
                case HOST_PORT -> {
                    assertThat(store.getClass()).isEqualTo(QdrantEmbeddingStore.class);
                    assertThat(storeClient).isNotSameAs(bean);
                }
                case SUBCLASS_HOST_PORT -> {
                    assertThat(store).isInstanceOf(LangChain4jStores.ApplicationEmbeddingStore.class);
                    assertThat(storeClient).isNotSameAs(bean);
                }
                // the client inside the proxy's target
                case ADVISED_HOST_PORT -> {
                    assertThat(AopUtils.isCglibProxy(store)).isTrue();
                    assertThat(storeClient).isNotSameAs(bean);
                }
            }
            ManagedChannel channel = storeClient.grpcClient().channel();
            assertThat(channel).isInstanceOf(ScopedChannel.class);
            assertThat(((ScopedChannel) channel).delegate()).isNotInstanceOf(ScopedChannel.class);

            // post-processing the store again changes nothing
            context.getBean(ScopedQdrantClientPostProcessor.class).postProcessAfterInitialization(store,
                    "embeddingStore");
            assertThat(LangChain4jStores.clientOf(store)).isSameAs(storeClient);

            // scoped once: stored under the one namespaced id, which the raw client reads back under the store's id
            inScope(this.a, () -> store.addAll(List.of(this.id1), List.of(this.a1), List.of(segment("a one", "red"))));
            String stored = ScopedIds.of(this.a.name()).stored(id(UUID.fromString(this.id1))).getUuid();
            List<RetrievedPoint> onServer = independent.retrieveAsync(this.collection, List.of(id(UUID.fromString(
                    stored))), true, false, null).get();
            assertThat(onServer).singleElement().satisfies(point -> {
                assertThat(point.getId().getUuid()).isEqualTo(stored);
                assertThat(point.getPayloadMap().get(ScopedProject.DEFAULT_KEY).getStringValue())
                    .isEqualTo(this.a.name());
                assertThat(ScopedIds.of(this.a.name()).original(point.getId()).getUuid()).isEqualTo(this.id1);
            });
            inScope(this.a, () -> assertThat(await(bean.retrieveAsync(this.collection,
                    List.of(id(UUID.fromString(this.id1))), true, false, null)))
                .extracting(point -> point.getId().getUuid())
                .containsExactly(this.id1));
            inScope(this.a, () -> assertMatches(search(store, this.a1),
                    match(this.id1, this.a1, segment("a one", "red"))));
            if (wiring == Wiring.ADVISED_HOST_PORT) {
                // the aspect is really there
                assertThat(context.getBean(LangChain4jStores.StoreSearches.class).count).hasValue(1);
            }
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface ContextTest {

        void run(AssertableApplicationContext context, QdrantEmbeddingStore store, QdrantClient independent)
                throws Exception;
    }

    private void assertRejected(Runnable call, String rpc) {
        assertThatRuntimeException().isThrownBy(call::run)
            .withMessageContaining("FAILED_PRECONDITION")
            .withMessageContaining("QdrantClient " + rpc + " on collection '" + this.collection
                    + "' outside any @ScopedProject scope")
            .withMessageContaining("qdrant-scope.unscoped=fail");
    }

    static TextSegment segment(String text, String colour) {
        return TextSegment.from(text, Metadata.from(Map.of("colour", colour)));
    }

    static List<EmbeddingMatch<TextSegment>> search(QdrantEmbeddingStore store, Embedding query) {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(10).build()).matches();
    }

    static List<EmbeddingMatch<TextSegment>> search(QdrantEmbeddingStore store, Embedding query,
            dev.langchain4j.store.embedding.filter.Filter filter) {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(10).filter(filter)
            .build()).matches();
    }

    /** What one match must be: id, embedding (bit for bit) and segment (text and metadata). */
    record ExpectedMatch(String id, Embedding embedding, TextSegment segment) {
    }

    static ExpectedMatch match(String id, Embedding embedding, TextSegment segment) {
        return new ExpectedMatch(id, embedding, segment);
    }

    /** Exactly these matches, in this order. */
    static void assertMatches(List<EmbeddingMatch<TextSegment>> matches, ExpectedMatch... expected) {
        assertThat(matches).extracting(EmbeddingMatch::embeddingId)
            .containsExactly(java.util.Arrays.stream(expected).map(ExpectedMatch::id).toArray(String[]::new));
        for (int i = 0; i < expected.length; i++) {
            EmbeddingMatch<TextSegment> match = matches.get(i);
            assertThat(LangChain4jStores.bits(match.embedding().vector())).as("embedding of %s", expected[i].id())
                .containsExactly(LangChain4jStores.bits(expected[i].embedding().vector()));
            assertThat(match.embedded()).as("segment of %s", expected[i].id()).isEqualTo(expected[i].segment());
        }
    }

    /** Points on the server, of {@code scope}'s project or (for {@code null}) all of them. */
    private long count(QdrantClient independent, ProjectScope scope) throws Exception {
        Common.Filter filter = scope == null ? Common.Filter.getDefaultInstance()
                : Common.Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
                    .build();
        return independent.countAsync(this.collection, filter, true).get();
    }

    static void inScope(ProjectScope scope, ThrowingRunnable work) {
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            work.run();
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {

        void run() throws Exception;
    }

    static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
