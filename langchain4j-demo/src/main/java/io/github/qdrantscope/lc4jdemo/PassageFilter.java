package io.github.qdrantscope.lc4jdemo;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import java.util.List;
import java.util.Objects;

import dev.langchain4j.store.embedding.filter.Filter;

/**
 * Which passages a search (or a removal) considers, as LangChain4j metadata filters: the store turns them into
 * Qdrant payload filters. Combine with {@link #and}.
 */
public final class PassageFilter {

    private static final PassageFilter ANY = new PassageFilter(null, "any");

    private final Filter filter;

    private final String description;

    private PassageFilter(Filter filter, String description) {
        this.filter = filter;
        this.description = description;
    }

    /** Every passage. */
    public static PassageFilter any() {
        return ANY;
    }

    /** Passages of documents in {@code category}. */
    public static PassageFilter category(String category) {
        return new PassageFilter(metadataKey(SegmentFields.CATEGORY).isEqualTo(category), "category=" + category);
    }

    /** Passages of documents in any of {@code categories}. */
    public static PassageFilter categories(String... categories) {
        return new PassageFilter(metadataKey(SegmentFields.CATEGORY).isIn(List.of(categories)),
                "category in " + List.of(categories));
    }

    /** Passages of documents not in {@code category}. */
    public static PassageFilter notCategory(String category) {
        return new PassageFilter(metadataKey(SegmentFields.CATEGORY).isNotEqualTo(category), "category!=" + category);
    }

    /** Passages of one document. */
    public static PassageFilter document(String documentId) {
        return new PassageFilter(metadataKey(SegmentFields.DOCUMENT_ID).isEqualTo(documentId),
                "document=" + documentId);
    }

    /** Passages of documents published in {@code from}..{@code to}, both included. */
    public static PassageFilter publishedBetween(int from, int to) {
        return new PassageFilter(metadataKey(SegmentFields.YEAR).isGreaterThanOrEqualTo(from)
            .and(metadataKey(SegmentFields.YEAR).isLessThanOrEqualTo(to)), "year in " + from + ".." + to);
    }

    /** Passages of documents published before {@code year}. */
    public static PassageFilter publishedBefore(int year) {
        return new PassageFilter(metadataKey(SegmentFields.YEAR).isLessThan(year), "year<" + year);
    }

    /** Passages whose text contains {@code fragment} (case-sensitive, as Qdrant's text match without an index). */
    public static PassageFilter textContains(String fragment) {
        return new PassageFilter(metadataKey(SegmentFields.TEXT).containsString(fragment), "text~" + fragment);
    }

    /** Passages both filters let through. */
    public PassageFilter and(PassageFilter other) {
        Objects.requireNonNull(other, "other");
        if (this.filter == null) {
            return other;
        }
        if (other.filter == null) {
            return this;
        }
        return new PassageFilter(this.filter.and(other.filter), this.description + " and " + other.description);
    }

    /** Passages this filter excludes. */
    public PassageFilter negate() {
        if (this.filter == null) {
            throw new IllegalStateException("'any' has no negation: it would match nothing");
        }
        return new PassageFilter(Filter.not(this.filter), "not(" + this.description + ")");
    }

    /** The LangChain4j filter, or {@code null} for {@link #any()} (the store's "no filter"). */
    Filter toFilter() {
        return this.filter;
    }

    @Override
    public String toString() {
        return this.description;
    }
}
