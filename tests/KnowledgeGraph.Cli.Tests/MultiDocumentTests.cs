using KnowledgeGraph.Core;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Many articles make one graph: the same entity in two articles is one node with the evidence of both; different things with one name stay apart.</summary>
public sealed class MultiDocumentTests
{
    private static GraphSnapshot BuildArticles(params (string Name, string Text)[] articles)
    {
        var dir = CliRunner.TempDir();
        foreach (var (name, text) in articles) File.WriteAllText(Path.Combine(dir, name), text);
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", dir, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain(" built, 0 failed"));
        return ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl"));
    }

    private static IReadOnlyList<string> Aliases(GraphNode n) => (IReadOnlyList<string>)n["aliases"]!;

    private static List<GraphNode> EntitiesCalled(GraphSnapshot g, string form) =>
        g.Nodes.Where(n => n.Labels.Contains("Entity") && (n.Name == form || Aliases(n).Contains(form))).ToList();

    [Test]
    public void SameEntityInTwoArticlesIsOneNodeCarryingBoth()
    {
        // One article introduces the bloc as "Economic Community of West African States (ECOWAS)" and then says "ECOWAS";
        // the other only uses the full name. Both mention Niger, Abuja and Nigeria's army.
        var g = BuildArticles(("bloc.txt", DeterminismTests.BlocArticle), ("summit.txt", DeterminismTests.SummitArticle));
        var blocDoc = Document.ComputeId(DeterminismTests.BlocArticle);
        var summitDoc = Document.ComputeId(DeterminismTests.SummitArticle);

        var bloc = EntitiesCalled(g, "Economic Community of West African States");
        Assert.That(bloc, Has.Count.EqualTo(1), "one node for the bloc");
        Assert.That(EntitiesCalled(g, "ECOWAS").Select(n => n.Id), Is.EqualTo(bloc.Select(n => n.Id)), "the acronym is an alias of the same node");
        Assert.That(bloc[0].Labels, Does.Contain("Organization"));
        Assert.That(bloc[0]["doc_count"], Is.EqualTo(2L));

        foreach (var place in new[] { "Niger", "Abuja", "Nigeria" })
        {
            var nodes = EntitiesCalled(g, place);
            Assert.That(nodes, Has.Count.EqualTo(1), place);
            Assert.That(nodes[0]["doc_count"], Is.EqualTo(2L), place);
        }

        // Provenance: both documents MENTION the bloc.
        var mentionedBy = g.Edges.Where(e => e.Type == "MENTIONS" && e.EndId == bloc[0].Id).Select(e => e.StartId).OrderBy(s => s, StringComparer.Ordinal);
        Assert.That(mentionedBy, Is.EqualTo(new[] { blocDoc, summitDoc }.OrderBy(s => s, StringComparer.Ordinal)));

        // "Nigeria's army" in both articles: one edge from the army to Nigeria carrying the evidence of both.
        var nigeria = EntitiesCalled(g, "Nigeria").Single();
        var armyEdges = g.Edges.Where(e => e.Type != "MENTIONS" && e.EndId == nigeria.Id
            && g.Node(e.StartId)!.Labels.Contains("ArmedForces")).ToList();
        Assert.That(armyEdges, Has.Count.EqualTo(1), "one edge from Nigeria's army to Nigeria");
        var edge = armyEdges[0];
        Assert.That(edge["doc_ids"], Is.EquivalentTo(new[] { blocDoc, summitDoc }));
        Assert.That(edge["evidence_count"], Is.EqualTo(2L));
        var evidence = (IReadOnlyList<string>)edge["evidence"]!;
        Assert.That(evidence, Has.Some.Contains("placed on alert").And.Some.Contains("ready to deploy troops"));
        var offsets = (IReadOnlyList<string>)edge["offsets"]!;
        Assert.That(offsets.Select(o => o[..o.LastIndexOf(':')]), Is.EquivalentTo(new[] { blocDoc, summitDoc }), "each offset names its document");
    }

    [Test]
    public void AnArticleGivenTwiceCountsOnce()
    {
        var g = BuildArticles(("bloc.txt", DeterminismTests.BlocArticle), ("bloc-copy.txt", DeterminismTests.BlocArticle + "\n"));
        Assert.That(g.Nodes.Count(n => n.Labels.Contains("Document")), Is.EqualTo(1), "the same text (up to outer whitespace) is one document");
        Assert.That(EntitiesCalled(g, "Niger").Single()["doc_count"], Is.EqualTo(1L));
    }

    [Test]
    [Ignore("known gap: the country gazetteer claims 'Jordan' inside the person name 'Michael Jordan', so the player becomes the country")]
    public void SameNameDifferentTypesStayApart()
    {
        const string player = """
            Former Player Opens Academy
            Former basketball player Michael Jordan opened a training academy in Chicago on Monday. Jordan said the academy would offer free places to children from poor families.
            """;
        const string country = """
            Refugee Talks in Amman
            Jordan hosted talks on Syrian refugees in Amman on Tuesday. The government of Jordan said it could not take more refugees without international aid.
            """;
        var g = BuildArticles(("player.txt", player), ("country.txt", country));
        var person = g.Nodes.Where(n => n.Labels.Contains("Person") && n.Name == "Michael Jordan").ToList();
        Assert.That(person, Has.Count.EqualTo(1), "the player is a Person node");
        Assert.That(person[0]["doc_count"], Is.EqualTo(1L));
        var place = g.Nodes.Where(n => n.Labels.Contains("Location") && n.Name == "Jordan").ToList();
        Assert.That(place, Has.Count.EqualTo(1), "the country is a Location node");
        Assert.That(place[0]["doc_count"], Is.EqualTo(1L), "the player's article does not mention the country");
    }
}
