package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * charabia 0.10.0's data tables as {@code src/test/python/charabia_tables.py} extracted them into
 * {@code charabia/*.txt} beside this class: one entry a line, as hex code points separated by spaces.
 */
final class CharabiaTables {

    private CharabiaTables() {
    }

    /** {@code DEFAULT_SEPARATORS} of {@code src/separators.rs}, in the crate's order (duplicates included). */
    static List<String> separators() {
        return read("separators.txt");
    }

    /** The code points of {@code dictionaries/bin/nonspacing_mark/marks.bin}. */
    static List<String> marks() {
        return read("marks.txt");
    }

    private static List<String> read(String name) {
        InputStream in = CharabiaTables.class.getResourceAsStream("charabia/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing resource charabia/" + name + " beside "
                    + CharabiaTables.class.getName());
        }
        List<String> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                StringBuilder entry = new StringBuilder();
                for (String hex : line.trim().split(" ")) {
                    entry.appendCodePoint(Integer.parseInt(hex, 16));
                }
                entries.add(entry.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
