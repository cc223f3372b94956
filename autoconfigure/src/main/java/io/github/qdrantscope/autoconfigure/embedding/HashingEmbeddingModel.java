package io.github.qdrantscope.autoconfigure.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A deterministic, network-free {@link EmbeddingModel} for tests: feature hashing of lower-cased word
 * unigrams, word bigrams and character trigrams into a fixed number of dimensions (384 by default),
 * L2-normalised.
 *
 * <p>Texts that share words get a higher cosine similarity than texts that do not, so semantic-search
 * code paths behave plausibly (and reproducibly: the same text always yields the same vector, on every
 * JVM) without a model download or an API key. It is not a language model: synonyms do not match.
 *
 * <p>Every component is non-negative and every vector carries a small constant "bias" feature, so the
 * cosine similarity of any two texts is strictly positive: a vector store search with the default
 * similarity threshold of 0 (which Qdrant applies as "score &gt; 0") returns the top-k of everything it
 * is allowed to see, ranked by shared words.
 *
 * <p>Instances are immutable and thread-safe. {@link #dimensions()} is answered without embedding
 * anything, so vector stores that ask for it on every call pay nothing.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {

    /** The dimension used when none is given: the size of common small sentence-embedding models. */
    public static final int DEFAULT_DIMENSIONS = 384;

    /** Upper bound for {@code dimensions}; Qdrant itself allows at most 65,536. */
    public static final int MAX_DIMENSIONS = 65_536;

    // Whole words carry most of the signal; bigrams reward shared phrases; trigrams make
    // inflections ("memory"/"memories") land near each other.
    private static final float UNIGRAM_WEIGHT = 1.0f;
    private static final float BIGRAM_WEIGHT = 0.7f;
    private static final float TRIGRAM_WEIGHT = 0.25f;
    // Small enough not to disturb the ranking, large enough to keep unrelated texts above score 0.
    private static final float BIAS_WEIGHT = 0.3f;

    // Distinct seeds keep a word, a bigram and a trigram with the same characters in different buckets.
    private static final long UNIGRAM_SEED = 0x9E3779B97F4A7C15L;
    private static final long BIGRAM_SEED = 0xC2B2AE3D27D4EB4FL;
    private static final long TRIGRAM_SEED = 0x165667B19E3779F9L;
    private static final long BIAS_SEED = 0x27D4EB2F165667C5L;

    private final int dimensions;

    /** A model producing {@value #DEFAULT_DIMENSIONS}-dimensional vectors. */
    public HashingEmbeddingModel() {
        this(DEFAULT_DIMENSIONS);
    }

    /**
     * A model producing vectors of the given size.
     *
     * @param dimensions between 1 and {@value #MAX_DIMENSIONS}
     * @throws IllegalArgumentException when {@code dimensions} is out of range
     */
    public HashingEmbeddingModel(int dimensions) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("HashingEmbeddingModel dimensions must be between 1 and "
                    + MAX_DIMENSIONS + ", but was " + dimensions);
        }
        this.dimensions = dimensions;
    }

    @Override
    public int dimensions() {
        return this.dimensions;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        checkRequestedDimensions(request.getOptions());
        List<String> texts = request.getInstructions();
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            embeddings.add(new Embedding(embed(texts.get(i)), i));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return embed(getEmbeddingContent(document));
    }

    /** The document's text; rejects media documents, which have none, naming the document. */
    @Override
    public String getEmbeddingContent(Document document) {
        String text = document.getText();
        if (text == null) {
            throw new IllegalArgumentException("HashingEmbeddingModel embeds text only, but document '"
                    + document.getId() + "' has no text (media documents are not supported)");
        }
        return text;
    }

    /**
     * Embeds one text. Text without any letter or digit (including the empty string) maps to the unit
     * vector of the bias feature, so it can still be stored and searched.
     *
     * @param text the text; must not be {@code null}
     * @return a new L2-normalised vector of {@link #dimensions()} floats
     */
    @Override
    public float[] embed(String text) {
        if (text == null) {
            throw new IllegalArgumentException("HashingEmbeddingModel cannot embed a null text");
        }
        float[] vector = new float[this.dimensions];
        List<String> words = words(text);
        String previous = null;
        for (String word : words) {
            add(vector, hash(UNIGRAM_SEED, word, 0, word.length()), UNIGRAM_WEIGHT);
            if (previous != null) {
                add(vector, mix(hash(BIGRAM_SEED, previous, 0, previous.length()) ^ hash(UNIGRAM_SEED, word, 0, word.length())),
                        BIGRAM_WEIGHT);
            }
            addTrigrams(vector, word);
            previous = word;
        }
        add(vector, mix(BIAS_SEED), BIAS_WEIGHT);
        normalise(vector);
        return vector;
    }

    private void checkRequestedDimensions(EmbeddingOptions options) {
        Integer requested = (options != null) ? options.getDimensions() : null;
        if (requested != null && requested != this.dimensions) {
            throw new IllegalArgumentException("The embedding request asks for " + requested
                    + " dimensions, but this HashingEmbeddingModel produces " + this.dimensions
                    + " (set qdrant-scope.embedding-dimensions to change it)");
        }
    }

    private void addTrigrams(float[] vector, String word) {
        // Boundary markers make prefixes and suffixes distinct features ("^me" vs "me").
        String padded = '^' + word + '$';
        for (int start = 0; start + 3 <= padded.length(); start++) {
            add(vector, hash(TRIGRAM_SEED, padded, start, start + 3), TRIGRAM_WEIGHT);
        }
    }

    private void add(float[] vector, long hash, float weight) {
        // Unsigned (no random sign per feature): collisions slightly raise the similarity of unrelated
        // texts, but no pair of texts can score 0 or below and vanish from thresholded searches.
        vector[(int) Long.remainderUnsigned(hash, this.dimensions)] += weight;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            }
            else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    /** FNV-1a over the chars of {@code s[from, to)}, seeded, then avalanched. */
    private static long hash(long seed, String s, int from, int to) {
        long h = 0xCBF29CE484222325L ^ seed;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole word. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    private static void normalise(float[] vector) {
        double sumOfSquares = 0;
        for (float v : vector) {
            sumOfSquares += (double) v * v;
        }
        float inverseNorm = (float) (1.0 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverseNorm;
        }
    }

    @Override
    public String toString() {
        return "HashingEmbeddingModel[dimensions=" + this.dimensions + "]";
    }
}
