package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The store under the application, used directly on the library's collection: what LangChain4j's own integration
 * tests rely on holds through the scoping too (embeddings back bit-exact, ids back as the store made them, random
 * ids, segments without text).
 */
@QdrantScopeTest
class EmbeddingStoreTest {

    private final QdrantEmbeddingStore store;

    EmbeddingStoreTest(QdrantClient client) {
        Library.start(client, CachedEmbeddings.model());
        this.store = QdrantEmbeddingStore.builder().client(client).collectionName(LibrarySchema.COLLECTION).build();
    }

    private static EmbeddingSearchRequest nearest(Embedding query, int maxResults) {
        return EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(maxResults).build();
    }

    @RepeatedTest(3)
    void searchReturnsTheAddedEmbeddingBitExactUnderTheGivenId() {
        String text = Corpus.paragraphs(Corpus.TELESCOPE).get(2);
        Embedding embedding = CachedEmbeddings.model().of(text);
        String id = SegmentIds.of("telescope", 2);

        this.store.addAll(List.of(id), List.of(embedding), List.of(TextSegment.from(text)));
        List<EmbeddingMatch<TextSegment>> matches = this.store.search(nearest(embedding, 5)).matches();

        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).embeddingId()).isEqualTo(id);
        assertThat(matches.get(0).embedding().vector()).containsExactly(embedding.vector());
        assertThat(matches.get(0).embedded().text()).isEqualTo(text);
        assertThat(matches.get(0).score()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void addWithoutIdGetsARandomUuidThatSearchReturns() {
        Embedding embedding = CachedEmbeddings.model().of(Corpus.paragraphs(Corpus.BUDGET).get(0));

        String id = this.store.add(embedding);

        assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
        List<EmbeddingMatch<TextSegment>> matches = this.store.search(nearest(embedding, 5)).matches();
        assertThat(matches).extracting(EmbeddingMatch::embeddingId).containsExactly(id);
        assertThat(matches.get(0).embedded()).isNull();
    }

    @Test
    void removeByIdRemovesOnlyThatEmbedding() {
        Embedding first = CachedEmbeddings.model().of(Corpus.paragraphs(Corpus.PUPPY).get(0));
        Embedding second = CachedEmbeddings.model().of(Corpus.paragraphs(Corpus.PUPPY).get(1));
        List<String> ids = this.store.addAll(List.of(first, second));

        this.store.remove(ids.get(0));

        assertThat(this.store.search(nearest(first, 5)).matches()).extracting(EmbeddingMatch::embeddingId)
            .containsExactly(ids.get(1));
    }

    @Test
    void removeAllEmptiesWhatThisTestAdded() {
        this.store.addAll(List.of(CachedEmbeddings.model().of("one"), CachedEmbeddings.model().of("two")));

        this.store.removeAll();

        assertThat(this.store.search(nearest(CachedEmbeddings.model().of("one"), 5)).matches()).isEmpty();
    }
}
