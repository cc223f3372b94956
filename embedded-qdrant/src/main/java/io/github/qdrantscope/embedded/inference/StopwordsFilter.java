package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Qdrant's {@code StopwordsFilter} ({@code full_text_index/stop_words/mod.rs}): the union of the chosen
 * languages' lists and the custom words, all lowercased when the tokenizer lowercases, and a token is a
 * stopword when it (lowercased then) is in the set. The 30 lists are Qdrant's ({@code stop_words/<language>.rs}),
 * one word a line under {@code stopwords/}, in Qdrant's order (duplicates kept).
 */
final class StopwordsFilter {

    private static final ConcurrentHashMap<Languages.Stopwords, List<String>> LISTS = new ConcurrentHashMap<>();

    private final Set<String> words;
    private final boolean lowercase;

    private StopwordsFilter(Set<String> words, boolean lowercase) {
        this.words = words;
        this.lowercase = lowercase;
    }

    static StopwordsFilter none() {
        return new StopwordsFilter(Set.of(), false);
    }

    static StopwordsFilter of(Collection<Languages.Stopwords> languages, Collection<String> custom,
            boolean lowercase) {
        Set<String> words = new HashSet<>();
        for (Languages.Stopwords language : languages) {
            for (String word : list(language)) {
                words.add(lowercase ? RustCase.lowercase(word) : word);
            }
        }
        for (String word : custom) {
            words.add(lowercase ? RustCase.lowercase(word) : word);
        }
        return new StopwordsFilter(words, lowercase);
    }

    boolean isStopword(String token) {
        return !words.isEmpty() && words.contains(lowercase ? RustCase.lowercase(token) : token);
    }

    private static List<String> list(Languages.Stopwords language) {
        return LISTS.computeIfAbsent(language, StopwordsFilter::load);
    }

    private static List<String> load(Languages.Stopwords language) {
        InputStream in = StopwordsFilter.class.getResourceAsStream("stopwords/" + language.serdeName() + ".txt");
        if (in == null) {
            throw new IllegalStateException("Missing resource stopwords/" + language.serdeName() + ".txt beside "
                    + StopwordsFilter.class.getName());
        }
        List<String> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                words.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }
}
