package io.github.qdrantscope.autoconfigure.scope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Deterministic bag-of-words embedding: each word adds 1 to a hashed dimension, plus a constant bias
 * dimension so no vector is zero. Equal texts embed equally; texts sharing words are close.
 */
class FakeEmbeddingModel implements EmbeddingModel {

    static final int DIMENSIONS = 16;

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>();
        List<String> texts = request.getInstructions();
        for (int i = 0; i < texts.size(); i++) {
            embeddings.add(new Embedding(vector(texts.get(i)), i));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return vector(document.getText());
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        vector[0] = 1;
        for (String word : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                int hash = java.util.Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8));
                vector[1 + Math.floorMod(hash, DIMENSIONS - 1)] += 1;
            }
        }
        return vector;
    }
}
