#!/usr/bin/env bash
# Measures how long a `kg view` page takes to open and become interactive in headless Chromium, on a graph of
# about 5,000 entities built from the team's shared data. Prints a Markdown table (docs/benchmarks.md quotes it).
# Usage: bash tests/bench-view.sh [shared-data-dir] [work-dir]      (needs Debian's chromium; builds kg in Release)
#
# "Interactive" is the page's own clock: performance.now() when the layout is done and every handler attached
# (body[data-ready-ms]), i.e. the time from navigation start to a clickable graph, JSON parsing and layout included.
# The CPU time of the whole browser run (user+sys, less that of an empty page) is printed too: on a shared, busy
# machine wall-clock times mostly measure the other work.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-${KG_SHARED_DATA:-../shared/data}}
WORK=${2:-$(mktemp -d)}
RUNS=${RUNS:-3}
KG="dotnet src/KnowledgeGraph.Cli/bin/Release/net10.0/kg.dll"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/KnowledgeGraph.Cli -c Release -v q --nologo -nodeReuse:false --disable-build-servers >/dev/null

# 1. The whole shared text: one pass over re3d and UD EWT (assembled by kg bench, as for the build benchmark)
#    and the PLOVER sentences; copies beyond one pass add documents, not entities. Kept when $WORK already has it.
if [ ! -f "$WORK/shared/graph.jsonl" ]; then
  $KG bench --data "$DATA" --mb 1.5 --threads-list 2 --repeat 1 --out "$WORK/bench" >/dev/null
  $KG build "$WORK"/bench/corpus-*.jsonl "$DATA/plover/plover-dev.jsonl" --out "$WORK/shared" --quiet
fi
# 2. The shared data gives just under 5,000 entities: the same graph doubled too (every node and edge again under a new id).
python3 - "$WORK/shared/graph.jsonl" "$WORK/doubled/graph.jsonl" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(dst), exist_ok=True)
lines = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for copy in ("", "#2"):
        for o in lines:
            o = json.loads(json.dumps(o))
            o["id"] += copy
            if o["type"] == "relationship":
                o["start"]["id"] += copy
                o["end"]["id"] += copy
            elif copy and "name" in o["properties"]:
                o["properties"]["name"] += " (2)"
            out.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
for g in shared doubled; do $KG view "$WORK/$g/graph.jsonl" >/dev/null; done

# One headless Chromium run on a URL: "<CPU seconds of the whole browser> <ready ms> <timings>" (ready and timings
# are the page's own wall clock; on a busy shared machine the CPU figure is the steadier one).
run() {
  local dom cpu; dom=$(mktemp); cpu=$(mktemp)
  /usr/bin/time -o "$cpu" -f "%U %S" chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" \
    --window-size=1400,900 --dump-dom "$1" >"$dom" 2>/dev/null
  echo "$(awk '{printf "%.2f", $1 + $2}' "$cpu") $(grep -o 'data-ready-ms="[0-9]*"' "$dom" | grep -o '[0-9]*') $(grep -o 'data-timings="[^"]*"' "$dom" | sed 's/data-timings=//; s/"//g; s/ /,/g')"
  rm -f "$dom" "$cpu"
}

blank=$(run about:blank | cut -d' ' -f1)
echo "| graph | entities | relationships | page (MiB) | drawn at first | CPU s beyond an empty page | interactive after (ms, page clock) | where (ms) |"
echo "|---|---:|---:|---:|---|---|---|---|"
for g in shared doubled; do
  jsonl="$WORK/$g/graph.jsonl"; html="$WORK/$g/graph.html"
  read -r entities rels < <(python3 -c "
import json
e = r = 0
for l in open('$jsonl', encoding='utf-8'):
    o = json.loads(l)
    if o['type'] == 'node': e += 'Entity' in o['labels']
    else: r += o['label'] != 'MENTIONS'
print(e, r)")
  mib=$(python3 -c "import os;print(f'{os.path.getsize(\"$html\")/1048576:.1f}')")
  for mode in top all; do
    url="file://$html"; label="300 most mentioned"
    if [ $mode = all ]; then url="$url#all"; label="all (graph.html#all)"; fi
    cpus=""; readys=""; where=""
    for _ in $(seq "$RUNS"); do
      read -r cpu ready timings < <(run "$url")
      cpus="$cpus $(python3 -c "print(f'{$cpu - $blank:.1f}')")"; readys="$readys $ready"; where="$timings"
    done
    echo "| $g | $entities | $rels | $mib | $label | $(echo $cpus | tr ' ' '/') | $(echo $readys | tr ' ' '/') | $where |"
  done
done
echo
echo "Empty page: $blank CPU s. Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(chromium --version 2>/dev/null | head -1)"
