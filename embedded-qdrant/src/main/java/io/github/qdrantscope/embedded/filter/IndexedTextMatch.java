package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.inference.FullTextTokens;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.TextIndexParams;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code text}, {@code text_any} or {@code phrase} condition on a key with a full-text index, answered as
 * Qdrant 1.17's index answers it instead of by substrings: {@code get_match_text_checker}
 * ({@code index/query_optimization/condition_converter/match_converter.rs}) parses the query once and asks
 * {@code check_match} of the point's stored document ({@code full_text_index/inverted_index/mod.rs}).
 * <ul>
 *   <li>The document is every string at the key (a string, or the strings of an array; other values are not
 *       indexed, {@code FullTextIndex::get_value}), each through {@code tokenize_doc}, concatenated in order
 *       ({@code MutableFullTextIndex::add_many}): text and text_any see the union, a phrase may run on from
 *       one array element into the next.</li>
 *   <li>{@code text}: every {@code tokenize_query} token is in the document ({@code TokenSet::has_subset});
 *       {@code text_any}: one is ({@code has_any}); a query without tokens matches nothing.</li>
 *   <li>{@code phrase}: the phrase goes through {@code tokenize_doc} ({@code parse_phrase_query}) and must
 *       occur as consecutive document tokens ({@code Document::has_phrase}); without tokens, or when the index
 *       keeps no positions ({@code phrase_matching} off: "cannot do phrase matching if there's no positional
 *       information", mutable/immutable inverted index), nothing matches.</li>
 *   <li>Once the match is a text one, it alone decides the condition ({@code field_condition_index} in
 *       {@code condition_converter.rs} looks at {@code match} first).</li>
 * </ul>
 */
final class IndexedTextMatch implements FilterEvaluator.Node {

    private enum Kind { ALL, ANY, PHRASE }

    private final JsonPath path;
    private final FullTextTokens tokens;
    private final Kind kind;
    private final Set<String> queryTokens;
    private final List<String> phrase;
    private final boolean perValue;

    private IndexedTextMatch(JsonPath path, FullTextTokens tokens, Kind kind, Set<String> queryTokens,
            List<String> phrase, boolean perValue) {
        this.path = path;
        this.tokens = tokens;
        this.kind = kind;
        this.queryTokens = queryTokens;
        this.phrase = phrase;
        this.perValue = perValue;
    }

    /**
     * The indexed reading of {@code f}, or {@code null} when {@code f} is not a full-text match or its key has
     * no text index in {@code indexes} (the payload schema at the time of the request, or inside a nested
     * condition the indexes under its array, keyed relative to it).
     *
     * <p>Inside a nested condition Qdrant 1.17 checks the condition against each value at the key
     * ({@code check_field_condition} in {@code payload_storage/query_checker.rs} asks the index's
     * {@code special_check_condition} per value, which tokenizes each string on its own), so {@code perValue}
     * holds; and that method answers only {@code text} and {@code phrase}, so a nested {@code text_any} falls back
     * to the payload check ({@code null} here): qdrant/qdrant#8936, fixed after 1.17 (Qdrant Edge 0.9.0's
     * {@code full_text_index/read_ops.rs} has the {@code TextAny} arm). A nested phrase needs no positions in
     * the index: {@code check_payload_match} tokenizes the value itself, whatever {@code phrase_matching} says
     * (Qdrant Edge 0.9.0 answers that case one way or the other depending on its query plan, so the
     * differential test leaves it out: {@code KnownExceptions.EDGE_NESTED_PHRASE_WITHOUT_POSITIONS}).
     */
    static IndexedTextMatch compile(FieldCondition f, Map<JsonPath, PayloadSchemaInfo> indexes, boolean perValue) {
        if (!f.hasMatch() || indexes.isEmpty()) {
            return null;
        }
        Match.MatchValueCase matchCase = f.getMatch().getMatchValueCase();
        if (matchCase != Match.MatchValueCase.TEXT && matchCase != Match.MatchValueCase.TEXT_ANY
                && matchCase != Match.MatchValueCase.PHRASE
                || perValue && matchCase == Match.MatchValueCase.TEXT_ANY) {
            return null;
        }
        JsonPath path = JsonPath.parse(f.getKey());
        PayloadSchemaInfo index = indexes.get(path);
        if (index == null || index.getDataType() != PayloadSchemaType.Text) {
            return null;
        }
        TextIndexParams params = index.hasParams() && index.getParams().hasTextIndexParams()
                ? index.getParams().getTextIndexParams() : TextIndexParams.getDefaultInstance();
        FullTextTokens tokens = FullTextTokens.of(params);
        return switch (matchCase) {
            case TEXT -> new IndexedTextMatch(path, tokens, Kind.ALL,
                    new HashSet<>(tokens.query(f.getMatch().getText())), null, perValue);
            case TEXT_ANY -> new IndexedTextMatch(path, tokens, Kind.ANY,
                    new HashSet<>(tokens.query(f.getMatch().getTextAny())), null, perValue);
            default -> new IndexedTextMatch(path, tokens, Kind.PHRASE, Set.of(),
                    tokens.phraseMatching() || perValue ? tokens.document(f.getMatch().getPhrase()) : List.of(), perValue);
        };
    }

    @Override
    public boolean test(Map<String, Value> payload, StoredPoint point) {
        if (kind == Kind.PHRASE ? phrase.isEmpty() : queryTokens.isEmpty()) {
            return false;
        }
        if (perValue) {
            return strings(payload).stream().anyMatch(text -> matches(tokens.document(text)));
        }
        return matches(document(payload));
    }

    private boolean matches(List<String> document) {
        return switch (kind) {
            case ALL -> new HashSet<>(document).containsAll(queryTokens);
            case ANY -> !Collections.disjoint(new HashSet<>(document), queryTokens);
            case PHRASE -> Collections.indexOfSubList(document, phrase) >= 0;
        };
    }

    private List<String> document(Map<String, Value> payload) {
        List<String> document = new ArrayList<>();
        strings(payload).forEach(text -> document.addAll(tokens.document(text)));
        return document;
    }

    /** The strings at the key, a string or an array's strings ({@code FullTextIndex::get_values}), in order. */
    private List<String> strings(Map<String, Value> payload) {
        List<String> strings = new ArrayList<>();
        path.walk(payload, value -> {
            if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
                strings.add(value.getStringValue());
            } else if (value.getKindCase() == Value.KindCase.LIST_VALUE) {
                for (Value element : value.getListValue().getValuesList()) {
                    if (element.getKindCase() == Value.KindCase.STRING_VALUE) {
                        strings.add(element.getStringValue());
                    }
                }
            }
            return false;
        });
        return strings;
    }
}
