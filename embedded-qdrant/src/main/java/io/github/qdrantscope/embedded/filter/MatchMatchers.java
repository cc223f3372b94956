package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code impl ValueChecker for Match} in {@code condition_checker.rs}, with the no-index text
 * behaviour: {@code text} and {@code phrase} are case-sensitive substring tests and {@code text_any}
 * holds when any whitespace-separated token of the query is a substring. On a key with a text index
 * {@link IndexedTextMatch} answers them instead.
 */
final class MatchMatchers {

    private MatchMatchers() {
    }

    static ValueMatcher compile(Match match) {
        switch (match.getMatchValueCase()) {
            case KEYWORD: {
                String keyword = match.getKeyword();
                return v -> v.getKindCase() == Value.KindCase.STRING_VALUE && v.getStringValue().equals(keyword);
            }
            case INTEGER: {
                // serde_json's as_i64(): a double payload never equals an integer, even 1.0 vs 1.
                long integer = match.getInteger();
                return v -> v.getKindCase() == Value.KindCase.INTEGER_VALUE && v.getIntegerValue() == integer;
            }
            case BOOLEAN: {
                boolean flag = match.getBoolean();
                return v -> v.getKindCase() == Value.KindCase.BOOL_VALUE && v.getBoolValue() == flag;
            }
            case TEXT:
                return substring(match.getText());
            case PHRASE:
                return substring(match.getPhrase());
            case TEXT_ANY: {
                String[] tokens = whitespaceTokens(match.getTextAny());
                return v -> {
                    if (v.getKindCase() != Value.KindCase.STRING_VALUE) {
                        return false;
                    }
                    String stored = v.getStringValue();
                    for (String token : tokens) {
                        if (stored.contains(token)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case KEYWORDS: {
                Set<String> keywords = new HashSet<>(match.getKeywords().getStringsList());
                return v -> v.getKindCase() == Value.KindCase.STRING_VALUE && keywords.contains(v.getStringValue());
            }
            case INTEGERS: {
                long[] integers = sorted(match.getIntegers().getIntegersList());
                return v -> v.getKindCase() == Value.KindCase.INTEGER_VALUE
                        && Arrays.binarySearch(integers, v.getIntegerValue()) >= 0;
            }
            case EXCEPT_KEYWORDS: {
                Set<String> keywords = new HashSet<>(match.getExceptKeywords().getStringsList());
                return v -> except(v) && !(v.getKindCase() == Value.KindCase.STRING_VALUE
                        && keywords.contains(v.getStringValue()));
            }
            case EXCEPT_INTEGERS: {
                long[] integers = sorted(match.getExceptIntegers().getIntegersList());
                return v -> except(v) && !(v.getKindCase() == Value.KindCase.INTEGER_VALUE
                        && Arrays.binarySearch(integers, v.getIntegerValue()) >= 0);
            }
            default:
                throw QdrantErrors.invalidArgument("Malformed Match condition");
        }
    }

    /**
     * The part of {@code Match::Except} that does not depend on the list: null never matches; every
     * other value (bool, object, nested array, a number that is not an integer, a string against an
     * integer list, ...) does unless it is in the list.
     */
    private static boolean except(Value v) {
        return !PayloadPaths.isNull(v);
    }

    private static ValueMatcher substring(String text) {
        return v -> v.getKindCase() == Value.KindCase.STRING_VALUE && v.getStringValue().contains(text);
    }

    private static long[] sorted(java.util.List<Long> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** Rust's {@code str::split_whitespace}: tokens between runs of Unicode White_Space. */
    static String[] whitespaceTokens(String s) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean space = isWhiteSpace(cp);
            if (space && start >= 0) {
                tokens.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens.toArray(new String[0]);
    }

    /** The Unicode White_Space property, which Rust's {@code char::is_whitespace} uses. */
    private static boolean isWhiteSpace(int cp) {
        switch (cp) {
            case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }
}
