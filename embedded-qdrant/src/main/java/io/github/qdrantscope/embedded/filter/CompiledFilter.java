package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.function.Predicate;

/**
 * A filter compiled by {@link FilterEvaluator#compile}: the predicate, plus what a scan may use to
 * visit fewer points (a keyword every match must carry), as Qdrant plans a filtered search from its
 * payload indexes.
 */
public final class CompiledFilter implements Predicate<StoredPoint> {

    /**
     * A top-level {@code must} condition matching {@code keyword} exactly at the top-level payload
     * key {@code key} (a string, or a string inside an array): every point the filter accepts has it.
     */
    public record RequiredKeyword(String key, String keyword) {
    }

    private final FilterEvaluator.Node root;
    private final RequiredKeyword requiredKeyword;

    CompiledFilter(FilterEvaluator.Node root, RequiredKeyword requiredKeyword) {
        this.root = root;
        this.requiredKeyword = requiredKeyword;
    }

    @Override
    public boolean test(StoredPoint point) {
        return root.test(point.payload(), point);
    }

    /** A keyword every accepted point carries, or {@code null} when the filter implies none. */
    public RequiredKeyword requiredKeyword() {
        return requiredKeyword;
    }
}
