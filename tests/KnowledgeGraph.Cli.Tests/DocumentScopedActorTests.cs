using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// Generic actors the text gives no country or place ("protesters", "police") belong to their article: two articles
/// with the same words make two nodes whose ids name the documents, never one merged node; an article where such an
/// actor takes part in no relationship makes no node for it.
/// </summary>
public sealed class DocumentScopedActorTests
{
    [Test]
    public void TheSameAgentNounInTwoArticlesIsTwoNodesThatNameTheirDocuments()
    {
        var input = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(input, "a.txt"), "Clashes in the square\n\nProtesters clashed with police outside the parliament on Monday.\n");
        File.WriteAllText(Path.Combine(input, "b.txt"), "Clashes at the port\n\nProtesters clashed with police near the harbour on Tuesday.\n");
        File.WriteAllText(Path.Combine(input, "c.txt"), "A quiet day\n\nStudents gathered in the square at noon.\n");
        var outDir = CliRunner.TempDir();
        var run = CliRunner.Run("build", input, "--out", outDir, "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var nodes = File.ReadLines(Path.Combine(outDir, "graph.jsonl")).Select(JObject.Parse).Where(o => (string?)o["type"] == "node").ToList();
        var documents = nodes.Where(n => n["labels"]!.Any(l => (string?)l == "Document")).Select(n => (string)n["id"]!).ToList();
        var police = nodes.Where(n => (string?)n["properties"]!["name"] == "Police").ToList();
        Assert.That(police, Has.Count.EqualTo(2), "one police node per article");
        foreach (var p in police)
        {
            var doc = (string)p["properties"]!["document"]!;
            Assert.That(documents, Does.Contain(doc));
            Assert.That((string)p["id"]!, Does.EndWith(doc.Replace(":", "-", StringComparison.Ordinal)), "the id says the document");
            Assert.That((string?)p["properties"]!["scope"], Is.EqualTo("document"));
            Assert.That(p["labels"]!.Select(l => (string)l!), Is.EqualTo(new[] { "Entity", "Organization", "Agent" }));
        }
        Assert.That(police.Select(p => (string)p["id"]!).Distinct().Count(), Is.EqualTo(2));
        Assert.That(nodes.Any(n => (string?)n["properties"]!["name"] == "Students"), Is.False, "an actor in no relationship is no node");
    }
}
