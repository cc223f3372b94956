package io.github.qdrantscope.rawdemo;

import java.util.List;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;

/**
 * Which documents an operation covers; every part is optional, {@link #ALL} covers every document.
 *
 * @param category only this category, or {@code null}
 * @param anyTags documents with at least one of these tags; empty for any
 * @param fromYear from this year on, or {@code null}
 * @param toYear up to this year, or {@code null}
 */
public record Criteria(String category, List<String> anyTags, Integer fromYear, Integer toYear) {

    public static final Criteria ALL = new Criteria(null, List.of(), null, null);

    public Criteria {
        anyTags = List.copyOf(anyTags);
    }

    public static Criteria category(String category) {
        return new Criteria(category, List.of(), null, null);
    }

    public static Criteria anyTag(String... tags) {
        return new Criteria(null, List.of(tags), null, null);
    }

    public static Criteria years(Integer from, Integer to) {
        return new Criteria(null, List.of(), from, to);
    }

    /** The Qdrant filter: an empty filter (every point) for {@link #ALL}. */
    Filter toFilter() {
        Filter.Builder filter = Filter.newBuilder();
        if (this.category != null) {
            filter.addMust(ConditionFactory.matchKeyword("category", this.category));
        }
        if (!this.anyTags.isEmpty()) {
            filter.addMust(ConditionFactory.matchKeywords("tags", this.anyTags));
        }
        if (this.fromYear != null || this.toYear != null) {
            Range.Builder range = Range.newBuilder();
            if (this.fromYear != null) {
                range.setGte(this.fromYear);
            }
            if (this.toYear != null) {
                range.setLte(this.toYear);
            }
            filter.addMust(ConditionFactory.range("year", range.build()));
        }
        return filter.build();
    }
}
