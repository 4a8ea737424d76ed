#!/usr/bin/env python3
"""The hand-judged relationship edges of the development corpora against the edge confidence of a build (issue 9).

usage:
  kg build tests/realtext/news --out X1 --quiet --min-edge-confidence 0       (and so for each development corpus)
  python3 tests/realtext/edge_confidence.py X1 tests/realtext X2 tests/realtext-check X3 tests/realtext-check2 \\
      X4 tests/realtext-check3 X5 tests/realtext-check4 X6 tests/realtext-check5 X7 tests/realtext-check6 \\
      [--gates 0.1,0.2,0.3] [--cv] [--per-corpus] [--loco]

Each pair is a build folder (graph.jsonl, built with every edge kept) and the corpus folder whose edges-judged-*.tsv
judged its edges (right / partly: right pair, loose type / wrong). A judged edge is joined to the build by (start,
type, end); an edge judged in several files of one corpus counts once (the first file in name order). Prints the
verdicts of the joined edges by confidence band and, for each gate, the verdicts kept and left out; the AUC of the
confidence (right above wrong; right or partly above wrong). With --cv, also the 5-fold cross-validated AUC of a small
logistic model over the edge's graph features (confidence, evidence count, documents, category kind, asserted,
attributed, endpoint types and node confidences), to see whether refitting beats the hand-set confidence. With
--per-corpus, also each corpus's verdicts kept at each gate (the judged edges of tests/realtext-check4 and -check5 are
the judged-before and judged-after draws of edges-judged-before.tsv / edges-judged-after.tsv). With --loco (leave one
corpus out), each corpus in turn is held out: the AUC there of the confidence and of logistic refits trained on the other
corpora (the graph features above, and those with the edge's shape: a one-word endpoint, the distance in words between
the endpoints' names in the evidence sentence, no trigger recorded), then for each gate what it removes there (judged
right / partly / wrong and the share of all relationship edges), and the gate chosen on the other corpora (most wrong
edges removed minus 2 x right removed) with what it does on the held-out corpus, both counted from no gate and from the
default gate 0.2.
"""
import argparse
import csv
import glob
import json
import math
import random
from collections import Counter

STATIVE = {"LOCATED_IN", "PART_OF", "MEMBER_OF", "LEADS", "WORKS_FOR", "ALLIED_WITH", "AFFILIATED_WITH", "FUNDED_BY",
           "HEADQUARTERED_IN", "NATIONALITY", "REPLACED_BY", "OPPOSES"}


def load(build):
    nodes, edges = {}, {}
    for line in open(build.rstrip("/") + "/graph.jsonl", encoding="utf-8"):
        o = json.loads(line)
        if o["type"] == "node":
            nodes[o["id"]] = o
        elif o["label"] != "MENTIONS":
            # asserted and hedged readings of one triple are two edges: the surer one stands for the triple
            key = (o["start"]["id"], o["label"], o["end"]["id"])
            if key not in edges or o["properties"]["confidence"] > edges[key]["properties"]["confidence"]:
                edges[key] = o
    return nodes, edges


def judged(corpus):
    seen = {}
    for f in sorted(glob.glob(corpus.rstrip("/") + "/edges-judged-*.tsv")):
        lines = [l for l in open(f, encoding="utf-8") if not l.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            seen.setdefault((row["start"], row["type"], row["end"]), row["verdict"].strip())
    return seen


def logit(p):
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def features(nodes, e):
    p = e["properties"]
    s, o = nodes[e["start"]["id"]], nodes[e["end"]["id"]]
    return [1.0, logit(p["confidence"]), math.log(p["evidence_count"]), float(len(p["doc_ids"]) > 1),
            float(p["category"] in STATIVE), float(not p["asserted"]), float("attributed_to" in p),
            logit(s["properties"].get("confidence", 0.5)), logit(o["properties"].get("confidence", 0.5)),
            float("Person" in s["labels"]), float("Location" in s["labels"]),
            float("Person" in o["labels"]), float("Location" in o["labels"])]


def words_between(text, a_names, b_names):
    """The fewest words between a name of one endpoint and a name of the other in the sentence; None if one is not there."""
    def spans(names):
        out = []
        for n in names:
            i = text.find(n)
            while i >= 0 and n:
                out.append((i, i + len(n)))
                i = text.find(n, i + 1)
        return out
    sa, sb = spans(a_names), spans(b_names)
    if not sa or not sb:
        return None
    best = None
    for a0, a1 in sa:
        for b0, b1 in sb:
            lo, hi = (a1, b0) if a1 <= b0 else (b1, a0)
            gap = len(text[lo:hi].split()) if hi > lo else 0
            best = gap if best is None else min(best, gap)
    return best


def shape(nodes, e):
    """The edge's shape: a one-word endpoint, the log words between the endpoints' names, the names not found, no trigger."""
    p = e["properties"]
    s, o = nodes[e["start"]["id"]], nodes[e["end"]["id"]]
    names = lambda n: [a for a in [n["properties"].get("name", "")] + n["properties"].get("aliases", []) if len(a) > 1]
    gap = words_between(p["evidence"][0], names(s), names(o)) if p.get("evidence") else None
    one_word = any(" " not in n["properties"].get("name", " ") for n in (s, o))
    return [float(one_word), math.log(1 + gap) if gap is not None else 0.0, float(gap is None), float(not p.get("trigger"))]


def auc(scores, labels, positive):
    pos = [s for s, y in zip(scores, labels) if y in positive]
    neg = [s for s, y in zip(scores, labels) if y == "wrong"]
    if not pos or not neg:
        return float("nan")
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


def train(xs, ys, l2=1.0, steps=3000, rate=0.1):
    w = [0.0] * len(xs[0])
    for _ in range(steps):
        g = [0.0] * len(w)
        for x, y in zip(xs, ys):
            pr = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for j, v in enumerate(x):
                g[j] += (pr - y) * v
        w = [wj - rate * (gj / len(xs) + (l2 * wj / len(xs) if j > 0 else 0)) for j, (wj, gj) in enumerate(zip(w, g))]
    return w


def chosen_gate(rows, floor=0.0):
    """The gate with the most wrong edges removed minus 2 x right removed (counted above floor; the lowest such)."""
    best = (0, floor)
    for g in [x / 100 for x in range(5, 61)]:
        if g <= floor:
            continue
        out = Counter(v for v, c, *_ in rows if floor <= c < g)
        net = out["wrong"] - 2 * out["right"]
        if net > best[0]:
            best = (net, g)
    return best[1]


def loco(rows, totals, gates):
    """Leave one corpus out (module docstring)."""
    print("held out             judged r/p/w   AUC right>wrong: confidence  refit  refit+shape   (right|partly>wrong: confidence  refit+shape)")
    for h in totals:
        test = [r for r in rows if r[3] == h]
        train_rows = [r for r in rows if r[3] != h and r[0] != "partly"]
        labels = [r[0] for r in test]
        w1 = train([r[2] for r in train_rows], [r[0] == "right" for r in train_rows])
        w2 = train([r[2] + r[4] for r in train_rows], [r[0] == "right" for r in train_rows])
        p1 = [1 / (1 + math.exp(-sum(x * y for x, y in zip(w1, r[2])))) for r in test]
        p2 = [1 / (1 + math.exp(-sum(x * y for x, y in zip(w2, r[2] + r[4])))) for r in test]
        conf = [r[1] for r in test]
        c = Counter(labels)
        print(f"{h.rstrip('/'):20s} {c['right']:3d}/{c['partly']:2d}/{c['wrong']:2d}    {auc(conf, labels, {'right'}):.3f}       "
              f"{auc(p1, labels, {'right'}):.3f}  {auc(p2, labels, {'right'}):.3f}         "
              f"{auc(conf, labels, {'right', 'partly'}):.3f}       {auc(p2, labels, {'right', 'partly'}):.3f}")
    for floor in (0.0, 0.2):
        print(f"gates on the confidence, removed counted from {'no gate' if not floor else 'the default gate 0.2'}: "
              f"held-out corpus, then right/partly/wrong removed and share of all its edges at each gate; the gate chosen on the others")
        passes = 0
        for h, confs in totals.items():
            test = [r for r in rows if r[3] == h]
            cells = []
            for g in gates:
                if g <= floor:
                    continue
                out = Counter(v for v, c, *_ in test if floor <= c < g)
                share = sum(1 for c in confs if floor <= c < g) / max(1, len(confs))
                cells.append(f"{g:.2f}: {out['right']}/{out['partly']}/{out['wrong']} {share:.0%}")
            t = chosen_gate([r for r in rows if r[3] != h], floor)
            out = Counter(v for v, c, *_ in test if floor <= c < t)
            ok = t > floor and out["wrong"] >= 3 * out["right"] and out["wrong"] > 0
            passes += ok
            print(f"  {h.rstrip('/'):20s} " + "  ".join(cells) + f"  | chosen {t:.2f}: {out['right']}/{out['partly']}/{out['wrong']} {'ok' if ok else '--'}")
        print(f"  held-out corpora where the chosen gate removes at least 3 wrong per right: {passes}/{len(totals)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="+", help="build folder, corpus folder, ...")
    ap.add_argument("--gates", default="0.1,0.15,0.2,0.25,0.3,0.4,0.5")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--per-corpus", action="store_true", help="also the verdicts kept at each gate, corpus by corpus")
    ap.add_argument("--loco", action="store_true", help="leave one corpus out: AUC of the confidence and of refits, and the gates, per held-out corpus")
    a = ap.parse_args()
    if len(a.pairs) % 2:
        ap.error("give build folders and corpus folders in pairs")
    rows, missing, corpora, totals = [], Counter(), [], {}
    for build, corpus in zip(a.pairs[::2], a.pairs[1::2]):
        nodes, edges = load(build)
        corpora.append((corpus, len(rows)))
        totals[corpus] = [e["properties"]["confidence"] for e in edges.values()]
        for key, verdict in judged(corpus).items():
            if key in edges:
                rows.append((verdict, edges[key]["properties"]["confidence"], features(nodes, edges[key]), corpus,
                             shape(nodes, edges[key])))
            else:
                missing[verdict] += 1
    gates = [float(g) for g in a.gates.split(",")]
    if a.loco:
        loco(rows, totals, gates)
    rows = [r[:3] for r in rows]
    if a.per_corpus:
        for (corpus, lo), (_, hi) in zip(corpora, corpora[1:] + [(None, len(rows))]):
            kept = " ".join(f"{g:.2f}: " + "/".join(str(sum(1 for v, c, _ in rows[lo:hi] if v == w and c >= g)) for w in ("right", "partly", "wrong"))
                            for g in gates)
            print(f"{corpus.rstrip('/')}: {hi - lo} judged edges in the build; kept right/partly/wrong at gate {kept}")
    print(f"judged edges in the builds: {len(rows)} {dict(Counter(r[0] for r in rows))}; not there (any more): {dict(missing)}")
    bands = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 1.01]
    for lo, hi in zip(bands, bands[1:]):
        c = Counter(v for v, conf, _ in rows if lo <= conf < hi)
        print(f"  confidence {lo:.1f}-{min(hi, 1):.1f}: right {c['right']:3d}  partly {c['partly']:3d}  wrong {c['wrong']:3d}")
    for gate in gates:
        kept = Counter(v for v, conf, _ in rows if conf >= gate)
        out = Counter(v for v, conf, _ in rows if conf < gate)
        print(f"  gate {gate:.2f}: kept right/partly/wrong {kept['right']}/{kept['partly']}/{kept['wrong']}, "
              f"left out {out['right']}/{out['partly']}/{out['wrong']}")
    labels = [v for v, _, _ in rows]
    conf = [c for _, c, _ in rows]
    print(f"AUC of the confidence: right over wrong {auc(conf, labels, {'right'}):.3f}, "
          f"right or partly over wrong {auc(conf, labels, {'right', 'partly'}):.3f}")
    if a.cv:
        order = list(range(len(rows)))
        random.Random(1).shuffle(order)
        cv = [0.0] * len(rows)
        for fold in range(5):
            test = set(order[fold::5])
            train_rows = [(rows[i][2], 1 if rows[i][0] == "right" else 0) for i in range(len(rows))
                          if i not in test and rows[i][0] != "partly"]
            w = train([x for x, _ in train_rows], [y for _, y in train_rows])
            for i in test:
                cv[i] = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, rows[i][2]))))
        print(f"5-fold AUC of a logistic refit: right over wrong {auc(cv, labels, {'right'}):.3f}, "
              f"right or partly over wrong {auc(cv, labels, {'right', 'partly'}):.3f}")


if __name__ == "__main__":
    main()
