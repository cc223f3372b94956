package io.github.qdrantscope.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded random points: unit-length vectors (as Qdrant stores them for Cosine) and a {@code tenant}
 * keyword drawn from {@value #TENANTS} values, so that filtering on one tenant keeps about
 * {@code 1/}{@value #TENANTS} of the points.
 *
 * <p>The same seed gives the same points in every JVM, so a benchmark fork that loads the server and
 * one that scans plain arrays work on identical data.
 */
public final class Dataset {

    /** Number of distinct tenant values. */
    public static final int TENANTS = 10;

    /** The tenant value the filtered benchmarks select. */
    public static final String FILTER_TENANT = tenantName(3);

    /** Payload key of the tenant keyword. */
    public static final String TENANT_KEY = "tenant";

    private final float[][] vectors;
    private final int[] tenants;

    private Dataset(float[][] vectors, int[] tenants) {
        this.vectors = vectors;
        this.tenants = tenants;
    }

    /** {@code size} points of dimension {@code dimension}; point {@code i} gets id {@code i}. */
    public static Dataset generate(int size, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[size][];
        int[] tenants = new int[size];
        for (int i = 0; i < size; i++) {
            vectors[i] = randomUnitVector(random, dimension);
            tenants[i] = random.nextInt(TENANTS);
        }
        return new Dataset(vectors, tenants);
    }

    /** {@code count} query vectors, drawn from a seed distinct from the points'. */
    public static float[][] queries(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        float[][] queries = new float[count][];
        for (int i = 0; i < count; i++) {
            // Queries are deliberately not normalised: the server and the plain scan must both do it.
            float[] q = randomUnitVector(random, dimension);
            for (int d = 0; d < dimension; d++) {
                q[d] *= 3f;
            }
            queries[i] = q;
        }
        return queries;
    }

    static String tenantName(int tenant) {
        return "t" + tenant;
    }

    private static float[] randomUnitVector(SplittableRandom random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (random.nextDouble() * 2 - 1);
        }
        return PlainScan.normalised(v);
    }

    public int size() {
        return vectors.length;
    }

    /** The unit vector of point {@code id}; the array itself, not a copy. */
    public float[] vector(int id) {
        return vectors[id];
    }

    /** All vectors, indexed by point id; the arrays themselves, not copies. */
    public float[][] vectors() {
        return vectors;
    }

    /** The tenant keyword of point {@code id}. */
    public String tenant(int id) {
        return tenantName(tenants[id]);
    }

    /** {@code mask[id]} is true when point {@code id} has the tenant {@code tenant}. */
    public boolean[] maskFor(String tenant) {
        boolean[] mask = new boolean[tenants.length];
        for (int i = 0; i < tenants.length; i++) {
            mask[i] = tenantName(tenants[i]).equals(tenant);
        }
        return mask;
    }
}
