package io.github.qdrantscope.autoconfigure.scope;

import java.lang.reflect.Method;
import java.util.List;

import io.github.qdrantscope.core.metrics.ContentionKind;

import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;

/** The vector-store methods the proxy rewrites; everything else passes straight through. */
enum VectorStoreOperation {

    ADD("add", ContentionKind.UNSCOPED_WRITE),
    DELETE_IDS("delete", ContentionKind.UNSCOPED_DELETE),
    DELETE_FILTER("delete", ContentionKind.UNSCOPED_DELETE),
    DELETE_FILTER_TEXT("delete", ContentionKind.UNSCOPED_DELETE),
    SEARCH("search", ContentionKind.UNSCOPED_READ),
    SEARCH_TEXT("search", ContentionKind.UNSCOPED_READ);

    final String meterName;

    final ContentionKind unscopedKind;

    VectorStoreOperation(String meterName, ContentionKind unscopedKind) {
        this.meterName = meterName;
        this.unscopedKind = unscopedKind;
    }

    /**
     * The operation a call performs. The public {@code do*} methods of Spring AI's stores are covered
     * too, so calling them directly does not bypass the scope; {@code accept}/{@code write} are the
     * {@code DocumentWriter} spellings of {@code add}.
     */
    static VectorStoreOperation of(Method method, Object[] args) {
        if (args.length != 1) {
            return null;
        }
        Object arg = args[0];
        return switch (method.getName()) {
            case "add", "doAdd", "accept", "write" -> (arg instanceof List<?>) ? ADD : null;
            case "delete", "doDelete" -> {
                if (arg instanceof List<?>) {
                    yield DELETE_IDS;
                }
                if (arg instanceof String) {
                    // VectorStore.delete(String) takes a filter expression in text form, not an id.
                    yield DELETE_FILTER_TEXT;
                }
                yield (arg instanceof Filter.Expression) ? DELETE_FILTER : null;
            }
            case "similaritySearch", "doSimilaritySearch" -> {
                if (arg instanceof SearchRequest) {
                    yield SEARCH;
                }
                yield (arg instanceof String && method.getName().equals("similaritySearch")) ? SEARCH_TEXT : null;
            }
            default -> null;
        };
    }
}
