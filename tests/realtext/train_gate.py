#!/usr/bin/env python3
"""Trains the node model with sparse features of the name and labels (NodeConfidence, docs/entities.md "Node confidence")
and measures the node gate leave one corpus out.

usage (from the repository root, as the verdicts of a node judged in several files are ordered by git log):
  kg build tests/<c>/news --out X --quiet --node-features X.tsv          (for each of the twenty development corpora)
  python3 tests/realtext/train_gate.py --corpus X.tsv tests/<c> ... --loco [--reference FILE]
  python3 tests/realtext/train_gate.py --corpus X.tsv tests/<c> ... --write src/KnowledgeGraph.Graph/Resources/node-confidence.tsv

A row of a features file is a node: id, labels (type and sublabels, ':'-joined), name, then the dense features of
NodeConfidence.FeatureNames. The sparse features (sparse() below; NodeConfidence.SparseFeatures is the same function in
C#) are computed here from the labels and the name, each 0/1; a sparse feature is used only when at least --min-count
distinct training nodes have it. The model is a logistic regression of correct (1) against junk and wrong-type (0),
L2-penalised (--l2 on the dense weights, not the bias; --l2-sparse on the sparse ones), fitted by L-BFGS to a gradient
below 1e-4: the objective is strictly convex, so the same rows give the same weights.

--loco: each corpus in turn is held out; the model is trained on the others, and the gate threshold is chosen on the
others' out-of-fold scores (the others split by corpus into --folds folds, each scored by a model trained on the rest),
as the most judged errors (junk, wrong-type, duplicate, wrong-merge) removed minus --cost x judged correct removed.
A node that a relationship edge touches is never removed. Printed per held-out corpus: AUC (correct above junk and
wrong-type) of the reference weights (the features file's own model as shipped, --reference) and of the new model, the
threshold, what the gate removes there and the share of judged-correct among the judged nodes before and after; then
pooled, and whether the bar of docs/entities.md is met.
"""
import argparse
import math
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_confidence import verdicts, auc, read_weights  # noqa: E402

ERRORS = ("junk", "wrong-type", "duplicate", "wrong-merge")
DIGITS = "0123456789"


def shape(word):
    """Upper X, lower x, digit d, anything else as itself; runs of one symbol written once ("Xx", "X.X.", "d")."""
    out = []
    for c in word:
        s = "d" if c in DIGITS else "X" if c.isupper() else "x" if c.islower() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def sparse(labels, name, context=()):
    """The sparse features of a node (NodeConfidence.SparseFeatures in C# is the same function); context: the node's context
    keys (MentionContext.Keys: "prev=ADP", "nextw=said"), the features file's last column."""
    words = name.split()
    if not words:
        return []
    parts = labels.split(":")
    typ = parts[0]
    lw = [w.lower() for w in words]
    f = {"labels=" + labels}
    for p in parts[1:]:
        f.add("sub=" + p)
    for w in lw:
        f.add("w=" + w)
    f.add("first=" + lw[0])
    f.add("last=" + typ + "|" + lw[-1])
    f.add("shape=" + typ + "|" + " ".join(shape(w) for w in words[:4]) + ("+" if len(words) > 4 else ""))
    f.add("n=" + typ + "|" + str(min(len(words), 5)))
    f.update(context)
    return sorted(f)


CONTEXT_DENSE = ("share_opening", "share_headline", "share_title_line", "share_list_item", "share_dateline", "share_citation",
                 "share_unpunctuated", "mean_margin")


def load(path, folder, no_context=False):
    """Rows of a features file joined to the verdicts of a judged folder. A file with a last column "context" (since branch
    ctx38) gives the context keys; no_context drops them and the dense features of CONTEXT_DENSE (gate37's features)."""
    # the judged files of the later corpora write the labels with Entity first ("Entity:Location"), the features file without
    v = {(i, l[len("Entity:"):] if l.startswith("Entity:") else l, n): x for (i, l, n), x in verdicts(folder).items()}
    rows = []
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        with_keys = header[-1] == "context"
        names = header[3:-1] if with_keys else header[3:]
        keep = [i for i, n in enumerate(names) if not (no_context and n in CONTEXT_DENSE)]
        for line in fh:
            p = line.rstrip("\n").split("\t")
            values = p[3:3 + len(names)]
            context = p[-1].split() if with_keys and not no_context else []
            rows.append({"key": (p[0], p[1], p[2]), "dense": [float(values[i]) for i in keep], "sparse": sparse(p[1], p[2], context),
                         "verdict": v.get((p[0], p[1], p[2]))})
    return [names[i] for i in keep], rows


def train(rows, names, l2, l2s, min_count):
    """Returns (dense weights, {sparse feature: weight})."""
    counts = Counter()
    for r in rows:
        counts.update(r["sparse"])
    vocab = sorted(k for k, c in counts.items() if c >= min_count)
    index = {k: i for i, k in enumerate(vocab)}
    d = len(names)
    n = d + len(vocab)
    # the dense features' non-zero entries only: a zero adds nothing to a sum, so the fit is the same, and faster
    X = [([(i, a) for i, a in enumerate(r["dense"]) if a], [d + index[k] for k in r["sparse"] if k in index]) for r in rows]
    y = [1.0 if r["verdict"] == "correct" else 0.0 for r in rows]
    reg = [0.0] + [l2] * (d - 1) + [l2s] * len(vocab)

    def fg(w):
        loss = 0.0
        g = [0.0] * n
        for (dense, sp), t in zip(X, y):
            z = sum(w[i] * a for i, a in dense) + sum(w[i] for i in sp)
            if z >= 0:
                e = math.exp(-z)
                p = 1 / (1 + e)
                loss += math.log1p(e) + (1 - t) * z
            else:
                e = math.exp(z)
                p = e / (1 + e)
                loss += math.log1p(e) - t * z
            r = p - t
            for i, a in dense:
                g[i] += r * a
            for i in sp:
                g[i] += r
        for i in range(n):
            if reg[i]:
                loss += 0.5 * reg[i] * w[i] * w[i]
                g[i] += reg[i] * w[i]
        return loss, g

    w = lbfgs(fg, [0.0] * n)
    return w[:d], {k: w[d + i] for i, k in enumerate(vocab)}


def lbfgs(fg, w, m=10, tol=1e-4, iterations=500):
    f, g = fg(w)
    s_hist, y_hist = [], []
    for _ in range(iterations):
        if max(abs(x) for x in g) < tol:
            break
        q = g[:]
        alphas = []
        for s, yv in reversed(list(zip(s_hist, y_hist))):
            rho = 1 / dot(yv, s)
            a = rho * dot(s, q)
            alphas.append((a, rho, s, yv))
            q = [qi - a * yi for qi, yi in zip(q, yv)]
        gamma = dot(s_hist[-1], y_hist[-1]) / dot(y_hist[-1], y_hist[-1]) if s_hist else 1 / max(1.0, math.sqrt(dot(g, g)))
        r = [gamma * x for x in q]
        for a, rho, s, yv in reversed(alphas):
            b = rho * dot(yv, r)
            r = [ri + si * (a - b) for ri, si in zip(r, s)]
        direction = [-x for x in r]
        slope = dot(g, direction)
        if slope >= 0:
            direction = [-x for x in g]
            slope = dot(g, direction)
            s_hist, y_hist = [], []
        step = 1.0
        while True:
            nw = [wi + step * di for wi, di in zip(w, direction)]
            nf, ng = fg(nw)
            if nf <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step /= 2
        s = [a - b for a, b in zip(nw, w)]
        yv = [a - b for a, b in zip(ng, g)]
        if dot(s, yv) > 1e-12:
            s_hist.append(s)
            y_hist.append(yv)
            if len(s_hist) > m:
                s_hist.pop(0)
                y_hist.pop(0)
        w, f, g = nw, nf, ng
    return w


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def score(model, r):
    dense, sp = model
    z = sum(a * b for a, b in zip(dense, r["dense"])) + sum(sp.get(k, 0.0) for k in r["sparse"])
    return round(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), 3)


def removed(scored, rel, t):
    """Verdicts (None = unjudged) of the nodes the gate at t removes: below t and no relationship edge."""
    return Counter(r["verdict"] for r, s in scored if r["dense"][rel] == 0 and s < t)


def choose(scored, rel, cost):
    best = (0.0, 0.0)
    for t in [x / 100 for x in range(2, 96)]:
        d = removed(scored, rel, t)
        net = sum(d[v] for v in ERRORS) - cost * d["correct"]
        if net > best[0]:
            best = (net, t)
    return best[1]


def trainable(rows):
    return [r for r in rows if r["verdict"] in ("correct", "junk", "wrong-type")]


def share(rows, d):
    judged = [r for r in rows if r["verdict"]]
    correct = sum(r["verdict"] == "correct" for r in judged)
    left = len(judged) - sum(c for v, c in d.items() if v)
    return correct / max(1, len(judged)), (correct - d["correct"]) / max(1, left)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs=2, action="append", metavar=("FEATURES", "JUDGED_FOLDER"), required=True)
    ap.add_argument("--loco", action="store_true")
    ap.add_argument("--write")
    ap.add_argument("--reference", default="src/KnowledgeGraph.Graph/Resources/node-confidence.tsv")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--l2-sparse", type=float, default=3.0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--folds", type=int, default=3, help="folds of the other corpora to choose the threshold on (0: no gate, AUC only)")
    ap.add_argument("--cost", type=float, default=3.0)
    ap.add_argument("--dense-only", action="store_true", help="no sparse features (the shipped model's features, retrained)")
    ap.add_argument("--without", default="", help="comma-separated prefixes of sparse features to leave out (w=,first=,last=,shape=,n=,labels=,sub=,prev=,prevw=,next=,nextw=)")
    ap.add_argument("--no-context", action="store_true", help="without the context features (MentionContext, since ctx38): gate37's features, retrained")
    a = ap.parse_args()
    corpora = {}
    names = None
    for path, folder in a.corpus:
        names, rows = load(path, folder, a.no_context)
        without = tuple(x for x in a.without.split(",") if x)
        for r in rows:
            if a.dense_only:
                r["sparse"] = []
            elif without:
                r["sparse"] = [k for k in r["sparse"] if not k.startswith(without)]
        corpora[folder.rstrip("/")] = rows
    rel = names.index("relationship")

    def fit(rows):
        return train(trainable(rows), names, a.l2, a.l2_sparse, a.min_count)

    if a.write:
        model = fit([r for rows in corpora.values() for r in rows])
        with open(a.write, "w", encoding="utf-8") as fh:
            fh.write("# node confidence: logistic regression over NodeConfidence.FeatureNames (dense) and NodeConfidence.SparseFeatures\n")
            fh.write(f"# ('s:' lines; a feature not listed weighs 0), trained by tests/realtext/train_gate.py (l2 {a.l2}, l2-sparse {a.l2_sparse},\n")
            fh.write(f"# min-count {a.min_count}) on the judged nodes of " + ", ".join(corpora) + "\n")
            for n, x in zip(names, model[0]):
                fh.write(f"{n}\t{x:.4f}\n")
            for k, x in sorted(model[1].items()):
                if abs(x) >= 0.005:
                    fh.write(f"s:{k}\t{x:.4f}\n")
        print(f"wrote {a.write}: {len(names)} dense, {sum(abs(x) >= 0.005 for x in model[1].values())} sparse weights")
        return
    if not a.loco:
        return
    ref = read_weights(a.reference)
    ref_model = ([ref.get(n, 0.0) for n in names], {k[2:]: x for k, x in ref.items() if k.startswith("s:")})
    keys = list(corpora)
    pooled = Counter()
    pooled_ref = Counter()
    passes = 0
    all_scores, all_ref, all_y = [], [], []
    print("held out             judged  AUC ref  AUC new  t     removed correct/junk/wrong-type/duplicate/wrong-merge  correct share before -> after  ok(>=2:1)")
    for h in keys:
        others = [k for k in keys if k != h]
        model = fit([r for k in others for r in corpora[k]])
        # out-of-fold scores of the other corpora, to choose the threshold on them only
        folds = [others[i::a.folds] for i in range(a.folds)]
        oof = []
        for fold in folds:
            m = fit([r for k in others if k not in fold for r in corpora[k]])
            oof += [(r, score(m, r)) for k in fold for r in corpora[k]]
        t = choose(oof, rel, a.cost) if oof else 0.0  # --folds 0: AUC only, no gate
        rows = corpora[h]
        scored = [(r, score(model, r)) for r in rows]
        ev = trainable(rows)
        y = [r["verdict"] == "correct" for r in ev]
        s_new = [score(model, r) for r in ev]
        s_ref = [score(ref_model, r) for r in ev]
        all_scores += s_new
        all_ref += s_ref
        all_y += y
        d = removed(scored, rel, t)
        pooled.update(d)
        errors = sum(d[v] for v in ERRORS)
        ok = errors >= 2 * d["correct"] and (errors > 0 or d["correct"] == 0)
        passes += ok
        before, after = share(rows, d)
        print(f"{h:22s} {sum(1 for r in rows if r['verdict']):5d}   {auc(s_ref, y):.3f}    {auc(s_new, y):.3f}   {t:.2f}  "
              f"{d['correct']:3d} {d['junk']:3d} {d['wrong-type']:3d} {d['duplicate']:3d} {d['wrong-merge']:3d} (unjudged {d[None]:3d})  "
              f"{before:.3f} -> {after:.3f}  {'ok' if ok else '--'}", flush=True)
    errors = sum(pooled[v] for v in ERRORS)
    everything = [r for rows in corpora.values() for r in rows]
    before, after = share(everything, pooled)
    print(f"pooled: AUC ref {auc(all_ref, all_y):.3f} new {auc(all_scores, all_y):.3f}; removed correct {pooled['correct']} junk {pooled['junk']} "
          f"wrong-type {pooled['wrong-type']} duplicate {pooled['duplicate']} wrong-merge {pooled['wrong-merge']} unjudged {pooled[None]}; "
          f"errors per correct {errors / max(1, pooled['correct']):.2f}; correct share {before:.3f} -> {after:.3f}; "
          f"corpora with >= 2 errors per correct: {passes}/{len(keys)}")
    if a.folds:
        print("bar of docs/entities.md (pooled >= 3 errors per correct, and >= 2 per correct on >= 15 of 19 corpora):",
              "met" if errors >= 3 * pooled["correct"] and pooled["correct"] + errors > 0 and passes >= 15 else "NOT met")


if __name__ == "__main__":
    main()
