package io.github.qdrantscope.embedded.inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The word segmentation model Qdrant's {@code tokenizers/japanese.rs} embeds, {@code bccwj-suw_c1.0.model} of
 * vaporetto-models v0.5.0 ({@code vaporetto/bccwj-suw_c1.0.model.gz} beside this class, the file gzipped), read
 * as vaporetto 0.6.5's {@code Model::read_slice} reads it.
 *
 * <p>The file is a magic line ({@code MODEL_MAGIC} of {@code src/model.rs}) and then {@code ModelData} in
 * bincode 2's standard configuration: fields in declaration order, unsigned integers as varints (one byte below
 * 251, else a marker 251/252/253 and 2/4/8 little-endian bytes), signed ones zigzagged first, a {@code u8} as
 * one raw byte, strings and vectors as a varint length and their items. {@code ModelData} is the character
 * n-grams ({@code NgramModel<String>}: n-gram and {@code i32} weights, {@code src/ngram_model.rs}), the
 * character-type n-grams (the same with type bytes), the dictionary ({@code DictModel}: word, weights, comment,
 * {@code src/dict_model.rs}), the bias, the two window sizes and the tag models. Tag models only matter when a
 * predictor is built to predict tags, which Qdrant's is not ({@code Predictor::new(model, false)}); this file
 * has none, and this reader refuses a model with any rather than skip bytes it does not parse.
 */
final class VaporettoModel {

    static final String RESOURCE = "vaporetto/bccwj-suw_c1.0.model.gz";
    private static final byte[] MAGIC = "VaporettoTokenizer 0.5.0\n".getBytes(StandardCharsets.US_ASCII);

    /** Character n-gram (a string of code points) to its weights. */
    final Map<String, int[]> charNgrams;
    /** Character-type n-gram (a string of type ids 1 to 6, one a char) to its weights. */
    final Map<String, int[]> typeNgrams;
    /** Dictionary word to its weights, one per boundary from before its first character to after its last. */
    final Map<String, int[]> dictionary;
    final int bias;
    final int charWindow;
    final int typeWindow;

    VaporettoModel(Map<String, int[]> charNgrams, Map<String, int[]> typeNgrams,
            Map<String, int[]> dictionary, int bias, int charWindow, int typeWindow) {
        this.charNgrams = charNgrams;
        this.typeNgrams = typeNgrams;
        this.dictionary = dictionary;
        this.bias = bias;
        this.charWindow = charWindow;
        this.typeWindow = typeWindow;
    }

    /** The raw model file, as Qdrant embeds it (its SHA-512 is {@code MODEL_CHECKSUM} of japanese.rs). */
    static byte[] bytes() {
        InputStream in = VaporettoModel.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + RESOURCE + " beside " + VaporettoModel.class);
        }
        try (InputStream gz = new GZIPInputStream(in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            gz.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VaporettoModel read(byte[] data) {
        if (data.length < MAGIC.length || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a vaporetto 0.5.0 model");
        }
        Reader in = new Reader(data, MAGIC.length);
        Map<String, int[]> chars = ngrams(in, false);
        Map<String, int[]> types = ngrams(in, true);
        Map<String, int[]> dictionary = new HashMap<>();
        for (long n = in.length(); n > 0; n--) {
            String word = in.string();
            int[] weights = in.weights();
            in.string(); // the comment, which vaporetto never reads back
            // WordWeightRecord::new's invariant; CharScorerBoundary::new then merges equal words by adding
            if (weights.length != word.codePointCount(0, word.length()) + 1) {
                throw new IllegalArgumentException("dictionary weights do not match the word " + word);
            }
            dictionary.merge(word, weights, VaporettoModel::add);
        }
        int bias = in.signed();
        int charWindow = in.raw();
        int typeWindow = in.raw();
        if (in.length() != 0) {
            throw new IllegalArgumentException("a model with tag models, which this reader does not parse");
        }
        if (in.position != data.length) {
            throw new IllegalArgumentException("trailing bytes after the model");
        }
        return new VaporettoModel(chars, types, dictionary, bias, charWindow, typeWindow);
    }

    // n-grams of the same text add up (CharWeightMerger/TypeWeightMerger::add; all share one offset)
    private static Map<String, int[]> ngrams(Reader in, boolean types) {
        Map<String, int[]> ngrams = new HashMap<>();
        for (long n = in.length(); n > 0; n--) {
            String ngram = types ? in.typeString() : in.string();
            ngrams.merge(ngram, in.weights(), VaporettoModel::add);
        }
        return ngrams;
    }

    private static int[] add(int[] a, int[] b) {
        int[] sum = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    /** bincode 2, {@code config::standard()}: little-endian varints. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data, int position) {
            this.data = data;
            this.position = position;
        }

        int raw() {
            return data[position++] & 0xFF;
        }

        long unsigned() {
            int marker = raw();
            int bytes = switch (marker) {
                case 251 -> 2;
                case 252 -> 4;
                case 253 -> 8;
                default -> 0;
            };
            if (marker > 253) {
                throw new IllegalArgumentException("varint wider than 64 bits");
            }
            if (bytes == 0) {
                return marker;
            }
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                value |= (long) raw() << (8 * i);
            }
            return value;
        }

        int signed() {
            long zigzag = unsigned();
            long value = (zigzag >>> 1) ^ -(zigzag & 1);
            if (value != (int) value) {
                throw new IllegalArgumentException("i32 out of range");
            }
            return (int) value;
        }

        long length() {
            long length = unsigned();
            if (length > data.length - position) {
                throw new IllegalArgumentException("length past the end of the model");
            }
            return length;
        }

        String string() {
            int length = (int) length();
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        String typeString() {
            int length = (int) length();
            StringBuilder types = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                types.append((char) raw());
            }
            return types.toString();
        }

        int[] weights() {
            int[] weights = new int[(int) length()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = signed();
            }
            return weights;
        }
    }
}
