using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>kg build's node confidence, its gate (--min-confidence) and the training features (--node-features).</summary>
public sealed class NodeConfidenceCliTests
{
    /// <summary>Two invented articles in a fresh folder, and the output folder to build them into.</summary>
    internal static (string Dir, string Out) Articles()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "bloc.txt"), DeterminismTests.BlocArticle);
        File.WriteAllText(Path.Combine(dir, "summit.txt"), DeterminismTests.SummitArticle);
        return (dir, Path.Combine(dir, "out"));
    }

    private static IEnumerable<GraphNode> Entities(GraphSnapshot g) => g.Nodes.Where(n => n.Labels.Contains("Entity"));

    [Test]
    public void EveryEntityNodeHasAConfidenceAndTheFeaturesFileHasARowPerNode()
    {
        var (dir, outDir) = Articles();
        var features = Path.Combine(dir, "features.tsv");
        var run = CliRunner.Run("build", dir, "--out", outDir, "--node-features", features);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var g = ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl"));
        Assert.That(Entities(g).Select(n => n["confidence"]), Is.All.InstanceOf<double>().And.All.InRange(0.0, 1.0));
        var lines = File.ReadAllLines(features);
        Assert.That(lines[0].Split('\t'), Is.EqualTo(new[] { "id", "labels", "name" }.Concat(NodeConfidence.FeatureNames).Append("context")));
        // every row has its dense features and a last column of context keys (the words around a name mention: "prev=ADP")
        Assert.That(lines.Skip(1).Select(l => l.Split('\t').Length), Is.All.EqualTo(NodeConfidence.FeatureNames.Count + 4));
        Assert.That(lines.Skip(1).Select(l => l.Split('\t')[^1]), Has.Some.Contains("prev="));
        Assert.That(lines.Skip(1).Select(l => l.Split('\t')[0]), Is.EquivalentTo(Entities(g).Select(n => n.Id)));
    }

    [Test]
    public void TheGateKeepsOnlyNodesARelationshipTouchesWhenNothingIsSureEnough()
    {
        var (dir, outDir) = Articles();
        var all = CliRunner.Run("build", dir, "--out", outDir);
        Assert.That(all.ExitCode, Is.EqualTo(0), all.Error);
        var full = ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl"));
        var gatedDir = Path.Combine(dir, "gated");
        var run = CliRunner.Run("build", dir, "--out", gatedDir, "--min-confidence", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var gated = ApocJsonLines.ReadFile(Path.Combine(gatedDir, "graph.jsonl"));
        var related = full.Edges.Where(e => e.Type != "MENTIONS").SelectMany(e => new[] { e.StartId, e.EndId }).ToHashSet();
        Assert.That(related, Is.Not.Empty, "the articles state relationships");
        Assert.That(Entities(gated).Select(n => n.Id), Is.EquivalentTo(Entities(full).Where(n => related.Contains(n.Id) || (double)n["confidence"]! >= 1).Select(n => n.Id)));
        Assert.That(Entities(gated).Count(), Is.LessThan(Entities(full).Count()), "the articles name places and bodies no relationship touches");
        Assert.That(gated.Edges.Count(e => e.Type != "MENTIONS"), Is.EqualTo(full.Edges.Count(e => e.Type != "MENTIONS")), "no relationship is lost");
    }

    [Test]
    public void AThresholdOutsideZeroToOneIsAUsageError()
    {
        var (dir, outDir) = Articles();
        var run = CliRunner.Run("build", dir, "--out", outDir, "--min-confidence", "1.5");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--min-confidence"));
    }

    [Test]
    public void AShardRefusesTheGraphOptionsInsteadOfIgnoringThem()
    {
        var (dir, outDir) = Articles();
        foreach (var option in new[] { new[] { "--min-confidence", "0.5" }, new[] { "--node-features", Path.Combine(outDir, "f.tsv") } })
        {
            var run = CliRunner.Run(new[] { "build", dir, "--out", outDir, "--shard", "1/2" }.Concat(option).ToArray());
            Assert.That(run.ExitCode, Is.EqualTo(2), option[0]);
            Assert.That(run.Error, Does.Contain(option[0]));
            Assert.That(File.Exists(Path.Combine(outDir, "analyses.jsonl.gz")), Is.False, "nothing written");
        }
    }
}
