package io.github.qdrantscope.autoconfigure.starter;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The cumulative {@code qdrant.scope.*} values of a context's {@code MeterRegistry} at one moment: counts
 * of every counter and timer (times are not compared), keyed {@code name{tag=value,...}}.
 */
record ScopeMeterValues(Map<String, Long> counts) {

    static ScopeMeterValues of(MeterRegistry registry) {
        Map<String, Long> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (!name.startsWith("qdrant.scope.")) {
                continue;
            }
            String key = name + meter.getId().getTags().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(",", "{", "}"));
            if (meter instanceof FunctionCounter counter) {
                counts.put(key, (long) counter.count());
            }
            else if (meter instanceof FunctionTimer timer) {
                counts.put(key, (long) timer.count());
            }
        }
        return new ScopeMeterValues(counts);
    }

    /** What changed since {@code before}: every meter whose count differs, with the difference. */
    Map<String, Long> since(ScopeMeterValues before) {
        Map<String, Long> deltas = new TreeMap<>();
        this.counts.forEach((key, value) -> {
            long delta = value - before.counts.getOrDefault(key, 0L);
            if (delta != 0) {
                deltas.put(key, delta);
            }
        });
        return deltas;
    }

    static double activeProjects(MeterRegistry registry) {
        return registry.get("qdrant.scope.projects.active").gauge().value();
    }
}
