package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of the average_vector recommend strategy over dense vectors and multivectors (sparse ones:
 * {@link SparseExamples}), Qdrant's {@code avg_vector_for_recommendation}
 * ({@code lib/segment/src/vector_storage/query/reco_query.rs}, read at qdrant/qdrant commit 02aefe98). Every
 * example keeps the kind it arrived as: a dense vector sent is dense even where the collection holds multivectors
 * ({@code convert_vector_input_with_inferred}, {@code src/common/inference/query_requests_grpc.rs}: a dense
 * {@code VectorInput} is a {@code VectorInternal::Dense}), a point id gives the kind stored. Dense examples average,
 * {@code avg(pos) + avg(pos) - avg(neg)}, and a multivector space then searches with the average as one sub-vector;
 * multivectors are not averaged but concatenated, the negatives' sub-vectors negated. Kinds mixed among the positives
 * or among the negatives, or differing between the two, are a validation error.
 */
final class AverageVector {

    private record Example(float[] values, boolean multi) {
    }

    private final List<Example> positives = new ArrayList<>();
    private final List<Example> negatives = new ArrayList<>();

    /** A positive example ({@code null}: a point lacking the vector, skipped). */
    void addPositive(float[] values, boolean multi) {
        if (values != null) {
            positives.add(new Example(values, multi));
        }
    }

    /** A negative example ({@code null}: skipped). */
    void addNegative(float[] values, boolean multi) {
        if (values != null) {
            negatives.add(new Example(values, multi));
        }
    }

    /** The Nearest query the examples become, prepared for {@code space}. */
    float[] query(VectorSpace space) {
        if (positives.isEmpty()) {
            throw validation("Positive vectors should not be empty with `average` strategy");
        }
        boolean multi = kind(positives);
        if (!negatives.isEmpty() && kind(negatives) != multi) {
            throw validation("Positive and negative vectors should be of the same type, either all dense or all"
                    + " sparse or all multi");
        }
        if (!multi) {
            return space.prepare(Recommendation.averageVector(values(positives), values(negatives)));
        }
        int length = 0;
        for (Example e : positives) {
            length += e.values().length;
        }
        for (Example e : negatives) {
            length += e.values().length;
        }
        float[] flat = new float[length];
        int at = 0;
        for (Example e : positives) {
            System.arraycopy(e.values(), 0, flat, at, e.values().length);
            at += e.values().length;
        }
        for (Example e : negatives) {
            for (float x : e.values()) {
                flat[at++] = -x;
            }
        }
        return space.prepareStored(flat);
    }

    /** {@code avg_vectors}: one kind per list, else {@code Can't average vectors with different types}. */
    private static boolean kind(List<Example> examples) {
        boolean multi = examples.get(0).multi();
        for (Example e : examples) {
            if (e.multi() != multi) {
                throw validation("Can't average vectors with different types");
            }
        }
        return multi;
    }

    private static List<float[]> values(List<Example> examples) {
        List<float[]> out = new ArrayList<>(examples.size());
        examples.forEach(e -> out.add(e.values()));
        return out;
    }

    private static RuntimeException validation(String description) {
        return QdrantErrors.wrongInput("Validation failed: " + description);
    }
}
