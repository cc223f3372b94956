package io.github.qdrantscope.autoconfigure.scope;

import static io.github.qdrantscope.autoconfigure.scope.LangChain4jStoreScopingTest.assertMatches;
import static io.github.qdrantscope.autoconfigure.scope.LangChain4jStoreScopingTest.inScope;
import static io.github.qdrantscope.autoconfigure.scope.LangChain4jStoreScopingTest.match;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Three clients of one collection in one context: Spring AI's {@code QdrantVectorStore} as the starter scopes it,
 * the context's raw {@code QdrantClient} bean, and a LangChain4j {@link QdrantEmbeddingStore} bean (with the
 * client bean, or from host and port) on the store's collection, reading and writing text under Spring AI's
 * payload key {@code doc_content}. Within a project a point is one point whichever of them wrote it, found by the
 * others under the id it was written with; another project sees none of them; cleanup removes them all. Each run
 * has its own collection, created by Spring AI's store.
 */
@Execution(ExecutionMode.CONCURRENT)
class MixedClientsTest {

    private static final String CONTENT = "doc_content";

    private final String collection = TestQdrant.uniqueCollection("mixed_clients");

    private final ProjectScope a = new ProjectScope(ProjectNames.newName("mixed-a"), ScopedProject.DEFAULT_KEY);

    private final ProjectScope b = new ProjectScope(ProjectNames.newName("mixed-b"), ScopedProject.DEFAULT_KEY);

    /** Ids written by Spring AI, the raw client and LangChain4j. */
    private final String springId = UUID.randomUUID().toString();

    private final String rawId = UUID.randomUUID().toString();

    private final String langchainId = UUID.randomUUID().toString();

    /** What Spring AI's store embeds "apple" as (the test context's {@link FakeEmbeddingModel}). */
    private final float[] apple = FakeEmbeddingModel.vector("apple");

    /** A dimension "apple" does not use, to move away from it by known amounts. */
    private final int free = freeDimension(this.apple);

    /** Unit length, cosine 0.94 with "apple". */
    private final Embedding rawVector = LangChain4jStores.unit(shifted(this.apple, this.free, 0.5f));

    /** Unit length, cosine 0.69 with "apple" and 0.89 with {@link #rawVector}. */
    private final Embedding langchainVector = LangChain4jStores.unit(shifted(this.apple, this.free, 1.5f));

    private ApplicationContextRunner runner(Wiring wiring) {
        return TestQdrant.scopedStoreRunner(this.collection)
            .withPropertyValues(LangChain4jStores.PAYLOAD_TEXT_KEY + "=" + CONTENT)
            .withUserConfiguration(wiring.configuration);
    }

    @ParameterizedTest
    @EnumSource(value = Wiring.class, names = { "CLIENT_BEAN", "HOST_PORT" })
    void eachClientFindsWhatTheOthersWroteUnderItsIdAnotherProjectSeesNoneAndCleanupRemovesAll(Wiring wiring) {
        runner(wiring).run(context -> {
            Clients clients = Clients.of(context);
            inScope(this.a, () -> {
                clients.vectorStore.add(List.of(new Document(this.springId, "apple", Map.of("source", "spring-ai"))));
                clients.raw.upsertAsync(this.collection, List.of(point(this.rawId, this.rawVector, "raw apple",
                        "raw"))).get();
                clients.langchain.addAll(List.of(this.langchainId), List.of(this.langchainVector),
                        List.of(segment("langchain apple", "langchain4j")));
            });

            inScope(this.a, () -> {
                // Spring AI: ordered by similarity to "apple"
                List<Document> documents = springSearch(clients);
                assertThat(documents).extracting(Document::getId)
                    .containsExactly(this.springId, this.rawId, this.langchainId);
                assertThat(documents).extracting(Document::getText)
                    .containsExactly("apple", "raw apple", "langchain apple");
                assertThat(documents).extracting(document -> document.getMetadata().get("source"))
                    .containsExactly("spring-ai", "raw", "langchain4j");
                assertThat(documents).allSatisfy(document -> assertThat(document.getMetadata().keySet())
                    .containsExactlyInAnyOrder("source", "distance"));

                // LangChain4j: ordered by similarity to its own vector, vectors as stored
                List<EmbeddingMatch<TextSegment>> matches = langchainSearch(clients);
                assertMatches(matches.subList(0, 2),
                        match(this.langchainId, this.langchainVector, segment("langchain apple", "langchain4j")),
                        match(this.rawId, this.rawVector, segment("raw apple", "raw")));
                assertThat(matches).hasSize(3);
                EmbeddingMatch<TextSegment> spring = matches.get(2);
                assertThat(spring.embeddingId()).isEqualTo(this.springId);
                assertThat(spring.embedded()).isEqualTo(segment("apple", "spring-ai"));
                // Spring AI's "apple" is not unit length: the server stored it normalised
                float[] normalised = LangChain4jStores.unit(this.apple).vector();
                float[] stored = spring.embedding().vector();
                assertThat(stored).hasSize(normalised.length);
                for (int i = 0; i < stored.length; i++) {
                    assertThat(stored[i]).isCloseTo(normalised[i], within(1.0e-6f));
                }

                // the raw client: by id, by scroll (Qdrant's id order) and by count
                Map<String, RetrievedPoint> byId = retrieve(clients.raw);
                assertThat(byId).containsOnlyKeys(this.springId, this.rawId, this.langchainId);
                assertThat(byId.get(this.springId).getPayloadMap())
                    .containsExactlyInAnyOrderEntriesOf(payload("apple", "spring-ai"));
                assertThat(byId.get(this.rawId).getPayloadMap())
                    .containsExactlyInAnyOrderEntriesOf(payload("raw apple", "raw"));
                assertThat(byId.get(this.langchainId).getPayloadMap())
                    .containsExactlyInAnyOrderEntriesOf(payload("langchain apple", "langchain4j"));
                assertThat(scroll(clients.raw)).containsExactlyElementsOf(
                        List.of(this.springId, this.rawId, this.langchainId).stream()
                            .sorted(Comparator.comparing(UUID::fromString, MixedClientsTest::qdrantOrder))
                            .toList());
                assertThat(clients.raw.countAsync(this.collection).get()).isEqualTo(3);
            });

            inScope(this.b, () -> {
                assertThat(springSearch(clients)).isEmpty();
                assertThat(langchainSearch(clients)).isEmpty();
                assertThat(retrieve(clients.raw)).isEmpty();
                assertThat(scroll(clients.raw)).isEmpty();
                assertThat(clients.raw.countAsync(this.collection).get()).isZero();
            });

            try (QdrantClient independent = TestQdrant.client(context.getEnvironment())) {
                assertThat(count(independent, this.a)).isEqualTo(3);
                assertThat(count(independent, null)).isEqualTo(3);

                // what the listener does after the test: the wire's records, then the store's own
                assertThat(cleanUp(clients, this.a)).isEqualTo(3);

                assertThat(count(independent, null)).isZero();
            }
            inScope(this.a, () -> {
                assertThat(springSearch(clients)).isEmpty();
                assertThat(langchainSearch(clients)).isEmpty();
                assertThat(clients.raw.countAsync(this.collection).get()).isZero();
            });
            ScopedProjects.jvm().forget(this.a.name());
            ScopedProjects.jvm().forget(this.b.name());
        });
    }

    @ParameterizedTest
    @EnumSource(value = Wiring.class, names = { "CLIENT_BEAN", "HOST_PORT" })
    void oneIdIsOnePointWhicheverClientWritesIt(Wiring wiring) {
        runner(wiring).run(context -> {
            Clients clients = Clients.of(context);
            String id = this.springId;
            inScope(this.a, () -> {
                clients.vectorStore.add(List.of(new Document(id, "apple", Map.of("source", "spring-ai"))));
                assertThat(langchainSearch(clients)).singleElement().satisfies(match -> {
                    assertThat(match.embeddingId()).isEqualTo(id);
                    assertThat(match.embedded()).isEqualTo(segment("apple", "spring-ai"));
                });

                // the raw client overwrites Spring AI's document
                clients.raw.upsertAsync(this.collection, List.of(point(id, this.rawVector, "raw apple", "raw")))
                    .get();
                assertThat(springSearch(clients)).singleElement().satisfies(document -> {
                    assertThat(document.getId()).isEqualTo(id);
                    assertThat(document.getText()).isEqualTo("raw apple");
                });
                assertMatches(langchainSearch(clients), match(id, this.rawVector, segment("raw apple", "raw")));

                // LangChain4j overwrites the raw client's point
                clients.langchain.addAll(List.of(id), List.of(this.langchainVector),
                        List.of(segment("langchain apple", "langchain4j")));
                assertThat(springSearch(clients)).singleElement().satisfies(document -> {
                    assertThat(document.getId()).isEqualTo(id);
                    assertThat(document.getText()).isEqualTo("langchain apple");
                    assertThat(document.getMetadata()).containsEntry("source", "langchain4j");
                });
                assertThat(retrieve(clients.raw)).containsOnlyKeys(id);
                assertThat(retrieve(clients.raw).get(id).getPayloadMap())
                    .containsExactlyInAnyOrderEntriesOf(payload("langchain apple", "langchain4j"));
                assertThat(clients.raw.countAsync(this.collection).get()).isEqualTo(1);

                // and Spring AI deletes it by the same id
                clients.vectorStore.delete(List.of(id));
                assertThat(langchainSearch(clients)).isEmpty();
                clients.langchain.addAll(List.of(id), List.of(this.langchainVector),
                        List.of(segment("langchain apple", "langchain4j")));
            });

            try (QdrantClient independent = TestQdrant.client(context.getEnvironment())) {
                // one point on the server, under the project's one id for it
                List<RetrievedPoint> stored = independent.retrieveAsync(this.collection,
                        List.of(ScopedIds.of(this.a.name()).stored(id(UUID.fromString(id)))), true, false, null).get();
                assertThat(stored).singleElement().satisfies(point -> assertThat(
                        ScopedIds.of(this.a.name()).original(point.getId()).getUuid()).isEqualTo(id));
                assertThat(count(independent, null)).isEqualTo(1);

                assertThat(cleanUp(clients, this.a)).isEqualTo(1);

                assertThat(count(independent, null)).isZero();
            }
            ScopedProjects.jvm().forget(this.a.name());
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The three clients of the context. */
    private record Clients(QdrantVectorStore vectorStore, QdrantClient raw, QdrantEmbeddingStore langchain) {

        static Clients of(AssertableApplicationContext context) {
            assertThat(context).hasNotFailed();
            return new Clients(context.getBean(QdrantVectorStore.class), context.getBean(QdrantClient.class),
                    context.getBean(QdrantEmbeddingStore.class));
        }
    }

    private static List<Document> springSearch(Clients clients) {
        return clients.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build());
    }

    private List<EmbeddingMatch<TextSegment>> langchainSearch(Clients clients) {
        return clients.langchain.search(EmbeddingSearchRequest.builder()
            .queryEmbedding(this.langchainVector)
            .maxResults(10)
            .build()).matches();
    }

    /** The three ids, got by id with their payloads, keyed by the id the response carries. */
    private Map<String, RetrievedPoint> retrieve(QdrantClient raw) throws Exception {
        return raw.retrieveAsync(this.collection, List.of(id(UUID.fromString(this.springId)),
                id(UUID.fromString(this.rawId)), id(UUID.fromString(this.langchainId))), true, false, null)
            .get()
            .stream()
            .collect(Collectors.toMap(point -> point.getId().getUuid(), Function.identity()));
    }

    private List<String> scroll(QdrantClient raw) throws Exception {
        return raw.scrollAsync(Points.ScrollPoints.newBuilder()
            .setCollectionName(this.collection)
            .setLimit(10)
            .setWithPayload(WithPayloadSelectorFactory.enable(false))
            .build()).get().getResultList().stream().map(point -> point.getId().getUuid()).toList();
    }

    /** What the listener does after a test: the wire's cleanup over every collection, plus the store's own. */
    private static long cleanUp(Clients clients, ProjectScope scope) {
        long removed = ProjectCleanup.remove(scope, ScopedProjects.jvm(), clients.raw, Duration.ofSeconds(30));
        return removed + ScopedVectorStorePostProcessor.scopingAdvice(clients.vectorStore).removeProject(scope);
    }

    private long count(QdrantClient independent, ProjectScope scope) throws Exception {
        Common.Filter filter = scope == null ? Common.Filter.getDefaultInstance()
                : Common.Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
                    .build();
        return independent.countAsync(this.collection, filter, true).get();
    }

    private static PointStruct point(String id, Embedding vector, String text, String source) {
        return PointStruct.newBuilder()
            .setId(id(UUID.fromString(id)))
            .setVectors(vectors(vector.vector()))
            .putAllPayload(payload(text, source))
            .build();
    }

    /** The payload all three write: the text under Spring AI's key, and one metadata field. */
    private static Map<String, Value> payload(String text, String source) {
        return Map.of(CONTENT, value(text), "source", value(source));
    }

    private static TextSegment segment(String text, String source) {
        return TextSegment.from(text, Metadata.from(Map.of("source", source)));
    }

    private static float[] shifted(float[] vector, int dimension, float amount) {
        float[] shifted = vector.clone();
        shifted[dimension] += amount;
        return shifted;
    }

    private static int freeDimension(float[] vector) {
        for (int i = 1; i < vector.length; i++) {
            if (vector[i] == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no free dimension");
    }

    /** Qdrant's order of UUID ids: by their bytes, unsigned. */
    private static int qdrantOrder(UUID x, UUID y) {
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
}
