using System.ComponentModel;
using System.Diagnostics;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;
using static KnowledgeGraph.Export.Tests.SampleGraphs;

namespace KnowledgeGraph.Export.Tests;

/// <summary>
/// Loads our GraphML in a real consumer, NetworkX <c>read_graphml</c> (python3 + networkx; Debian: python3-networkx).
/// Ignored with a message when either is missing.
/// </summary>
public sealed class GraphMlNetworkXTests
{
    // Prints every node and edge with each attribute as [python type name, value]; ASCII-only JSON so the pipe's
    // encoding cannot matter.
    private const string Script = """
        import json, sys, networkx
        g = networkx.read_graphml(sys.argv[1])
        def attrs(d):
            return {k: [type(v).__name__, v] for k, v in d.items()}
        out = {
            "directed": g.is_directed(),
            "multigraph": g.is_multigraph(),
            "nodes": {n: attrs(d) for n, d in g.nodes(data=True)},
            "edges": [[u, v, attrs(d)] for u, v, d in g.edges(data=True)],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=True))
        """;

    private static (int ExitCode, string Stdout, string Stderr) RunPython(params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        try
        {
            using var p = Process.Start(psi)!;
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdoutTask.Result, stderr);
        }
        catch (Win32Exception)
        {
            return (-1, "", "python3 not found on PATH");
        }
    }

    private static JObject Load(GraphSnapshot graph)
    {
        var check = RunPython("-c", "import networkx");
        if (check.ExitCode != 0)
            Assert.Ignore("NetworkX is not available (python3 -c 'import networkx' failed: " + check.Stderr.Trim().Split('\n').Last()
                + "). Install python3 and networkx (Debian: apt-get install python3-networkx) to run this test.");
        var dir = Path.Combine(Path.GetTempPath(), "kg-nx-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, GraphMlWriter.FileName);
            GraphMlWriter.WriteFile(graph, path);
            var (code, stdout, stderr) = RunPython("-c", Script, path);
            Assert.That(code, Is.EqualTo(0), "networkx.read_graphml failed: " + stderr);
            return JObject.Parse(stdout);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static JToken Attr(JObject loaded, string nodeId, string name, string expectedPythonType)
    {
        var pair = (JArray)loaded["nodes"]![nodeId]![name]!;
        Assert.That((string?)pair[0], Is.EqualTo(expectedPythonType), $"type of {nodeId}.{name}");
        return pair[1];
    }

    [Test]
    public void NetworkX_reads_the_small_graph_with_typed_attributes()
    {
        var graph = Small();
        var g = Load(graph);
        Assert.That((bool)g["directed"]!, Is.True);
        Assert.That(((JObject)g["nodes"]!).Properties().Select(p => p.Name), Is.EquivalentTo(graph.Nodes.Select(n => n.Id)));
        var edges = (JArray)g["edges"]!;
        Assert.That(edges, Has.Count.EqualTo(graph.Edges.Count));

        Assert.That((string?)Attr(g, PersonId, "name", "str"), Is.EqualTo("Jane Roe"));
        Assert.That((long)Attr(g, PersonId, "mentions", "int"), Is.EqualTo(3));
        Assert.That((string?)Attr(g, PersonId, "labels", "str"), Is.EqualTo(":Entity:Person"));
        Assert.That((string?)Attr(g, GroupId, "labels", "str"), Is.EqualTo(":Entity:Organization:ArmedGroup"));
        Assert.That(JArray.Parse((string?)Attr(g, GroupId, "aliases", "str") ?? "null").Select(x => (string)x!), Is.EqualTo(new[] { "NLF", "Northern Liberation Front" }));

        var leads = edges.Single(e => (string)e[0]! == PersonId && (string)e[1]! == GroupId);
        var props = (JObject)leads[2]!;
        Assert.That((string)props["label"]![1]!, Is.EqualTo("LEADS"));
        Assert.That((string)props["confidence"]![0]!, Is.EqualTo("float"));
        Assert.That((double)props["confidence"]![1]!, Is.EqualTo(0.85));
        Assert.That((string)props["evidence_count"]![0]!, Is.EqualTo("int"));
        Assert.That((string)props["id"]![1]!, Is.EqualTo("r:00000000000000a1"), "NetworkX keeps the GraphML edge id");
        var located = edges.Single(e => (string)e[0]! == GroupId && (string)e[1]! == CountryId);
        Assert.That((string)located[2]!["confidence"]![0]!, Is.EqualTo("float"), "1.0 stays a float, not an int");
    }

    [Test]
    public void NetworkX_round_trips_nasty_strings_exactly()
    {
        var graph = Nasty();
        var g = Load(graph);
        Assert.That(((JObject)g["nodes"]!).Count, Is.EqualTo(graph.Nodes.Count));
        Assert.That(((JArray)g["edges"]!).Count, Is.EqualTo(graph.Edges.Count));
        Assert.That((string?)Attr(g, "e:per:o-brien", "name", "str"), Is.EqualTo(NastyName));
        Assert.That((string?)Attr(g, "e:per:o-brien", "title", "str"), Is.EqualTo(VeryLong));
        Assert.That((string?)Attr(g, "e:org:bell", "name", "str"), Is.EqualTo("bellendlonenon"));
        Assert.That((long)Attr(g, "e:per:o-brien", "mentions", "int"), Is.EqualTo(7));
        Assert.That((string?)Attr(g, "e:org:bell", "labels", "str"), Is.EqualTo(":Entity:Organization:ArmedGroup:MediaOrganization"));
        var leads = (JObject)((JArray)g["edges"]!).Single(e => (string)e[2]!["label"]![1]! == "LEADS")[2]!;
        Assert.That((string)leads["negated"]![0]!, Is.EqualTo("bool"));
        Assert.That((bool)leads["negated"]![1]!, Is.False);
        Assert.That(JArray.Parse((string)leads["evidence"]![1]!).Select(x => (string)x!), Is.EqualTo(new[] { NastyName, "second sentence" }));
    }
}
