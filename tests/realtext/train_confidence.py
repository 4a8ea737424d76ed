#!/usr/bin/env python3
"""Trains the node confidence weights (src/KnowledgeGraph.Graph/Resources/node-confidence.tsv) on hand-judged nodes.

usage:
  kg build tests/realtext/news --out X1 --quiet --node-features X1/features.tsv      (and so for each corpus)
  python3 tests/realtext/train_confidence.py --corpus X1/features.tsv tests/realtext \\
      --corpus X2/features.tsv tests/realtext-check ... --corpus X7/features.tsv tests/realtext-check6 \\
      [--held-out tests/realtext-check2] [--loco [--weights FILE]] [--without f1,f2] \\
      [--write src/KnowledgeGraph.Graph/Resources/node-confidence.tsv]

A corpus is a features file (one row per entity node of its graph) and a folder of judged samples (judged*.tsv: id,
labels, name, verdict, reason). A node is joined to its verdicts by the same id, labels and name; when several files
judge it, the file committed last wins (git log), then the later file name. Logistic regression (L2 1.0 on the
weights but not the bias, fitted to convergence by Newton's method, so the weights do not depend on a learning rate or
step count) learns correct (1) against junk and wrong-type (0); duplicates and wrong merges are judged
on other grounds than the node's own evidence and are left out of training. --without leaves features out (their weight
is 0), to see whether a feature earns its place.

With --loco (leave one corpus out), each corpus in turn is held out: the weights are trained on the others and scored on
it (AUC of correct above junk and wrong-type), beside the AUC of the weights of --weights (the shipped file by default);
then for each gate threshold what the gate would remove on the held-out corpus (judged correct / junk / wrong-type /
duplicate / wrong merge, and the share of all nodes), and the threshold chosen on the training corpora (most judged
errors removed minus 2 x correct removed) with what it does on the held-out corpus.

With --held-out, the weights are trained on the other corpora only, and for each threshold the gate's effect (nodes
below it with no relationship edge dropped) is printed on the training corpora and on the held-out one: the threshold
is chosen on the training corpora (most judged junk, wrong-type, duplicate and wrong-merge nodes removed minus 2 x
correct nodes lost).
Without it, all corpora train the weights that --write writes.
"""
import argparse
import glob
import math
import subprocess
from collections import Counter


def commit_time(path):
    out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], capture_output=True, text=True).stdout.strip()
    return int(out or 0)


def verdicts(folder):
    files = sorted(glob.glob(folder.rstrip("/") + "/judged*.tsv"), key=lambda f: (commit_time(f), f))
    v = {}
    for f in files:
        for line in open(f, encoding="utf-8"):
            if line.startswith("#") or line.startswith("id\t"):
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4:
                v[(p[0], p[1], p[2])] = p[3].strip()
    return v


def load(features, folder):
    v = verdicts(folder)
    rows = []
    with open(features, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            p = line.rstrip("\n").split("\t")
            key = (p[0], p[1], p[2])
            rows.append((key, [float(x) for x in p[3:]], v.get(key)))
    return header[3:], rows


def train(X, y, l2=1.0, iterations=50):
    """Minimises the log loss plus l2/2 |w|^2 (not the bias) by Newton's method; features always 0 keep weight 0."""
    d = len(X[0])
    live = [i for i in range(d) if i == 0 or any(x[i] for x in X)]
    w = [0.0] * d
    for _ in range(iterations):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for x, t in zip(X, y):
            p = prob(w, x)
            s = p * (1 - p)
            nz = [(i, a) for i, a in enumerate(x) if a]
            for i, a in nz:
                g[i] += (p - t) * a
                row = h[i]
                for j, b in nz:
                    row[j] += s * a * b
        for i in live[1:]:
            g[i] += l2 * w[i]
            h[i][i] += l2
        step = solve([[h[i][j] for j in live] for i in live], [g[i] for i in live])
        for i, s in zip(live, step):
            w[i] -= s
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def solve(a, b):
    """Gaussian elimination with partial pivoting: x with a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def read_weights(path):
    """The "feature TAB weight" lines of a weights file (node-confidence.tsv; sparse features keep their "s:" prefix)."""
    with open(path, encoding="utf-8") as fh:
        return {p[0]: float(p[1]) for p in (l.rstrip("\n").split("\t") for l in fh if not l.startswith("#")) if len(p) == 2}


def auc(scores, labels):
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / max(1, len(pos) * len(neg))


def gate(rows, w, names, threshold):
    rel = names.index("relationship")
    dropped = Counter(r[2] for r in rows if r[2] and r[1][rel] == 0 and round(prob(w, r[1]), 3) < threshold)
    judged = [r for r in rows if r[2]]
    correct = sum(r[2] == "correct" for r in judged)
    return dropped, correct, len(judged)


ERRORS = ("junk", "wrong-type", "duplicate", "wrong-merge")


def removed(rows, w, names, threshold):
    """What the gate at threshold removes: Counter of verdicts (None = unjudged) of the nodes it drops."""
    rel = names.index("relationship")
    return Counter(r[2] for r in rows if r[1][rel] == 0 and round(prob(w, r[1]), 3) < threshold)


def choose(rows, w, names):
    """The threshold with the most judged errors removed minus 2 x judged correct removed (the lowest such)."""
    best = (0, 0.0)
    for t in [x / 100 for x in range(5, 96)]:
        d = removed(rows, w, names, t)
        net = sum(d[v] for v in ERRORS) - 2 * d["correct"]
        if net > best[0]:
            best = (net, t)
    return best[1]


def gate_row(rows, w, names, t):
    d = removed(rows, w, names, t)
    errors = sum(d[v] for v in ERRORS)
    return (f"{t:.2f}  {d['correct']:3d} {d['junk']:3d} {d['wrong-type']:3d} {d['duplicate']:3d} {d['wrong-merge']:3d}  "
            f"{sum(d.values()) / len(rows):6.1%}  {'ok' if errors >= 3 * d['correct'] and errors else '--'}"), d


def loco(corpora, names, without, reference):
    """Leave one corpus out: AUC and gates on each held-out corpus (module docstring)."""
    keep = [0.0 if n in without else 1.0 for n in names]
    print("held out            nodes judged  AUC ref  AUC retrained   chosen t  removed there: correct/junk/wrong-type/duplicate/wrong-merge  share  errors>=3xcorrect")
    passes = 0
    tables = []
    for h, rows in corpora.items():
        training = [[a * k for a, k in zip(r[1], keep)] for k, rs in corpora.items() if k != h for r in rs if r[2] in ("correct", "junk", "wrong-type")]
        labels = [r[2] == "correct" for k, rs in corpora.items() if k != h for r in rs if r[2] in ("correct", "junk", "wrong-type")]
        w = train(training, labels)
        ev = [r for r in rows if r[2] in ("correct", "junk", "wrong-type")]
        y = [r[2] == "correct" for r in ev]
        ref = auc([prob(reference, r[1]) for r in ev], y)
        new = auc([prob(w, r[1]) for r in ev], y)
        t = choose([r for k, rs in corpora.items() if k != h for r in rs], w, names)
        line, d = gate_row(rows, w, names, t)
        errors = sum(d[v] for v in ERRORS)
        ok = t > 0 and errors >= 3 * d["correct"] and errors >= 1
        passes += ok
        print(f"{h:20s} {len(rows):5d} {sum(1 for r in rows if r[2]):5d}   {ref:.3f}    {new:.3f}          {line}")
        tables.append((h, [gate_row(rows, w, names, x / 100)[0] for x in range(10, 95, 10)]))
    print(f"held-out corpora where the chosen gate removes at least 3 judged errors per judged correct node: {passes}/{len(corpora)}")
    for h, lines in tables:
        print(f"gate on held-out {h} (weights trained on the others): threshold  correct junk wrong-type duplicate wrong-merge removed  share")
        for line in lines:
            print("   " + line)


def describe(rows, w, names, threshold):
    d, correct, n = gate(rows, w, names, threshold)
    left = n - sum(d.values())
    return (f"dropped {sum(d.values())} judged (correct lost {d['correct']}, junk {d['junk']}, wrong-type {d['wrong-type']}, "
            f"duplicate {d['duplicate']}); correct {correct}/{n} = {correct / n:.3f} -> {correct - d['correct']}/{left} = "
            f"{(correct - d['correct']) / max(1, left):.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs=2, action="append", metavar=("FEATURES", "JUDGED_FOLDER"), required=True)
    ap.add_argument("--held-out", action="append", default=[], help="a JUDGED_FOLDER given with --corpus (repeatable): train on the others, report on it")
    ap.add_argument("--write", help="write the weights trained on all corpora here")
    ap.add_argument("--loco", action="store_true", help="leave one corpus out: train on the others, score each in turn")
    ap.add_argument("--weights", default="src/KnowledgeGraph.Graph/Resources/node-confidence.tsv", help="reference weights for --loco")
    ap.add_argument("--without", default="", help="comma-separated features to leave out (weight 0)")
    a = ap.parse_args()
    corpora = {}
    names = None
    for features, folder in a.corpus:
        names, rows = load(features, folder)
        corpora[folder.rstrip("/")] = rows
        c = Counter(r[2] for r in rows if r[2])
        print(f"{folder}: {len(rows)} nodes, {sum(c.values())} judged {dict(c)}")
    without = set(x for x in a.without.split(",") if x)
    if a.loco:
        ref = read_weights(a.weights)
        loco(corpora, names, without, [ref.get(n, 0.0) for n in names])
        return
    held = [h.rstrip("/") for h in a.held_out]
    training = [r for k, rows in corpora.items() if k not in held for r in rows]
    use = [r for r in training if r[2] in ("correct", "junk", "wrong-type")]
    w = train([[0.0 if n in without else x for n, x in zip(names, r[1])] for r in use], [1 if r[2] == "correct" else 0 for r in use])
    print("weights:", " ".join(f"{n}={x:.3f}" for n, x in zip(names, w)))
    for k, rows in corpora.items():
        ev = [r for r in rows if r[2] in ("correct", "junk", "wrong-type")]
        print(f"  AUC {k}{' (held out)' if k in held else ''}: {auc([prob(w, r[1]) for r in ev], [r[2] == 'correct' for r in ev]):.3f}")
    if held:
        best = None
        for t in [x / 100 for x in range(30, 100, 2)]:
            d, _, _ = gate(training, w, names, t)
            net = sum(c for v, c in d.items() if v != "correct") - 2 * d["correct"]
            if best is None or net > best[0]:
                best = (net, t)
        t = best[1]
        print(f"threshold chosen on the training corpora: {t} (judged bad removed minus 2 x correct lost: {best[0]})")
        print(f"  training corpora: {describe(training, w, names, t)}")
        for h in held:
            print(f"  held out {h}: {describe(corpora[h], w, names, t)}")
        if len(held) > 1:
            print(f"  held out together: {describe([r for h in held for r in corpora[h]], w, names, t)}")
    if a.write:
        with open(a.write, "w", encoding="utf-8") as f:
            f.write("# node confidence: logistic regression weights over NodeConfidence.FeatureNames (docs/entities.md),\n")
            f.write("# trained by tests/realtext/train_confidence.py on the judged nodes of " + ", ".join(corpora) + "\n")
            for n, x in zip(names, w):
                f.write(f"{n}\t{x:.4f}\n")


if __name__ == "__main__":
    main()
