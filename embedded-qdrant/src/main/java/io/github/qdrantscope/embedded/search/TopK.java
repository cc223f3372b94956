package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@code k} best (score, point) pairs of a scan in a bounded min-heap over primitive
 * arrays: offering a loser costs one float comparison and allocates nothing.
 */
final class TopK {

    private final int capacity;
    private final float[] scores;
    private final StoredPoint[] points;
    private int size;

    TopK(int capacity) {
        this.capacity = capacity;
        int arrayLength = Math.max(0, Math.min(capacity, 1 << 20));
        this.scores = new float[arrayLength];
        this.points = new StoredPoint[arrayLength];
    }

    /** Whether a point scoring {@code score} could still enter (a cheap pre-check before {@link #offer}). */
    boolean accepts(float score) {
        return size < scores.length || score >= scores[0];
    }

    void offer(StoredPoint point, float score) {
        if (scores.length == 0 || Float.isNaN(score)) {
            return;
        }
        if (size < scores.length) {
            scores[size] = score;
            points[size] = point;
            siftUp(size++);
        } else if (worse(scores[0], points[0], score, point)) {
            scores[0] = score;
            points[0] = point;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    /** The kept pairs, best first. */
    List<Scored> best() {
        List<Scored> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Scored(points[i], scores[i]));
        }
        out.sort(Scored.BEST_FIRST);
        return out;
    }

    /** Is (s1, p1) worse than (s2, p2)? Lower score, or equal score and larger id. */
    private static boolean worse(float s1, StoredPoint p1, float s2, StoredPoint p2) {
        if (s1 != s2) {
            return s1 < s2;
        }
        return p1.id().compareTo(p2.id()) > 0;
    }

    private void siftUp(int i) {
        float s = scores[i];
        StoredPoint p = points[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(s, p, scores[parent], points[parent])) {
                break;
            }
            scores[i] = scores[parent];
            points[i] = points[parent];
            i = parent;
        }
        scores[i] = s;
        points[i] = p;
    }

    private void siftDown(int i) {
        float s = scores[i];
        StoredPoint p = points[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && worse(scores[right], points[right], scores[child], points[child])) {
                child = right;
            }
            if (!worse(scores[child], points[child], s, p)) {
                break;
            }
            scores[i] = scores[child];
            points[i] = points[child];
            i = child;
        }
        scores[i] = s;
        points[i] = p;
    }
}
