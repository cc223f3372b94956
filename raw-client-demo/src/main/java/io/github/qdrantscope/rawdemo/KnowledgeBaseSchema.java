package io.github.qdrantscope.rawdemo;

import java.util.List;

import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the knowledge base's collections at start-up when they do not exist yet: the hard-coded
 * {@value #DOCUMENTS} and {@value #CHUNKS}, {@value #DIMENSION}-dimensional Cosine vectors, with keyword payload
 * indexes on {@code category} (both) and {@code document_id} (chunks).
 */
@Component
public class KnowledgeBaseSchema implements ApplicationRunner {

    /** The documents' collection. */
    public static final String DOCUMENTS = "documents";

    /** The chunks' collection. */
    public static final String CHUNKS = "chunks";

    /** The vectors' size. */
    public static final int DIMENSION = 4;

    private static final Log logger = LogFactory.getLog(KnowledgeBaseSchema.class);

    private final QdrantClient client;

    public KnowledgeBaseSchema(QdrantClient client) {
        this.client = client;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureCollections();
    }

    /** Creates what is missing; returns the names of the collections it created. */
    public List<String> ensureCollections() {
        List<String> existing = Qdrant.await(this.client.listCollectionsAsync(), "list the collections");
        List<String> created = new java.util.ArrayList<>();
        for (String name : List.of(DOCUMENTS, CHUNKS)) {
            if (existing.contains(name) || Qdrant.await(this.client.collectionExistsAsync(name),
                    "check whether collection '" + name + "' exists")) {
                continue;
            }
            if (create(name)) {
                created.add(name);
            }
        }
        logger.info("Knowledge base collections: " + Qdrant.await(this.client.listCollectionsAsync(),
                "list the collections") + (created.isEmpty() ? "" : " (created " + created + ")"));
        return created;
    }

    private boolean create(String name) {
        try {
            Qdrant.await(this.client.createCollectionAsync(name,
                    VectorParams.newBuilder().setSize(DIMENSION).setDistance(Distance.Cosine).build()),
                    "create collection '" + name + "'");
        }
        catch (KnowledgeBaseException ex) {
            if (ex.status().getCode() == Status.Code.ALREADY_EXISTS) {
                return false; // another instance was quicker
            }
            throw ex;
        }
        index(name, "category");
        if (CHUNKS.equals(name)) {
            index(name, "document_id");
        }
        return true;
    }

    private void index(String collection, String field) {
        Qdrant.await(this.client.createPayloadIndexAsync(collection, field, PayloadSchemaType.Keyword, null, true,
                null, null), "index '" + field + "' in collection '" + collection + "'");
    }
}
