package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What a search returns besides the score: the segment's text and metadata, round-tripped through Qdrant's
 * payload by LangChain4j (with qdrant-scope's own fields taken out again: a search sees no project stamp).
 */
@QdrantScopeTest
class PassageMetadataTest {

    private final Library library;

    PassageMetadataTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Corpus#DOCUMENTS")
    void searchResultsCarryTheDocumentsFields(SourceDocument document) {
        this.library.ingestion().ingest(document);

        List<Passage> found = this.library.retrieval()
            .search(Question.about(document.id(), 0).text(), PassageFilter.any(), 10);

        assertThat(found).extracting(Passage::unscored).containsExactlyInAnyOrderElementsOf(Corpus.passages(document));
        assertThat(found).allSatisfy(passage -> {
            assertThat(passage.title()).isEqualTo(document.title());
            assertThat(passage.category()).isEqualTo(document.category());
            assertThat(passage.year()).isEqualTo(document.year());
            assertThat(passage.score()).isBetween(0.0, 1.0);
        });
    }
}
