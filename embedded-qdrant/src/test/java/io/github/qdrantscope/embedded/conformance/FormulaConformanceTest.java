package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.obj;
import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.github.qdrantscope.embedded.conformance.Payloads.value;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ExpressionFactory.abs;
import static io.qdrant.client.ExpressionFactory.condition;
import static io.qdrant.client.ExpressionFactory.constant;
import static io.qdrant.client.ExpressionFactory.datetime;
import static io.qdrant.client.ExpressionFactory.datetimeKey;
import static io.qdrant.client.ExpressionFactory.div;
import static io.qdrant.client.ExpressionFactory.expDecay;
import static io.qdrant.client.ExpressionFactory.gaussDecay;
import static io.qdrant.client.ExpressionFactory.geoDistance;
import static io.qdrant.client.ExpressionFactory.linDecay;
import static io.qdrant.client.ExpressionFactory.ln;
import static io.qdrant.client.ExpressionFactory.mult;
import static io.qdrant.client.ExpressionFactory.negate;
import static io.qdrant.client.ExpressionFactory.pow;
import static io.qdrant.client.ExpressionFactory.sqrt;
import static io.qdrant.client.ExpressionFactory.sum;
import static io.qdrant.client.ExpressionFactory.variable;
import static io.qdrant.client.QueryFactory.formula;
import static io.qdrant.client.QueryFactory.nearest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.DecayParamsExpression;
import io.qdrant.client.grpc.Points.DivExpression;
import io.qdrant.client.grpc.Points.Expression;
import io.qdrant.client.grpc.Points.Formula;
import io.qdrant.client.grpc.Points.GeoDistance;
import io.qdrant.client.grpc.Points.MultExpression;
import io.qdrant.client.grpc.Points.PowExpression;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SumExpression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Query {@code formula} (score boosting) over real gRPC. Dot collection: point 1 [1, 0], 2 [0.5, 0], 3 [0.25, 0],
 * so the prefetch {@code nearest [1, 0]} scores them 1, 0.5 and 0.25. The evaluation follows Qdrant 1.17's
 * {@code lib/segment/src/index/query_optimization/rescore_formula/formula_scorer.rs}; the scores of the decay and
 * geo cases and the validation texts are what Qdrant's engine (Edge 0.9.0) answered for the same formulas.
 */
class FormulaConformanceTest extends ConformanceTestBase {

    private String c;

    @BeforeEach
    void points() {
        c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("price", 2, "tags", List.of(3, 4), "one", List.of(5.5),
                        "t", "2025-03-18T00:00:00Z", "n", null, "loc", obj("lat", 10, "lon", 20), "name", "x")),
                point(2, new float[] {0.5f, 0}, payload("price", 1.5)),
                point(3, new float[] {0.25f, 0}, payload()));
    }

    private QueryPoints.Builder boosted(Expression expression, Map<String, Object> defaults) {
        Formula.Builder f = Formula.newBuilder().setExpression(expression);
        defaults.forEach((k, v) -> f.putDefaults(k, value(v)));
        return QueryPoints.newBuilder().setCollectionName(c).setQuery(formula(f.build()))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1, 0)).setLimit(10));
    }

    private List<ScoredPoint> run(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    private List<ScoredPoint> run(Expression expression, Map<String, Object> defaults) {
        return run(boosted(expression, defaults));
    }

    private void assertWrongInput(Expression expression, Map<String, Object> defaults, String detail) {
        assertGrpcError(() -> run(expression, defaults), Status.Code.INVALID_ARGUMENT, "Wrong input: " + detail);
    }

    private static Expression sumOf(Expression... terms) {
        return sum(SumExpression.newBuilder().addAllSum(List.of(terms)).build());
    }

    private static Expression multOf(Expression... factors) {
        return mult(MultExpression.newBuilder().addAllMult(List.of(factors)).build());
    }

    @Test
    void scoreAndPayloadVariablesRankLargerFirstWithDefaultsForMissingKeys() {
        // $score + 0.5 * price; point 3 has no price and takes the default 4
        List<ScoredPoint> hits = run(sumOf(variable("$score"), multOf(variable("price"), constant(0.5f))),
                Map.of("price", 4));
        assertThat(idsOf(hits)).containsExactly(3L, 1L, 2L);
        assertThat(scoresOf(hits)).containsExactly(2.25f, 2f, 1.25f);
        // offset and limit apply to the re-scored list
        assertThat(idsOf(run(boosted(variable("price"), Map.of("price", 4)).setOffset(1).setLimit(1))))
                .containsExactly(1L);
    }

    @Test
    void scoreThresholdIsInclusive() {
        // do_rescore_with_formula keeps `score >= threshold` (qdrant/qdrant#8097, in 1.17.0); Edge agrees
        assertThat(idsOf(run(boosted(variable("$score"), Map.of()).setScoreThreshold(0.5f))))
                .containsExactly(1L, 2L);
    }

    @Test
    void scoreOfAPrefetchThatMissedThePointIsItsDefaultOrZero() {
        QueryPoints.Builder q = boosted(sumOf(variable("$score[0]"), variable("$score[1]")), Map.of())
                .clearPrefetch()
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1, 0)).setLimit(1))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1, 0)).setLimit(3));
        assertThat(scoresOf(run(q))).containsExactly(2f, 0.5f, 0.25f);
        q.setQuery(formula(Formula.newBuilder().setExpression(sumOf(variable("$score[0]"), variable("$score[1]")))
                .putDefaults("$score[0]", value(10)).build()));
        List<ScoredPoint> withDefault = run(q);
        assertThat(idsOf(withDefault)).containsExactly(2L, 3L, 1L);
        assertThat(scoresOf(withDefault)).containsExactly(10.5f, 10.25f, 2f);
        // an index beyond the prefetches reads 0 (DEFAULT_SCORE)
        assertThat(scoresOf(run(boosted(variable("$score[5]"), Map.of())))).containsExactly(0f, 0f, 0f);
    }

    @Test
    void payloadArraysNullsAndMissingKeys() {
        // value_retriever.rs flattens arrays: one element is that number, several are not a number
        assertThat(scoresOf(run(variable("one"), Map.of("one", 0)))).containsExactly(5.5f, 0f, 0f);
        assertWrongInput(variable("tags"), Map.of("tags", 0),
                "Expected number value for tags in the payload and/or in the formula defaults. Error: Value is not a"
                        + " number");
        assertWrongInput(variable("n"), Map.of("n", 9),
                "Expected number value for n in the payload and/or in the formula defaults. Error: Value is not a"
                        + " number");
        // point 3 has no price
        assertWrongInput(variable("price"), Map.of(),
                "Expected number value for price in the payload and/or in the formula defaults. Error: No value found"
                        + " in a payload nor defaults");
        // a multiplication stops at a zero factor: the missing key is never read
        assertThat(scoresOf(run(multOf(constant(0), variable("missing")), Map.of()))).containsExactly(0f, 0f, 0f);
    }

    @Test
    void divisionAndNonFiniteResults() {
        Expression byZero = div(DivExpression.newBuilder().setLeft(constant(1)).setRight(constant(0)).build());
        assertWrongInput(byZero, Map.of(), "The expression 1/0 = inf produced a non-finite number");
        assertThat(scoresOf(run(div(DivExpression.newBuilder().setLeft(constant(1)).setRight(constant(0))
                .setByZeroDefault(3).build()), Map.of()))).containsExactly(3f, 3f, 3f);
        // a zero numerator returns 0 before the divisor is read
        assertThat(scoresOf(run(div(DivExpression.newBuilder().setLeft(constant(0)).setRight(variable("missing"))
                .build()), Map.of()))).containsExactly(0f, 0f, 0f);
        assertWrongInput(sqrt(constant(-3)), Map.of(), "The expression √-3 = NaN produced a non-finite number");
        assertWrongInput(ln(constant(0)), Map.of(), "The expression ln(0) = -inf produced a non-finite number");
        // finite in f64, infinite as the f32 score (FormulaScorer::score)
        assertWrongInput(pow(PowExpression.newBuilder().setBase(constant(10)).setExponent(constant(300)).build()),
                Map.of(), "The expression 1" + "0".repeat(300) + " as f32 = inf produced a non-finite number");
        List<ScoredPoint> hits = run(abs(negate(sumOf(variable("$score"), constant(-1)))), Map.of());
        assertThat(idsOf(hits)).containsExactly(3L, 2L, 1L);
        assertThat(scoresOf(hits)).containsExactly(0.75f, 0.5f, 0f);
    }

    @Test
    void conditionsGeoDistanceDatetimesAndDecays() {
        List<ScoredPoint> cond = run(sumOf(variable("$score"), condition(range("price",
                Range.newBuilder().setLt(1.8).build()))), Map.of());
        assertThat(idsOf(cond)).containsExactly(2L, 1L, 3L);
        assertThat(scoresOf(cond)).containsExactly(1.5f, 1f, 0.25f);
        assertThat(scoresOf(run(condition(matchKeyword("name", "x")), Map.of()))).containsExactly(1f, 0f, 0f);

        // metres by the haversine formula; one degree of latitude, as Edge 0.9.0 scored it
        Expression geo = geoDistance(GeoDistance.newBuilder().setTo("loc")
                .setOrigin(GeoPoint.newBuilder().setLat(11).setLon(20)).build());
        assertThat(scoresOf(run(geo, Map.of("loc", obj("lat", 10, "lon", 20)))))
                .containsExactly(111195.078125f, 111195.078125f, 111195.078125f);
        assertWrongInput(geo, Map.of(), "Expected geo point value for loc in the payload and/or in the formula"
                + " defaults. Error: No value found in a payload nor defaults");

        // date-times are seconds since the epoch
        List<ScoredPoint> times = run(datetimeKey("t"), Map.of("t", "2025-03-19T00:00:00Z"));
        assertThat(idsOf(times)).containsExactly(2L, 3L, 1L);
        assertThat(scoresOf(times)).containsExactly(1742342400f, 1742342400f, 1742256000f);
        // exp decay with scale one day and midpoint 0.5: one day from the target gives 0.5
        Expression decay = expDecay(DecayParamsExpression.newBuilder().setX(datetimeKey("t"))
                .setTarget(datetime("2025-03-19T00:00:00Z")).setScale(86_400).setMidpoint(0.5f).build());
        assertThat(scoresOf(run(decay, Map.of("t", "2025-03-19T00:00:00Z")))).containsExactly(1f, 1f, 0.5f);
        List<ScoredPoint> gauss = run(gaussDecay(DecayParamsExpression.newBuilder().setX(variable("$score"))
                .setTarget(constant(0.3f)).setMidpoint(0.3f).setScale(2).build()), Map.of());
        assertThat(idsOf(gauss)).containsExactly(3L, 2L, 1L);
        assertThat(scoresOf(gauss)).containsExactly(0.9992477893829346f, 0.9880324602127075f, 0.8628739714622498f);
        // linear decay with the defaults (target 0, scale 1, midpoint 0.5): 1 - 0.5 |x|
        assertThat(scoresOf(run(linDecay(DecayParamsExpression.newBuilder().setX(variable("$score")).build()),
                Map.of()))).containsExactly(0.875f, 0.75f, 0.5f);
    }

    @Test
    void invalidFormulasAnswerQdrantsTexts() {
        assertWrongInput(variable("$foo"), Map.of(),
                "Validation failed: failed to parse variable ID $foo: Invalid reserved word: $foo");
        assertWrongInput(variable("$score.x"), Map.of(),
                "Validation failed: failed to parse variable ID $score.x: Invalid reserved variable: $score.x");
        assertWrongInput(variable(""), Map.of(),
                "Validation failed: failed to parse variable ID : Invalid payload variable: ");
        assertWrongInput(datetime("yesterday"), Map.of(),
                "Validation failed: failed to parse date-time yesterday: input contains invalid characters");
        assertWrongInput(expDecay(DecayParamsExpression.newBuilder().setX(constant(1)).setMidpoint(1.5f).build()),
                Map.of(), "Validation failed: Decay midpoint should be in the range (0.0, 1.0), got 1.5.");
        assertWrongInput(linDecay(DecayParamsExpression.newBuilder().setX(constant(1)).setScale(0).build()),
                Map.of(), "Validation failed: Decay scale should be non-zero positive, got 0.");
        // the gRPC conversion (lib/shard/src/query/formula.rs) answers bare INVALID_ARGUMENT texts
        assertGrpcError(() -> run(QueryPoints.newBuilder().setCollectionName(c)
                        .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1, 0)))
                        .setQuery(formula(Formula.getDefaultInstance()))),
                Status.Code.INVALID_ARGUMENT, "missing field: expression");
        assertGrpcError(() -> run(div(DivExpression.newBuilder().setLeft(constant(1)).build()), Map.of()),
                Status.Code.INVALID_ARGUMENT, "missing field: right");
        // planned_query.rs: a formula only re-scores prefetch results
        assertGrpcError(() -> run(boosted(constant(1), Map.of()).clearPrefetch()), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Validation failed: cannot apply Formula without prefetches");
    }
}
