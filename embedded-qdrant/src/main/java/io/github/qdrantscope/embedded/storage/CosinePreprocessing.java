package io.github.qdrantscope.embedded.storage;

/**
 * Qdrant's Cosine preprocessing, the only place the embedded server normalises a vector: every vector
 * written to a Cosine space (Upsert, UpdateVectors, UpdateBatch) and every query or example vector scored in
 * one (Search, Query, recommend, discover, context, groups, batches, the distance matrix) goes through
 * {@link #preprocess}, as every Cosine vector in Qdrant goes through {@code CosineMetric::preprocess}
 * ({@code lib/segment/src/spaces/simple.rs}, via {@code Distance::preprocess_vector} in
 * {@code lib/segment/src/types.rs} for writes and the query scorers for reads).
 *
 * <p>Qdrant 1.17.0, followed exactly in f32:
 * <ul>
 *   <li>the squared length is summed in f32; if {@code is_length_zero_or_normalized}
 *       ({@code lib/segment/src/spaces/tools.rs}) holds for it, i.e. it is below {@code f32::EPSILON} or
 *       within {@code 1e-6} of 1, the vector is returned as is: an embedding a model already normalised
 *       is stored and read back bit for bit;</li>
 *   <li>otherwise every element is divided (not multiplied by a reciprocal) by the f32 {@code sqrt} of
 *       the squared length.</li>
 * </ul>
 * Qdrant picks the summation kernel at run time. This follows the x86-64 kernels with AVX and FMA, which
 * every x86 CI runner and server has: {@code cosine_preprocess_avx} ({@code simple_avx.rs}) from 32
 * dimensions, {@code cosine_preprocess_sse} ({@code simple_sse.rs}) from 16, the scalar
 * {@code cosine_preprocess} below. On aarch64, Qdrant's {@code cosine_preprocess_neon}
 * ({@code simple_neon.rs}) groups the sum differently, so a vector that needs normalising may differ
 * there in the last bit; the keep-as-is rule is the same everywhere.
 */
public final class CosinePreprocessing {

    /** {@code MIN_DIM_SIZE_AVX} in simple.rs. */
    static final int AVX_MIN_DIM = 32;
    /** {@code MIN_DIM_SIZE_SIMD} in simple.rs. */
    static final int SSE_MIN_DIM = 16;
    /** Rust's {@code f32::EPSILON}, 2^-23. */
    private static final float F32_EPSILON = Math.ulp(1.0f);
    /** The tolerance of tools.rs, an f32 literal there as here. */
    private static final float NORMALIZED_TOLERANCE = 1.0e-6f;

    private CosinePreprocessing() {
    }

    /**
     * The vector Qdrant stores for, or scores with, {@code vector} in a Cosine space: the same array
     * when it is zero or already unit length (callers must not modify it), else a new unit-length array.
     */
    public static float[] preprocess(float[] vector) {
        float length = squaredLength(vector);
        if (isLengthZeroOrNormalized(length)) {
            return vector;
        }
        // f32::sqrt is correctly rounded; so is the double sqrt of a float rounded back to float
        float norm = (float) Math.sqrt(length);
        float[] unit = new float[vector.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

    /** tools.rs: {@code length < f32::EPSILON || (length - 1.0).abs() <= 1.0e-6} on the squared length. */
    static boolean isLengthZeroOrNormalized(float squaredLength) {
        return squaredLength < F32_EPSILON || Math.abs(squaredLength - 1.0f) <= NORMALIZED_TOLERANCE;
    }

    /** The squared length in f32, summed in the order of the kernel Qdrant runs for this dimension. */
    static float squaredLength(float[] v) {
        if (v.length >= AVX_MIN_DIM) {
            return squaredLengthAvx(v);
        }
        if (v.length >= SSE_MIN_DIM) {
            return squaredLengthSse(v);
        }
        return addSquares(0f, v, 0); // cosine_preprocess: .map(|x| x * x).sum(), left to right
    }

    /**
     * cosine_preprocess_avx: blocks of 32 into four 8-lane accumulators with {@code _mm256_fmadd_ps} (one
     * rounding per step); {@code four_way_hsum} adds them lane-wise as {@code (a + b) + (c + d)};
     * {@code hsum256_ps_avx} adds the upper four lanes to the lower four, then {@code _mm_hadd_ps} and a
     * final add give {@code (l0 + l1) + (l2 + l3)}; the remainder is added element by element.
     */
    private static float squaredLengthAvx(float[] v) {
        int blocks = v.length - v.length % 32;
        float[] acc = new float[32]; // acc[8 * r + lane]: lane `lane` of accumulator sum256_{r + 1}
        for (int i = 0; i < blocks; i += 32) {
            for (int j = 0; j < 32; j++) {
                acc[j] = Math.fma(v[i + j], v[i + j], acc[j]);
            }
        }
        float[] halves = new float[4];
        for (int lane = 0; lane < 4; lane++) {
            halves[lane] = fourWay(acc, lane + 4) + fourWay(acc, lane);
        }
        float length = (halves[0] + halves[1]) + (halves[2] + halves[3]);
        return addSquares(length, v, blocks);
    }

    /** Lane {@code lane} of four_way_hsum's lane-wise total {@code (a + b) + (c + d)}. */
    private static float fourWay(float[] acc, int lane) {
        return (acc[lane] + acc[8 + lane]) + (acc[16 + lane] + acc[24 + lane]);
    }

    /**
     * cosine_preprocess_sse: blocks of 16 into four 4-lane accumulators with {@code _mm_mul_ps} then
     * {@code _mm_add_ps} (two roundings); each accumulator is reduced by {@code hsum128_ps_sse} to
     * {@code (x0 + x2) + (x1 + x3)} and the four results are added left to right; then the remainder.
     */
    private static float squaredLengthSse(float[] v) {
        int blocks = v.length - v.length % 16;
        float[] acc = new float[16]; // acc[4 * r + lane]: lane `lane` of accumulator sum128_{r + 1}
        for (int i = 0; i < blocks; i += 16) {
            for (int j = 0; j < 16; j++) {
                acc[j] += v[i + j] * v[i + j];
            }
        }
        float length = hsum128(acc, 0) + hsum128(acc, 4) + hsum128(acc, 8) + hsum128(acc, 12);
        return addSquares(length, v, blocks);
    }

    private static float hsum128(float[] acc, int from) {
        return (acc[from] + acc[from + 2]) + (acc[from + 1] + acc[from + 3]);
    }

    /** {@code length += x.powi(2)} for the elements from {@code from} on: a multiply, then an add. */
    private static float addSquares(float length, float[] v, int from) {
        for (int i = from; i < v.length; i++) {
            length += v[i] * v[i];
        }
        return length;
    }
}
