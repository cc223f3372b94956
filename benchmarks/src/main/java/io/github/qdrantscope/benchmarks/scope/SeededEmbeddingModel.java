package io.github.qdrantscope.benchmarks.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A deterministic, offline {@link EmbeddingModel}: each text maps to a pseudo-random vector seeded by
 * the text, so every run embeds the same texts to the same vectors at a negligible, equal cost for
 * every variant compared.
 */
public final class SeededEmbeddingModel implements EmbeddingModel {

    private final int dimensions;

    public SeededEmbeddingModel(int dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>(request.getInstructions().size());
        for (String text : request.getInstructions()) {
            embeddings.add(new Embedding(embed(text), embeddings.size()));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(String text) {
        SplittableRandom random = new SplittableRandom(text.hashCode());
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return vector;
    }

    @Override
    public float[] embed(Document document) {
        return embed(getEmbeddingContent(document));
    }

    @Override
    public int dimensions() {
        return dimensions;
    }
}
