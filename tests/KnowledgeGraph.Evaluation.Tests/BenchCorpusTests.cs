using System.Text;
using KnowledgeGraph.Evaluation.Benchmarking;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>The benchmark's texts: news corpora hold the seed and re3d documents, a long article is one document of the size asked for.</summary>
public sealed class BenchCorpusTests
{
    private static (string Data, string Seeds) FakeData()
    {
        var root = Path.Combine(Path.GetTempPath(), "kg-bench-test-" + Guid.NewGuid().ToString("N"));
        var re3d = Path.Combine(root, "data", "re3d-dev", "CENTCOM");
        Directory.CreateDirectory(re3d);
        File.WriteAllText(Path.Combine(re3d, "documents.json"), "\uFEFF" + string.Join('\n',
            new JObject { ["text"] = "Coalition aircraft struck a bridge near the river town on Monday, officials said.", ["title"] = "Strike report" }.ToString(Newtonsoft.Json.Formatting.None),
            new JObject { ["text"] = "The ministry said the convoy reached the northern city after two days.", ["title"] = "Convoy" }.ToString(Newtonsoft.Json.Formatting.None)) + "\n");
        var seeds = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seeds);
        File.WriteAllText(Path.Combine(seeds, "001.txt"), "Peacekeepers Leave\nThe last peacekeepers left the base on Friday, the mission said.\n");
        return (Path.Combine(root, "data"), seeds);
    }

    private static List<JObject> Lines(string path) => File.ReadLines(path).Where(l => l.Length > 0).Select(JObject.Parse).ToList();

    [Test]
    public void TheNewsCorpusHoldsTheSeedAndTheRe3dDocumentsEachCopyDistinct()
    {
        var (data, seeds) = FakeData();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl");
        var stats = BenchCorpus.Write(data, BenchText.News, seeds, 1000, path);
        var texts = Lines(path).Select(o => (string)o["text"]!).ToList();
        Assert.That(texts, Has.Count.EqualTo(stats.Articles));
        Assert.That(texts.Any(t => t.StartsWith("Peacekeepers Leave", StringComparison.Ordinal)), Is.True, "the seed article");
        Assert.That(texts.Any(t => t.StartsWith("Coalition aircraft", StringComparison.Ordinal)), Is.True, "a re3d document");
        Assert.That(texts.Distinct().Count(), Is.EqualTo(texts.Count), "copies differ, so none is skipped as a duplicate");
        Assert.That(stats.TextBytes, Is.GreaterThanOrEqualTo(1000).And.EqualTo(texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t))));
    }

    [Test]
    public void ALongArticleIsOneDocumentOfAtLeastTheSizeAskedFor()
    {
        var (data, seeds) = FakeData();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl");
        var stats = BenchCorpus.WriteLongArticle(data, seeds, 50_000, path);
        var lines = Lines(path);
        Assert.That(lines, Has.Count.EqualTo(1));
        var text = (string)lines[0]["text"]!;
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.GreaterThanOrEqualTo(50_000).And.LessThan(51_000));
        Assert.That(stats.TextBytes, Is.EqualTo(Encoding.UTF8.GetByteCount(text)));
        Assert.That(text, Does.Contain("The last peacekeepers left the base").And.Contain("The ministry said the convoy"));
    }
}
