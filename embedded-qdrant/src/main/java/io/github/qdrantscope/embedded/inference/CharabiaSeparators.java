package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * charabia 0.10.0's split of a script run on its separators ({@code AhoSegmentedStrIter} of
 * {@code src/segmenter/mod.rs}): an Aho-Corasick automaton over {@code DEFAULT_SEPARATORS} with
 * {@code MatchKind::LeftmostLongest}, so the match that starts first wins, and the longest of those; the pieces
 * between matches and the matches themselves are the tokens, empty pieces skipped.
 */
final class CharabiaSeparators {

    /** Separators by their first UTF-16 unit, longest first. */
    private static final Map<Character, List<String>> BY_FIRST = index(CharabiaTables.separators());

    private CharabiaSeparators() {
    }

    private static Map<Character, List<String>> index(List<String> separators) {
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String separator : separators) {
            byFirst.computeIfAbsent(separator.charAt(0), c -> new ArrayList<>()).add(separator);
        }
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
        return byFirst;
    }

    /** Hands each separator match to {@code separator} and each non-empty piece between matches to {@code between}. */
    static void split(String run, Consumer<String> separator, Consumer<String> between) {
        int start = 0;
        int i = 0;
        while (i < run.length()) {
            String match = longestAt(run, i);
            if (match == null) {
                i++;
                continue;
            }
            if (i > start) {
                between.accept(run.substring(start, i));
            }
            separator.accept(match);
            i += match.length();
            start = i;
        }
        if (start < run.length()) {
            between.accept(run.substring(start));
        }
    }

    // separators are whole code points, so none starts at a low surrogate: no match inside a code point
    private static String longestAt(String run, int i) {
        List<String> candidates = BY_FIRST.get(run.charAt(i));
        if (candidates == null) {
            return null;
        }
        for (String candidate : candidates) {
            if (run.startsWith(candidate, i)) {
                return candidate;
            }
        }
        return null;
    }
}
