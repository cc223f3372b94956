package io.github.qdrantscope.demo.memory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;
import static io.qdrant.client.WithPayloadSelectorFactory.include;

/**
 * The reads the {@code VectorStore} API cannot express (get by id, newest-first paging, exact counts,
 * statistics), done with the raw {@link QdrantClient} the vector store uses. Every request carries a
 * filter on the project or the memory id, never a whole-collection scan, plus whatever conditions the
 * {@link CatalogFilterCustomizer} beans add.
 */
@Component
public class MemoryCatalog implements InitializingBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int STATS_BATCH = 256;

    private final QdrantClient client;
    private final String collection;
    private final String contentField;
    private final List<CatalogFilterCustomizer> filterCustomizers;

    public MemoryCatalog(VectorStore vectorStore, QdrantVectorStoreProperties properties,
            ObjectProvider<CatalogFilterCustomizer> filterCustomizers) {
        this.client = vectorStore.<QdrantClient>getNativeClient()
            .orElseThrow(() -> new IllegalStateException("The VectorStore bean (" + vectorStore.getName()
                    + ") is not backed by a QdrantClient; the memory catalog needs Qdrant"));
        this.collection = properties.getCollectionName();
        this.contentField = properties.getContentFieldName();
        this.filterCustomizers = filterCustomizers.orderedStream().toList();
    }

    /**
     * Creates the payload indexes the catalog filters and orders by. Qdrant treats re-creating an existing
     * index as a no-op, so every instance may do this at start-up.
     */
    @Override
    public void afterPropertiesSet() {
        createIndex(MemoryPayload.PROJECT, PayloadSchemaType.Keyword);
        createIndex(MemoryPayload.MEMORY_ID, PayloadSchemaType.Keyword);
        // Ordering by a field (newest first) requires a range index on it.
        createIndex(MemoryPayload.CREATED_AT, PayloadSchemaType.Float);
    }

    /** The memory with this id, if any. */
    public Optional<Memory> find(String id) {
        ScrollResponse response = await("find memory " + id, this.client.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(this.collection)
            .setFilter(filter(matchKeyword(MemoryPayload.MEMORY_ID, id)))
            .setLimit(1)
            .setWithPayload(enable(true))
            .build(), TIMEOUT));
        return response.getResultList().stream().findFirst().map(this::toMemory);
    }

    /** Exactly how many memories the project has. */
    public long count(String project) {
        return await("count memories of project " + project,
                this.client.countAsync(this.collection, projectFilter(project), true, TIMEOUT));
    }

    /** The project's newest {@code limit} memories, newest first. */
    public List<Memory> newest(String project, int limit) {
        ScrollResponse response = await("list memories of project " + project,
                this.client.scrollAsync(ScrollPoints.newBuilder()
                    .setCollectionName(this.collection)
                    .setFilter(projectFilter(project))
                    .setOrderBy(OrderBy.newBuilder().setKey(MemoryPayload.CREATED_AT).setDirection(Direction.Desc))
                    .setLimit(limit)
                    .setWithPayload(enable(true))
                    .build(), TIMEOUT));
        return response.getResultList().stream().map(this::toMemory).toList();
    }

    /** Counts the project's memories by tag and by scope, reading only those two payload fields. */
    public ProjectStats stats(String project) {
        Map<String, Long> byTag = new HashMap<>();
        Map<String, Long> byScope = new LinkedHashMap<>();
        for (MemoryScope scope : MemoryScope.values()) {
            byScope.put(scope.value(), 0L);
        }
        long total = 0;
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder()
                .setCollectionName(this.collection)
                .setFilter(projectFilter(project))
                .setLimit(STATS_BATCH)
                .setWithPayload(include(List.of(MemoryPayload.TAGS, MemoryPayload.SCOPE)));
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse response = await("read the tags of project " + project,
                    this.client.scrollAsync(request.build(), TIMEOUT));
            for (RetrievedPoint point : response.getResultList()) {
                total++;
                Map<String, JsonWithInt.Value> payload = point.getPayloadMap();
                byScope.merge(MemoryScope.of(payload.get(MemoryPayload.SCOPE).getStringValue()).value(), 1L, Long::sum);
                if (payload.containsKey(MemoryPayload.TAGS)) {
                    payload.get(MemoryPayload.TAGS).getListValue().getValuesList()
                        .forEach(tag -> byTag.merge(tag.getStringValue(), 1L, Long::sum));
                }
            }
            offset = response.hasNextPageOffset() ? response.getNextPageOffset() : null;
        }
        while (offset != null);
        return new ProjectStats(project, total, mostUsedFirst(byTag), byScope);
    }

    private static Map<String, Long> mostUsedFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private Memory toMemory(RetrievedPoint point) {
        return MemoryPayload.fromPayload(point.getPayloadMap(), this.contentField);
    }

    private Filter projectFilter(String project) {
        return filter(matchKeyword(MemoryPayload.PROJECT, project));
    }

    private Filter filter(Condition condition) {
        Filter.Builder filter = Filter.newBuilder().addMust(condition);
        this.filterCustomizers.forEach(customizer -> customizer.customize(filter));
        return filter.build();
    }

    private void createIndex(String field, PayloadSchemaType type) {
        await("create the " + field + " payload index",
                this.client.createPayloadIndexAsync(this.collection, field, type, null, true, null, TIMEOUT));
    }

    private <T> T await(String operation, Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MemoryStoreException("Interrupted while trying to " + operation, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
            throw new MemoryStoreException("Could not " + operation + " in Qdrant collection '" + this.collection
                    + "': " + cause.getMessage(), cause);
        }
    }
}
