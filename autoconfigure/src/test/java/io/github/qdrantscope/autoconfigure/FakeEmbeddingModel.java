package io.github.qdrantscope.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** A tiny deterministic embedding model for tests: one bucket per character code modulo the dimension. */
public class FakeEmbeddingModel implements EmbeddingModel {

    private final int dimensions;

    /** @param dimensions the vector size */
    public FakeEmbeddingModel(int dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>();
        for (String text : request.getInstructions()) {
            embeddings.add(new Embedding(vector(text), embeddings.size()));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return vector(document.getText());
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    private float[] vector(String text) {
        float[] vector = new float[dimensions];
        vector[0] = 1;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            vector[(b & 0xff) % dimensions] += 1;
        }
        return vector;
    }
}
