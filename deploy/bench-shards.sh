#!/bin/sh
# Benchmark of issue 14 (docs/benchmarks.md, "Sharded build"): one process over the whole corpus against 4 shards
# run one after another and merged, on real text assembled at run time from the shared data (never committed).
# Usage: deploy/bench-shards.sh <kg program> <work dir> [MiB of text, default 50] [shards, default 4]
#   e.g. deploy/bench-shards.sh kg-bin/kg /tmp/kg-shard-bench 50 4
# Every step runs under /usr/bin/time -v: user+sys CPU seconds and peak resident memory are what count on a
# shared machine (wall time depends on the other work). The graph files of the merge must equal the build's.
set -eu
KG="$1"; W="$2"; MB="${3:-50}"; N="${4:-4}"
mkdir -p "$W"
measure() { # name, command...
  name="$1"; shift
  /usr/bin/time -v "$@" > "$W/$name.out" 2> "$W/$name.time" || { echo "$name failed (exit $?), see $W/$name.time"; [ "$name" = whole ] || [ "${name#shard}" != "$name" ] || [ "$name" = merge ] || exit 1; }
  awk -v n="$name" -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2} /Elapsed \(wall/ {e=$2}
    END {printf "%-8s cpu %8.1f s (user %.1f + sys %.1f)  peak RSS %7.0f MiB  wall %s\n", n, u+s, u, s, m/1024, e}' "$W/$name.time" | tee -a "$W/summary.txt"
}
[ -f "$W/corpus.jsonl" ] || "$KG" bench --mb "$MB" --write-corpus "$W/corpus.jsonl"
ls -l "$W/corpus.jsonl" | tee "$W/summary.txt"
uptime | tee -a "$W/summary.txt"
measure whole "$KG" build "$W/corpus.jsonl" --out "$W/whole" --threads 1 --quiet
i=1
while [ "$i" -le "$N" ]; do
  measure "shard$i" "$KG" build "$W/corpus.jsonl" --shard "$i/$N" --out "$W/shard$i" --threads 1 --quiet
  i=$((i + 1))
done
measure merge "$KG" merge $(i=1; while [ "$i" -le "$N" ]; do printf '%s ' "$W/shard$i"; i=$((i + 1)); done) --out "$W/merged" --quiet
for f in graph.jsonl graph.graphml graph.cypher; do
  cmp "$W/whole/$f" "$W/merged/$f" && echo "$f: byte-identical" | tee -a "$W/summary.txt"
done
du -sh "$W"/shard1/analyses.jsonl.gz | tee -a "$W/summary.txt"
uptime | tee -a "$W/summary.txt"
