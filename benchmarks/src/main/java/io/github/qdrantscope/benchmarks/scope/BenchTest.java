package io.github.qdrantscope.benchmarks.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.ai.document.Document;

/**
 * A test class driven by {@link TestLifecycle}: an optional {@code @BeforeEach} step and the test body.
 * Every variant's body writes the same {@value #DOCUMENTS} documents with the same fixed ids, as tests
 * that share fixtures do.
 */
public interface BenchTest {

    int DOCUMENTS = 10;

    /** What JUnit would run as {@code @BeforeEach}; nothing by default. */
    default void beforeEach() {
    }

    /** The test method. */
    void test();

    /** Ten fresh documents with fixed ids (Spring AI may mutate documents it is given). */
    static List<Document> fixtures() {
        List<Document> documents = new ArrayList<>(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document(UUID.nameUUIDFromBytes(("fixture-" + i).getBytes()).toString(),
                    "fixture document number " + i, Map.of("kind", "fixture", "rank", i)));
        }
        return documents;
    }
}
