"""Qdrant gRPC messages (protobuf JSON, proto field names) -> qdrant_edge objects.

The differential test sends the very request messages it sends to the embedded server; this module
reads them as Qdrant's own gRPC layer does (lib/api/src/grpc/conversions.rs) and builds the
equivalent Edge request. Anything it does not know raises Untranslatable, so a new kind of request in
the generator fails loudly instead of being compared half-translated.
"""
import uuid

import qdrant_edge as q

DISTANCES = {"Cosine": q.Distance.Cosine, "Dot": q.Distance.Dot,
             "Euclid": q.Distance.Euclid, "Manhattan": q.Distance.Manhattan}
INDEX_TYPES = {"FieldTypeKeyword": q.PayloadSchemaType.Keyword, "FieldTypeInteger": q.PayloadSchemaType.Integer,
               "FieldTypeFloat": q.PayloadSchemaType.Float, "FieldTypeGeo": q.PayloadSchemaType.Geo,
               "FieldTypeText": q.PayloadSchemaType.Text, "FieldTypeBool": q.PayloadSchemaType.Bool,
               "FieldTypeDatetime": q.PayloadSchemaType.Datetime, "FieldTypeUuid": q.PayloadSchemaType.Uuid}


# Language::from_str (lib/segment/src/data_types/index.rs) takes a name or its alias
LANGUAGE_ALIASES = {"ar": "arabic", "az": "azerbaijani", "eu": "basque", "bn": "bengali", "ca": "catalan",
                    "zh": "chinese", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
                    "de": "german", "el": "greek", "he": "hebrew", "hi-en": "hinglish", "hu": "hungarian",
                    "id": "indonesian", "it": "italian", "jp": "japanese", "kk": "kazakh", "ne": "nepali",
                    "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sl": "slovene",
                    "es": "spanish", "sv": "swedish", "tg": "tajik", "tr": "turkish"}
TOKENIZERS = {"Prefix": q.TokenizerType.Prefix, "Whitespace": q.TokenizerType.Whitespace,
              "Word": q.TokenizerType.Word, "Multilingual": q.TokenizerType.Multilingual}


class Untranslatable(Exception):
    """A request this oracle cannot express for Edge: a gap in the test, never an engine answer."""


def fail(what, value):
    raise Untranslatable("edge_convert: unsupported %s: %r" % (what, value))


# ---- collection, ids, values, vectors ----

def index_schema(req):
    """CreateFieldIndexCollection -> a PayloadSchemaType, or TextIndexParams for text index params
    (conversions.rs TryFrom<TextIndexParams>: absent optionals stay None, custom stopwords lowercased)."""
    params = req.get("field_index_params")
    if params is None:
        return INDEX_TYPES[req["field_type"]]
    if set(params) != {"text_index_params"}:
        fail("field index params", params)
    t = params["text_index_params"]
    known = {"tokenizer", "lowercase", "min_token_len", "max_token_len", "stopwords", "phrase_matching", "stemmer",
             "ascii_folding"}
    if not set(t) <= known:
        fail("text index params", t)
    stopwords = None
    if "stopwords" in t:
        languages = {getattr(q.Language, LANGUAGE_ALIASES.get(name, name).capitalize())
                     for name in t["stopwords"].get("languages", [])}
        custom = {word.lower() for word in t["stopwords"].get("custom", [])}
        stopwords = q.StopwordsSet(languages=languages or None, custom=custom or None)
    stemmer = None
    if "stemmer" in t:
        stemmer = q.SnowballParams(getattr(q.SnowballLanguage, t["stemmer"]["snowball"]["language"].capitalize()))
    length = lambda key: int(t[key]) if key in t else None
    return q.TextIndexParams(tokenizer=TOKENIZERS[t.get("tokenizer", "Unknown")], lowercase=t.get("lowercase"),
                             min_token_len=length("min_token_len"), max_token_len=length("max_token_len"),
                             ascii_folding=t.get("ascii_folding"), phrase_matching=t.get("phrase_matching"),
                             stopwords=stopwords, stemmer=stemmer)


def config(create):
    """CreateCollection -> EdgeConfig (dense vectors and multivectors, and named sparse vectors, with or without
    the idf modifier)."""
    vc = create.get("vectors_config", {})
    if "params" in vc:
        vectors = vector_params(vc["params"])
    elif "params_map" in vc:
        vectors = {name: vector_params(p) for name, p in vc["params_map"].get("map", {}).items()}
    else:
        fail("vectors_config", vc)
    sparse = {}
    for name, params in create.get("sparse_vectors_config", {}).get("map", {}).items():
        modifier = params.get("modifier")
        if modifier not in (None, "None", "Idf"):
            fail("sparse modifier", params)
        sparse[name] = q.EdgeSparseVectorParams(modifier=q.Modifier.Idf if modifier == "Idf" else None)
    return q.EdgeConfig(vectors=vectors, sparse_vectors=sparse or None)


def vector_params(p):
    multi = p.get("multivector_config")
    if multi is not None and multi.get("comparator", "MaxSim") != "MaxSim":
        fail("multivector comparator", multi)
    return q.EdgeVectorParams(size=int(p["size"]), distance=DISTANCES[p["distance"]],
                              multivector_config=None if multi is None
                              else q.MultiVectorConfig(q.MultiVectorComparator.MaxSim))


def point_id(pid):
    if "num" in pid:
        return int(pid["num"])
    if "uuid" in pid:
        return str(uuid.UUID(pid["uuid"]))
    fail("point id", pid)


def id_out(pid):
    """Edge's id -> the JSON the Java side compares (a number or a canonical UUID string)."""
    return str(pid) if isinstance(pid, uuid.UUID) else pid


def value(v):
    """qdrant.Value (json_with_int.proto) -> a Python JSON value."""
    if "null_value" in v or not v:
        return None
    if "integer_value" in v:
        return int(v["integer_value"])
    if "double_value" in v:
        return float(v["double_value"])
    if "string_value" in v:
        return v["string_value"]
    if "bool_value" in v:
        return v["bool_value"]
    if "struct_value" in v:
        return payload(v["struct_value"].get("fields", {}))
    if "list_value" in v:
        return [value(x) for x in v["list_value"].get("values", [])]
    fail("value", v)


def payload(fields):
    return {k: value(v) for k, v in fields.items()}


def dense(vector):
    """qdrant.Vector or VectorInput dense form -> list of floats."""
    if "dense" in vector:
        return [float(x) for x in vector["dense"].get("data", [])]
    if "data" in vector and not vector.get("indices") and not vector.get("vectors_count"):
        return [float(x) for x in vector["data"]]
    fail("vector (dense only)", vector)


def multi(vector):
    """qdrant.Vector or VectorInput multivector (multi_dense, or the deprecated data + vectors_count) -> list of
    lists, or None when it is not one (lib/api/src/grpc/conversions.rs reads both forms)."""
    if "multi_dense" in vector:
        return [[float(x) for x in v.get("data", [])] for v in vector["multi_dense"].get("vectors", [])]
    if "vectors_count" in vector and not vector.get("indices"):
        data = [float(x) for x in vector.get("data", [])]
        dim = len(data) // int(vector["vectors_count"])
        return [data[i:i + dim] for i in range(0, len(data), dim)]
    return None


def sparse_or_dense(vector):
    """qdrant.Vector or VectorInput -> a q.SparseVector (the sparse form), a list of lists (a multivector) or a
    list of floats."""
    if multi(vector) is not None:
        return multi(vector)
    if "sparse" in vector:
        sv = vector["sparse"]
        return q.SparseVector([int(i) for i in sv.get("indices", [])], [float(x) for x in sv.get("values", [])])
    return dense(vector)


def vectors(vs):
    """qdrant.Vectors -> a list (unnamed) or a dict name -> list or q.SparseVector."""
    if "vector" in vs:
        return multi(vs["vector"]) if multi(vs["vector"]) is not None else dense(vs["vector"])
    if "vectors" in vs:
        return {name: sparse_or_dense(v) for name, v in vs["vectors"].get("vectors", {}).items()}
    fail("vectors", vs)


def vector_out(v):
    """Edge's stored vector(s) -> JSON: a sparse vector as {indices, values}, the Java side's form."""
    if isinstance(v, dict):
        return {name: vector_out(x) for name, x in v.items()}
    if isinstance(v, q.SparseVector):
        return {"indices": [int(i) for i in v.indices], "values": [float(x) for x in v.values]}
    return v


# ---- selectors ----

def with_payload(sel):
    if sel is None:
        return False
    if "enable" in sel:
        return sel["enable"]
    if "include" in sel:
        return q.PayloadSelector.Include(sel["include"].get("fields", []))
    if "exclude" in sel:
        return q.PayloadSelector.Exclude(sel["exclude"].get("fields", []))
    return False


def with_vectors(sel):
    if sel is None:
        return False
    if "enable" in sel:
        return sel["enable"]
    if "include" in sel:
        return sel["include"].get("names", [])
    return False


def ids_selector(selector):
    """PointsSelector -> ('ids', [..]) or ('filter', Filter)."""
    if "points" in selector:
        return "ids", [point_id(p) for p in selector["points"].get("ids", [])]
    if "filter" in selector:
        return "filter", filter_(selector["filter"])
    fail("points selector", selector)


# ---- filters (lib/api/src/grpc/conversions.rs, TryFrom<grpc::Condition>) ----

def filter_(f):
    if f is None:
        return None
    min_should = None
    if "min_should" in f:
        ms = f["min_should"]
        min_should = q.MinShould([condition(c) for c in ms.get("conditions", [])], int(ms.get("min_count", 0)))
    return q.Filter(must=conditions(f.get("must")), should=conditions(f.get("should")),
                    must_not=conditions(f.get("must_not")), min_should=min_should)


def conditions(cs):
    return None if cs is None else [condition(c) for c in cs]


def condition(c):
    if "field" in c:
        return field_condition(c["field"])
    if "is_empty" in c:
        return q.IsEmptyCondition(c["is_empty"]["key"])
    if "is_null" in c:
        return q.IsNullCondition(c["is_null"]["key"])
    if "has_id" in c:
        return q.HasIdCondition({point_id(p) for p in c["has_id"].get("has_id", [])})
    if "has_vector" in c:
        return q.HasVectorCondition(c["has_vector"]["has_vector"])
    if "filter" in c:
        return filter_(c["filter"])
    if "nested" in c:
        return q.NestedCondition(c["nested"]["key"], filter_(c["nested"]["filter"]))
    fail("condition", c)


def field_condition(f):
    key = f["key"]
    kw = {}
    if "match" in f:
        kw["match"] = match(f["match"])
    if "range" in f:
        r = f["range"]
        kw["range"] = q.RangeFloat(**{k: float(r[k]) for k in ("gt", "gte", "lt", "lte") if k in r})
    if "datetime_range" in f:
        r = f["datetime_range"]
        kw["range"] = q.RangeDateTime(**{k: r[k] for k in ("gt", "gte", "lt", "lte") if k in r})
    if "values_count" in f:
        r = f["values_count"]
        kw["values_count"] = q.ValuesCount(**{k: int(r[k]) for k in ("gt", "gte", "lt", "lte") if k in r})
    if "geo_bounding_box" in f:
        g = f["geo_bounding_box"]
        kw["geo_bounding_box"] = q.GeoBoundingBox(geo(g["top_left"]), geo(g["bottom_right"]))
    if "geo_radius" in f:
        g = f["geo_radius"]
        kw["geo_radius"] = q.GeoRadius(geo(g.get("center", {})), float(g.get("radius", 0.0)))
    if "geo_polygon" in f:
        g = f["geo_polygon"]
        kw["geo_polygon"] = q.GeoPolygon(ring(g["exterior"]), [ring(r) for r in g.get("interiors", [])])
    if "is_empty" in f:
        kw["is_empty"] = f["is_empty"]
    if "is_null" in f:
        kw["is_null"] = f["is_null"]
    if not kw:
        fail("field condition", f)
    return q.FieldCondition(key, **kw)


def geo(p):
    # proto3 JSON leaves out fields equal to their default: a longitude of 0 is absent
    return q.GeoPoint(lon=float(p.get("lon", 0.0)), lat=float(p.get("lat", 0.0)))


def ring(r):
    return [geo(p) for p in r.get("points", [])]


def match(m):
    if "keyword" in m:
        return q.MatchValue(m["keyword"])
    if "integer" in m:
        return q.MatchValue(int(m["integer"]))
    if "boolean" in m:
        return q.MatchValue(m["boolean"])
    if "text" in m:
        return q.MatchText(m["text"])
    if "text_any" in m:
        return q.MatchTextAny(m["text_any"])
    if "phrase" in m:
        return q.MatchPhrase(m["phrase"])
    if "keywords" in m:
        return q.MatchAny(m["keywords"].get("strings", []))
    if "integers" in m:
        return q.MatchAny([int(i) for i in m["integers"].get("integers", [])])
    if "except_keywords" in m:
        return q.MatchExcept(m["except_keywords"].get("strings", []))
    if "except_integers" in m:
        return q.MatchExcept([int(i) for i in m["except_integers"].get("integers", [])])
    fail("match", m)


def order_by(o):
    start = None
    if "start_from" in o:
        s = o["start_from"]
        if "integer" in s:
            start = int(s["integer"])
        elif "float" in s:
            start = float(s["float"])
        elif "datetime" in s:
            start = s["datetime"]
        else:
            fail("start_from", s)
    direction = {"Asc": q.Direction.Asc, "Desc": q.Direction.Desc, None: None}[o.get("direction")]
    return q.OrderBy(o["key"], direction=direction, start_from=start)
