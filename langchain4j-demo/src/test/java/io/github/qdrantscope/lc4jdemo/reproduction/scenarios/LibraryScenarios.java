package io.github.qdrantscope.lc4jdemo.reproduction.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeExtension;
import io.github.qdrantscope.lc4jdemo.Library;
import io.github.qdrantscope.lc4jdemo.PassageFilter;
import io.github.qdrantscope.lc4jdemo.Passage;
import io.github.qdrantscope.lc4jdemo.SourceDocument;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Test bodies written the way suites over one shared collection are written before qdrant-scope: empty the library
 * first (LangChain4j's {@code removeAll()}, the usual fix for leftovers of earlier tests), ingest this test's
 * document, then assert exactly what the library holds and finds. One scenario per corpus document, so no two
 * write the same segments. The subclasses differ only in {@code @ScopedProject}.
 *
 * <p>The extension is registered in both: it maps the collection into the fork's namespace and counts every call
 * made outside a project as contention (the legacy run's "failures counted by the meters").
 */
@ExtendWith(QdrantScopeExtension.class)
public abstract class LibraryScenarios {

    /** How many scenarios each launch runs: one per document. */
    public static final int SCENARIOS = Corpus.DOCUMENTS.size();

    private final Library library;

    protected LibraryScenarios(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Corpus#DOCUMENTS")
    void holdsAndFindsExactlyItsDocument(SourceDocument document) {
        this.library.curation().clear();
        Rendezvous.meet();
        this.library.ingestion().ingest(document);
        Rendezvous.meet();

        long count = this.library.retrieval().count();
        String question = Question.about(document.id(), 0).text();
        List<Passage> found = this.library.retrieval().search(question, PassageFilter.any(), 20);
        // Everyone has read before anyone finishes (and a failing scenario's cleanup, if any, runs).
        Rendezvous.meet();

        assertThat(count).as("segments in the library").isEqualTo(Corpus.paragraphs(document).size());
        Oracle.assertSameResults(found, Oracle.ranking(question, Corpus.passages(document)));
    }
}
