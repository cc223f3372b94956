package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed payload key path, as Qdrant's {@code lib/segment/src/json_path/parse.rs} reads it: a first
 * key, then any of {@code .key}, {@code ."quoted key"}, {@code [index]} and {@code []}. Unquoted keys
 * are one or more alphanumeric (Unicode), {@code _} or {@code -} characters; quoted keys may hold
 * anything but {@code "} and {@code \}.
 */
final class JsonPath {

    /** One step after the first key. */
    sealed interface Item permits Key, Index, Wildcard {
    }

    record Key(String name) implements Item {
    }

    record Index(int index) implements Item {
    }

    enum Wildcard implements Item {
        INSTANCE
    }

    final String firstKey;
    final Item[] rest;

    private JsonPath(String firstKey, Item[] rest) {
        this.firstKey = firstKey;
        this.rest = rest;
    }

    /**
     * Parses a key path.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Invalid json path: 'key'", the text
     *     of {@code json_path_from_proto} in {@code lib/api/src/conversions/json.rs}
     */
    static JsonPath parse(String s) {
        Parser p = new Parser(s);
        String first = p.key();
        if (first == null) {
            throw invalid(s);
        }
        List<Item> rest = new ArrayList<>();
        while (!p.atEnd()) {
            char c = p.peek();
            if (c == '.') {
                p.pos++;
                String k = p.key();
                if (k == null) {
                    throw invalid(s);
                }
                rest.add(new Key(k));
            } else if (c == '[') {
                p.pos++;
                if (!p.atEnd() && p.peek() == ']') {
                    p.pos++;
                    rest.add(Wildcard.INSTANCE);
                } else {
                    int start = p.pos;
                    while (!p.atEnd() && p.peek() >= '0' && p.peek() <= '9') {
                        p.pos++;
                    }
                    if (start == p.pos || p.atEnd() || p.peek() != ']') {
                        throw invalid(s);
                    }
                    String digits = s.substring(start, p.pos);
                    int index;
                    try {
                        // Qdrant parses the index as a usize: beyond u64 the path is invalid; beyond
                        // int range it can never address a Java list element, like any index out of
                        // bounds.
                        long parsed = Long.parseUnsignedLong(digits);
                        index = parsed < 0 || parsed > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) parsed;
                    } catch (NumberFormatException e) {
                        throw invalid(s);
                    }
                    p.pos++;
                    rest.add(new Index(index));
                }
            } else {
                throw invalid(s);
            }
        }
        return new JsonPath(first, rest.toArray(new Item[0]));
    }

    private static RuntimeException invalid(String s) {
        return QdrantErrors.invalidArgument("Invalid json path: '" + s + "'");
    }

    /** This path with {@code []} appended unless it already ends so ({@code JsonPath::array_key}). */
    JsonPath arrayKey() {
        if (rest.length > 0 && rest[rest.length - 1] == Wildcard.INSTANCE) {
            return this;
        }
        Item[] items = java.util.Arrays.copyOf(rest, rest.length + 1);
        items[rest.length] = Wildcard.INSTANCE;
        return new JsonPath(firstKey, items);
    }

    /**
     * This path relative to {@code prefix} ({@code JsonPath::strip_prefix}): {@code items[].title} less
     * {@code items[]} is {@code title}; {@code null} when {@code prefix} is not a prefix or what is left does not
     * start with a key.
     */
    JsonPath stripPrefix(JsonPath prefix) {
        if (!firstKey.equals(prefix.firstKey) || prefix.rest.length >= rest.length) {
            return null;
        }
        for (int i = 0; i < prefix.rest.length; i++) {
            if (!rest[i].equals(prefix.rest[i])) {
                return null;
            }
        }
        if (!(rest[prefix.rest.length] instanceof Key key)) {
            return null;
        }
        return new JsonPath(key.name(), java.util.Arrays.copyOfRange(rest, prefix.rest.length + 1, rest.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath other && firstKey.equals(other.firstKey)
                && java.util.Arrays.equals(rest, other.rest);
    }

    @Override
    public int hashCode() {
        return 31 * firstKey.hashCode() + java.util.Arrays.hashCode(rest);
    }

    /** Receives each value found at a path; returns {@code true} to stop the walk. */
    interface Visitor {
        boolean visit(Value value);
    }

    /** {@link #walk} result: no value exists at the path. */
    static final int NOTHING = 0;
    /** {@link #walk} result: values exist and the visitor never stopped. */
    static final int VISITED = 1;
    /** {@link #walk} result: the visitor returned {@code true} for a value. */
    static final int STOPPED = 2;

    /**
     * Walks the values at this path as Qdrant's {@code value_get} finds them: keys only through objects,
     * {@code [i]} and {@code []} only through arrays, and a final array value is handed over whole.
     *
     * @return {@link #NOTHING}, {@link #VISITED} or {@link #STOPPED}
     */
    int walk(Map<String, Value> payload, Visitor visitor) {
        Value first = payload.get(firstKey);
        if (first == null) {
            return NOTHING;
        }
        return walk(first, 0, visitor);
    }

    private int walk(Value value, int depth, Visitor visitor) {
        if (depth == rest.length) {
            return visitor.visit(value) ? STOPPED : VISITED;
        }
        Item item = rest[depth];
        if (item instanceof Key key) {
            if (value.getKindCase() == Value.KindCase.STRUCT_VALUE) {
                Value child = value.getStructValue().getFieldsMap().get(key.name());
                return child == null ? NOTHING : walk(child, depth + 1, visitor);
            }
            return NOTHING;
        }
        if (value.getKindCase() != Value.KindCase.LIST_VALUE) {
            return NOTHING;
        }
        List<Value> list = value.getListValue().getValuesList();
        if (item instanceof Index index) {
            return index.index() < list.size() ? walk(list.get(index.index()), depth + 1, visitor) : NOTHING;
        }
        int result = NOTHING;
        for (Value element : list) {
            int r = walk(element, depth + 1, visitor);
            if (r == STOPPED) {
                return STOPPED;
            }
            result = Math.max(result, r);
        }
        return result;
    }

    /** All values at this path, in document order. */
    List<Value> values(Map<String, Value> payload) {
        List<Value> out = new ArrayList<>();
        walk(payload, v -> {
            out.add(v);
            return false;
        });
        return out;
    }

    /** Rust's {@code char::is_alphanumeric}: the Alphabetic property or a numeric category. */
    private static boolean isRustAlphanumeric(int cp) {
        if (Character.isAlphabetic(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        /** A raw or quoted key at the cursor, or {@code null} when there is none. */
        String key() {
            if (atEnd()) {
                return null;
            }
            if (peek() == '"') {
                int end = pos + 1;
                while (end < s.length() && s.charAt(end) != '"' && s.charAt(end) != '\\') {
                    end++;
                }
                if (end >= s.length() || s.charAt(end) != '"') {
                    return null;
                }
                String k = s.substring(pos + 1, end);
                pos = end + 1;
                return k;
            }
            int start = pos;
            while (!atEnd()) {
                int cp = s.codePointAt(pos);
                if (isRustAlphanumeric(cp) || cp == '_' || cp == '-') {
                    pos += Character.charCount(cp);
                } else {
                    break;
                }
            }
            return start == pos ? null : s.substring(start, pos);
        }
    }
}
