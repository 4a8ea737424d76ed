#!/usr/bin/env python3
"""Trains the node confidence weights (src/KnowledgeGraph.Graph/Resources/node-confidence.tsv) on hand-judged nodes.

usage:
  kg build tests/realtext/news --out X1 --node-features X1/features.tsv      (and so for each corpus)
  python3 tests/realtext/train_confidence.py --corpus X1/features.tsv tests/realtext \\
      --corpus X2/features.tsv tests/realtext-check --corpus X3/features.tsv tests/realtext-check2 \\
      [--held-out tests/realtext-check2] [--write src/KnowledgeGraph.Graph/Resources/node-confidence.tsv]

A corpus is a features file (one row per entity node of its graph) and a folder of judged samples (judged*.tsv: id,
labels, name, verdict, reason). A node is joined to its verdicts by the same id, labels and name; when several files
judge it, the file committed last wins (git log), then the later file name. Logistic regression (batch gradient
descent, L2 1.0 on the weights but not the bias) learns correct (1) against junk and wrong-type (0); duplicates and
wrong merges are judged on other grounds than the node's own evidence and are left out of training.

With --held-out, the weights are trained on the other corpora only, and for each threshold the gate's effect (nodes
below it with no relationship edge dropped) is printed on the training corpora and on the held-out one: the threshold
is chosen on the training corpora (most judged junk, wrong-type and duplicate nodes removed minus correct nodes lost).
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


def train(X, y, l2=1.0, iterations=3000, rate=0.1):
    w = [0.0] * len(X[0])
    n = len(X)
    for _ in range(iterations):
        g = [0.0] * len(w)
        for x, t in zip(X, y):
            p = prob(w, x)
            for i, a in enumerate(x):
                g[i] += (p - t) * a
        for i in range(len(w)):
            w[i] -= rate * (g[i] / n + (l2 * w[i] / n if i else 0))
    return w


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


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
    a = ap.parse_args()
    corpora = {}
    names = None
    for features, folder in a.corpus:
        names, rows = load(features, folder)
        corpora[folder.rstrip("/")] = rows
        c = Counter(r[2] for r in rows if r[2])
        print(f"{folder}: {len(rows)} nodes, {sum(c.values())} judged {dict(c)}")
    held = [h.rstrip("/") for h in a.held_out]
    training = [r for k, rows in corpora.items() if k not in held for r in rows]
    use = [r for r in training if r[2] in ("correct", "junk", "wrong-type")]
    w = train([r[1] for r in use], [1 if r[2] == "correct" else 0 for r in use])
    print("weights:", " ".join(f"{n}={x:.3f}" for n, x in zip(names, w)))
    for k, rows in corpora.items():
        ev = [r for r in rows if r[2] in ("correct", "junk", "wrong-type")]
        print(f"  AUC {k}{' (held out)' if k in held else ''}: {auc([prob(w, r[1]) for r in ev], [r[2] == 'correct' for r in ev]):.3f}")
    if held:
        best = None
        for t in [x / 100 for x in range(30, 100, 2)]:
            d, _, _ = gate(training, w, names, t)
            net = sum(c for v, c in d.items() if v != "correct") - d["correct"]
            if best is None or net > best[0]:
                best = (net, t)
        t = best[1]
        print(f"threshold chosen on the training corpora: {t} (judged bad removed minus correct lost: {best[0]})")
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
