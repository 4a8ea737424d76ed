using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>kg build's edge gate (--min-edge-confidence): by default the weakest relationship edges are left out.</summary>
public sealed class EdgeConfidenceCliTests
{
    private static (string Dir, string Out) Articles() => NodeConfidenceCliTests.Articles();

    private static List<GraphEdge> Relationships(string outDir) =>
        ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl")).Edges.Where(e => e.Type != "MENTIONS").ToList();

    [Test]
    public void TheDefaultBuildKeepsExactlyTheEdgesAtOrAboveTheGateAndZeroKeepsAll()
    {
        var (dir, outDir) = Articles();
        var run = CliRunner.Run("build", dir, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var allDir = Path.Combine(dir, "all");
        var all = CliRunner.Run("build", dir, "--out", allDir, "--min-edge-confidence", "0");
        Assert.That(all.ExitCode, Is.EqualTo(0), all.Error);
        var every = Relationships(allDir);
        Assert.That(every, Is.Not.Empty, "the articles state relationships");
        Assert.That(Relationships(outDir).Select(e => e.Id),
            Is.EquivalentTo(every.Where(e => (double)e["confidence"]! >= EdgeConfidence.DefaultMinimum).Select(e => e.Id)));
        var strictDir = Path.Combine(dir, "strict");
        Assert.That(CliRunner.Run("build", dir, "--out", strictDir, "--min-edge-confidence", "0.99").ExitCode, Is.EqualTo(0));
        Assert.That(Relationships(strictDir).Select(e => (double)e["confidence"]!), Is.All.GreaterThanOrEqualTo(0.99));
        Assert.That(Relationships(strictDir).Count, Is.LessThan(every.Count), "not every edge of the articles is that sure");
        Assert.That(CliRunner.Run("build", dir, "--out", Path.Combine(dir, "s2"), "--min-edge-confidence", "0.99").Out,
            Does.Match(@"\d+ edges below --min-edge-confidence left out"), "the summary says how many edges the gate left out");
    }

    [Test]
    public void AGateOutsideZeroToOneIsAUsageErrorAndAShardWithoutItsOwnGraphRefusesIt()
    {
        var (dir, outDir) = Articles();
        var run = CliRunner.Run("build", dir, "--out", outDir, "--min-edge-confidence", "2");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--min-edge-confidence"));
        var shard = CliRunner.Run("build", dir, "--out", outDir, "--shard", "1/2", "--min-edge-confidence", "0");
        Assert.That(shard.ExitCode, Is.EqualTo(2));
        Assert.That(shard.Error, Does.Contain("kg merge"));
    }
}
