package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeleteFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Full-text conditions on a text-indexed field against Qdrant's engine (Edge): per seed random
 * {@link TextIndexSteps#params text index params} (tokenizer word, whitespace, prefix or multilingual; lowercase, ascii_folding,
 * stopwords, stemmer, min/max_token_len, phrase_matching set or left to their defaults), the index created
 * before or after the first points, then writes (upserts, deletes, set_payload) and reads (scroll, count, a
 * filtered query) with text, text_any and phrase conditions (also as an upsert's update_filter), and now and
 * then the index dropped and created
 * again with other params. A third of the seeds store the texts in objects of an array and ask nested
 * conditions, which Qdrant checks against each text on its own. While it is dropped no full-text condition is asked: there the two differ on purpose
 * ({@link KnownExceptions#EDGE_TOKENIZES_UNINDEXED_TEXT}; the conformance suite checks the substring reading).
 */
class TextIndexDifferentialTest extends SeededDifferentialTest {

    static final int SEEDS = 16;
    private static final int POINTS = 20;

    @Test
    void textIndexConditionsAgreeWithQdrantsEngine() {
        assertSeedsAgree(Integer.getInteger("edge.text.seeds", SEEDS), (run, seed, random) -> run.run(seed,
                new Data(new Random(seed), List.of(new Data.Space("", 2, Distance.Dot))), steps(seed, random)));
    }

    private static List<Step> steps(long seed, Random random) {
        String collection = "text_diff_" + seed;
        TextIndexSteps text = new TextIndexSteps(random, random.nextInt(3) == 0);
        boolean arrays = random.nextInt(3) == 0;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Op.RESET, CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder().setSize(2)
                        .setDistance(Distance.Dot))).build()));
        boolean indexFirst = random.nextBoolean();
        if (indexFirst) {
            steps.add(createIndex(collection, text, arrays));
        }
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int id = 1; id <= POINTS; id++) {
            upsert.addPoints(point(id, text, text.doc(arrays), arrays));
        }
        steps.add(new Step(Step.Op.UPSERT, upsert.build()));
        if (!indexFirst) {
            steps.add(createIndex(collection, text, arrays));
        }
        boolean indexed = true;
        for (int i = 0; i < 30; i++) {
            int r = random.nextInt(20);
            if (r == 0) {
                if (indexed) {
                    steps.add(new Step(Step.Op.DELETE_INDEX, DeleteFieldIndexCollection.newBuilder()
                            .setCollectionName(collection).setFieldName(text.indexKey()).setWait(true).build()));
                    indexed = random.nextBoolean();
                } else {
                    indexed = true;
                }
                if (indexed) {
                    steps.add(createIndex(collection, text, arrays));
                }
            } else if (r == 1) {
                UpsertPoints.Builder u = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    u.addPoints(point(1 + random.nextInt(POINTS + 5), text, text.doc(arrays), arrays));
                }
                if (indexed && random.nextBoolean()) {
                    // a conditional upsert reads the filter through the index too (select_excluded_by_filter_ids)
                    u.setUpdateFilter(text.filter());
                }
                steps.add(new Step(Step.Op.UPSERT, u.build()));
            } else if (r == 2) {
                steps.add(new Step(Step.Op.DELETE, DeletePoints.newBuilder().setCollectionName(collection)
                        .setWait(true).setPoints(ids(1 + random.nextInt(POINTS + 5))).build()));
            } else if (r == 3) {
                Value doc = text.stored(text.doc(arrays), arrays);
                if (doc != null) {
                    steps.add(new Step(Step.Op.SET_PAYLOAD, SetPayloadPoints.newBuilder().setCollectionName(collection)
                            .setWait(true).putPayload(text.payloadKey(), doc)
                            .setPointsSelector(ids(1 + random.nextInt(POINTS + 5))).build()));
                }
            } else if (indexed) {
                steps.add(read(collection, text, random));
            }
        }
        return steps;
    }

    private static Step createIndex(String collection, TextIndexSteps text, boolean arrays) {
        return new Step(Step.Op.CREATE_INDEX, CreateFieldIndexCollection.newBuilder().setCollectionName(collection)
                .setFieldName(text.indexKey()).setFieldType(FieldType.FieldTypeText)
                .setFieldIndexParams(PayloadIndexParams.newBuilder().setTextIndexParams(text.params(arrays)))
                .setWait(true).build());
    }

    private static Step read(String collection, TextIndexSteps text, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Step(Step.Op.COUNT, CountPoints.newBuilder().setCollectionName(collection).setExact(true)
                    .setFilter(text.filter()).build());
            case 1 -> new Step(Step.Op.QUERY, QueryPoints.newBuilder().setCollectionName(collection)
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder()
                            .setDense(DenseVector.newBuilder().addData(1).addData(0))))
                    .setFilter(text.filter()).setLimit(5).build());
            default -> new Step(Step.Op.SCROLL, ScrollPoints.newBuilder().setCollectionName(collection).setLimit(100)
                    .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true)).setFilter(text.filter()).build());
        };
    }

    /** Point {@code id} scores {@code id} against the query [1, 0]: no ties. */
    private static PointStruct point(int id, TextIndexSteps text, Value doc, boolean arrays) {
        Value stored = text.stored(doc, arrays);
        PointStruct.Builder p = PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder().addData(id).addData(1)));
        if (stored != null) {
            p.putPayload(text.payloadKey(), stored);
        }
        return p.build();
    }

    private static PointsSelector ids(int id) {
        return PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder()
                .addIds(PointId.newBuilder().setNum(id))).build();
    }
}
