using System.ComponentModel;
using System.Diagnostics;
using KnowledgeGraph.Graph;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export.Tests;

/// <summary>
/// Runs the generated graph.cypher through Neo4j's own linter (tests/cypher-lint/lint.js, which wraps
/// @neo4j-cypher/language-support): syntax and semantic analysis without a server. Ignored with a message when node
/// or the linter's node_modules are missing (set up with <c>npm ci --prefix tests/cypher-lint</c>).
/// </summary>
public sealed class CypherScriptLintTests
{
    private static string? FindLinter()
    {
        var overridden = Environment.GetEnvironmentVariable("KG_CYPHER_LINT_DIR");
        if (!string.IsNullOrEmpty(overridden)) return File.Exists(Path.Combine(overridden, "lint.js")) ? overridden : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "cypher-lint");
            if (File.Exists(Path.Combine(candidate, "lint.js"))) return candidate;
        }
        return null;
    }

    [Test]
    public void Neo4j_linter_finds_no_error_in_the_scripts()
    {
        var linter = FindLinter();
        if (linter is null) Assert.Ignore("tests/cypher-lint/lint.js not found (it comes with the Neo4j loader's tests)");
        if (!Directory.Exists(Path.Combine(linter!, "node_modules", "@neo4j-cypher")))
            Assert.Ignore($"the Cypher linter is not installed: run `npm ci --prefix {linter}`");

        var schema = OntologySchema.LoadDefault();
        // Both sample graphs in one call: node and the linter take seconds to start.
        var statements = new JArray();
        foreach (var (name, graph) in new[] { ("small", SampleGraphs.Small()), ("nasty", SampleGraphs.Nasty()) })
        {
            using var sw = new StringWriter { NewLine = "\n" };
            CypherScriptWriter.Write(graph, schema, sw);
            statements.Add(new JObject { ["name"] = name, ["text"] = sw.ToString() });
        }
        var request = new JObject
        {
            ["dbSchema"] = new JObject
            {
                ["labels"] = new JArray(schema.NodeLabels.Select(l => l.Name)),
                ["relationshipTypes"] = new JArray(schema.RelationshipTypes.Select(t => t.Type)),
            },
            ["statements"] = statements,
        };

        var psi = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(linter!, "lint.js"));
        Process p;
        try { p = Process.Start(psi)!; }
        catch (Win32Exception) { Assert.Ignore("node is not on PATH"); return; }
        using (p)
        {
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            var stderrTask = p.StandardError.ReadToEndAsync();
            p.StandardInput.Write(request.ToString(Formatting.None));
            p.StandardInput.Close();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), "lint.js failed: " + stderrTask.Result);
            var results = (JArray)JObject.Parse(stdoutTask.Result)["results"]!;
            Assert.That(results, Has.Count.EqualTo(2));
            var errors = results.SelectMany(r => r["diagnostics"]!.Where(d => (int)d["severity"]! == 1)
                .Select(d => (string?)r["name"] + ": " + d.ToString(Formatting.None))).ToList();
            Assert.That(errors, Is.Empty);
        }
    }
}
