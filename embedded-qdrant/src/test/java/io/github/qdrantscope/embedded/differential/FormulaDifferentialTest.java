package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DecayParamsExpression;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.DivExpression;
import io.qdrant.client.grpc.Points.Expression;
import io.qdrant.client.grpc.Points.Formula;
import io.qdrant.client.grpc.Points.GeoDistance;
import io.qdrant.client.grpc.Points.MultExpression;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PowExpression;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.SumExpression;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Query {@code formula} against Qdrant's engine (Edge): per seed a 3-dimensional Dot collection of 20 points whose
 * payloads hold, or lack, a number {@code a} (integer, double, an array of one or two, null), an integer {@code b},
 * a date-time {@code t}, a geo point {@code loc} and a keyword {@code tag}; then random formulas of depth up to 3
 * over every expression kind, with or without defaults, over one or two prefetches, with limit, offset and
 * threshold. A formula that fails on a point (missing value, non-finite result) must fail on both sides.
 */
class FormulaDifferentialTest extends SeededDifferentialTest {

    private static final int SEEDS = 16;
    private static final int POINTS = 20;
    private static final int QUERIES = 15;
    private static final String[] DAYS = {"2025-03-18T00:00:00Z", "2025-03-19", "2025-03-20 12:00", "2025-03-21T06:30:00+02:00"};


    @Test
    void formulaQueriesAgreeWithQdrantsEngine() {
        int ambiguous = assertSeedsAgree(SEEDS, (run, seed, random) -> run.run(seed,
                new Data(new Random(seed), List.of(new Data.Space("", 3, Distance.Dot))), steps(seed, random)));
        System.out.printf("FormulaDifferentialTest: %d seeds, %d queries only checked for success (ties at a"
                + " prefetch cut)%n", SEEDS, ambiguous);
    }

    private static List<Step> steps(long seed, Random random) {
        String collection = "formula_diff_" + seed;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Op.RESET, CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(3).setDistance(Distance.Dot))).build()));
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int id = 1; id <= POINTS; id++) {
            PointStruct.Builder p = PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                    .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder().setDense(dense(random))));
            Value a = numberA(random);
            if (a != null) {
                p.putPayload("a", a);
            }
            if (random.nextInt(4) != 0) {
                p.putPayload("b", integer(random.nextInt(7) - 2));
            }
            if (random.nextInt(3) != 0) {
                p.putPayload("t", Value.newBuilder().setStringValue(DAYS[random.nextInt(DAYS.length)]).build());
            }
            if (random.nextInt(3) != 0) {
                p.putPayload("loc", geo(random));
            }
            p.putPayload("tag", Value.newBuilder().setStringValue(random.nextBoolean() ? "x" : "y").build());
            upsert.addPoints(p);
        }
        steps.add(new Step(Step.Op.UPSERT, upsert.build()));
        for (int i = 0; i < QUERIES; i++) {
            steps.add(new Step(Step.Op.QUERY, query(collection, random)));
        }
        return steps;
    }

    private static Value numberA(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> Value.newBuilder().setDoubleValue((random.nextInt(17) - 4) / 4.0).build();
            case 2 -> list(integer(random.nextInt(5)));
            case 3 -> random.nextInt(4) == 0 ? list(integer(1), integer(2))
                    : Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            default -> integer(random.nextInt(10) - 3);
        };
    }

    private static Value integer(long v) {
        return Value.newBuilder().setIntegerValue(v).build();
    }

    private static Value list(Value... values) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(values))).build();
    }

    private static Value geo(Random random) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("lat", Value.newBuilder().setDoubleValue(random.nextInt(41) / 4.0 - 5).build())
                .putFields("lon", Value.newBuilder().setDoubleValue(random.nextInt(41) / 4.0 + 10).build())).build();
    }

    private static DenseVector dense(Random random) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (int i = 0; i < 3; i++) {
            d.addData((random.nextInt(9) - 4) / 4f);
        }
        return d.build();
    }

    private static QueryPoints query(String collection, Random random) {
        Formula.Builder f = Formula.newBuilder().setExpression(expression(random, 3));
        if (random.nextBoolean()) {
            f.putDefaults("a", Value.newBuilder().setDoubleValue(random.nextInt(9) / 2.0).build());
        }
        if (random.nextBoolean()) {
            f.putDefaults("b", integer(random.nextInt(5)));
        }
        if (random.nextBoolean()) {
            f.putDefaults("t", Value.newBuilder().setStringValue(DAYS[random.nextInt(DAYS.length)]).build());
        }
        if (random.nextBoolean()) {
            f.putDefaults("loc", geo(random));
        }
        if (random.nextInt(3) == 0) {
            f.putDefaults("$score[1]", Value.newBuilder().setDoubleValue(random.nextInt(5) / 4.0).build());
        }
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection).setLimit(1 + random.nextInt(10))
                .setQuery(Query.newBuilder().setFormula(f))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()));
        int prefetches = 1 + random.nextInt(2);
        for (int i = 0; i < prefetches; i++) {
            b.addPrefetch(PrefetchQuery.newBuilder().setLimit(3 + random.nextInt(13)).setQuery(Query.newBuilder()
                    .setNearest(VectorInput.newBuilder().setDense(dense(random)))));
        }
        if (random.nextInt(3) == 0) {
            b.setOffset(random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            b.setScoreThreshold((random.nextInt(9) - 2) / 4f);
        }
        return b.build();
    }

    private static Expression expression(Random random, int depth) {
        int kinds = depth == 0 ? 6 : 20;
        return switch (random.nextInt(kinds)) {
            case 0 -> Expression.newBuilder().setConstant((random.nextInt(17) - 8) / 4f).build();
            case 1 -> variable(random.nextBoolean() ? "$score" : "$score[1]");
            case 2 -> variable(random.nextBoolean() ? "a" : "b");
            case 3 -> Expression.newBuilder().setCondition(condition(random)).build();
            case 4 -> Expression.newBuilder().setGeoDistance(GeoDistance.newBuilder().setTo("loc")
                    .setOrigin(GeoPoint.newBuilder().setLat(random.nextInt(11) - 5).setLon(10 + random.nextInt(11))))
                    .build();
            case 5 -> decay(random, Expression.newBuilder().setDatetimeKey("t").build(),
                    Expression.newBuilder().setDatetime(DAYS[random.nextInt(DAYS.length)]).build(), 86_400f);
            case 6, 7 -> Expression.newBuilder().setMult(MultExpression.newBuilder()
                    .addMult(expression(random, depth - 1)).addMult(expression(random, depth - 1))).build();
            case 8, 9 -> Expression.newBuilder().setSum(SumExpression.newBuilder()
                    .addSum(expression(random, depth - 1)).addSum(expression(random, depth - 1))
                    .addSum(expression(random, depth - 1))).build();
            case 10 -> {
                DivExpression.Builder d = DivExpression.newBuilder().setLeft(expression(random, depth - 1))
                        .setRight(expression(random, depth - 1));
                if (random.nextBoolean()) {
                    d.setByZeroDefault(random.nextInt(5) - 2);
                }
                yield Expression.newBuilder().setDiv(d).build();
            }
            case 11 -> Expression.newBuilder().setNeg(expression(random, depth - 1)).build();
            case 12 -> Expression.newBuilder().setAbs(expression(random, depth - 1)).build();
            case 13 -> Expression.newBuilder().setSqrt(expression(random, depth - 1)).build();
            case 14 -> Expression.newBuilder().setPow(PowExpression.newBuilder().setBase(expression(random, depth - 1))
                    .setExponent(Expression.newBuilder().setConstant(random.nextInt(7) / 2f - 1))).build();
            case 15 -> Expression.newBuilder().setExp(expression(random, depth - 1)).build();
            case 16 -> Expression.newBuilder().setLog10(expression(random, depth - 1)).build();
            case 17 -> Expression.newBuilder().setLn(expression(random, depth - 1)).build();
            default -> decay(random, expression(random, depth - 1),
                    random.nextBoolean() ? expression(random, depth - 1) : null, 1 + random.nextInt(4));
        };
    }

    private static Expression variable(String name) {
        return Expression.newBuilder().setVariable(name).build();
    }

    private static Condition condition(Random random) {
        FieldCondition.Builder f = random.nextBoolean()
                ? FieldCondition.newBuilder().setKey("tag").setMatch(Match.newBuilder().setKeyword("x"))
                : FieldCondition.newBuilder().setKey("b").setRange(Range.newBuilder().setGte(random.nextInt(5) - 2));
        return Condition.newBuilder().setField(f).build();
    }

    private static Expression decay(Random random, Expression x, Expression target, float scale) {
        DecayParamsExpression.Builder d = DecayParamsExpression.newBuilder().setX(x);
        if (target != null) {
            d.setTarget(target);
        }
        if (random.nextBoolean()) {
            d.setScale(scale);
        }
        if (random.nextBoolean()) {
            d.setMidpoint((1 + random.nextInt(7)) / 8f);
        }
        Expression.Builder e = Expression.newBuilder();
        return switch (random.nextInt(3)) {
            case 0 -> e.setExpDecay(d).build();
            case 1 -> e.setGaussDecay(d).build();
            default -> e.setLinDecay(d).build();
        };
    }
}
