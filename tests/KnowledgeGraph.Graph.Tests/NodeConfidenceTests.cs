using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sharding;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A node's confidence and the gate that may leave weakly supported nodes out (docs/entities.md, "Node confidence").</summary>
public sealed class NodeConfidenceTests
{
    private static readonly OntologySchema Schema = OntologySchema.LoadDefault();

    private static readonly EntityEvidence RecogniserGuess = new(false, false, true, false, 3f, true, false);
    private static readonly EntityEvidence GazetteerEntry = new(true, false, false, true, float.NaN, false, false);

    private static DocumentEntity E(int index, string name, EntityType type, EntityEvidence? evidence, int mentions = 1) =>
        new DocumentEntity(index, name, type, Array.Empty<string>(), new[] { name },
            Enumerable.Range(0, mentions).Select(_ => new Mention(new TextSpan(0, name.Length), name, 0, type, null, MentionKind.Name, "test")).ToList(),
            new Dictionary<string, string>()) { Evidence = evidence };

    private static DocumentAnalysis Doc(string text, IReadOnlyList<DocumentEntity> entities, params RelationMention[] relations) =>
        new(Document.Create(text), Array.Empty<Sentence>(), entities.SelectMany(e => e.Mentions).ToList(), entities, relations);

    private static RelationMention Visit(int s, int o, string sentence) =>
        new(s, o, "VISITED", "CONSULT", 0, sentence, new TextSpan(0, sentence.Length), "visited", new TextSpan(0, 7), 0.7);

    private static double Confidence(GraphNode n) => (double)n["confidence"]!;

    // One article: a country the gazetteer knows, named often; an unknown capitalised word the recogniser alone guessed
    // at the start of a sentence, once, as an organisation; a person the recogniser found who visits the country.
    private static IReadOnlyList<DocumentAnalysis> Article() =>
    [
        Doc("Ana Ruiz visited Norland. Harvest drew crowds.", new[]
        {
            E(0, "Ana Ruiz", EntityType.Person, RecogniserGuess with { AllSentenceInitial = true }),
            E(1, "Norland", EntityType.Location, GazetteerEntry, mentions: 4),
            E(2, "Harvest", EntityType.Organization, RecogniserGuess with { RecogniserOtherType = true }),
        }, Visit(0, 1, "Ana Ruiz visited Norland.")),
    ];

    private static KnowledgeGraphModel Build(double minConfidence = 0)
    {
        var b = new GraphBuilder(Schema) { MinConfidence = minConfidence };
        foreach (var d in Article()) b.Add(d);
        return b.Build();
    }

    [Test]
    public void EveryEntityNodeHasAConfidenceAndStrongEvidenceScoresAboveAGuess()
    {
        var nodes = Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToDictionary(n => n.Name!);
        Assert.That(nodes.Values.Select(Confidence), Is.All.InRange(0.0, 1.0));
        Assert.That(Confidence(nodes["Norland"]), Is.GreaterThan(Confidence(nodes["Harvest"])),
            "a gazetteer entry named four times is surer than one word the recogniser barely chose");
        Assert.That(nodes.Values.Where(n => n.Labels.Contains("Document")), Is.Empty);
    }

    [Test]
    public void TheGateLeavesOutWeakNodesWithoutRelationshipsAndKeepsTheRest()
    {
        var all = Build().Snapshot;
        double harvest = Confidence(all.Nodes.Single(n => n.Name == "Harvest"));
        double ruiz = Confidence(all.Nodes.Single(n => n.Name == "Ana Ruiz"));
        // a threshold above both weak nodes: the one without an edge goes, the visitor stays for its edge
        var gated = Build(Math.Min(1, Math.Max(harvest, ruiz) + 0.001)).Snapshot;
        var names = gated.Nodes.Where(n => n.Labels.Contains("Entity")).Select(n => n.Name).ToList();
        Assert.That(names, Does.Not.Contain("Harvest"));
        Assert.That(names, Does.Contain("Ana Ruiz"), "a node a relationship touches is kept");
        Assert.That(names, Does.Contain("Norland"));
        Assert.That(gated.Edges.Any(e => e.Type == "VISITED"), Is.True);
        Assert.That(gated.Edges.Where(e => e.Type == "MENTIONS").Count(), Is.EqualTo(2), "no MENTIONS edge to a node left out");
        // by default nothing is left out
        Assert.That(all.Nodes.Count(n => n.Labels.Contains("Entity")), Is.EqualTo(3));
    }

    [Test]
    public void EvidenceAddsUpAcrossDocuments()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Harvest", EntityType.Organization, RecogniserGuess) }));
        double once = Confidence(Build().Snapshot.Nodes.Single(n => n.Name == "Harvest"));
        b.Add(Doc("two", new[] { E(0, "Harvest", EntityType.Organization, GazetteerEntry) }));
        var node = b.Build().Snapshot.Nodes.Single(n => n.Name == "Harvest");
        Assert.That(Confidence(node), Is.GreaterThan(once), "a gazetteer entry in another article supports the same node");
    }

    [Test]
    public void EvidenceSurvivesTheShardFileSoAMergeScoresLikeOneBuild()
    {
        var doc = GraphDocument.From(Article()[0]);
        var text = new StringWriter();
        using (var w = AnalysesFile.JsonWriter(text)) AnalysesFile.WriteDocument(w, 0, doc);
        var back = ((DocumentRecord)AnalysesFile.ReadRecord(AnalysesFile.ParseLine(text.ToString()))).Document;
        Assert.That(back.Entities.Select(e => e.Evidence), Is.All.Not.Null);
        Assert.That(back.Entities.Select(e => e.Evidence), Is.EqualTo(doc.Entities.Select(e => e.Evidence)));
    }

    [Test]
    public void MalformedWeightsAreRefusedWithTheReason()
    {
        var ex = Assert.Throws<InvalidDataException>(() => NodeConfidence.Parse(new StringReader("bias\t0.5\n")));
        Assert.That(ex!.Message, Does.Contain("no weight for"));
        Assert.Throws<InvalidDataException>(() => NodeConfidence.Parse(new StringReader("colour\t1\n")));
        // a corrupt number is the same one-line error naming the line, not a parser's stack of exceptions
        var all = string.Join("\n", NodeConfidence.FeatureNames.Select(f => f == "digit" ? "digit\t0,5x" : $"{f}\t0.1"));
        var corrupt = Assert.Throws<InvalidDataException>(() => NodeConfidence.Parse(new StringReader(all)));
        Assert.That(corrupt!.Message, Does.Contain("digit\t0,5x").And.Not.Contain("\n"));
        Assert.That(corrupt.InnerException, Is.Null);
    }

    [Test]
    public void WhereTheNameMentionsStandIsAShareOfThem()
    {
        // four name mentions: one opens its sentence, two are on the headline, one on a reference line; the recogniser found
        // two, with margins 3 and 5
        var context = new MentionContext(4, 1, 2, 0, 0, 0, 1, 2, 8f, 2, ["next=VERB", "prevw=in"]);
        var f = NodeConfidence.Features(EntityType.Location, "Dunmore", GazetteerEntry with { Context = context }, false, false, 4, 1, false);
        double Of(string name) => f[NodeConfidence.FeatureNames.ToList().IndexOf(name)];
        Assert.That((Of("share_opening"), Of("share_headline"), Of("share_citation"), Of("share_unpunctuated"), Of("share_list_item")),
            Is.EqualTo((0.25, 0.5, 0.25, 0.5, 0.0)));
        Assert.That(Of("mean_margin"), Is.EqualTo(Math.Log(1 + 4.0) / 5).Within(1e-12));
        // no context recorded (a shard of before): every context feature is 0
        var none = NodeConfidence.Features(EntityType.Location, "Dunmore", GazetteerEntry, false, false, 4, 1, false);
        Assert.That(none.Skip(NodeConfidence.FeatureNames.ToList().IndexOf("share_opening")), Is.All.EqualTo(0));
        // the words around the mentions are sparse features beside those of the name
        Assert.That(NodeConfidence.SparseFeatures("Location", "Dunmore", context.Keys), Does.Contain("prevw=in").And.Contain("next=VERB").And.Contain("w=dunmore"));
        Assert.That(NodeConfidence.SparseFeatures("Location", "Dunmore"), Has.None.StartsWith("prev"));
    }

    [Test]
    public void AContextWordWeighsWhatTheFileSays()
    {
        string dense = string.Join("\n", NodeConfidence.FeatureNames.Select(f => $"{f}\t0"));
        var model = NodeConfidence.Parse(new StringReader(dense + "\ns:prevw=in\t1.5\n"));
        var features = NodeConfidence.Features(EntityType.Location, "Dunmore", null, false, false, 1, 1, false);
        Assert.That(model.Score(features, NodeConfidence.SparseFeatures("Location", "Dunmore", ["prevw=in"])), Is.EqualTo(Math.Round(1 / (1 + Math.Exp(-1.5)), 3)));
        Assert.That(model.Score(features, NodeConfidence.SparseFeatures("Location", "Dunmore", ["prevw=of"])), Is.EqualTo(0.5));
        // a file without a weight for a context feature is refused, naming it
        var old = string.Join("\n", NodeConfidence.FeatureNames.Where(f => f != "share_dateline").Select(f => $"{f}\t0"));
        var ex = Assert.Throws<InvalidDataException>(() => NodeConfidence.Parse(new StringReader(old)));
        Assert.That(ex!.Message, Does.Contain("share_dateline"));
    }

    [Test]
    public void TheShippedWeightsLoadAndGiveEveryFeatureAWeight()
    {
        var features = NodeConfidence.Features(EntityType.Person, "Ana Ruiz", GazetteerEntry, false, false, 3, 1, false, 2);
        Assert.That(features, Has.Length.EqualTo(NodeConfidence.FeatureNames.Count));
        // every feature weighs something in the shipped file (a retraining that lost a feature would leave it at 0)
        using var stream = typeof(NodeConfidence).Assembly.GetManifestResourceStream("KnowledgeGraph.Graph.Resources.node-confidence.tsv")!;
        var weights = new StreamReader(stream).ReadToEnd().Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l.Split('\t')[0], l => double.Parse(l.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(weights.Keys.Where(k => !k.StartsWith("s:", StringComparison.Ordinal)), Is.EquivalentTo(NodeConfidence.FeatureNames));
        Assert.That(weights.Where(w => w.Value == 0).Select(w => w.Key), Is.Empty, "features that weigh nothing");
        // the sparse weights of the name and labels load too, and the model is the one every build uses
        Assert.That(NodeConfidence.Default.SparseWeightCount, Is.EqualTo(weights.Keys.Count(k => k.StartsWith("s:", StringComparison.Ordinal))));
        Assert.That(NodeConfidence.Default.SparseWeightCount, Is.GreaterThan(0));
    }

    [TestCase("Norland", "Xx")]
    [TestCase("U.S.", "X.X.")]
    [TestCase("McArdle", "XxXx")]
    [TestCase("F-16", "X-d")]
    [TestCase("al-Karim", "x-Xx")]
    [TestCase("NORLAND", "X")]
    public void AWordsShapeWritesEachRunOfOneKindOfCharacterOnce(string word, string shape) =>
        Assert.That(NodeConfidence.Shape(word), Is.EqualTo(shape));

    [Test]
    public void TheSparseFeaturesDescribeTheNameAndTheLabels()
    {
        // what tests/realtext/train_gate.py's sparse() gives for the same node (the trainer and the builder must agree)
        Assert.That(NodeConfidence.SparseFeatures("Organization:ArmedForces", "Norland  Coast Guard"), Is.EqualTo(new[]
        {
            "first=norland", "labels=Organization:ArmedForces", "last=Organization|guard", "n=Organization|3",
            "shape=Organization|Xx Xx Xx", "sub=ArmedForces", "w=coast", "w=guard", "w=norland",
        }));
        // five words or more count as 5; the shape keeps the first four words and marks the rest
        var f = NodeConfidence.SparseFeatures("Location", "Port of Anselm Bay North 2");
        Assert.That(f, Does.Contain("n=Location|5").And.Contain("shape=Location|Xx x Xx Xx+").And.Contain("last=Location|2"));
        Assert.That(NodeConfidence.SparseFeatures("Person", " "), Is.Empty);
    }

    [Test]
    public void SparseWeightsMoveTheScoreAndBadSparseLinesAreRefused()
    {
        string dense = string.Join("\n", NodeConfidence.FeatureNames.Select(f => $"{f}\t0"));
        var model = NodeConfidence.Parse(new StringReader(dense + "\ns:w=harvest\t-2\ns:labels=Location\t1.5\n"));
        var features = NodeConfidence.Features(EntityType.Organization, "Harvest", null, false, false, 1, 1, false);
        Assert.That(model.Score(features), Is.EqualTo(0.5), "all dense weights 0");
        Assert.That(model.Score(features, NodeConfidence.SparseFeatures("Organization", "Harvest")), Is.EqualTo(Math.Round(1 / (1 + Math.Exp(2)), 3)));
        Assert.That(model.Score(features, NodeConfidence.SparseFeatures("Location", "Harvest Valley")), Is.EqualTo(Math.Round(1 / (1 + Math.Exp(0.5)), 3)));
        foreach (var bad in new[] { "s:\t1", "s:w=harvest\t1\ns:w=harvest\t2", "s:w=harvest\tone", "s:w=harvest\t1\t2" })
        {
            var ex = Assert.Throws<InvalidDataException>(() => NodeConfidence.Parse(new StringReader(dense + "\n" + bad)));
            Assert.That(ex!.Message, Does.StartWith("node confidence weights:").And.Not.Contain("\n"));
        }
    }

    [TestCase("Paris-Berlin talks", true)]
    [TestCase("Ostland-based group", true)]
    [TestCase("Haider al-Abadi", false)]
    [TestCase("Ana el-Sayed", false)]
    [TestCase("Ana Ruiz", false)]
    public void AHyphenJoiningTwoWordsCountsNotOneAfterANameParticle(string name, bool expected) =>
        Assert.That(NodeConfidence.HasJoiningHyphen(name), Is.EqualTo(expected));

    // The shape of a name the finder ran on into the sentence ("Harvest season") against a name: a lower-case word of four
    // letters or more after the first word; particles and short function words inside names do not count.
    [TestCase("Harvest season", true)]
    [TestCase("Norland army said", true)]
    [TestCase("Bank of the North", false)]
    [TestCase("Ana de la Cruz", false)]
    [TestCase("Ruiz", false)]
    [TestCase("Ahmad bin Ali", false)]
    [TestCase("Haider al-Abadi", false)]
    [TestCase("Ana el-Sayed said", true)]
    public void ALowerCaseWordInsideTheNameMarksADescriptionNotAName(string name, bool expected) =>
        Assert.That(NodeConfidence.HasLowerCaseWord(name), Is.EqualTo(expected));

    // Two organisations of one article with the same recogniser evidence: the one named in three forms, whose name is a
    // name, scores above the one named once in a junk shape (a lower-case word inside, read by the recogniser as another
    // type); the gate between them leaves the junk-shaped one out and keeps the other.
    [Test]
    public void AJunkShapedNodeWithLittleEvidenceFallsBelowAWellSupportedOne()
    {
        var guess = RecogniserGuess with { AllSentenceInitial = false };
        var supported = new DocumentEntity(0, "Norland Farmers Union", EntityType.Organization, Array.Empty<string>(),
            new[] { "Norland Farmers Union", "NFU", "Farmers Union" },
            new[] { "Norland Farmers Union", "NFU", "Farmers Union" }.Select(n => new Mention(new TextSpan(0, n.Length), n, 0,
                EntityType.Organization, null, MentionKind.Name, "test")).ToList(), new Dictionary<string, string>()) { Evidence = guess };
        var junk = E(1, "Union members said", EntityType.Organization, guess with { RecogniserOtherType = true });
        KnowledgeGraphModel Graph(double min)
        {
            var b = new GraphBuilder(Schema) { MinConfidence = min };
            b.Add(Doc("Norland Farmers Union (NFU) met. Union members said the Farmers Union would strike.", new[] { supported, junk }));
            return b.Build();
        }
        var nodes = Graph(0).Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToDictionary(n => n.Name!);
        double good = Confidence(nodes["Norland Farmers Union"]), bad = Confidence(nodes["Union members said"]);
        Assert.That(good, Is.GreaterThan(bad));
        var gated = Graph((good + bad) / 2).Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).Select(n => n.Name).ToList();
        Assert.That(gated, Is.EqualTo(new[] { "Norland Farmers Union" }));
    }
}
