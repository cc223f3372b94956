package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.GeoMatchers;
import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.filter.QdrantDatetime;
import io.github.qdrantscope.embedded.search.Formula.Node;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-scores the union of a node's prefetch results by a {@link Formula}, as Qdrant 1.17's {@code FormulaScorer}
 * ({@code lib/segment/src/index/query_optimization/rescore_formula/formula_scorer.rs}, read at commit 29a1197c) and
 * {@code do_rescore_with_formula} ({@code lib/segment/src/segment/formula_rescore.rs}) do: every candidate is
 * evaluated in f64 and its score is the f32 of the result; the first point whose evaluation fails fails the query;
 * {@code score_threshold} keeps {@code score >= threshold} (qdrant/qdrant#8097, in 1.17.0); the best {@code limit}
 * remain, larger first (equal scores by id).
 */
final class FormulaScorer {

    private static final Comparator<Hit> BEST_FIRST = Comparator.comparing(Hit::score, Comparator.reverseOrder())
            .thenComparing(h -> h.point().id());

    private final Formula formula;
    private final List<Map<PointKey, Float>> prefetchScores;

    private FormulaScorer(Formula formula, List<List<Hit>> sources) {
        this.formula = formula;
        this.prefetchScores = new ArrayList<>(sources.size());
        for (List<Hit> source : sources) {
            Map<PointKey, Float> scores = new HashMap<>();
            for (Hit h : source) {
                // a later hit of the same point in one source replaces the earlier one (AHashMap collect)
                scores.put(h.point().id(), h.score());
            }
            prefetchScores.add(scores);
        }
    }

    static List<Hit> rescore(Formula formula, List<List<Hit>> sources, Iterable<StoredPoint> candidates,
            Float threshold, long limit) {
        FormulaScorer scorer = new FormulaScorer(formula, sources);
        List<Hit> hits = new ArrayList<>();
        for (StoredPoint point : candidates) {
            float score = scorer.score(point);
            if (threshold == null || score >= threshold) {
                hits.add(new Hit(point, score));
            }
        }
        hits.sort(BEST_FIRST);
        return hits.size() > limit ? new ArrayList<>(hits.subList(0, (int) limit)) : hits;
    }

    private float score(StoredPoint point) {
        double score = eval(formula.root(), point);
        float f = (float) score;
        if (!Float.isFinite(f)) {
            throw nonFinite(RustFloat.display(score) + " as f32 = " + RustFloat.display(f));
        }
        return f;
    }

    private double eval(Node node, StoredPoint p) {
        if (node instanceof Formula.Constant c) {
            return c.value();
        }
        if (node instanceof Formula.ScoreVar s) {
            return scoreVariable(s, p);
        }
        if (node instanceof Formula.PayloadVar v) {
            return number(v.key(), p);
        }
        if (node instanceof Formula.Condition c) {
            return c.test().test(p) ? 1.0 : 0.0;
        }
        if (node instanceof Formula.GeoDistance g) {
            double[] lonLat = FormulaValues.geoPoint(variable(g.key(), p, "geo point"), g.key());
            return GeoMatchers.haversine(g.lon(), g.lat(), lonLat[0], lonLat[1]);
        }
        if (node instanceof Formula.DatetimeConstant d) {
            return d.seconds();
        }
        if (node instanceof Formula.DatetimeKey d) {
            return Formula.micros(datetime(d.key(), p)) / 1_000_000.0;
        }
        if (node instanceof Formula.Mult m) {
            return mult(m, p);
        }
        if (node instanceof Formula.Sum s) {
            double acc = 0.0;
            for (Node term : s.terms()) {
                acc += eval(term, p);
            }
            return acc;
        }
        if (node instanceof Formula.Div d) {
            return div(d, p);
        }
        if (node instanceof Formula.Unary u) {
            return unary(u, p);
        }
        if (node instanceof Formula.Pow pw) {
            double base = eval(pw.base(), p);
            double exponent = eval(pw.exponent(), p);
            return finite(RustMath.powf(base, exponent), RustFloat.display(base) + "^" + RustFloat.display(exponent));
        }
        return decay((Formula.Decay) node, p);
    }

    private double scoreVariable(Formula.ScoreVar s, StoredPoint p) {
        if (s.index() < prefetchScores.size()) {
            Float score = prefetchScores.get(s.index()).get(p.id());
            if (score != null) {
                return score;
            }
        }
        // a default that is not a number counts as no default (`as_f64`)
        Double fallback = asF64(formula.defaults().get(s));
        return fallback == null ? 0.0 : fallback;
    }

    private double mult(Formula.Mult m, StoredPoint p) {
        double product = 1.0;
        for (Node factor : m.factors()) {
            double value = eval(factor, p);
            // Qdrant's shortcut: the remaining factors are not evaluated (nor their errors raised)
            if (value == 0.0) {
                return 0.0;
            }
            product *= value;
        }
        return product;
    }

    private double div(Formula.Div d, StoredPoint p) {
        double left = eval(d.left(), p);
        if (left == 0.0) {
            return 0.0;
        }
        double right = eval(d.right(), p);
        if (right == 0.0 && d.byZeroDefault() != null) {
            return d.byZeroDefault();
        }
        return finite(left / right, RustFloat.display(left) + "/" + RustFloat.display(right));
    }

    private double unary(Formula.Unary u, StoredPoint p) {
        double v = eval(u.arg(), p);
        String shown = RustFloat.display(v);
        return switch (u.fn()) {
            case NEG -> -v;
            case ABS -> Math.abs(v);
            case SQRT -> finite(Math.sqrt(v), "√" + shown);
            case EXP -> finite(Math.exp(v), "exp(" + shown + ")");
            case LOG10 -> finite(Math.log10(v), "log10(" + shown + ")");
            case LN -> finite(Math.log(v), "ln(" + shown + ")");
        };
    }

    private double decay(Formula.Decay d, StoredPoint p) {
        double x = eval(d.x(), p);
        double target = d.target() == null ? 0.0 : eval(d.target(), p);
        double lambda = d.lambda();
        return switch (d.kind()) {
            case EXP -> Math.exp(lambda * Math.abs(x - target));
            case GAUSS -> {
                double diff = x - target;
                yield Math.exp(lambda * diff * diff);
            }
            // Rust's f64::max returns the other operand when one is NaN
            case LIN -> RustMath.max(-lambda * Math.abs(x - target) + 1.0, 0.0);
        };
    }

    private static double finite(double value, String expression) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw nonFinite(expression + " = " + RustFloat.display(value));
    }

    private static RuntimeException nonFinite(String expression) {
        return QdrantErrors.wrongInput("The expression " + expression + " produced a non-finite number");
    }

    // ---- payload variables (get_parsed_payload_value and the payload retriever of value_retriever.rs) ----

    private double number(String key, StoredPoint p) {
        Value v = variable(key, p, "number");
        Double d = asF64(v);
        if (d == null) {
            throw typeError(key, "number", "Value is not a number");
        }
        return d;
    }

    private Instant datetime(String key, StoredPoint p) {
        Value v = variable(key, p, "datetime");
        if (v.getKindCase() != Value.KindCase.STRING_VALUE) {
            throw typeError(key, "datetime", "Value is not a string");
        }
        Instant instant = QdrantDatetime.parse(v.getStringValue());
        if (instant == null) {
            throw typeError(key, "datetime", Formula.NOT_A_DATETIME);
        }
        return instant;
    }

    /**
     * The point's one value at {@code key}, else the formula's default. Arrays are flattened unless the key ends
     * in {@code []}; several values make an array, which is neither a number, a geo point nor a string.
     */
    private Value variable(String key, StoredPoint p, String expected) {
        List<Value> values = FormulaValues.flattened(PayloadPaths.resolve(p.payload(), key), key);
        Value v = switch (values.size()) {
            case 0 -> formula.defaults().get(new Formula.PayloadVar(key));
            case 1 -> values.get(0);
            default -> FormulaValues.array(values);
        };
        if (v == null) {
            throw typeError(key, expected, "No value found in a payload nor defaults");
        }
        return v;
    }

    static RuntimeException typeError(String key, String expected, String description) {
        return QdrantErrors.wrongInput("Expected " + expected + " value for " + key
                + " in the payload and/or in the formula defaults. Error: " + description);
    }

    private static Double asF64(Value v) {
        if (v == null) {
            return null;
        }
        return switch (v.getKindCase()) {
            case INTEGER_VALUE -> (double) v.getIntegerValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            default -> null;
        };
    }
}
