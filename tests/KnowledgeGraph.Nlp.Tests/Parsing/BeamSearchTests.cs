using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Parsing;

/// <summary>The beam decoder and beam training: a beam of 1 is the greedy parser, every beam parse is a tree, the file records the beam.</summary>
public sealed class BeamSearchTests
{
    private static Lazy<DependencyParser> Shipped => ShippedParserTests.Parser;

    private static readonly string[] Sentences =
    [
        "The rebels attacked the convoy near the border .",
        "Officials said the ministry , which denied the report , would investigate the attack on Monday .",
        "Anna gave up her plan and left .",
        "Police arrested two men who had been seen near the embassy after the explosion .",
        "If the talks fail , the government will impose sanctions on the company and its owners .",
        "Yes .",
    ];

    /// <summary>Our sentences tagged by the shipped tagger, and the first 400 EWT dev sentences with their gold tags when the treebank is there.</summary>
    private static IEnumerable<(string[] Words, string[] Tags)> Inputs()
    {
        var tagger = ShippedParserTests.Tagger.Value;
        foreach (var s in Sentences)
        {
            var words = s.Split(' ');
            yield return (words, tagger.Tag(words).Xpos.ToArray());
        }
        if (TreeAssert.Ewt("dev") is { } dev)
            foreach (var t in ConlluReader.ReadTrees(dev).Take(400)) yield return (t.Words, t.Xpos);
    }

    [Test]
    public void BeamOfOneMakesTheGreedyParsersChoices()
    {
        var parser = Shipped.Value;
        Assert.That(parser.Beam, Is.EqualTo(1), "the shipped model (format 3) loads as a greedy parser");
        foreach (var (words, tags) in Inputs())
        {
            var greedy = parser.Parse(words, tags);
            var beam = parser.ParseWithBeam(words, tags, 1);
            Assert.That(beam.Heads, Is.EqualTo(greedy.Heads), string.Join(" ", words));
            Assert.That(beam.Deprels, Is.EqualTo(greedy.Deprels), string.Join(" ", words));
        }
    }

    [Test]
    public void EveryBeamParseIsATreeWithOneRoot()
    {
        var parser = Shipped.Value;
        var rng = new Random(5);
        string[] tags = ["NN", "NNP", "VBD", "IN", "DT", "JJ", ",", ".", "CC", "PRP", "VBZ", "RB"];
        var inputs = Inputs().ToList();
        // word salad with random tags as well: the constraints, not the weights, must make the tree
        for (int n = 1; n <= 40; n += 3)
        {
            var words = Enumerable.Range(0, n).Select(i => Sentences[1].Split(' ')[rng.Next(16)]).ToArray();
            inputs.Add((words, words.Select(_ => tags[rng.Next(tags.Length)]).ToArray()));
        }
        foreach (var width in new[] { 2, 4, 8 })
            foreach (var (words, t) in inputs)
            {
                var tree = parser.ParseWithBeam(words, t, width);
                Assert.That(TreeAssert.TreeProblem(tree.Heads), Is.Null, $"beam {width}: {string.Join(" ", words)}");
                Assert.That(tree.Deprels.Count(d => d == DependencyParser.RootRelation), Is.EqualTo(1), $"beam {width}: {string.Join(" ", words)}");
            }
        Assert.That(parser.ParseWithBeam([], [], 4).Count, Is.EqualTo(0));
    }

    private static DependencyParser TrainBeam() =>
        ParserTrainer.Train(TreeAssert.Tiny, new ParserTrainingOptions(Epochs: 15, MinLiftedCount: 1, PruneBelow: 0.01f, Beam: 4));

    [Test]
    public void BeamTrainingIsDeterministicLearnsTheTreebankAndTheFileRecordsTheBeam()
    {
        var a = TrainBeam();
        var b = TrainBeam();
        Assert.That(b.ToBytes(), Is.EqualTo(a.ToBytes()), "two trainings with the same data and seed must give the same file");
        Assert.That(a.Beam, Is.EqualTo(4));
        var loaded = DependencyParser.FromBytes(a.ToBytes());
        Assert.That(loaded.Beam, Is.EqualTo(4), "the model file records its beam");
        Assert.That(loaded.ToBytes(), Is.EqualTo(a.ToBytes()));
        Assert.That(DependencyParser.FromBytes(a.WithBeam(1).ToBytes()).Beam, Is.EqualTo(1), "a greedy file loads as greedy");
        Assert.That(a.Description, Does.Contain("beam 4"));
        foreach (var s in TreeAssert.Tiny)
        {
            var tree = loaded.Parse(s.Words, s.Xpos);
            Assert.That(tree.Heads, Is.EqualTo(s.Heads), string.Join(" ", s.Words));
            Assert.That(tree.Deprels, Is.EqualTo(s.Deprels), string.Join(" ", s.Words));
        }
    }
}
