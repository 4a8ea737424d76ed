using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>kg build's edge gate (--min-edge-confidence): by default the weakest relationship edges are left out.</summary>
public sealed class EdgeConfidenceCliTests
{
    /// <summary>The two invented articles of the node-gate tests, and a third whose one event is hedged, claimed by a
    /// witness and reaches its country only through a modifier of the expelled people: an edge far under the gate (an arrest
    /// would give no edge at all: one arrests people, never a country).</summary>
    private static (string Dir, string Out) Articles()
    {
        var (dir, outDir) = NodeConfidenceCliTests.Articles();
        File.WriteAllText(Path.Combine(dir, "expulsions.txt"),
            "Expulsions near Kelbor\n\nThe Chadian police may have expelled twelve Peruvian nationals near Kelbor on Monday, a witness claimed.\n");
        return (dir, outDir);
    }

    private static List<GraphEdge> Relationships(GraphSnapshot g) => g.Edges.Where(e => e.Type != "MENTIONS").ToList();

    private static GraphSnapshot Read(string outDir) => ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl"));

    private static string Props(GraphNode n) =>
        string.Join("|", n.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Newtonsoft.Json.JsonConvert.SerializeObject(p.Value)));

    [Test]
    public void TheDefaultBuildLeavesOutExactlyTheEdgesUnderTheGateAndNothingElse()
    {
        var (dir, outDir) = Articles();
        var run = CliRunner.Run("build", dir, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var allDir = Path.Combine(dir, "all");
        var all = CliRunner.Run("build", dir, "--out", allDir, "--min-edge-confidence", "0");
        Assert.That(all.ExitCode, Is.EqualTo(0), all.Error);
        GraphSnapshot gated = Read(outDir), full = Read(allDir);
        var every = Relationships(full);
        var weak = every.Where(e => (double)e["confidence"]! < EdgeConfidence.DefaultMinimum).ToList();
        Assert.That(weak, Is.Not.Empty, "the hedged, claimed expulsion of people named only by their country is a weak edge");
        Assert.That(Relationships(gated).Select(e => e.Id), Is.EquivalentTo(every.Except(weak).Select(e => e.Id)));
        Assert.That(run.Out, Does.Contain($"{weak.Count} edges below --min-edge-confidence left out"), "the summary counts what the gate left out");
        // the gate removes edges only: the same nodes with the same properties (confidence included), the same MENTIONS
        Assert.That(gated.Nodes.Select(n => n.Id + " " + Props(n)), Is.EquivalentTo(full.Nodes.Select(n => n.Id + " " + Props(n))));
        Assert.That(gated.Edges.Where(e => e.Type == "MENTIONS").Select(e => e.Id), Is.EquivalentTo(full.Edges.Where(e => e.Type == "MENTIONS").Select(e => e.Id)));
        var strictDir = Path.Combine(dir, "strict");
        Assert.That(CliRunner.Run("build", dir, "--out", strictDir, "--min-edge-confidence", "0.99").ExitCode, Is.EqualTo(0));
        Assert.That(Relationships(Read(strictDir)).Select(e => (double)e["confidence"]!), Is.All.GreaterThanOrEqualTo(0.99));
        Assert.That(Relationships(Read(strictDir)).Count, Is.LessThan(every.Count), "not every edge of the articles is that sure");
    }

    [Test]
    public void AGateOutsideZeroToOneIsAUsageErrorAndAShardWithoutItsOwnGraphRefusesIt()
    {
        var (dir, outDir) = Articles();
        var run = CliRunner.Run("build", dir, "--out", outDir, "--min-edge-confidence", "2");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--min-edge-confidence"));
        var nan = CliRunner.Run("build", dir, "--out", outDir, "--min-edge-confidence", "NaN");
        Assert.That(nan.ExitCode, Is.EqualTo(2), "NaN is no threshold");
        var shard = CliRunner.Run("build", dir, "--out", outDir, "--shard", "1/2", "--min-edge-confidence", "0");
        Assert.That(shard.ExitCode, Is.EqualTo(2));
        Assert.That(shard.Error, Does.Contain("kg merge"));
    }

    [Test]
    public void ANameBeforeACommonNounIsNotPlacedEvenWhenTwoSentencesSayIt()
    {
        // review18: a weak reading of "the X summit in Y" (X placed in Y) reached the gated graph when two sentences said it
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "summit.txt"), "Summit in Varno\n\nMinisters met before the Ostland Union summit in Varno on Monday. "
            + "Reporters waited outside the Ostland Union summit in Varno for hours. Auditors visited the Kessa Front's office in Dalvik on Tuesday.\n");
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", dir, "--out", outDir, "--relations", "both");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var edges = Relationships(Read(outDir)).Select(e => $"{e.StartId} {e.Type} {e.EndId}").ToList();
        Assert.That(edges, Does.Not.Contain("e:org:ostland-union LOCATED_IN e:loc:varno"), string.Join("; ", edges));
        // a possessor is whose the office is: it is still placed
        Assert.That(edges, Does.Contain("e:org:kessa-front LOCATED_IN e:loc:dalvik"), string.Join("; ", edges));
    }
}
