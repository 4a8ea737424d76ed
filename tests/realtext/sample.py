#!/usr/bin/env python3
"""Draws the real-text check sample: N entity nodes of a built graph.jsonl at random with a fixed seed.

usage: python3 tests/realtext/sample.py out/graph.jsonl [--n 100] [--seed 10] > sample.tsv

Nodes are sorted by id before sampling, so the same graph always gives the same sample. Each row gives what a
judge needs: id, labels, name, aliases, mentions; the judge adds a verdict (correct, junk, duplicate,
wrong-type, wrong-merge) and a one-line reason.
"""
import argparse
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=10)
    a = ap.parse_args()
    nodes = []
    with open(a.graph, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("type") == "node" and "Entity" in o.get("labels", []):
                nodes.append(o)
    nodes.sort(key=lambda o: o["properties"]["id"] if "id" in o["properties"] else o["id"])
    sample = random.Random(a.seed).sample(nodes, min(a.n, len(nodes)))
    sample.sort(key=lambda o: o["properties"].get("id", o["id"]))
    print("id\tlabels\tname\taliases\tmentions")
    for o in sample:
        p = o["properties"]
        print("\t".join([p.get("id", o["id"]), ":".join(o["labels"]), p.get("name", ""),
                         " | ".join(p.get("aliases", [])), str(p.get("mentions", ""))]))


if __name__ == "__main__":
    main()
