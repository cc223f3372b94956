package io.github.qdrantscope.embedded.conformance;

import java.util.Random;

/**
 * Expected values for the Cosine conformance tests: Qdrant 1.17's f32 arithmetic transcribed from its
 * Rust source, register by register, independently of the server's code. Qdrant picks the kernel at run
 * time; this follows x86-64 with AVX and FMA (every CI runner and Docker host in practice):
 * {@code CosineMetric::preprocess} in lib/segment/src/spaces/simple.rs calls {@code cosine_preprocess_avx}
 * (simple_avx.rs) from 32 dimensions, {@code cosine_preprocess_sse} (simple_sse.rs) from 16, and the
 * scalar {@code cosine_preprocess} below that. All of them return the vector unchanged when
 * {@code is_length_zero_or_normalized} (lib/segment/src/spaces/tools.rs) holds for the squared length,
 * and otherwise divide every element by {@code sqrt} of it.
 */
final class QdrantF32 {

    /** Rust's {@code f32::EPSILON} (2^-23). */
    static final float F32_EPSILON = 1.1920929E-7f;

    private QdrantF32() {
    }

    /** tools.rs: {@code length < f32::EPSILON || (length - 1.0).abs() <= 1.0e-6}, on the squared length. */
    static boolean isLengthZeroOrNormalized(float length) {
        return length < F32_EPSILON || Math.abs(length - 1.0f) <= 1.0e-6f;
    }

    /** {@code CosineMetric::preprocess}: the vector Qdrant stores for a Cosine vector, or uses as a query. */
    static float[] cosinePreprocess(float[] vector) {
        float length = squaredLength(vector);
        if (isLengthZeroOrNormalized(length)) {
            return vector.clone();
        }
        float norm = (float) Math.sqrt(length); // f32::sqrt is correctly rounded, as is sqrt in double
        float[] out = new float[vector.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector[i] / norm;
        }
        return out;
    }

    /** The squared length as the kernel Qdrant dispatches to for this dimension computes it. */
    static float squaredLength(float[] v) {
        if (v.length >= 32) {
            return avxSquaredLength(v);
        }
        if (v.length >= 16) {
            return sseSquaredLength(v);
        }
        float length = 0f; // simple.rs: vector.iter().map(|x| x * x).sum(), left to right
        for (float x : v) {
            length += x * x;
        }
        return length;
    }

    /** simple_avx.rs cosine_preprocess_avx: four __m256 accumulators fed by _mm256_fmadd_ps. */
    static float avxSquaredLength(float[] v) {
        int n = v.length;
        int m = n - n % 32;
        float[][] sum256 = new float[4][8];
        for (int i = 0; i < m; i += 32) {
            for (int register = 0; register < 4; register++) {
                for (int lane = 0; lane < 8; lane++) {
                    float x = v[i + register * 8 + lane];
                    sum256[register][lane] = Math.fma(x, x, sum256[register][lane]);
                }
            }
        }
        float length = fourWayHsum(sum256[0], sum256[1], sum256[2], sum256[3]);
        for (int i = m; i < n; i++) {
            length += v[i] * v[i]; // (*ptr.add(i)).powi(2): a plain multiply, no fused add
        }
        return length;
    }

    /** simple_avx.rs four_way_hsum: {@code (a + b) + (c + d)} lane-wise, then hsum256_ps_avx. */
    private static float fourWayHsum(float[] a, float[] b, float[] c, float[] d) {
        float[] total = new float[8];
        for (int lane = 0; lane < 8; lane++) {
            total[lane] = (a[lane] + b[lane]) + (c[lane] + d[lane]);
        }
        // hsum256_ps_avx: high half + low half, _mm_hadd_ps, then lane 0 + lane 1
        float[] lr = new float[4];
        for (int lane = 0; lane < 4; lane++) {
            lr[lane] = total[lane + 4] + total[lane];
        }
        return (lr[0] + lr[1]) + (lr[2] + lr[3]);
    }

    /** simple_sse.rs cosine_preprocess_sse: four __m128 accumulators, _mm_mul_ps then _mm_add_ps. */
    static float sseSquaredLength(float[] v) {
        int n = v.length;
        int m = n - n % 16;
        float[][] sum128 = new float[4][4];
        for (int i = 0; i < m; i += 16) {
            for (int register = 0; register < 4; register++) {
                for (int lane = 0; lane < 4; lane++) {
                    float x = v[i + register * 4 + lane];
                    sum128[register][lane] = x * x + sum128[register][lane];
                }
            }
        }
        float length = hsum128(sum128[0]) + hsum128(sum128[1]) + hsum128(sum128[2]) + hsum128(sum128[3]);
        for (int i = m; i < n; i++) {
            length += v[i] * v[i];
        }
        return length;
    }

    /** simple_sse.rs hsum128_ps_sse: x + movehl(x, x), then lane 0 + lane 1. */
    private static float hsum128(float[] x) {
        return (x[0] + x[2]) + (x[1] + x[3]);
    }

    /** simple.rs dot_similarity (the kernel below 16 dimensions): products summed left to right. */
    static float dot(float[] a, float[] b) {
        if (a.length >= 16) {
            throw new IllegalArgumentException("only the scalar kernel is transcribed; keep scored vectors < 16-d");
        }
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** common::math::fast_sigmoid. */
    static float fastSigmoid(float x) {
        return x / (1.0f + Math.abs(x));
    }

    /** common::math::scaled_fast_sigmoid. */
    static float scaledFastSigmoid(float x) {
        return 0.5f * (fastSigmoid(x) + 1.0f);
    }

    /**
     * A vector as an embedding model emits it: normalised in double, scaled by {@code 1 + drift} and
     * rounded to float, so its f32 squared length is off 1 by about {@code 2 * drift} (a model's own
     * rounding); the seed makes it reproducible.
     */
    static float[] modelVector(long seed, int dim, double drift) {
        Random random = new Random(seed);
        double[] raw = new double[dim];
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            raw[i] = random.nextGaussian();
            sum += raw[i] * raw[i];
        }
        double scale = (1 + drift) / Math.sqrt(sum);
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (raw[i] * scale);
        }
        return out;
    }
}
