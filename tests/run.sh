#!/usr/bin/env bash
# The project's one test command: installs what the tests need, then runs every test.
# Usage: bash tests/run.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# GraphML tests read our output with NetworkX, a real GraphML consumer.
if ! python3 -c 'import networkx' 2>/dev/null; then
  echo "== installing NetworkX (Debian python3-networkx)"
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >/dev/null
  else
    echo "NetworkX is missing: install python3-networkx (or pip install networkx) and rerun" >&2
  fi
fi

# Browser tests open kg's HTML pages in headless Chromium from Debian (never a downloaded browser).
if ! command -v chromium >/dev/null; then
  echo "== installing Chromium (Debian chromium)"
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's chromium (the browser tests are skipped without it)" >&2
  fi
fi

# The vendored JavaScript of the HTML pages is compared byte for byte with the pinned npm packages.
echo "== installing the pinned view libraries for comparison (npm ci)"
npm ci --prefix src/KnowledgeGraph.Export/Html/Resources/vendor --no-audit --no-fund --loglevel=error

# Cypher lint tests run Neo4j's own linter (npm @neo4j-cypher/language-support).
if [ -f tests/cypher-lint/package-lock.json ]; then
  echo "== installing the Cypher linter (npm ci)"
  npm ci --prefix tests/cypher-lint --no-audit --no-fund --loglevel=error
fi

# One MSBuild process, no build servers left behind: steadier on small shared machines.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== dotnet build"
dotnet build KnowledgeGraph.sln -c Release --nologo -v q -nodeReuse:false --disable-build-servers
# The Dockerfile's build steps (docker/build-kg.sh): publish kg with its resources, smoke-build seeds/ with it.
echo "== docker/build-kg.sh (the Dockerfile's build steps, no Docker engine needed)"
kg_image="$(mktemp -d)"
sh docker/build-kg.sh "$kg_image/kg" "$kg_image"
rm -rf "$kg_image"
echo "== dotnet test"
dotnet test KnowledgeGraph.sln -c Release --no-build --nologo -v q "$@"
