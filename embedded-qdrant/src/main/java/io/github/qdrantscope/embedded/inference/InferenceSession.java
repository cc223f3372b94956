package io.github.qdrantscope.embedded.inference;

import io.qdrant.client.grpc.Points.Document;
import io.qdrant.client.grpc.Points.SparseVector;
import java.util.Locale;

/**
 * The inference of one request, as a Qdrant 1.17 node without an inference service runs it
 * ({@code InferenceService::infer} in {@code src/common/inference/service.rs}): inputs whose model is a local one
 * ({@code qdrant/bm25} or {@code bm25}, any case: {@code LocalModelName::from_str} in {@code local_model.rs}) are
 * embedded here, in request order, the first failure ending the request; once they all succeeded, any other
 * input fails the request, because a node with no {@code inference.address} cannot reach a service.
 */
final class InferenceSession {

    /** Which embedding a local model computes ({@code InferenceType}): points get documents, queries queries. */
    enum Side {
        UPDATE, SEARCH
    }

    private final Side side;
    private boolean remoteInput;

    InferenceSession(Side side) {
        this.side = side;
    }

    /** The sparse vector of a {@code Document}, or an empty one standing in for a remote model's. */
    SparseVector document(Document document) {
        if (!isLocal(document.getModel())) {
            remoteInput = true;
            return SparseVector.getDefaultInstance();
        }
        Bm25 bm25 = Bm25Options.parse(document.getOptionsMap());
        Bm25.Embedding embedding = side == Side.UPDATE
                ? bm25.document(document.getText()) : bm25.query(document.getText());
        SparseVector.Builder sparse = SparseVector.newBuilder();
        for (int i = 0; i < embedding.indices().length; i++) {
            sparse.addIndices(embedding.indices()[i]).addValues(embedding.values()[i]);
        }
        return sparse.build();
    }

    /** An {@code Image} or {@code InferenceObject}: a local model takes text only ({@code infer_local}). */
    void nonText(String model) {
        if (isLocal(model)) {
            throw new InferenceError(InferenceError.Kind.BAD_INPUT, "Only text input is supported for " + model + ".");
        }
        remoteInput = true;
    }

    /** After every input: the inputs for a service fail the request ({@code infer_remote} without an address). */
    void finish() {
        if (remoteInput) {
            throw new InferenceError(InferenceError.Kind.SERVICE,
                    "InferenceService URL not configured - please provide valid address in config");
        }
    }

    private static boolean isLocal(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.equals("qdrant/bm25") || name.equals("bm25");
    }
}
