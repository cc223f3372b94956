package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * {@code sample: random}: a uniform random subset of the matching points, in random order, each
 * scored 1.0 like Qdrant's query scroll ({@code local_shard/scroll.rs}).
 */
final class Sampling {

    private Sampling() {
    }

    static List<Hit> random(Iterable<StoredPoint> points, Predicate<StoredPoint> filter, long limit) {
        int k = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        List<StoredPoint> reservoir = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long seen = 0;
        for (StoredPoint point : points) {
            if (!PointFilter.matches(filter, point)) {
                continue;
            }
            seen++;
            if (reservoir.size() < k) {
                reservoir.add(point);
            } else {
                long slot = random.nextLong(seen);
                if (slot < k) {
                    reservoir.set((int) slot, point);
                }
            }
        }
        Collections.shuffle(reservoir, random);
        List<Hit> hits = new ArrayList<>(reservoir.size());
        for (StoredPoint point : reservoir) {
            hits.add(new Hit(point, 1.0f));
        }
        return hits;
    }
}
