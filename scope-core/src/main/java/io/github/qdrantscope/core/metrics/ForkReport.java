package io.github.qdrantscope.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;

/**
 * What one fork reports at the end of its run: who it was and every qdrant-scope meter's values.
 *
 * @param fork the fork id
 * @param forkSource where the fork id came from (for example {@code surefire})
 * @param run the run id
 * @param runSource where the run id came from (for example {@code github-actions})
 * @param mode {@code embedded} or {@code external} ({@code embedded,external} when the fork used both), or
 *     {@code null} when nothing chose a server
 * @param collections the collections this fork bound
 * @param meters every meter, sorted by name and tags
 */
public record ForkReport(String fork, String forkSource, String run, String runSource, String mode,
        List<String> collections, List<MeterValues> meters) {

    /**
     * One meter's values.
     *
     * @param name the meter name
     * @param type {@code counter}, {@code timer}, {@code gauge}, ...
     * @param tags the meter's tags
     * @param values statistic (lowercase, e.g. {@code count}, {@code total}, {@code value}) to value;
     *     times are in seconds
     */
    public record MeterValues(String name, String type, Map<String, String> tags, Map<String, Double> values) {
    }

    /** Snapshots every meter of {@code meters}' own registry. */
    public static List<MeterValues> snapshot(JvmScopeMeters meters) {
        List<MeterValues> values = new ArrayList<>();
        for (Meter meter : meters.ownRegistry().getMeters()) {
            Map<String, String> tags = new TreeMap<>();
            for (Tag tag : meter.getId().getTagsAsIterable()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            Map<String, Double> measured = new LinkedHashMap<>();
            for (Measurement measurement : meter.measure()) {
                measured.put(measurement.getStatistic().getTagValueRepresentation(), measurement.getValue());
            }
            values.add(new MeterValues(meter.getId().getName(), typeName(meter), tags, measured));
        }
        values.sort(Comparator.comparing(MeterValues::name).thenComparing(v -> v.tags().toString()));
        return values;
    }

    private static String typeName(Meter meter) {
        return switch (meter.getId().getType()) {
            case COUNTER -> "counter";
            case TIMER -> "timer";
            case GAUGE -> "gauge";
            case DISTRIBUTION_SUMMARY -> "distribution_summary";
            case LONG_TASK_TIMER -> "long_task_timer";
            case OTHER -> "other";
        };
    }
}
