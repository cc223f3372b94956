package io.github.qdrantscope.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link ForkReport}, written and read without a JSON library: scope-core is used next to
 * applications that bring their own Jackson (2 or 3) or Gson, and a report of six fields and a list of meters does
 * not justify pinning one of them. The layout is Jackson's indented output, the one CI scripts
 * ({@code scripts/contention-report.sh}) read with {@code jq}. {@link #read} accepts any JSON of that shape.
 */
final class ForkReportJson {

    private ForkReportJson() {
    }

    static String write(ForkReport report) {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "  ", "fork", string(report.fork())).append(",\n");
        field(out, "  ", "forkSource", string(report.forkSource())).append(",\n");
        field(out, "  ", "run", string(report.run())).append(",\n");
        field(out, "  ", "runSource", string(report.runSource())).append(",\n");
        field(out, "  ", "mode", string(report.mode())).append(",\n");
        List<String> collections = new ArrayList<>();
        report.collections().forEach(c -> collections.add(string(c)));
        field(out, "  ", "collections", collections.isEmpty() ? "[ ]" : "[ " + String.join(", ", collections) + " ]")
            .append(",\n");
        out.append("  \"meters\" : [");
        for (int i = 0; i < report.meters().size(); i++) {
            ForkReport.MeterValues meter = report.meters().get(i);
            out.append(i == 0 ? " {\n" : ", {\n");
            field(out, "    ", "name", string(meter.name())).append(",\n");
            field(out, "    ", "type", string(meter.type())).append(",\n");
            Map<String, String> tags = new LinkedHashMap<>();
            meter.tags().forEach((k, v) -> tags.put(k, string(v)));
            field(out, "    ", "tags", object(tags, "    ")).append(",\n");
            Map<String, String> values = new LinkedHashMap<>();
            meter.values().forEach((k, v) -> values.put(k, number(v)));
            field(out, "    ", "values", object(values, "    ")).append('\n');
            out.append("  }");
        }
        out.append(report.meters().isEmpty() ? " ]\n" : " ]\n");
        return out.append("}").toString();
    }

    static ForkReport read(String json) {
        Object parsed = new Parser(json).document();
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("a fork report is a JSON object");
        }
        List<ForkReport.MeterValues> meters = new ArrayList<>();
        for (Object item : list(root.get("meters"))) {
            Map<?, ?> meter = (Map<?, ?>) item;
            Map<String, String> tags = new TreeMap<>();
            ((Map<?, ?>) meter.get("tags")).forEach((k, v) -> tags.put((String) k, (String) v));
            Map<String, Double> values = new LinkedHashMap<>();
            ((Map<?, ?>) meter.get("values")).forEach((k, v) -> values.put((String) k, ((Number) v).doubleValue()));
            meters.add(new ForkReport.MeterValues((String) meter.get("name"), (String) meter.get("type"), tags,
                    values));
        }
        List<String> collections = new ArrayList<>();
        list(root.get("collections")).forEach(c -> collections.add((String) c));
        return new ForkReport((String) root.get("fork"), (String) root.get("forkSource"), (String) root.get("run"),
                (String) root.get("runSource"), (String) root.get("mode"), collections, meters);
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static StringBuilder field(StringBuilder out, String indent, String name, String json) {
        return out.append(indent).append(string(name)).append(" : ").append(json);
    }

    private static String object(Map<String, String> fields, String indent) {
        if (fields.isEmpty()) {
            return "{ }";
        }
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            out.append(indent).append("  ").append(string(entry.getKey())).append(" : ").append(entry.getValue())
                .append(++i < fields.size() ? ",\n" : "\n");
        }
        return out.append(indent).append('}').toString();
    }

    private static String number(double value) {
        // Jackson writes doubles as Java does (4.0, 1.5E-4); JSON has no NaN or infinity
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A strict reader of one JSON value: objects (insertion-ordered), arrays, strings, numbers, booleans, null. */
    private static final class Parser {

        private final String text;

        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (this.at != this.text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (this.at >= this.text.length()) {
                throw error("unexpected end");
            }
            char c = this.text.charAt(this.at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            this.at++;
            skipSpace();
            if (peek() == '}') {
                this.at++;
                return fields;
            }
            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                fields.put(name, value());
                skipSpace();
                if (peek() == ',') {
                    this.at++;
                    continue;
                }
                expect('}');
                return fields;
            }
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            this.at++;
            skipSpace();
            if (peek() == ']') {
                this.at++;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    this.at++;
                    continue;
                }
                expect(']');
                return items;
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
                        this.at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Double number() {
            int start = this.at;
            while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
                this.at++;
            }
            if (start == this.at) {
                throw error("unexpected character '" + this.text.charAt(start) + "'");
            }
            return Double.valueOf(this.text.substring(start, this.at));
        }

        private Object literal(String word, Object value) {
            if (!this.text.startsWith(word, this.at)) {
                throw error("expected " + word);
            }
            this.at += word.length();
            return value;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private char next() {
            if (this.at >= this.text.length()) {
                throw error("unexpected end");
            }
            return this.text.charAt(this.at++);
        }

        private char peek() {
            return this.at < this.text.length() ? this.text.charAt(this.at) : '\0';
        }

        private void skipSpace() {
            while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
                this.at++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("invalid fork report JSON at character " + this.at + ": " + problem);
        }
    }
}
