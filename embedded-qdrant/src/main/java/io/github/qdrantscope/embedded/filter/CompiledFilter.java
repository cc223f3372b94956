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
    private final boolean onlyRequiredKeyword;

    CompiledFilter(FilterEvaluator.Node root, RequiredKeyword requiredKeyword, boolean onlyRequiredKeyword) {
        this.root = root;
        this.requiredKeyword = requiredKeyword;
        this.onlyRequiredKeyword = onlyRequiredKeyword;
    }

    @Override
    public boolean test(StoredPoint point) {
        return root.test(point.payload(), point);
    }

    /** A keyword every accepted point carries, or {@code null} when the filter implies none. */
    public RequiredKeyword requiredKeyword() {
        return requiredKeyword;
    }

    /**
     * Whether the filter is nothing but its {@link #requiredKeyword()} condition, so a point holding
     * the keyword matches without evaluating it.
     */
    public boolean onlyRequiredKeyword() {
        return onlyRequiredKeyword;
    }
}
