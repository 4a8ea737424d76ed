using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeGraph.Graph;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// Every Cypher statement the project can emit goes through Neo4j's own linter (@neo4j-cypher/language-support,
/// lintCypherQuery: syntax and semantic analysis) and must come back with zero errors; our own statements must also
/// have zero warnings (a warning there is a label, type or property that is not in the ontology, or a cartesian product).
/// </summary>
public sealed class CypherLintTests
{
    private sealed record LintInput(string Name, string Text, JObject Parameters, bool Strict, bool Console = false);

    [Test]
    public void Every_statement_the_project_emits_passes_neo4js_linter()
    {
        var inputs = new List<LintInput>();
        var graph = TestGraphs.Full();
        var plan = Neo4jLoadPlan.Build(graph, TestGraphs.Schema);
        foreach (var b in plan.Batches.GroupBy(b => b.Statement.Text).Select(g => g.First()))
        {
            var rows = (System.Collections.IEnumerable)b.Statement.Parameters["rows"]!;
            var sample = new JObject { ["rows"] = new JArray(Neo4jHttpTransport_ToJson(rows.Cast<object>().First())) };
            inputs.Add(new LintInput($"loader {b.Phase} {b.Group}", b.Statement.Text, sample, true));
        }
        foreach (var s in Neo4jLoadPlan.ConstraintStatements())
            inputs.Add(new LintInput("constraints.cypher", s.Text, new JObject(), true));
        foreach (var s in CypherScript.Split(ApocImport.ConstraintsScript(TestGraphs.Schema)))
            inputs.Add(new LintInput("apoc-constraints.cypher", s.Text, new JObject(), true));
        foreach (var s in CypherScript.Split(File.ReadAllText(SchemaFile("queries.cypher"))))
            inputs.Add(new LintInput("queries.cypher: " + s.Header.Split('\n')[0], s.Text, DeclaredParameters(s.Text), true));
        inputs.AddRange(CypherScriptWriterStatements(graph));

        // Every template the plan can produce for this graph is distinct per label set / type; make sure all are here.
        Assert.That(inputs.Count(i => i.Name.StartsWith("loader Nodes", StringComparison.Ordinal)),
            Is.GreaterThanOrEqualTo(TestGraphs.Schema.NodeLabels.Count(l => l.Name != OntologySchema.EntityLabel)));
        Assert.That(inputs.Count(i => i.Name.StartsWith("loader Relationships", StringComparison.Ordinal)),
            Is.EqualTo(TestGraphs.Schema.RelationshipTypes.Count));

        var results = Lint(inputs, graph);
        var problems = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
            foreach (var d in results[i])
            {
                int severity = (int)d["severity"]!;
                if (severity == 1 || inputs[i].Strict)
                    problems.Add($"{inputs[i].Name}: {(severity == 1 ? "error" : "warning")} at {d["line"]}:{d["column"]}: {d["message"]}\n    {inputs[i].Text.Replace("\n", "\n    ")}");
            }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        TestContext.Out.WriteLine($"linted {inputs.Count} statements");
    }

    [Test]
    public void The_linter_harness_does_report_a_broken_statement()
    {
        var results = Lint(new List<LintInput>
        {
            new("undefined variable", "MATCH (n:Entity) RETURN m", new JObject(), true),
            new("unknown label", "MATCH (n:Entiti) RETURN n", new JObject(), true),
        }, TestGraphs.Full());
        Assert.That(results[0].Select(d => (int)d["severity"]!), Does.Contain(1), "undefined variable is an error");
        Assert.That(results[1].Select(d => (string)d["message"]!), Has.Some.Contains("Entiti"), "a label outside the ontology is reported");
    }

    /// <summary>graph.cypher from the Cypher script writer (export branch), when it is part of this build.</summary>
    private static IEnumerable<LintInput> CypherScriptWriterStatements(GraphSnapshot graph)
    {
        var writer = typeof(KnowledgeGraph.Export.ApocJsonLines).Assembly.GetType("KnowledgeGraph.Export.CypherScriptWriter");
        var write = writer?.GetMethod("Write", BindingFlags.Public | BindingFlags.Static, new[] { typeof(GraphSnapshot), typeof(OntologySchema), typeof(TextWriter) });
        if (write is null)
        {
            TestContext.Out.WriteLine("CypherScriptWriter not in this build: graph.cypher not linted");
            yield break;
        }
        var text = new StringWriter();
        write.Invoke(null, new object[] { graph, TestGraphs.Schema, text });
        foreach (var s in CypherScript.Split(text.ToString()))
        {
            bool console = s.Text.StartsWith(':');
            yield return new LintInput("graph.cypher line " + s.Line, s.Text, DeclaredParameters(s.Text), false, console);
        }
    }

    private static JToken Neo4jHttpTransport_ToJson(object row) => JToken.FromObject(row);

    private static JObject DeclaredParameters(string text) =>
        new(Regex.Matches(text, @"\$(\w+)").Select(m => m.Groups[1].Value).Distinct().Select(p => new JProperty(p, "")));

    private static string SchemaFile(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "graph-schema", name);
        Assert.That(File.Exists(path), Is.True, $"{path} is not copied to the output folder");
        return path;
    }

    private static List<List<JObject>> Lint(List<LintInput> inputs, GraphSnapshot graph)
    {
        var dir = FindLintDirectory();
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@neo4j-cypher", "language-support")))
            Assert.Fail($"the Cypher linter is not installed: run `npm ci --prefix tests/cypher-lint` (looked in {dir}/node_modules)");
        var propertyKeys = graph.Nodes.SelectMany(n => n.Properties.Select(p => p.Key))
            .Concat(graph.Edges.SelectMany(e => e.Properties.Select(p => p.Key))).Append("id")
            // Keys of the loader's $rows maps: the linter cannot tell row.start from a property access.
            .Concat(new[] { "start", "end", "props", "lists", "onCreate" }).Distinct().OrderBy(k => k, StringComparer.Ordinal);
        var request = new JObject
        {
            ["dbSchema"] = new JObject
            {
                ["labels"] = new JArray(TestGraphs.Schema.NodeLabels.Select(l => l.Name)),
                ["relationshipTypes"] = new JArray(TestGraphs.Schema.RelationshipTypes.Select(t => t.Type)),
                ["propertyKeys"] = new JArray(propertyKeys),
            },
        };
        // The linter takes a few hundred milliseconds per statement: spread the statements over one node process per core.
        int workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var chunks = Enumerable.Range(0, workers)
            .Select(w => Enumerable.Range(0, inputs.Count).Where(i => i % workers == w).ToList()).Where(c => c.Count > 0).ToList();
        var runs = chunks.Select(c => Task.Run(() => RunNode(dir, (JObject)request["dbSchema"]!, c.Select(i => inputs[i]).ToList()))).ToArray();
        Task.WaitAll(runs);
        var results = new List<JObject>[inputs.Count];
        for (int c = 0; c < chunks.Count; c++)
            for (int k = 0; k < chunks[c].Count; k++)
                results[chunks[c][k]] = runs[c].Result[k];
        return results.ToList();
    }

    private static List<List<JObject>> RunNode(string dir, JObject dbSchema, List<LintInput> inputs)
    {
        var request = new JObject
        {
            ["dbSchema"] = dbSchema,
            ["statements"] = new JArray(inputs.Select(i => new JObject
            {
                ["name"] = i.Name, ["text"] = i.Text, ["parameters"] = i.Parameters, ["console"] = i.Console,
            })),
        };
        var psi = new ProcessStartInfo("node", Path.Combine(dir, "lint.js"))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = dir,
        };
        Process process;
        try { process = Process.Start(psi)!; }
        catch (Win32Exception e) { Assert.Fail($"cannot run node ({e.Message}): install Node.js 20+ and run `npm ci --prefix tests/cypher-lint`"); throw; }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request.ToString(Formatting.None));
            process.StandardInput.Close();
            // a guard against a hung linter, not a speed check: on a shared 2-core machine under heavy load it took over 3 minutes
            if (!process.WaitForExit(900_000)) { process.Kill(); Assert.Fail("the Cypher linter did not finish in 15 minutes"); }
            if (process.ExitCode == 3) Assert.Fail($"the Cypher linter is not installed: run `npm ci --prefix tests/cypher-lint` ({stderr.Result.Trim()})");
            Assert.That(process.ExitCode, Is.Zero, "lint.js failed: " + stderr.Result);
            var response = JObject.Parse(stdout.Result);
            return ((JArray)response["results"]!).Select(r => ((JArray)r["diagnostics"]!).Cast<JObject>().ToList()).ToList();
        }
    }

    /// <summary>tests/cypher-lint, found by walking up from the test binaries (no fixed paths).</summary>
    private static string FindLintDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "cypher-lint");
            if (File.Exists(Path.Combine(candidate, "lint.js"))) return candidate;
        }
        Assert.Fail("tests/cypher-lint/lint.js not found above " + AppContext.BaseDirectory);
        return "";
    }
}
