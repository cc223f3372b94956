package io.github.qdrantscope.benchmarks.wire;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import io.github.qdrantscope.benchmarks.Dataset;
import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An embedded Qdrant with two official clients on connections of their own: {@link #plain()}, as an
 * application without qdrant-scope has it, and {@link #scoped()}, the same client given a
 * {@link ProjectScopeInterceptor} the way the starter scopes every {@code QdrantClient} bean
 * ({@link ScopedQdrantClients#scoped}, a {@code ScopedChannel} over the client's own channel).
 */
final class WireFixture implements AutoCloseable {

    /** The payload key scoped points carry their project in; the starter indexes it. */
    static final String KEY = ScopedProject.DEFAULT_KEY;

    /** The application's own small payload besides {@link Dataset#TENANT_KEY}. */
    static final String RANK_KEY = "rank";

    private final QdrantFixture qdrant;

    private final QdrantClient scoped;

    private final ScopedProjects projects;

    private WireFixture(QdrantFixture qdrant, QdrantClient scoped, ScopedProjects projects) {
        this.qdrant = qdrant;
        this.scoped = scoped;
        this.projects = projects;
    }

    static WireFixture start() {
        QdrantFixture qdrant = QdrantFixture.start();
        try {
            ScopedProjects projects = new ScopedProjects();
            QdrantClient scoped = ScopedQdrantClients.scoped(QdrantFixture.connect(qdrant.server()),
                    interceptor(projects));
            return new WireFixture(qdrant, scoped, projects);
        } catch (RuntimeException e) {
            qdrant.close();
            throw e;
        }
    }

    /**
     * The interceptor as the starter builds it for {@code qdrant-scope.unscoped=allow}, every collection
     * guarded, metrics off: calls outside a scope are inspected and allowed.
     */
    static ProjectScopeInterceptor interceptor(ScopedProjects projects) {
        return new ProjectScopeInterceptor(projects,
                new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> NoOpScopeMetrics.INSTANCE), name -> true);
    }

    /** Project {@code index} under a fixed name, so every benchmark fork stores byte-identical data. */
    static ProjectScope project(int index) {
        return new ProjectScope(String.format(Locale.ROOT, "wirebench%d-%08x", index, index), KEY);
    }

    /** The server both clients talk to. */
    EmbeddedQdrant server() {
        return qdrant.server();
    }

    /** The client without the interceptor. */
    QdrantClient plain() {
        return qdrant.client();
    }

    /** The client whose calls go through the {@link ProjectScopeInterceptor}. */
    QdrantClient scoped() {
        return scoped;
    }

    ScopedProjects projects() {
        return projects;
    }

    /**
     * Creates (or replaces) a Cosine collection with keyword indexes on {@link Dataset#TENANT_KEY} and on
     * the project key, as the starter creates on its collections.
     */
    void createCollection(String name, int dimension) {
        qdrant.createCollection(name, dimension);
        QdrantFixture.await(plain().createPayloadIndexAsync(name, KEY, PayloadSchemaType.Keyword, null, true,
                null, null));
    }

    /**
     * Writes points {@code [from, from + count)} of {@code dataset} into {@code project} through the scoped
     * client, as application ids {@code 0 .. count-1}: every project uses the same application ids, as
     * tests do, and namespacing keeps them apart.
     */
    void loadProject(String collection, ProjectScope project, Dataset dataset, int from, int count, int batch) {
        try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
            for (int start = 0; start < count; start += batch) {
                int end = Math.min(start + batch, count);
                List<PointStruct> points = new ArrayList<>(end - start);
                for (int id = start; id < end; id++) {
                    points.add(point(id, dataset, from + id));
                }
                QdrantFixture.await(scoped.upsertAsync(upsert(collection, points)));
            }
        }
    }

    /** Application point {@code id} with vector and tenant of point {@code index} of {@code dataset}. */
    static PointStruct point(long id, Dataset dataset, int index) {
        return PointStruct.newBuilder()
                .setId(id(id))
                .setVectors(vectors(dataset.vector(index)))
                .putPayload(Dataset.TENANT_KEY, value(dataset.tenant(index)))
                .putPayload(RANK_KEY, value(id))
                .build();
    }

    static UpsertPoints upsert(String collection, List<PointStruct> points) {
        return UpsertPoints.newBuilder().setCollectionName(collection).setWait(true).addAllPoints(points).build();
    }

    @Override
    public void close() {
        try {
            scoped.close();
        } finally {
            qdrant.close();
        }
    }
}
