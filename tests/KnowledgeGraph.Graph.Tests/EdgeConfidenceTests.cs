using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>The edge gate: relationship edges below a confidence are left out of the graph (docs/relations.md, "Confidence").</summary>
public sealed class EdgeConfidenceTests
{
    private static readonly OntologySchema Schema = OntologySchema.LoadDefault();

    private static readonly EntityEvidence RecogniserGuess = new(false, false, true, false, 3f, true, false);
    private static readonly EntityEvidence GazetteerEntry = new(true, false, false, true, float.NaN, false, false);

    private static DocumentEntity E(int index, string name, EntityType type, EntityEvidence evidence) =>
        new DocumentEntity(index, name, type, Array.Empty<string>(), new[] { name },
            new[] { new Mention(new TextSpan(0, name.Length), name, 0, type, null, MentionKind.Name, "test") },
            new Dictionary<string, string>()) { Evidence = evidence };

    private static RelationMention Visit(int s, int o, double confidence) =>
        new(s, o, "VISITED", "CONSULT", 0, "Ana Ruiz visited Norland.", new TextSpan(0, 25), "visited", new TextSpan(9, 16), confidence);

    private static RelationMention Met(int s, int o, double confidence) =>
        new(s, o, "MET_WITH", "CONSULT", 0, "Ana Ruiz met Bo Lind.", new TextSpan(0, 21), "met", new TextSpan(9, 12), confidence);

    // An article: Ana Ruiz visited Norland (a sure reading) and met Bo Lind (a weak one); Bo Lind is named nowhere else.
    private static DocumentAnalysis Article(string text, double visit, double met)
    {
        var entities = new[]
        {
            E(0, "Ana Ruiz", EntityType.Person, GazetteerEntry),
            E(1, "Norland", EntityType.Location, GazetteerEntry),
            E(2, "Bo Lind", EntityType.Person, RecogniserGuess),
        };
        return new(Document.Create(text), Array.Empty<Sentence>(), entities.SelectMany(e => e.Mentions).ToList(), entities,
            new[] { Visit(0, 1, visit), Met(0, 2, met) });
    }

    private static KnowledgeGraphModel Build(double? minEdge = null, double minNode = 0, params DocumentAnalysis[] docs)
    {
        var b = minEdge is { } m ? new GraphBuilder(Schema) { MinEdgeConfidence = m, MinConfidence = minNode } : new GraphBuilder(Schema) { MinConfidence = minNode };
        foreach (var d in docs) b.Add(d);
        return b.Build();
    }

    private static List<string> Types(KnowledgeGraphModel g) => g.Snapshot.Edges.Where(e => e.Type != "MENTIONS").Select(e => e.Type).OrderBy(t => t, StringComparer.Ordinal).ToList();

    [Test]
    public void ByDefaultAnEdgeBelowTheGateIsLeftOutAndItsNodesAndMentionsStay()
    {
        var g = Build(docs: Article("Ana Ruiz visited Norland. Ana Ruiz met Bo Lind.", visit: 0.8, met: 0.1));
        Assert.That(Types(g), Is.EqualTo(new[] { "VISITED" }), "the weak MET_WITH reading is not in the default graph");
        Assert.That(g.Snapshot.Nodes.Select(n => n.Name), Does.Contain("Bo Lind"), "nodes are not gated by default");
        Assert.That(g.Snapshot.Edges.Count(e => e.Type == "MENTIONS"), Is.EqualTo(3), "every entity keeps its MENTIONS edge");

        var all = Build(0, docs: Article("Ana Ruiz visited Norland. Ana Ruiz met Bo Lind.", visit: 0.8, met: 0.1));
        Assert.That(Types(all), Is.EqualTo(new[] { "MET_WITH", "VISITED" }), "0 keeps every edge");
    }

    [Test]
    public void EvidenceFromSeveralDocumentsCanLiftAnEdgeOverTheGate()
    {
        // one weak reading in each of two articles: 1 - 0.85 * 0.85 = 0.2775
        var one = Article("Ana Ruiz met Bo Lind in spring.", visit: 0.8, met: 0.15);
        var two = Article("In autumn Ana Ruiz met Bo Lind again.", visit: 0.8, met: 0.15);
        Assert.That(Types(Build(docs: one)), Does.Not.Contain("MET_WITH"));
        var both = Build(docs: new[] { one, two });
        var met = both.Snapshot.Edges.Single(e => e.Type == "MET_WITH");
        Assert.That((double)met["confidence"]!, Is.EqualTo(0.2775).Within(1e-9));
        Assert.That(Types(Build(0.3, docs: new[] { one, two })), Does.Not.Contain("MET_WITH"), "a higher gate still leaves it out");
    }

    [Test]
    public void ADoubtedReadingRepeatedDoesNotLiftItsEdgeOverTheGate()
    {
        // the same contradicted reading twice (two sentences, or two articles): 0.12 each. As independent evidence they
        // would give 1 - 0.88 * 0.88 = 0.2256, over the gate; a misreading repeated counts once: 0.12
        DocumentAnalysis Doc(string text, bool doubted) => Article(text, visit: 0.8, met: 0.1) with
        {
            Relations = new[] { Visit(0, 1, 0.8), Met(0, 2, 0.12) with { Doubted = doubted }, Met(0, 2, 0.12) with { Doubted = doubted, SentenceIndex = 1 } },
        };
        var doubted = Doc("Ana Ruiz met Bo Lind. Later Ana Ruiz met Bo Lind.", doubted: true);
        Assert.That(Types(Build(docs: doubted)), Does.Not.Contain("MET_WITH"), "two doubted readings stay under the default gate");
        Assert.That(EdgeConfidence.Gate(doubted, EdgeConfidence.DefaultMinimum).Relations.Select(r => r.Type), Is.EqualTo(new[] { "VISITED" }));
        var all = Build(0, docs: new[] { doubted, Doc("In spring Ana Ruiz met Bo Lind.", doubted: true) });
        Assert.That((double)all.Snapshot.Edges.Single(e => e.Type == "MET_WITH")["confidence"]!, Is.EqualTo(0.12).Within(1e-9), "nor do they across articles");

        var independent = Doc("Ana Ruiz met Bo Lind. Later Ana Ruiz met Bo Lind.", doubted: false);
        Assert.That(Types(Build(docs: independent)), Does.Contain("MET_WITH"), "two ordinary readings are two pieces of evidence");

        // a doubted reading beside an ordinary one still adds its own weight once: 1 - 0.85 * 0.88 = 0.252
        var mixed = Article("Ana Ruiz met Bo Lind.", visit: 0.8, met: 0.15) with
        {
            Relations = new[] { Visit(0, 1, 0.8), Met(0, 2, 0.15), Met(0, 2, 0.12) with { Doubted = true }, Met(0, 2, 0.12) with { Doubted = true } },
        };
        Assert.That((double)Build(0, docs: mixed).Snapshot.Edges.Single(e => e.Type == "MET_WITH")["confidence"]!, Is.EqualTo(0.252).Within(1e-9));
    }

    [Test]
    public void ANodeOnlyALeftOutEdgeTouchedFollowsTheNodeGate()
    {
        var doc = Article("Ana Ruiz visited Norland. Ana Ruiz met Bo Lind.", visit: 0.8, met: 0.1);
        var ungated = Build(0, 0, doc).Snapshot.Nodes.Single(n => n.Name == "Bo Lind");
        double lind = (double)ungated["confidence"]!;
        // a node gate above Bo Lind's confidence: with every edge kept its MET_WITH edge keeps it, with the default
        // edge gate that edge is gone and so is the node
        double nodeGate = Math.Min(1, lind + 0.2);
        Assert.That(Build(0, nodeGate, doc).Snapshot.Nodes.Select(n => n.Name), Does.Contain("Bo Lind"));
        var gated = Build(minNode: nodeGate, docs: doc).Snapshot;
        Assert.That(gated.Nodes.Select(n => n.Name), Does.Not.Contain("Bo Lind"));
        Assert.That(gated.Nodes.Select(n => n.Name), Does.Contain("Ana Ruiz"), "a node a kept edge touches stays");
    }

    [Test]
    public void TheGateOfAnAnalysisKeepsWhatABuildOfItKeeps()
    {
        var doc = Article("Ana Ruiz visited Norland. Ana Ruiz met Bo Lind.", visit: 0.8, met: 0.1);
        var gated = EdgeConfidence.Gate(doc, EdgeConfidence.DefaultMinimum);
        Assert.That(gated.Relations.Select(r => r.Type), Is.EqualTo(new[] { "VISITED" }));
        Assert.That(EdgeConfidence.Gate(doc, 0).Relations, Has.Count.EqualTo(2));
        var negated = doc with { Relations = doc.Relations.Append(Met(0, 2, 0.05) with { Negated = true }).ToList() };
        Assert.That(EdgeConfidence.Gate(negated, 0.2).Relations.Count(r => r.Negated), Is.EqualTo(1), "negated mentions stay for the scorers");
    }
}
