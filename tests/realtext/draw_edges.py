#!/usr/bin/env python3
"""Draw relationship edges of a build at random for hand judging (issues 9 and 10).

usage: python3 tests/realtext/draw_edges.py GRAPH.jsonl --seed N [--n 50] [--added-vs BASE.jsonl]

Takes the relationship lines of GRAPH (every type but MENTIONS), sorted as text, and prints
random.Random(N).sample(lines, n) as TSV rows (start, type, end, confidence, evidence) ready for a verdict.
With --added-vs, only edges whose (start, type, end) is not in BASE (what a change or a reader adds).
"""
import argparse, json, random

def rels(path):
    out = []
    for line in open(path, encoding='utf-8'):
        o = json.loads(line)
        if o.get('type') == 'relationship' and o.get('label') != 'MENTIONS':
            out.append((line.rstrip('\n'), o))
    return out

ap = argparse.ArgumentParser()
ap.add_argument('graph')
ap.add_argument('--seed', type=int, required=True)
ap.add_argument('--n', type=int, default=50)
ap.add_argument('--added-vs')
a = ap.parse_args()
edges = rels(a.graph)
if a.added_vs:
    base = {(o['start']['id'], o['label'], o['end']['id']) for _, o in rels(a.added_vs)}
    edges = [e for e in edges if (e[1]['start']['id'], e[1]['label'], e[1]['end']['id']) not in base]
lines = sorted(l for l, _ in edges)
by_line = {l: o for l, o in edges}
pick = random.Random(a.seed).sample(lines, min(a.n, len(lines)))
print(f'# {len(pick)} of {len(lines)} edges, seed {a.seed}')
print('start\ttype\tend\tconfidence\tevidence')
for l in pick:
    o = by_line[l]
    p = o['properties']
    ev = (p.get('evidence') or [''])[0].replace('\t', ' ').replace('\n', ' ')
    print(f"{o['start']['id']}\t{o['label']}\t{o['end']['id']}\t{p.get('confidence')}\t{ev}")
