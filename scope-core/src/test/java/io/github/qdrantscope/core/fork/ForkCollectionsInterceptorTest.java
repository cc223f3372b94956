package io.github.qdrantscope.core.fork;

import static io.github.qdrantscope.core.fork.ForkClients.createCollection;
import static io.github.qdrantscope.core.fork.ForkClients.error;
import static io.github.qdrantscope.core.fork.ForkClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two forks (two interceptors with different namespaces) and a plain client on one server, through the official
 * client over real gRPC: each fork works with "documents" and "chunks" as if it had Qdrant to itself.
 */
class ForkCollectionsInterceptorTest {

    private static final String A = "qdrant_scope_local-a683f017_f1";

    private static final String B = "qdrant_scope_local-a683f017_f2";

    private ForkClients qdrant;

    private QdrantClient forkA;

    private QdrantClient forkB;

    private QdrantClient plain;

    @BeforeEach
    void start() {
        this.qdrant = new ForkClients();
        this.forkA = this.qdrant.fork(A);
        this.forkB = this.qdrant.fork(B);
        this.plain = this.qdrant.plain();
    }

    @AfterEach
    void stop() {
        this.qdrant.close();
    }

    @Test
    void eachForkSeesOnlyItsOwnCollectionsUnderTheApplicationsNames() throws Exception {
        createCollection(this.plain, "documents", 2);
        upsert(this.plain, "documents", 100);
        for (QdrantClient fork : List.of(this.forkA, this.forkB)) {
            createCollection(fork, "documents", 2);
            createCollection(fork, "chunks", 2);
        }
        upsert(this.forkA, "documents", 1, 2);
        upsert(this.forkA, "chunks", 3);
        upsert(this.forkB, "documents", 7);

        assertThat(get(this.forkA.countAsync("documents"))).isEqualTo(2);
        assertThat(get(this.forkA.countAsync("chunks"))).isEqualTo(1);
        assertThat(get(this.forkB.countAsync("documents"))).isEqualTo(1);
        assertThat(get(this.forkB.countAsync("chunks"))).isZero();
        assertThat(ids(search(this.forkA, "documents"))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids(search(this.forkB, "documents"))).containsExactly(7L);

        assertThat(get(this.forkA.listCollectionsAsync())).containsExactlyInAnyOrder("documents", "chunks");
        assertThat(get(this.forkB.listCollectionsAsync())).containsExactlyInAnyOrder("documents", "chunks");
        assertThat(get(this.plain.listCollectionsAsync())).containsExactlyInAnyOrder("documents",
                A + "__documents", A + "__chunks", B + "__documents", B + "__chunks");

        createCollection(this.forkB, "only-b", 2);
        assertThat(get(this.forkB.collectionExistsAsync("only-b"))).isTrue();
        assertThat(get(this.forkA.collectionExistsAsync("only-b"))).isFalse();
        assertThat(get(this.forkA.collectionExistsAsync("documents"))).isTrue();

        // the foreign "documents" is untouched
        assertThat(get(this.plain.countAsync("documents"))).isEqualTo(1);
        assertThat(ids(search(this.plain, "documents"))).containsExactly(100L);
    }

    @Test
    void aForeignCollectionOfTheSameNameIsNeitherSeenNorTouched() throws Exception {
        createCollection(this.plain, "documents", 2);
        upsert(this.plain, "documents", 100);
        // another size: had the request reached the foreign collection, it would fail as ALREADY_EXISTS
        createCollection(this.forkA, "documents", 3);
        assertThat(get(this.forkA.getCollectionInfoAsync("documents")).getConfig().getParams().getVectorsConfig()
            .getParams().getSize()).isEqualTo(3);
        assertThat(get(this.forkA.countAsync("documents"))).isZero();

        get(this.forkA.deleteCollectionAsync("documents"));
        assertThat(get(this.forkA.collectionExistsAsync("documents"))).isFalse();
        assertThat(get(this.forkA.listCollectionsAsync())).isEmpty();
        assertThat(get(this.plain.listCollectionsAsync())).containsExactly("documents");
        assertThat(get(this.plain.countAsync("documents"))).isEqualTo(1);
    }

    @Test
    void deletingACollectionDeletesOnlyThatForks() throws Exception {
        createCollection(this.forkA, "documents", 2);
        createCollection(this.forkA, "chunks", 2);
        createCollection(this.forkB, "chunks", 2);

        get(this.forkA.deleteCollectionAsync("chunks"));

        assertThat(get(this.forkA.listCollectionsAsync())).containsExactly("documents");
        assertThat(get(this.forkB.listCollectionsAsync())).containsExactly("chunks");
        assertThat(get(this.plain.listCollectionsAsync())).containsExactlyInAnyOrder(A + "__documents",
                B + "__chunks");
    }

    @Test
    void aliasesAreCreatedListedRenamedAndDeletedPerFork() throws Exception {
        createCollection(this.plain, "documents", 2);
        get(this.plain.createAliasAsync("current", "documents"));
        for (QdrantClient fork : List.of(this.forkA, this.forkB)) {
            createCollection(fork, "documents", 2);
            createCollection(fork, "chunks", 2);
        }
        get(this.forkA.createAliasAsync("current", "documents"));
        get(this.forkB.createAliasAsync("current", "chunks"));
        upsert(this.forkA, "documents", 1);

        assertThat(aliases(this.forkA)).containsExactly(tuple("current", "documents"));
        assertThat(aliases(this.forkB)).containsExactly(tuple("current", "chunks"));
        assertThat(get(this.forkA.listCollectionAliasesAsync("documents"))).containsExactly("current");
        assertThat(get(this.forkA.listCollectionAliasesAsync("chunks"))).isEmpty();
        assertThat(aliases(this.plain)).containsExactlyInAnyOrder(tuple("current", "documents"),
                tuple(A + "__current", A + "__documents"), tuple(B + "__current", B + "__chunks"));
        // reads through the alias reach the fork's own collection
        assertThat(get(this.forkA.countAsync("current"))).isEqualTo(1);
        assertThat(get(this.forkB.countAsync("current"))).isZero();

        get(this.forkA.renameAliasAsync("current", "live"));
        assertThat(aliases(this.forkA)).containsExactly(tuple("live", "documents"));
        get(this.forkA.deleteAliasAsync("live"));
        assertThat(aliases(this.forkA)).isEmpty();
        assertThat(aliases(this.forkB)).containsExactly(tuple("current", "chunks"));
        assertThat(aliases(this.plain)).containsExactlyInAnyOrder(tuple("current", "documents"),
                tuple(B + "__current", B + "__chunks"));
    }

    @Test
    void namesAlreadyBoundToTheForkPassUnchanged() throws Exception {
        createCollection(this.forkA, A, 2);
        createCollection(this.forkA, A + "__manual", 2);
        upsert(this.forkA, A, 1);

        assertThat(get(this.plain.listCollectionsAsync())).containsExactlyInAnyOrder(A, A + "__manual");
        assertThat(get(this.plain.countAsync(A))).isEqualTo(1);
        assertThat(get(this.forkA.collectionExistsAsync(A))).isTrue();
        // ns is listed as itself; ns__manual as the name it maps back to
        assertThat(get(this.forkA.listCollectionsAsync())).containsExactlyInAnyOrder(A, "manual");
        assertThat(get(this.forkB.listCollectionsAsync())).isEmpty();
    }

    @Test
    void aNameTooLongForQdrantInTheForkFailsBeforeAnythingIsSent() throws Exception {
        List<Message> wire = ForkClients.wire();
        QdrantClient fork = this.qdrant.fork(A, wire);
        int room = 255 - A.length() - 2;
        String longest = "d".repeat(room);
        createCollection(fork, longest, 2);
        assertThat(get(this.plain.listCollectionsAsync())).containsExactly(A + "__" + longest);

        String tooLong = longest + "d";
        StatusRuntimeException tooLongCollection = error(fork.createCollectionAsync(tooLong,
                VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build()));
        assertThat(tooLongCollection.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(tooLongCollection.getStatus().getDescription()).isEqualTo("qdrant-scope: collection name '"
                + tooLong + "' (" + (room + 1) + " characters) becomes 256 characters in fork namespace '" + A
                + "', more than Qdrant's limit of 255; in this fork a collection name can have at most " + room
                + " characters (qdrant.Collections/Create, CreateCollection.collection_name)");

        StatusRuntimeException tooLongAlias = error(fork.createAliasAsync(tooLong, longest));
        assertThat(tooLongAlias.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(tooLongAlias.getStatus().getDescription()).startsWith("qdrant-scope: alias name '" + tooLong + "'")
            .contains("fork namespace '" + A + "'", "limit of 255", "CreateAlias.alias_name");

        assertThat(wire).hasSize(1);
        assertThat(get(this.plain.listCollectionsAsync())).containsExactly(A + "__" + longest);
        assertThat(get(this.plain.listAliasesAsync())).isEmpty();
    }

    @Test
    void errorsNameTheApplicationsCollectionAsAQdrantOfItsOwnWould() throws Exception {
        QdrantClient fresh = this.qdrant.fresh();
        createCollection(this.plain, "documents", 2);

        assertSameError(error(this.forkA.getCollectionInfoAsync("documents")),
                error(fresh.getCollectionInfoAsync("documents")), Status.Code.NOT_FOUND,
                "Not found: Collection `documents` doesn't exist!");
        assertSameError(error(this.forkA.countAsync("documents")), error(fresh.countAsync("documents")),
                Status.Code.NOT_FOUND, "Not found: Collection `documents` doesn't exist!");
        assertSameError(error(this.forkA.createAliasAsync("current", "documents")),
                error(fresh.createAliasAsync("current", "documents")), Status.Code.NOT_FOUND,
                "Not found: Collection `documents` doesn't exist!");
        assertSameError(error(this.forkA.renameAliasAsync("current", "live")),
                error(fresh.renameAliasAsync("current", "live")), Status.Code.NOT_FOUND,
                "Not found: Alias current does not exists!");

        createCollection(this.forkA, "documents", 2);
        createCollection(fresh, "documents", 2);
        assertSameError(error(this.forkA.createCollectionAsync("documents", params())),
                error(fresh.createCollectionAsync("documents", params())), Status.Code.ALREADY_EXISTS,
                "Wrong input: Collection `documents` already exists!");
    }

    private static void assertSameError(StatusRuntimeException seen, StatusRuntimeException fresh, Status.Code code,
            String description) {
        assertThat(fresh.getStatus().getCode()).isEqualTo(code);
        assertThat(fresh.getStatus().getDescription()).isEqualTo(description);
        assertThat(seen.getStatus().getCode()).isEqualTo(code);
        assertThat(seen.getStatus().getDescription()).isEqualTo(description);
    }

    private static VectorParams params() {
        return VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build();
    }

    private static void upsert(QdrantClient client, String collection, long... ids) throws Exception {
        List<PointStruct> points = new java.util.ArrayList<>();
        for (long id : ids) {
            points.add(PointStruct.newBuilder().setId(id(id)).setVectors(vectors(1f, 0f)).build());
        }
        get(client.upsertAsync(collection, points));
    }

    private static List<ScoredPoint> search(QdrantClient client, String collection) throws Exception {
        return get(client.searchAsync(SearchPoints.newBuilder()
            .setCollectionName(collection)
            .addAllVector(List.of(1f, 0f))
            .setLimit(10)
            .build()));
    }

    private static List<Long> ids(List<ScoredPoint> points) {
        return points.stream().map(point -> point.getId().getNum()).toList();
    }

    private static List<org.assertj.core.groups.Tuple> aliases(QdrantClient client) throws Exception {
        List<AliasDescription> aliases = get(client.listAliasesAsync());
        return aliases.stream().map(alias -> tuple(alias.getAliasName(), alias.getCollectionName())).toList();
    }
}
