package io.github.qdrantscope.demo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.support.Corpus;
import org.springframework.ai.document.Document;

/**
 * Twelve documents with metadata every filter test reasons about: {@code team} (string), {@code size}
 * (1 to 12) and {@code stage} (string).
 */
final class Catalogue {

    static final List<String> TEAMS = List.of("red", "green", "blue");
    static final List<String> STAGES = List.of("draft", "review", "done", "archived");

    private Catalogue() {
    }

    /** One catalogue entry. */
    record Entry(String id, String text, String team, int size, String stage) {

        Document toDocument() {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("team", this.team);
            metadata.put("size", this.size);
            metadata.put("stage", this.stage);
            return new Document(this.id, this.text, metadata);
        }
    }

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(new Entry(Fixtures.id(100 + i),
                    "catalogue work " + Corpus.word(5 * i) + " " + Corpus.word(5 * i + 2) + " " + TEAMS.get(i % 3),
                    TEAMS.get(i % 3), i + 1, STAGES.get((i / 3) % 4)));
        }
        return entries;
    }

    static List<Document> documents() {
        return entries().stream().map(Entry::toDocument).toList();
    }
}
