package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.PointId;
import io.github.qdrantscope.embedded.storage.MultiVectors;
import io.github.qdrantscope.embedded.storage.SparseInput;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns the examples of a request (point ids or vectors) into vectors of one space, and remembers
 * the ids used so they can be excluded from the results, as Qdrant does
 * ({@code exclude_referenced_ids} in {@code universal_query/collection_query.rs},
 * {@code recommendations.rs}, {@code discovery.rs}).
 */
final class Examples {

    private final VectorSpace space;
    private final ExampleSource source;
    private final Set<PointKey> referenced = new LinkedHashSet<>();

    /** @param source where referenced points are read ({@code lookup_from}) */
    Examples(VectorSpace space, ExampleSource source) {
        this.space = space;
        this.source = source;
    }

    /** Every point id used as an example so far. */
    Set<PointKey> referencedIds() {
        return referenced;
    }

    /**
     * The stored vector of a referenced point, prepared for the metric as Qdrant's query scorers prepare
     * every example ({@link VectorSpace#prepare}).
     *
     * @param required whether a point lacking the vector is an error (nearest, discover, context) or
     *     silently skipped (recommend examples); {@code null} when skipped
     */
    float[] byId(PointId id, boolean required) {
        float[] stored = storedById(id, required);
        return stored == null ? null : space.prepareStored(stored);
    }

    /**
     * The stored vector of a referenced point as stored (dimension-checked): what the average_vector
     * strategy averages ({@code avg_vector_for_recommendation}, {@code recommendations.rs}).
     *
     * @param required as for {@link #byId}
     */
    float[] storedById(PointId id, boolean required) {
        PointKey key = PointKey.of(id);
        if (source.excludesIds()) {
            referenced.add(key);
        }
        StoredPoint point = source.point(key);
        if (!source.excludesIds() && source.readsSparse()) {
            throw SparseExamples.wrongSparse();
        }
        float[] stored = point.vector(source.vectorName());
        if (stored == null) {
            if (required) {
                throw missingVector(source.vectorName());
            }
            return null;
        }
        return space.checkStored(stored);
    }

    /** A referenced point lacks the vector read from it (nearest, discover and context examples). */
    static RuntimeException missingVector(String name) {
        return QdrantErrors.notFound("Not found: Vector with name \"" + name + "\" for point");
    }

    /** A raw vector given in the request: dimension-checked and prepared for the metric. */
    float[] byVector(float[] vector) {
        return space.prepare(vector);
    }

    /**
     * A raw vector given as an average_vector recommend example, only dimension-checked: Qdrant
     * averages the examples as sent ({@code avg_vector_for_recommendation} for classic Recommend and the
     * Query API alike) and preprocesses only the average, the query of the search it becomes.
     */
    float[] byRawVector(float[] vector) {
        return space.check(vector);
    }

    /**
     * A classic Recommend/Discover example vector: dense (only dimension-checked when {@code raw}, see
     * {@link #byRawVector}) or a multivector, prepared (its sub-vectors' preprocessing is idempotent, so
     * average_vector may take it prepared).
     */
    float[] of(Vector vector, boolean raw) {
        if (MultiVectors.isMulti(vector)) {
            MultiVectors.validate(vector, "vector");
            return space.prepareMulti(MultiVectors.flatten(vector), MultiVectors.subVectorLengths(vector));
        }
        if (SparseInput.isSparse(vector)) {
            throw SparseExamples.wrongSparse();
        }
        float[] dense = DenseInput.of(vector);
        return raw ? byRawVector(dense) : byVector(dense);
    }

    /** A Query API input (point id, dense vector or multivector). */
    float[] of(VectorInput input, boolean required) {
        return switch (input.getVariantCase()) {
            case ID -> byId(input.getId(), required);
            case DENSE -> byVector(DenseInput.of(input.getDense()));
            case MULTI_DENSE -> space.prepareMulti(input.getMultiDense());
            case SPARSE -> throw SparseExamples.wrongSparse();
            case DOCUMENT, IMAGE, OBJECT -> throw DenseInput.unsupported("inference inputs (document, image, object)");
            case VARIANT_NOT_SET -> throw QdrantErrors.invalidArgument("VectorInput variant is missing");
        };
    }

    /** A Query API average_vector recommend example, unprepared: {@link #storedById} or {@link #byRawVector}. */
    float[] unprepared(VectorInput input) {
        return switch (input.getVariantCase()) {
            case ID -> storedById(input.getId(), false);
            case DENSE -> byRawVector(DenseInput.of(input.getDense()));
            default -> of(input, false); // rejects every other kind, with of()'s messages
        };
    }

    /** A classic Discover example (point id or vector). */
    float[] of(VectorExample example) {
        return switch (example.getExampleCase()) {
            case ID -> byId(example.getId(), true);
            case VECTOR -> of(example.getVector(), false);
            case EXAMPLE_NOT_SET -> throw QdrantErrors.invalidArgument("Vector example is missing");
        };
    }
}
