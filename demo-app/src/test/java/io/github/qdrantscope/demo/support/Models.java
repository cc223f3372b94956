package io.github.qdrantscope.demo.support;

import io.github.qdrantscope.autoconfigure.embedding.HashingEmbeddingModel;

/** The embedding model for static parameter sources, configured as the suite's context configures it. */
public final class Models {

    /** Same settings as the context's bean ({@code qdrant-scope.embedding=hashing}, default dimensions). */
    public static final HashingEmbeddingModel HASHING = new HashingEmbeddingModel();

    private Models() {
    }
}
