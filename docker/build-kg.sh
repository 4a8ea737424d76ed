#!/bin/sh
# The build steps of docker/Dockerfile, as a script so they run the same inside the image build and in the tests
# (tests/run.sh runs it; no Docker engine needed): publish kg with its models, lexicons and schema, check they are
# there, and build the seed article with the published program as a smoke test.
# Usage (from the repository root): sh docker/build-kg.sh <output folder> [scratch folder for the smoke build]
set -eu
OUT="$1"
SMOKE="${2:-$(mktemp -d)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet publish src/KnowledgeGraph.Cli -c Release -o "$OUT" --nologo -v q -nodeReuse:false
for f in kg kg.dll resources/models/pos.bin resources/models/ner.bin resources/lexicons/countries.tsv \
         resources/lexicons/triggers.tsv graph-schema/schema.json graph-schema/constraints.cypher \
         graph-schema/apoc-constraints.cypher; do
  [ -f "$OUT/$f" ] || { echo "build-kg.sh: $OUT/$f is missing from the published program" >&2; exit 1; }
done
"$OUT/kg" build seeds --out "$SMOKE/seed-graph" --quiet
for f in graph.jsonl graph.graphml graph.cypher; do
  [ -s "$SMOKE/seed-graph/$f" ] || { echo "build-kg.sh: smoke build wrote no $f" >&2; exit 1; }
done
grep -q '"type":"relationship"' "$SMOKE/seed-graph/graph.jsonl" || { echo "build-kg.sh: smoke graph has no relationship" >&2; exit 1; }
echo "build-kg.sh: published to $OUT; smoke build of seeds/ wrote $SMOKE/seed-graph"
