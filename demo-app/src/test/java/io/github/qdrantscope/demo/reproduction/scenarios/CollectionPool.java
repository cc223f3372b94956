package io.github.qdrantscope.demo.reproduction.scenarios;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.context.ApplicationContext;

/**
 * The legacy isolation technique: a fixed pool of collections handed out round-robin by a per-worker
 * {@code cycle()}. Every worker starts at the same collection, so concurrent workers share it; the pool
 * "works" only while nothing runs in parallel.
 */
public class CollectionPool {

    /** How many collections the pool has. */
    public static final int SIZE = 3;

    private static final ThreadLocal<int[]> NEXT = ThreadLocal.withInitial(() -> new int[1]);

    private final List<VectorStore> stores;

    CollectionPool(ApplicationContext context) {
        // Looked up (not injected): the pool stores are not autowire candidates, so the application's own
        // VectorStore injection points stay unambiguous.
        this.stores = IntStream.range(0, SIZE).mapToObj(i -> context.getBean(beanName(i), VectorStore.class)).toList();
    }

    static String beanName(int index) {
        return "poolStore" + index;
    }

    /** The next collection's store for the calling worker. */
    public VectorStore cycle() {
        int[] next = NEXT.get();
        return this.stores.get(next[0]++ % SIZE);
    }

    /** Starts every worker over at the first collection (before each launch). */
    public static void rewind() {
        NEXT.remove();
    }
}
