"""Query formula (points.proto Formula / Expression, as protobuf JSON) -> Edge's Formula.

Edge takes the same expression tree; its constants, decay parameters and by_zero_default are f32 on the wire,
read here as the floats protobuf JSON prints for them.
"""
import qdrant_edge as q

import edge_convert as cv

E = q.Expression
DECAYS = {"exp_decay": q.DecayKind.Exp, "gauss_decay": q.DecayKind.Gauss, "lin_decay": q.DecayKind.Lin}
UNARY = {"neg": E.Neg, "abs": E.Abs, "sqrt": E.Sqrt, "exp": E.Exp, "log10": E.Log10, "ln": E.Ln}


def formula(f):
    defaults = {k: cv.value(v) for k, v in f.get("defaults", {}).items()} or None
    return q.Formula(expression(f["expression"]), defaults)


def expression(e):
    if "constant" in e or not e:
        # proto3 JSON leaves out a constant 0
        return E.Constant(float(e.get("constant", 0.0)))
    if "variable" in e:
        return E.Variable(e["variable"])
    if "condition" in e:
        return E.Condition(cv.condition(e["condition"]))
    if "geo_distance" in e:
        g = e["geo_distance"]
        return E.GeoDistance(cv.geo(g.get("origin", {})), g.get("to", ""))
    if "datetime" in e:
        return E.Datetime(e["datetime"])
    if "datetime_key" in e:
        return E.DatetimeKey(e["datetime_key"])
    if "mult" in e:
        return E.Mult([expression(x) for x in e["mult"].get("mult", [])])
    if "sum" in e:
        return E.Sum([expression(x) for x in e["sum"].get("sum", [])])
    if "div" in e:
        d = e["div"]
        default = d.get("by_zero_default")
        return E.Div(expression(d.get("left", {})), expression(d.get("right", {})),
                     None if default is None else float(default))
    if "pow" in e:
        p = e["pow"]
        return E.Pow(expression(p.get("base", {})), expression(p.get("exponent", {})))
    for key, make in UNARY.items():
        if key in e:
            return make(expression(e[key]))
    for key, kind in DECAYS.items():
        if key in e:
            d = e[key]
            target = expression(d["target"]) if "target" in d else None
            midpoint = float(d["midpoint"]) if "midpoint" in d else None
            scale = float(d["scale"]) if "scale" in d else None
            return E.Decay(kind, expression(d.get("x", {})), target, midpoint, scale)
    cv.fail("expression", e)
