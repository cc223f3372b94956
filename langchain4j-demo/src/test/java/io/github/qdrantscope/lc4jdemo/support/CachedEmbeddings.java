package io.github.qdrantscope.lc4jdemo.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * The real offline model (all-MiniLM-L6-v2, quantized, ONNX, in-process), loaded once per JVM, with each distinct
 * text embedded once: the suite ingests the same corpus and asks the same questions hundreds of times, and the
 * model is deterministic (same text, same vector, bit for bit), so a cache changes nothing but CPU time.
 */
public final class CachedEmbeddings implements EmbeddingModel {

    private static final CachedEmbeddings JVM = new CachedEmbeddings(new AllMiniLmL6V2QuantizedEmbeddingModel());

    private final EmbeddingModel model;

    private final Map<String, Embedding> cache = new ConcurrentHashMap<>();

    private CachedEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** The JVM's model. */
    public static CachedEmbeddings model() {
        return JVM;
    }

    /** The embedding of {@code text}, as the application gets it. */
    public Embedding of(String text) {
        return this.cache.computeIfAbsent(text, t -> this.model.embed(t).content());
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            embeddings.add(of(segment.text()));
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return this.model.dimension();
    }
}
