package io.github.qdrantscope.demo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.ai.document.Document;

/** Fixed ids and documents used by many tests at once, on purpose. */
final class Fixtures {

    private Fixtures() {
    }

    /** The i-th fixed id: the same in every test. */
    static String id(int i) {
        return new UUID(0x5EED_0000_0000_0000L, i).toString();
    }

    /** Documents with fixed ids {@code id(0..)} and the given texts, each with the metadata given. */
    static List<Document> documents(List<String> texts, Map<String, Object> metadata) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            documents.add(new Document(id(i), texts.get(i), new HashMap<>(metadata)));
        }
        return documents;
    }

    /** id to text, in insertion order. */
    static Map<String, String> byId(List<Document> documents) {
        Map<String, String> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.getId(), d.getText()));
        return byId;
    }

    /** The ids of documents, in order. */
    static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::getId).toList();
    }
}
