#!/usr/bin/env bash
# Refreshes the vendored JavaScript of kg view from npm, at the versions pinned in package.json / package-lock.json.
# Usage: bash src/KnowledgeGraph.Export/Html/Resources/vendor/refresh.sh   (then rebuild; the files are embedded in KnowledgeGraph.Export)
# To move to a new version: edit package.json, run `npm install --package-lock-only` here, then this script.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
copy() { cp "node_modules/$1/$2" "$3"; cp "node_modules/$1/LICENSE" "$1.LICENSE"; }
copy cytoscape dist/cytoscape.min.js cytoscape.min.js
copy layout-base layout-base.js layout-base.js
copy cose-base cose-base.js cose-base.js
copy cytoscape-fcose cytoscape-fcose.js cytoscape-fcose.js
for p in cytoscape layout-base cose-base cytoscape-fcose; do
  echo "$p $(node -p "require('./node_modules/$p/package.json').version")"
done
