package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Qdrant's {@code ascii_folding} option ({@code tokenizers/ascii_folding.rs}, Lucene's ASCIIFoldingFilter
 * list): each character with a mapping is replaced, every other one is kept. The table is the resource
 * {@code ascii-folding.tsv}, read off Qdrant Edge by {@code src/test/python/edge_bm25_tables.py}.
 */
final class AsciiFolding {

    private static final Map<Integer, String> TABLE = load();

    private AsciiFolding() {
    }

    static String fold(String token) {
        StringBuilder out = null;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            String replacement = cp < 0x80 ? null : TABLE.get(cp);
            if (replacement != null && out == null) {
                out = new StringBuilder(token.length() + 4).append(token, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? token : out.toString();
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> table = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(AsciiFolding.class.getResourceAsStream("ascii-folding.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                table.put(Integer.parseInt(line.substring(0, tab), 16), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
