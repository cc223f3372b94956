package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Qdrant 1.17's local BM25 model ({@code src/common/inference/bm25.rs}): tokens from {@link TextPipeline},
 * each hashed to an index by {@link Murmur3#tokenId}.
 */
final class Bm25 {

    /** A sparse vector as Qdrant builds it, indices u32 in ints. */
    record Embedding(int[] indices, float[] values) {
    }

    private final double k;
    private final double b;
    private final double avgLen;
    private final TextPipeline pipeline;

    Bm25(double k, double b, double avgLen, TextPipeline pipeline) {
        this.k = k;
        this.b = b;
        this.avgLen = avgLen;
        this.pipeline = pipeline;
    }

    /** {@code search_embed}: each distinct index once, in the order its token first appears, weight 1.0. */
    Embedding query(String text) {
        Set<Integer> indices = new LinkedHashSet<>();
        for (String token : pipeline.tokenize(text)) {
            indices.add(Murmur3.tokenId(token));
        }
        int[] ids = indices.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[ids.length];
        java.util.Arrays.fill(values, 1.0f);
        return new Embedding(ids, values);
    }

    /**
     * {@code doc_embed}: per distinct token {@code tf = n * (k + 1) / k.mul_add(1 - b + b * len / avg_len, n)}
     * in f64 (a fused multiply-add), stored as f32, ordered by index (a {@code BTreeMap<u32, f32>}).
     */
    Embedding document(String text) {
        List<String> tokens = pipeline.tokenize(text);
        double docLen = tokens.size();
        Map<String, Integer> counts = new HashMap<>();
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
        }
        TreeMap<Integer, Float> byIndex = new TreeMap<>(Integer::compareUnsigned);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            double occurrences = entry.getValue();
            double tf = occurrences * (k + 1.0);
            tf /= Math.fma(k, 1.0 - b + b * docLen / avgLen, occurrences);
            byIndex.put(Murmur3.tokenId(entry.getKey()), (float) tf);
        }
        int[] ids = new int[byIndex.size()];
        float[] values = new float[byIndex.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> entry : byIndex.entrySet()) {
            ids[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new Embedding(ids, values);
    }

    /** This model with Edge 0.9.0's later Japanese token processing ({@link TextPipeline#withEdgeJapanese}), for tests. */
    Bm25 withEdgeJapanese() {
        return new Bm25(k, b, avgLen, pipeline.withEdgeJapanese());
    }

    /** The tokens of a text, for tests. */
    List<String> tokens(String text) {
        return new ArrayList<>(pipeline.tokenize(text));
    }
}
