using KnowledgeGraph.Nlp.Parsing;

namespace KnowledgeGraph.Nlp.Tests.Parsing;

/// <summary>Training on a tiny hand-written treebank: deterministic, learns it, survives a save and load.</summary>
public sealed class ParserTrainingTests
{
    private static DependencyParser Train() => ParserTrainer.Train(TreeAssert.Tiny, new ParserTrainingOptions(Epochs: 15, MinLiftedCount: 1, PruneBelow: 0.01f));

    [Test]
    public void TrainingIsDeterministicAndTheModelSurvivesSaveLoad()
    {
        var a = Train();
        var b = Train();
        Assert.That(b.ToBytes(), Is.EqualTo(a.ToBytes()), "two trainings with the same data and seed must give the same file");
        var loaded = DependencyParser.FromBytes(a.ToBytes());
        Assert.That(loaded.ToBytes(), Is.EqualTo(a.ToBytes()));
        foreach (var s in TreeAssert.Tiny)
        {
            var tree = loaded.Parse(s.Words, s.Xpos);
            Assert.That(tree.Heads, Is.EqualTo(s.Heads), string.Join(" ", s.Words));
            Assert.That(tree.Deprels, Is.EqualTo(s.Deprels), string.Join(" ", s.Words));
        }
    }
}
