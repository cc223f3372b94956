package io.github.qdrantscope.demo.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic test texts: short "memories" drawn from a fixed vocabulary, so that search tests can be
 * parameterized over many corpora and queries, with the expected ranking computed by {@link Ranking}.
 */
public final class Corpus {

    private static final List<String> WORDS = List.of("deploy", "billing", "service", "kafka", "topic", "retry",
            "timeout", "database", "migration", "schema", "index", "cache", "redis", "eviction", "login", "token",
            "refresh", "gateway", "latency", "budget", "invoice", "customer", "report", "export", "backup",
            "restore", "cluster", "node", "replica", "shard", "vector", "search", "embedding", "qdrant", "payload",
            "filter", "tenant", "project", "release", "rollback", "feature", "flag", "canary", "metric", "alert",
            "oncall", "incident", "postmortem", "runbook", "queue", "worker", "cron", "schedule", "upload",
            "storage", "bucket", "policy", "audit", "review", "design");

    private Corpus() {
    }

    /** {@code size} distinct texts of 3 to 7 distinct vocabulary words, the same for the same seed. */
    public static List<String> texts(long seed, int size) {
        Random random = new Random(seed);
        Set<String> texts = new LinkedHashSet<>();
        while (texts.size() < size) {
            texts.add(String.join(" ", words(random, 3 + random.nextInt(5))));
        }
        return new ArrayList<>(texts);
    }

    /** A query of 1 to 3 vocabulary words, the same for the same seed. */
    public static String query(long seed) {
        Random random = new Random(seed * 31 + 7);
        return String.join(" ", words(random, 1 + random.nextInt(3)));
    }

    /** One of the vocabulary words. */
    public static String word(int index) {
        return WORDS.get(Math.floorMod(index, WORDS.size()));
    }

    private static List<String> words(Random random, int count) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return new ArrayList<>(picked);
    }
}
