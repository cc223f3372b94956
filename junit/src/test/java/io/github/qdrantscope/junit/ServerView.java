package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;

import io.github.qdrantscope.core.ProjectScope;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Common.Filter;

/** A client of its own on the server, neither mapped nor scoped: what is really stored. */
final class ServerView implements AutoCloseable {

    private final QdrantClient client;

    private final QdrantScopeEndpoint endpoint;

    ServerView(QdrantScopeEndpoint endpoint) {
        this.endpoint = endpoint;
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), false, false);
        if (endpoint.apiKey() != null) {
            grpc.withApiKey(endpoint.apiKey());
        }
        this.client = new QdrantClient(grpc.build());
    }

    QdrantClient client() {
        return this.client;
    }

    /** Points of {@code scope} stored in the application collection {@code collection}. */
    long count(String collection, ProjectScope scope) throws Exception {
        return get(this.client.countAsync(this.endpoint.serverCollection(collection), Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build(), true));
    }

    /** Deletes {@code scope}'s points (what a NEVER cleanup leaves for the user). */
    void delete(String collection, ProjectScope scope) throws Exception {
        get(this.client.deleteAsync(this.endpoint.serverCollection(collection), Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build()));
    }

    @Override
    public void close() {
        this.client.close();
    }
}
