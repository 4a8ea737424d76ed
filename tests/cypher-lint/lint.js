#!/usr/bin/env node
// Lints Cypher statements with Neo4j's own linter (@neo4j-cypher/language-support, lintCypherQuery): syntax plus
// Neo4j's semantic analysis, no server needed. Many statements per call, so the .NET test pays node's start-up once.
//
// stdin:  {"dbSchema": {labels, relationshipTypes, propertyKeys, ...},
//          "statements": [{"name": "...", "text": "...", "parameters": {"rows": [...]}, "console": false}]}
// stdout: {"version": "...", "results": [{"name", "diagnostics": [{"severity", "message", "line", "column"}]}]}
// Severity 1 is an error, 2 a warning. Exit code 0 when the input was processed, 2 when it was not.
'use strict';

let ls;
try {
  ls = require('@neo4j-cypher/language-support');
} catch (e) {
  process.stderr.write('cannot load @neo4j-cypher/language-support: run `npm ci --prefix tests/cypher-lint`\n');
  process.exit(3);
}

function main(input) {
  const request = JSON.parse(input);
  const base = request.dbSchema || {};
  const results = (request.statements || []).map((s) => {
    const dbSchema = Object.assign({}, base, { parameters: s.parameters || {} });
    // graph.cypher may hold cypher-shell commands such as :param; let the linter accept them there.
    const linted = ls.lintCypherQuery(s.text, dbSchema, { consoleCommandsEnabled: !!s.console });
    // Older releases returned the diagnostics array itself.
    const diagnostics = Array.isArray(linted) ? linted : linted.diagnostics;
    return {
      name: s.name,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
    };
  });
  let version = 'unknown';
  try {
    // The package's "exports" hide package.json; find it beside the resolved entry point.
    const path = require('path');
    let dir = path.dirname(require.resolve('@neo4j-cypher/language-support'));
    while (!require('fs').existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    version = JSON.parse(require('fs').readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch (e) { /* the version is informative only */ }
  process.stdout.write(JSON.stringify({ version, results }));
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  try {
    main(input);
  } catch (e) {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(2);
  }
});
