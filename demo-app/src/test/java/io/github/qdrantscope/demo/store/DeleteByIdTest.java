package io.github.qdrantscope.demo.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteByIdTest extends DemoTest {

    @ParameterizedTest(name = "{0} documents, delete ids {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | 0
            2  | 0
            2  | 1
            3  | 0 2
            5  | 1 3
            5  | 0 1 2 3 4
            8  | 7
            8  | 2 4 6
            10 | 0 9
            10 | 5
            12 | 1 2 3 4
            12 | 11 10
            """)
    void deletesExactlyTheGivenIdsOfThisTest(int count, String victims) {
        List<Document> documents = Fixtures.documents(Corpus.texts(count * 31L, count), Map.of());
        vectorStore.add(documents);
        List<String> deleted = new ArrayList<>();
        for (String index : victims.trim().split(" ")) {
            deleted.add(Fixtures.id(Integer.parseInt(index)));
        }

        vectorStore.delete(deleted);

        List<String> expected = new ArrayList<>(Fixtures.ids(documents));
        expected.removeAll(deleted);
        assertThat(vectorStore.similaritySearch(SearchRequest.builder().query(Corpus.word(0)).topK(50).build()))
            .extracting(Document::getId)
            .containsExactlyInAnyOrderElementsOf(expected);
    }
}
