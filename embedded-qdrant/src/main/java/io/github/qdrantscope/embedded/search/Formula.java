package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.filter.QdrantDatetime;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DecayParamsExpression;
import io.qdrant.client.grpc.Points.Expression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A score-boosting formula ({@code Query.formula}) parsed as Qdrant 1.17 parses it, in two passes like Qdrant's:
 * the gRPC conversion ({@code TryFrom<grpc::Expression> for ExpressionInternal}, {@code lib/shard/src/query/formula.rs},
 * read at commit 0281cd19) refuses missing fields with a bare {@code INVALID_ARGUMENT}, then
 * {@code parse_and_convert} ({@code ParsedFormula}, {@code rescore_formula/parsed_formula.rs} at 00bb9b74) parses
 * variables, date-times and decay parameters, failing with {@code Wrong input: Validation failed: ...}.
 */
record Formula(Node root, Map<Object, Value> defaults) {

    /** A parsed expression. */
    sealed interface Node {
    }

    record Constant(double value) implements Node {
    }

    /** {@code $score[index]}; also a key of {@link #defaults}. */
    record ScoreVar(int index) implements Node {
    }

    /** A payload key; also a key of {@link #defaults}. */
    record PayloadVar(String key) implements Node {
    }

    record Condition(Predicate<StoredPoint> test) implements Node {
    }

    record GeoDistance(double lat, double lon, String key) implements Node {
    }

    record DatetimeConstant(double seconds) implements Node {
    }

    record DatetimeKey(String key) implements Node {
    }

    record Mult(List<Node> factors) implements Node {
    }

    record Sum(List<Node> terms) implements Node {
    }

    record Div(Node left, Node right, Double byZeroDefault) implements Node {
    }

    enum Fn { NEG, ABS, SQRT, EXP, LOG10, LN }

    record Unary(Fn fn, Node arg) implements Node {
    }

    record Pow(Node base, Node exponent) implements Node {
    }

    enum DecayKind { LIN, EXP, GAUSS }

    record Decay(DecayKind kind, Node x, Node target, double lambda) implements Node {
    }

    private static final Pattern SCORE = Pattern.compile("score(?:\\[(\\d{1,9})])?");

    /** Checks the wire form (the gRPC conversion), then parses. */
    static Formula of(io.qdrant.client.grpc.Points.Formula wire, CollectionView view) {
        if (!wire.hasExpression()) {
            throw QdrantErrors.invalidArgument("missing field: expression");
        }
        checkWire(wire.getExpression());
        Node root = parse(wire.getExpression(), view);
        Map<Object, Value> defaults = new LinkedHashMap<>();
        wire.getDefaultsMap().forEach((key, value) -> defaults.put(variable(key), value));
        return new Formula(root, defaults);
    }

    // ---- pass 1: the gRPC conversion's missing-field checks ----

    private static void checkWire(Expression e) {
        switch (e.getVariantCase()) {
            case VARIANT_NOT_SET -> throw missing("variant");
            case CONDITION -> {
                if (e.getCondition().getConditionOneOfCase()
                        == io.qdrant.client.grpc.Common.Condition.ConditionOneOfCase.CONDITIONONEOF_NOT_SET) {
                    throw missing("condition");
                }
            }
            case GEO_DISTANCE -> {
                if (!e.getGeoDistance().hasOrigin()) {
                    throw missing("origin");
                }
                payloadKey(e.getGeoDistance().getTo());
            }
            case DATETIME_KEY -> payloadKey(e.getDatetimeKey());
            case MULT -> e.getMult().getMultList().forEach(Formula::checkWire);
            case SUM -> e.getSum().getSumList().forEach(Formula::checkWire);
            case DIV -> {
                if (!e.getDiv().hasLeft()) {
                    throw missing("left");
                }
                if (!e.getDiv().hasRight()) {
                    throw missing("right");
                }
                checkWire(e.getDiv().getLeft());
                checkWire(e.getDiv().getRight());
            }
            case NEG -> checkWire(e.getNeg());
            case ABS -> checkWire(e.getAbs());
            case SQRT -> checkWire(e.getSqrt());
            case EXP -> checkWire(e.getExp());
            case LOG10 -> checkWire(e.getLog10());
            case LN -> checkWire(e.getLn());
            case POW -> {
                if (!e.getPow().hasBase()) {
                    throw missing("base");
                }
                if (!e.getPow().hasExponent()) {
                    throw missing("exponent");
                }
                checkWire(e.getPow().getBase());
                checkWire(e.getPow().getExponent());
            }
            case EXP_DECAY -> checkDecay(e.getExpDecay());
            case GAUSS_DECAY -> checkDecay(e.getGaussDecay());
            case LIN_DECAY -> checkDecay(e.getLinDecay());
            default -> {
            }
        }
    }

    private static void checkDecay(DecayParamsExpression d) {
        // the target is converted before x is checked (try_from_decay_params)
        if (d.hasTarget()) {
            checkWire(d.getTarget());
        }
        if (!d.hasX()) {
            throw missing("x");
        }
        checkWire(d.getX());
    }

    private static RuntimeException missing(String field) {
        return QdrantErrors.invalidArgument("missing field: " + field);
    }

    private static void payloadKey(String key) {
        try {
            PayloadPaths.resolve(Map.of(), key);
        }
        catch (RuntimeException ex) {
            throw QdrantErrors.invalidArgument("invalid payload key");
        }
    }

    // ---- pass 2: parse_and_convert ----

    private static Node parse(Expression e, CollectionView view) {
        return switch (e.getVariantCase()) {
            case CONSTANT -> new Constant(e.getConstant());
            case VARIABLE -> (Node) variable(e.getVariable());
            case CONDITION -> new Condition(PointFilter.compile(view, true,
                    Filter.newBuilder().addMust(e.getCondition()).build()));
            case GEO_DISTANCE -> new GeoDistance(e.getGeoDistance().getOrigin().getLat(),
                    e.getGeoDistance().getOrigin().getLon(), e.getGeoDistance().getTo());
            case DATETIME -> new DatetimeConstant(datetimeConstant(e.getDatetime()));
            case DATETIME_KEY -> new DatetimeKey(e.getDatetimeKey());
            case MULT -> new Mult(parseAll(e.getMult().getMultList(), view));
            case SUM -> new Sum(parseAll(e.getSum().getSumList(), view));
            case DIV -> new Div(parse(e.getDiv().getLeft(), view), parse(e.getDiv().getRight(), view),
                    e.getDiv().hasByZeroDefault() ? (double) e.getDiv().getByZeroDefault() : null);
            case NEG -> new Unary(Fn.NEG, parse(e.getNeg(), view));
            case ABS -> new Unary(Fn.ABS, parse(e.getAbs(), view));
            case SQRT -> new Unary(Fn.SQRT, parse(e.getSqrt(), view));
            case EXP -> new Unary(Fn.EXP, parse(e.getExp(), view));
            case LOG10 -> new Unary(Fn.LOG10, parse(e.getLog10(), view));
            case LN -> new Unary(Fn.LN, parse(e.getLn(), view));
            case POW -> new Pow(parse(e.getPow().getBase(), view), parse(e.getPow().getExponent(), view));
            case EXP_DECAY -> decay(DecayKind.EXP, e.getExpDecay(), view);
            case GAUSS_DECAY -> decay(DecayKind.GAUSS, e.getGaussDecay(), view);
            case LIN_DECAY -> decay(DecayKind.LIN, e.getLinDecay(), view);
            case VARIANT_NOT_SET -> throw missing("variant");
        };
    }

    private static List<Node> parseAll(List<Expression> expressions, CollectionView view) {
        List<Node> out = new ArrayList<>(expressions.size());
        for (Expression e : expressions) {
            out.add(parse(e, view));
        }
        return out;
    }

    /** {@code decay_params_to_lambda}: parameters checked first, then x, then the target. */
    private static Node decay(DecayKind kind, DecayParamsExpression d, CollectionView view) {
        double midpoint = d.hasMidpoint() ? d.getMidpoint() : 0.5;
        double scale = d.hasScale() ? d.getScale() : 1.0;
        if (kind == DecayKind.LIN) {
            if (!(midpoint >= 0.0 && midpoint <= 1.0)) {
                throw validation("Linear decay midpoint should be in the range [0.0, 1.0], got "
                        + RustFloat.display(midpoint) + ".");
            }
        } else if (midpoint <= 0.0 || midpoint >= 1.0) {
            throw validation("Decay midpoint should be in the range (0.0, 1.0), got " + RustFloat.display(midpoint)
                    + ".");
        }
        if (scale <= 0.0) {
            throw validation("Decay scale should be non-zero positive, got " + RustFloat.display(scale) + ".");
        }
        double lambda = switch (kind) {
            case LIN -> (1.0 - midpoint) / scale;
            case EXP -> Math.log(midpoint) / scale;
            case GAUSS -> Math.log(midpoint) / (scale * scale);
        };
        Node x = parse(d.getX(), view);
        Node target = d.hasTarget() ? parse(d.getTarget(), view) : null;
        return new Decay(kind, x, target, lambda);
    }

    /** The date-time as seconds since the epoch, as the scorer computes it (microseconds / 1e6). */
    private static double datetimeConstant(String s) {
        Instant instant = QdrantDatetime.parse(s);
        if (instant == null) {
            throw validation("failed to parse date-time " + s + ": " + NOT_A_DATETIME);
        }
        return micros(instant) / 1_000_000.0;
    }

    /**
     * chrono's {@code ParseError} text for the common failure (a word, a wrong separator), as Edge 0.9.0 answered
     * for {@code yesterday}; chrono's other texts (e.g. {@code premature end of input}) are not told apart.
     */
    static final String NOT_A_DATETIME = "input contains invalid characters";

    static double micros(Instant instant) {
        return (double) (instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
    }

    /** {@code VariableId::from_str}: {@code $score}, {@code $score[i]} or a payload key. */
    private static Object variable(String s) {
        if (s.startsWith("$")) {
            String reserved = s.substring(1);
            Matcher m = SCORE.matcher(reserved);
            if (m.matches()) {
                return new ScoreVar(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
            }
            if (!parses(reserved) || reserved.startsWith("score.") || reserved.startsWith("score[")) {
                throw validation("failed to parse variable ID " + s + ": Invalid reserved variable: " + s);
            }
            throw validation("failed to parse variable ID " + s + ": Invalid reserved word: " + s);
        }
        if (!parses(s)) {
            throw validation("failed to parse variable ID " + s + ": Invalid payload variable: " + s);
        }
        return new PayloadVar(s);
    }

    private static boolean parses(String key) {
        try {
            PayloadPaths.resolve(Map.of(), key);
            return true;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private static RuntimeException validation(String detail) {
        return QdrantErrors.wrongInput("Validation failed: " + detail);
    }
}
