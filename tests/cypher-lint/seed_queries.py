#!/usr/bin/env python3
"""Evaluates every query of graph-schema/queries.cypher over a graph.jsonl WITHOUT a Neo4j server, and writes
docs/queries-seed.md (question, parameters, result table, what it tells a user).

Why: no Neo4j server runs on our build machines, yet the README must show what each analyst query returns on the
seed graph. Each query below is a hand translation of its Cypher into Python over the APOC JSON lines file that
`kg build` writes (the same nodes, labels, properties and relationships `kg load` puts into Neo4j). Where the
translation cannot be exact (the Lucene full-text score, orders Cypher leaves unspecified) the output says so.

Usage (stdlib only):
    dotnet run -c Release --project src/KnowledgeGraph.Cli -- build seeds --out /tmp/seedq
    python3 tests/cypher-lint/seed_queries.py /tmp/seedq/graph.jsonl --out docs/queries-seed.md
    python3 tests/cypher-lint/seed_queries.py /tmp/seedq/graph.jsonl --check docs/queries-seed.md   # exit 1 if stale

Each evaluator records a fingerprint of the Cypher text it translates: if queries.cypher changes, the script stops
and names the query whose translation must be reviewed (then update QUERY_FINGERPRINTS).
"""
import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict, deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES_FILE = ROOT / "graph-schema" / "queries.cypher"
MAX_ROWS = 8          # rows shown per table
MAX_SENTENCE = 160    # characters of an evidence sentence shown in tables (Q3 shows them whole)

# ----------------------------------------------------------------------------------------------------------------
# Graph


class Graph:
    def __init__(self, path):
        self.nodes = {}   # id -> {"id", "labels", "props"}
        self.rels = []    # {"id", "type", "start", "end", "props"}
        raw = Path(path).read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        for line in raw.decode("utf-8").splitlines():
            if not line.strip():
                continue
            o = json.loads(line)
            if o["type"] == "node":
                # kg load MERGEs on the id property, so in Neo4j n.id is the graph id.
                props = dict(o.get("properties", {}))
                props["id"] = o["id"]
                self.nodes[o["id"]] = {"id": o["id"], "labels": list(o["labels"]), "props": props}
            else:
                props = dict(o.get("properties", {}))
                props.setdefault("id", o["id"])
                self.rels.append({"id": o["id"], "type": o["label"], "start": o["start"]["id"],
                                  "end": o["end"]["id"], "props": props})

    def has(self, node_id, label):
        return label in self.nodes[node_id]["labels"]

    def name(self, node_id):
        return self.nodes[node_id]["props"].get("name")

    def entities_named(self, name):
        return [n for n in self.nodes.values() if "Entity" in n["labels"] and n["props"].get("name") == name]

    def entity_rels(self):
        """(a:Entity)-[r]->(b:Entity)"""
        return [r for r in self.rels if self.has(r["start"], "Entity") and self.has(r["end"], "Entity")]

    def undirected(self, exclude_type="MENTIONS"):
        adj = defaultdict(list)   # node -> [(rel, other)]
        for r in self.rels:
            if r["type"] == exclude_type:
                continue
            adj[r["start"]].append((r, r["end"]))
            if r["end"] != r["start"]:
                adj[r["end"]].append((r, r["start"]))
        return adj


# ----------------------------------------------------------------------------------------------------------------
# Cypher value semantics


def cmp_key(v):
    """Cypher ORDER BY of one column: null sorts after every value ascending (before, descending); strings compare
    by UTF-16 code unit as in Java; false < true."""
    if v is None:
        return (1, 0, 0)
    if isinstance(v, bool):
        return (0, 0, v)
    if isinstance(v, (int, float)):
        return (0, 1, v)
    if isinstance(v, str):
        return (0, 2, v.encode("utf-16-be"))
    if isinstance(v, list):
        return (0, 3, [cmp_key(x) for x in v])
    raise TypeError(type(v))


def order_by(rows, *keys):
    """keys: (column, descending). Ties Cypher leaves unspecified are broken by all columns, left to right, so the
    output is deterministic; Neo4j may show tied rows in another order."""
    rows = sorted(rows, key=lambda r: [cmp_key(v) for v in r.values()])
    for col, desc in reversed(keys):
        rows.sort(key=lambda r: cmp_key(r[col]), reverse=desc)
    return rows


def lt(a, b):
    """Cypher a < b with null propagation."""
    return None if a is None or b is None else a < b


def eq(a, b):
    return None if a is None or b is None else a == b


def or3(*xs):
    if any(x is True for x in xs):
        return True
    return None if any(x is None for x in xs) else False


def first(lst):
    return lst[0] if isinstance(lst, list) and lst else None


# ----------------------------------------------------------------------------------------------------------------
# The queries. Each returns (rows, columns, notes); notes say where the translation is not exact.

PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE', 'DEMAND',
          'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT', 'CRIME']


def q1(g, p):
    rows = []
    for r in g.entity_rels():
        if r["type"] in ("REQUESTED_WITHDRAWAL_OF", "EXPELLED"):
            rp = r["props"]
            rows.append({"actor": g.name(r["start"]), "action": r["type"], "target": g.name(r["end"]),
                         "confidence": rp.get("confidence"), "evidence_count": rp.get("evidence_count"),
                         "dates": rp.get("dates"), "example": first(rp.get("evidence")),
                         "_ec": rp.get("evidence_count"), "_c": rp.get("confidence")})
    rows = order_by(rows, ("_ec", True), ("_c", True), ("actor", False), ("target", False))
    return strip(rows), []


def q2(g, p):
    adj = g.undirected()
    groups = defaultdict(list)   # (armed_group name, hops) -> names
    for gid, gn in sorted(g.nodes.items()):
        if "ArmedGroup" not in gn["labels"]:
            continue
        hops = {}
        # Paths of 1 or 2 relationships, no relationship twice (Cypher's relationship uniqueness), MENTIONS excluded.
        for r1, y in adj[gid]:
            if y != gid and g.has(y, "Entity"):
                hops[y] = min(hops.get(y, 9), 1)
            for r2, x in adj[y]:
                if r2 is not r1 and x != gid and g.has(x, "Entity"):
                    hops[x] = min(hops.get(x, 9), 2)
        for x, h in hops.items():
            groups[(g.name(gid), h)].append(g.name(x))
    rows = [{"armed_group": k[0], "hops": k[1], "entities": sorted(v, key=cmp_key)} for k, v in groups.items()]
    rows = order_by(rows, ("armed_group", False), ("hops", False))
    return rows, ["`collect()` order is unspecified in Cypher; the names are sorted here."]


def q3(g, p):
    rows = []
    for r in g.rels:
        if r["type"] == "MENTIONS" or not (g.has(r["start"], "Entity") and g.has(r["end"], "Entity")):
            continue
        if g.name(r["start"]) != p["subject"] or g.name(r["end"]) != p["object"]:
            continue
        rp = r["props"]
        for i, sentence in enumerate(rp.get("evidence") or []):
            rows.append({"relationship": r["type"], "category": rp.get("category"), "confidence": rp.get("confidence"),
                         "triggers": rp.get("trigger"), "sentence": sentence, "documents": rp.get("doc_ids"),
                         "offsets": rp.get("offsets"), "_i": i})
    rows = order_by(rows, ("relationship", False), ("_i", False))
    return strip(rows), []


def q4(g, p):
    rows = []
    for n in g.nodes.values():
        if "Entity" in n["labels"] and ("Person" in n["labels"] or "Organization" in n["labels"]):
            rows.append({"actor": n["props"].get("name"), "kind": [l for l in n["labels"] if l != "Entity"],
                         "mentions": n["props"].get("mentions"), "documents": n["props"].get("doc_count")})
    rows = order_by(rows, ("mentions", True), ("actor", False))[:25]
    return rows, ["`labels()` order is not specified by Cypher; `kind` lists them in graph.jsonl order."]


def q5(g, p):
    rows = []
    for r in g.entity_rels():
        rp = r["props"]
        if rp.get("category") not in PLOVER:
            continue
        dates = rp.get("dates") or []
        for d in (dates if len(dates) else [None]):
            rows.append({"category": rp.get("category"), "date": d, "actor": g.name(r["start"]),
                         "action": r["type"], "target": g.name(r["end"]), "_undated": d is None})
    rows = order_by(rows, ("_undated", False), ("date", False), ("category", False), ("actor", False))
    return strip(rows), []


def q6(g, p):
    agg = defaultdict(lambda: [0, 0])
    for r in g.rels:
        c = r["props"].get("category")
        if c is not None and r["type"] != "MENTIONS":
            agg[c][0] += 1
            agg[c][1] += r["props"].get("evidence_count") or 0   # sum() skips nulls
    rows = [{"category": c, "relationships": v[0], "sentences": v[1]} for c, v in agg.items()]
    return order_by(rows, ("relationships", True), ("category", False)), []


def q7(g, p):
    rows = []
    for r in g.entity_rels():
        rp = r["props"]
        if rp.get("category") in ("ASSAULT", "FIGHT"):
            rows.append({"attacker": g.name(r["start"]), "action": r["type"], "target": g.name(r["end"]),
                         "dates": rp.get("dates"), "example": first(rp.get("evidence"))})
    return order_by(rows, ("attacker", False), ("target", False)), []


def q8(g, p):
    agg = {}
    for r in g.rels:
        if r["type"] == "DEPLOYED_IN" and g.has(r["start"], "Entity") and g.has(r["end"], "Location"):
            a = agg.setdefault(g.name(r["end"]), [set(), 0])
            a[0].add(g.name(r["start"]))
            a[1] += r["props"].get("evidence_count") or 0
    rows = [{"location": k, "deployed": sorted(v[0], key=cmp_key), "sentences": v[1]} for k, v in agg.items()]
    return order_by(rows, ("sentences", True), ("location", False)), \
        ["`collect(DISTINCT ...)` order is unspecified in Cypher; the names are sorted here."]


def q9(g, p):
    rows = []
    for r in g.entity_rels():
        if r["type"] == "LEADS":
            rows.append({"leader": g.name(r["start"]), "role": g.nodes[r["start"]]["props"].get("role"),
                         "organisation": g.name(r["end"]), "confidence": r["props"].get("confidence")})
    return order_by(rows, ("organisation", False), ("leader", False)), []


Q10_ALL = ['ALLIED_WITH', 'COOPERATE', 'SUPPORT', 'AID', 'AGREE', 'OPPOSES', 'DISAPPROVE', 'THREATEN', 'SANCTION',
           'COERCE', 'ASSAULT', 'FIGHT']
Q10_HOSTILE = ['OPPOSES', 'DISAPPROVE', 'THREATEN', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT']


def q10(g, p):
    rows = []
    for e in g.entities_named(p["name"]):
        for r in g.entity_rels():
            # An undirected pattern matches each relationship once from each end that is e.
            for this_end, other_end in ((r["start"], r["end"]), (r["end"], r["start"])):
                if this_end != e["id"]:
                    continue
                c = r["props"].get("category")
                if c not in Q10_ALL:
                    continue
                rows.append({"other": g.name(other_end), "stance": "hostile" if c in Q10_HOSTILE else "friendly",
                             "relationship": r["type"], "outgoing": r["start"] == e["id"],
                             "evidence_count": r["props"].get("evidence_count")})
    return order_by(rows, ("stance", False), ("evidence_count", True), ("other", False)), []


def q11(g, p):
    rows = []
    for r in g.rels:
        if r["type"] != "MENTIONS" or not g.has(r["start"], "Document") or not g.has(r["end"], "Entity"):
            continue
        e = g.nodes[r["end"]]["props"]
        d = g.nodes[r["start"]]["props"]
        if or3(eq(e.get("name"), p["name"]), p["name"] in (e.get("aliases") or [])):
            rows.append({"entity": e.get("name"), "title": d.get("title"), "date": d.get("date"),
                         "source": d.get("source"), "mentions": r["props"].get("count")})
    return order_by(rows, ("date", False), ("title", False)), []


def q12(g, p):
    adj = g.undirected()
    rows, notes = [], []
    for a in g.entities_named(p["from"]):
        for b in g.entities_named(p["to"]):
            # Breadth-first search over extracted relationships; keeps every shortest path (at most 6 hops).
            dist, preds = {a["id"]: 0}, defaultdict(list)
            queue = deque([a["id"]])
            while queue:
                u = queue.popleft()
                if dist[u] >= 6:
                    continue
                for r, v in adj[u]:
                    if v not in dist:
                        dist[v] = dist[u] + 1
                        queue.append(v)
                    if dist[v] == dist[u] + 1:
                        preds[v].append((u, r))
            if b["id"] not in dist:
                continue
            paths = []

            def walk(v, nodes, rels):
                if v == a["id"]:
                    paths.append((list(reversed(nodes)), list(reversed(rels))))
                    return
                for u, r in preds[v]:
                    walk(u, nodes + [u], rels + [r])
            walk(b["id"], [b["id"]], [])
            for ns, rs in paths:
                rows.append({"chain": [g.name(n) for n in ns], "relationships": [r["type"] for r in rs],
                             "hops": len(rs)})
    rows = order_by(rows, ("hops", False))
    if len(rows) > 1:
        notes.append(f"`shortestPath` returns ONE path; {len(rows)} paths of the same length exist here and Neo4j may "
                     "return any of them. All are listed.")
    return rows, notes


def q13(g, p):
    def actor(n):
        return "Person" in g.nodes[n]["labels"] or "Organization" in g.nodes[n]["labels"]
    by_doc = defaultdict(set)
    for r in g.rels:
        if r["type"] == "MENTIONS" and g.has(r["start"], "Document") and g.has(r["end"], "Entity"):
            by_doc[r["start"]].add(r["end"])
    pairs = defaultdict(set)
    for d, ents in by_doc.items():
        for e1 in ents:
            for e2 in ents:
                # e1.id < e2.id on the id property: the graph ids
                if cmp_key(e1) < cmp_key(e2) and actor(e1) and actor(e2):
                    pairs[(e1, e2)].add(d)
    rows = [{"first": g.name(e1), "second": g.name(e2), "documents": len(ds)} for (e1, e2), ds in pairs.items()]
    total = len(rows)
    rows = order_by(rows, ("documents", True), ("first", False), ("second", False))[:25]
    return rows, [f"{total} pairs before LIMIT 25."]


def q14(g, p):
    rows = []
    for r in g.entity_rels():
        rp = r["props"]
        if or3(lt(rp.get("confidence"), 0.6), eq(rp.get("evidence_count"), 1)) is True:
            rows.append({"subject": g.name(r["start"]), "relationship": r["type"], "object": g.name(r["end"]),
                         "confidence": rp.get("confidence"), "evidence_count": rp.get("evidence_count"),
                         "example": first(rp.get("evidence"))})
    total = len(rows)
    return order_by(rows, ("confidence", False), ("subject", False))[:50], [f"{total} relationships before LIMIT 50."]


def q16(g, p):
    rows = []
    for n in g.nodes.values():
        if "Entity" in n["labels"] and lt(n["props"].get("confidence"), 0.8) is True:
            rows.append({"name": n["props"].get("name"), "labels": n["labels"], "confidence": n["props"].get("confidence"),
                         "mentions": n["props"].get("mentions"), "aliases": n["props"].get("aliases")})
    total = len(rows)
    return order_by(rows, ("confidence", False), ("name", False))[:50], [f"{total} entities before LIMIT 50."]


def q15(g, p):
    """Approximates db.index.fulltext.queryNodes('entity_names', $text) over [name, aliases] with Neo4j's default
    analyzer (standard-no-stop-words: Unicode word tokens, lower-cased). Supported Lucene syntax: terms joined by
    OR or whitespace, term~ / term~N (fuzzy, Damerau-Levenshtein distance, default 2) and term* (prefix)."""
    terms = []
    for tok in p["text"].split():
        if tok == "OR":
            continue
        m = re.fullmatch(r"([^\W_][\w.'’]*?)(~(\d)?|\*)?", tok)
        if not m or tok in ("AND", "NOT") or ":" in tok:
            raise SystemExit(f"Q15: '{tok}' is Lucene syntax this approximation does not handle: needs a server")
        word, suffix, n = m.group(1).lower(), m.group(2) or "", m.group(3)
        kind = "fuzzy" if suffix.startswith("~") else "prefix" if suffix == "*" else "term"
        terms.append((word, kind, int(n) if n else 2))
    rows = []
    for n in g.nodes.values():
        if "Entity" not in n["labels"]:
            continue
        values = [n["props"].get("name") or ""] + list(n["props"].get("aliases") or [])
        tokens = {t for v in values for t in analyze(v)}
        matched = []
        for word, kind, k in terms:
            hit = [t for t in sorted(tokens) if
                   (t == word if kind == "term" else t.startswith(word) if kind == "prefix" else osa(t, word) <= k)]
            if hit:
                matched.append(word + ("~" if kind == "fuzzy" else "*" if kind == "prefix" else "") + " → " + ", ".join(hit))
        if matched:
            rows.append({"name": n["props"].get("name"), "labels": n["labels"], "aliases": n["props"].get("aliases"),
                         "score": "needs a server", "matched terms": matched, "_m": len(matched)})
    rows = order_by(rows, ("_m", True), ("name", False))[:10]
    return strip(rows), ["The Lucene relevance score (BM25 over name and aliases) is not reproduced: `score` needs a "
                         "server. Rows are ordered here by the number of query terms matched, then name; which nodes "
                         "match follows Neo4j's default analyzer (standard-no-stop-words) and Lucene's term, prefix "
                         "and fuzzy rules as far as this script reproduces them."]


def analyze(text):
    # Unicode word segmentation, roughly: letters/digits, joined across '.', "'" or '’' between letters ("U.N").
    return [t.lower() for t in re.findall(r"[^\W_]+(?:[.'’][^\W_]+)*", text)]


def osa(a, b):
    """Optimal string alignment distance (Lucene's fuzzy queries count a transposition as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def strip(rows):
    """Drops the helper sort columns (names starting with _), which Cypher computes but does not return."""
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]


# ----------------------------------------------------------------------------------------------------------------
# Parameters used on the seed graph, evaluators, and fingerprints of the Cypher each evaluator translates.

EVALUATORS = {
    "Q1": (q1, [{}]), "Q2": (q2, [{}]),
    "Q3": (q3, [{"subject": "Government of Mali", "object": "Wagner Group"}]),
    "Q4": (q4, [{}]), "Q5": (q5, [{}]), "Q6": (q6, [{}]), "Q7": (q7, [{}]), "Q8": (q8, [{}]), "Q9": (q9, [{}]),
    "Q10": (q10, [{"name": "Government of Mali"}, {"name": "Wagner Group"}]),
    "Q11": (q11, [{"name": "Wagner"}]),
    "Q12": (q12, [{"from": "Yevgeny Prigozhin", "to": "United Nations"}]),
    "Q13": (q13, [{}]), "Q14": (q14, [{}]),
    "Q15": (q15, [{"text": "junta OR mission"}, {"text": "prigozin~ OR wagner"}]),
    "Q16": (q16, [{}]),
}

QUERY_FINGERPRINTS = {}   # filled at the end of the file: the Cypher the evaluators were written against


def parse_queries(text):
    """[(id, header lines, cypher text)] for every '// Qn.' block of queries.cypher."""
    out, header, code = [], [], []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("//"):
            if code:
                continue
            if re.match(r"// Q\d+\.", s):
                header = []
            header.append(s[2:].strip())
        elif s:
            code.append(line.rstrip())
            if s.endswith(";"):
                m = re.match(r"(Q\d+)\. ", header[0]) if header else None
                if m:
                    out.append((m.group(1), header, "\n".join(code)))
                header, code = [], []
    return out


def fingerprint(cypher):
    return hashlib.sha256(" ".join(cypher.split()).encode("utf-8")).hexdigest()[:16]


# ----------------------------------------------------------------------------------------------------------------
# Markdown


def cell(v, full=False):
    if v is None:
        s = "null"
    elif isinstance(v, bool):
        s = "true" if v else "false"
    elif isinstance(v, str):
        s = v if full or len(v) <= MAX_SENTENCE else v[:MAX_SENTENCE].rstrip() + "…"
    elif isinstance(v, list) and v and all(isinstance(x, str) and x.count(" → ") == 1 for x in v):
        s = "; ".join(v)
    else:
        s = json.dumps(v, ensure_ascii=False)
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table(rows, full_columns=()):
    if not rows:
        return "_(no rows)_\n"
    cols = list(rows[0].keys())
    lines = ["| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
    for r in rows[:MAX_ROWS]:
        lines.append("| " + " | ".join(cell(r[c], c in full_columns) for c in cols) + " |")
    more = f"\n{len(rows)} rows; the first {MAX_ROWS} are shown.\n" if len(rows) > MAX_ROWS else \
        f"\n{len(rows)} row{'s' if len(rows) != 1 else ''}.\n"
    return "\n".join(lines) + "\n" + more


def param_text(params):
    if not params:
        return "none"
    return ", ".join(f"`${k}` = `{json.dumps(v, ensure_ascii=False)}`" for k, v in params.items())


LESSONS = {}


def lesson(qid):
    def register(f):
        LESSONS[qid] = f
        return f
    return register


def docs(g):
    return sum(1 for n in g.nodes.values() if "Document" in n["labels"])


def names(rows, col, n=3):
    return ", ".join(str(r[col]) for r in rows[:n])


@lesson("Q1")
def _(g, runs):
    rows = runs[0][1]
    w = sum(1 for r in rows if r["action"] == "REQUESTED_WITHDRAWAL_OF")
    single = all(r["evidence_count"] == 1 for r in rows)
    return (f"{w} withdrawal request(s) and {len(rows) - w} expulsion(s) were extracted"
            + (", each from a single sentence" if rows and single else "")
            + (f"; the best supported is {rows[0]['actor']} {rows[0]['action']} {rows[0]['target']} "
               f"(confidence {rows[0]['confidence']})." if rows else ".")
            + " The example sentence lets an analyst check each claim without opening the article.")


@lesson("Q2")
def _(g, runs):
    rows = runs[0][1]
    if not rows:
        return "No entity carries the ArmedGroup label, so the query returns nothing."
    groups = sorted({r["armed_group"] for r in rows})
    n = sum(len(r["entities"]) for r in rows)
    return (f"Only {', '.join(groups)} carr{'ies' if len(groups) == 1 else 'y'} the ArmedGroup label here, with {n} "
            "entities within two hops: the neighbourhood an analyst would expand next in Browser. Groups that the "
            "recogniser did not type as ArmedGroup (plain Organization) are not covered by this query.")


@lesson("Q3")
def _(g, runs):
    rows = runs[0][1]
    rels = sorted({r["relationship"] for r in rows})
    return (f"Between these two entities the graph holds {len(rels)} relationship type(s) ({', '.join(rels)}) "
            f"backed by {len(rows)} sentence(s); the triggers and offsets show exactly which words produced each edge. "
            "`documents` and `offsets` are the edge's whole lists, repeated on each row.")


@lesson("Q4")
def _(g, runs):
    rows = runs[0][1]
    return (f"The most mentioned actors are {names(rows, 'actor')}. The list also surfaces typing errors to fix "
            "upstream (any name whose `kind` looks wrong).")


@lesson("Q5")
def _(g, runs):
    rows = runs[0][1]
    dated = sum(1 for r in rows if r["date"] is not None)
    unasserted = sum(1 for r in g.entity_rels()
                     if r["props"].get("category") in PLOVER and r["props"].get("asserted") is False)
    return (f"{len(rows)} event rows, {dated} with a date from the text: a timeline of who did what to whom. "
            "Dates are as precise as the text (year, month or day) and sort as strings."
            + (f" The query does not filter on `asserted`: {unasserted} relationship(s) stored with "
               "`asserted: false` (hedged in the text, see `modality`) appear too; add `AND coalesce(r.asserted, true)` "
               "to leave them out." if unasserted else ""))


@lesson("Q6")
def _(g, runs):
    rows = runs[0][1]
    if not rows:
        return "No categorised relationships."
    top = [r["category"] for r in rows if r["relationships"] == rows[0]["relationships"]]
    return (f"{len(rows)} categories; the commonest {'is' if len(top) == 1 else 'are'} {' and '.join(top)} "
            f"({rows[0]['relationships']} relationships each). This is the quickest overview of what kinds of "
            "interaction a corpus reports; `sentences` above `relationships` means some edges rest on several "
            "sentences.")


@lesson("Q7")
def _(g, runs):
    rows = runs[0][1]
    return (f"{len(rows)} violent event(s); reading the example sentence is the way to judge whether the roles "
            "(attacker, target) were extracted the right way round.")


@lesson("Q8")
def _(g, runs):
    rows = runs[0][1]
    return (f"{len(rows)} location(s) with deployments" + (" (one article is thin evidence)" if docs(g) == 1 else "")
            + ": over a corpus this becomes a map of who has forces where.")


@lesson("Q9")
def _(g, runs):
    rows = runs[0][1]
    return (f"{len(rows)} leadership edge(s): who heads what. `role` is the title written next to the leader's "
            "name (null when none); courtesy titles (Mr.) land there too, so read it as a hint, not a job title.")


@lesson("Q10")
def _(g, runs):
    parts = []
    for params, rows, _ in runs:
        f = sum(1 for r in rows if r["stance"] == "friendly")
        parts.append(f"{params['name']}: {f} friendly, {len(rows) - f} hostile")
    return ("; ".join(parts) + ". `outgoing` tells who acted on whom. Relationships outside the listed categories "
            "(for instance DEMAND or FUNDED_BY) are not counted as either.")


@lesson("Q11")
def _(g, runs):
    params, rows, _ = runs[0]
    return (f"The alias `{params['name']}` resolves to {rows[0]['entity'] if rows else 'no entity'}; "
            f"{len(rows)} document(s) mention it. On a corpus, this is the reading list for one actor.")


@lesson("Q12")
def _(g, runs):
    rows = runs[0][1]
    return (f"The two are {rows[0]['hops']} hops apart; the chain names the intermediaries and the relationships "
            "that link them." if rows else "The two are not connected within 6 hops.")


@lesson("Q13")
def _(g, runs):
    rows = runs[0][1]
    if docs(g) == 1:
        return ("With a single article every pair of actors shares exactly one document, so the order is just "
                "alphabetical: this query only becomes informative over a corpus, where it shows who the news links.")
    return f"The most linked pair is {rows[0]['first']} and {rows[0]['second']}." if rows else "No pairs."


@lesson("Q14")
def _(g, runs):
    rows = runs[0][1]
    total = sum(1 for r in g.entity_rels())
    single = sum(1 for r in g.entity_rels() if r["props"].get("evidence_count") == 1)
    return (f"{len(rows)} of {total} entity relationships qualify ({single} rest on a single sentence): this is "
            "the review queue, lowest confidence first, each with the sentence to check.")


@lesson("Q15")
def _(g, runs):
    return ("Full-text lookup finds entities by any word of their name or aliases, also misspelt (`~`), which is "
            "how an analyst finds the canonical name to use as `$name` in the other queries.")


@lesson("Q16")
def _(g, runs):
    rows = runs[0][1]
    total = sum(1 for n in g.nodes.values() if "Entity" in n["labels"])
    return (f"{len(rows)} of {total} entities score below 0.8 (the probability, learned from hand-judged nodes, that a "
            "node is a real, whole, well-typed entity): the entity review queue, least supported first. On judged corpora "
            "the model was not trained on, judged errors are commoner the lower a node scores, but many correct nodes score "
            "below 0.8 too, so it is a queue to read, not a filter (docs/entities.md, \"Node confidence\").")


def render(g, queries):
    out = []
    n_ent = sum(1 for n in g.nodes.values() if "Entity" in n["labels"])
    n_doc = sum(1 for n in g.nodes.values() if "Document" in n["labels"])
    n_men = sum(1 for r in g.rels if r["type"] == "MENTIONS")
    out.append("# The analyst queries on the seed graph\n")
    out.append(
        "Every query of `graph-schema/queries.cypher`, what it answers, and what it returns on the seed graph "
        "(`kg build seeds`).\n\n"
        "**How these results were computed:** not by a Neo4j server (none runs on the build machines). "
        "`tests/cypher-lint/seed_queries.py` translates each query by hand into Python over `graph.jsonl`, "
        "the same nodes, labels, properties and relationships `kg load` writes into Neo4j, following the "
        "Cypher's labels, relationship types and categories, directions, `ORDER BY`, `LIMIT` and null semantics. "
        "Where the translation is not exact, the section says so: the Lucene full-text score of Q15 needs a "
        "server, and orders Cypher leaves unspecified (ties, `collect()`, `labels()`) are made deterministic here. "
        "Once a server is up, `kg load` then run the queries in Browser to check.\n\n"
        "Regenerate (the script checks that each query's Cypher is the one it was written for):\n\n"
        "```sh\n"
        "dotnet run -c Release --project src/KnowledgeGraph.Cli -- build seeds --out /tmp/seedq\n"
        "python3 tests/cypher-lint/seed_queries.py /tmp/seedq/graph.jsonl --out docs/queries-seed.md\n"
        "```\n\n"
        f"Seed graph: {n_ent} entities, {n_doc} document, {len(g.rels) - n_men} extracted relationships, "
        f"{n_men} MENTIONS edges (graph.jsonl sha256 `{g.sha256[:16]}`). Tables show at most {MAX_ROWS} rows; "
        f"evidence sentences are cut at {MAX_SENTENCE} characters (Q3 shows them whole). Lists print as JSON, "
        "absent values as `null`.\n")
    for qid, header, cypher in queries:
        fn, param_sets = EVALUATORS[qid]
        out.append(f"## {header[0]}\n")
        out.append(" ".join(header[1:]) + "\n")
        out.append("```cypher\n" + cypher + "\n```\n")
        runs = []
        for params in param_sets:
            rows, notes = fn(g, params)
            runs.append((params, rows, notes))
            out.append(f"Parameters: {param_text(params)}\n")
            out.append(table(rows, full_columns=("sentence",)))
            for note in notes:
                out.append(f"_Note: {note}_\n")
        out.append("**What it tells you:** " + LESSONS[qid](g, runs) + "\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graph", help="graph.jsonl written by kg build")
    ap.add_argument("--out", help="write the Markdown here (default: stdout)")
    ap.add_argument("--check", help="compare with this Markdown file; exit 1 if it differs")
    ap.add_argument("--print-fingerprints", action="store_true", help="print the fingerprint of each query")
    args = ap.parse_args()

    queries = parse_queries(QUERIES_FILE.read_text(encoding="utf-8"))
    if args.print_fingerprints:
        for qid, _, cypher in queries:
            print(f'    "{qid}": "{fingerprint(cypher)}",')
        return 0
    problems = []
    for qid, _, cypher in queries:
        if qid not in EVALUATORS:
            problems.append(f"{qid}: no evaluator in seed_queries.py")
        elif QUERY_FINGERPRINTS.get(qid) != fingerprint(cypher):
            problems.append(f"{qid}: its Cypher changed since the evaluator was written; review the translation, "
                            "then update QUERY_FINGERPRINTS (--print-fingerprints)")
    missing = sorted(set(EVALUATORS) - {q for q, _, _ in queries})
    problems += [f"{q}: evaluator for a query that is not in queries.cypher" for q in missing]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2

    text = render(Graph(args.graph), queries)
    if args.check:
        same = Path(args.check).read_text(encoding="utf-8") == text
        print(f"{args.check}: {'up to date' if same else 'STALE: regenerate it'}", file=sys.stderr)
        return 0 if same else 1
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {args.out}: {len(queries)} queries", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


QUERY_FINGERPRINTS.update({
    "Q1": "51de005959bd509f",
    "Q2": "f679aaa929c46bc5",
    "Q3": "7bc512b5e2e3f875",
    "Q4": "81da196bd00b541a",
    "Q5": "96ba4c80a073fadc",
    "Q6": "8639f1e12e8f8b0c",
    "Q7": "4406d7fede267d5e",
    "Q8": "9748a717a6e1f2d2",
    "Q9": "2d4031bc455f764f",
    "Q10": "f31e4d998f45fe78",
    "Q11": "a4286c1d19b9aee4",
    "Q12": "4f4ea065432d487f",
    "Q13": "60e703637becac58",
    "Q14": "58e3fd330b8088c3",
    "Q15": "46c4f52e2ab94ddf",
    "Q16": "8dc872f14025f82f",
})

if __name__ == "__main__":
    sys.exit(main())
