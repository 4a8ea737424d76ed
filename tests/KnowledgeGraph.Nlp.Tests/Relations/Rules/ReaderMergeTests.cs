using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// <c>--relations both</c>: how the surface reader's edges and the rules' edges of one document are merged
/// (<see cref="RuleEngine.Merge"/>). Entities are indices; a trigger is a span of the sentence.
/// </summary>
public sealed class ReaderMergeTests
{
    private const string Sentence = "Chad said the army of Niger attacked Mali after the talks.";

    private static RelationMention Edge(int subject, string type, int obj, string trigger, double confidence = 0.5, bool negated = false)
    {
        int start = Sentence.IndexOf(trigger, StringComparison.Ordinal);
        return new RelationMention(subject, obj, type, type, 0, Sentence, new TextSpan(0, Sentence.Length), trigger,
            new TextSpan(start, start + trigger.Length), confidence, Negated: negated);
    }

    private static List<string> Merged(IReadOnlyList<RelationMention> surface, IReadOnlyList<RelationMention> rules) =>
        RuleEngine.Merge(surface, rules).Select(r => $"{r.Subject} {r.Type} {r.Object}" + (r.Negated ? " negated" : "")).ToList();

    [Test]
    public void AWordTheSurfaceReaderReadIsNotReadAgainWithOtherArguments()
    {
        var surface = new[] { Edge(1, "ATTACKED", 2, "attacked") };
        var rules = new[] { Edge(0, "ATTACKED", 2, "attacked") };
        Assert.That(Merged(surface, rules), Is.EqualTo(new[] { "1 ATTACKED 2" }));
    }

    [Test]
    public void AWordOnlyTheTreeReadAddsItsEdges()
    {
        var surface = new[] { Edge(1, "ATTACKED", 2, "attacked") };
        var rules = new[] { Edge(1, "ATTACKED", 2, "attacked"), Edge(1, "MET_WITH", 2, "talks") };
        Assert.That(Merged(surface, rules), Is.EquivalentTo(new[] { "1 ATTACKED 2", "1 MET_WITH 2" }));
    }

    [Test]
    public void BothReadersOnOneEdgeGiveOneEdge()
    {
        var surface = new[] { Edge(1, "ATTACKED", 2, "attacked", 0.4) };
        var rules = new[] { Edge(1, "ATTACKED", 2, "attacked", 0.7) };
        var merged = RuleEngine.Merge(surface, rules);
        Assert.That(merged, Has.Count.EqualTo(1));
        Assert.That(merged[0].Confidence, Is.EqualTo(0.7));
    }

    [Test]
    public void TheTreeDecidesWhetherTheSameEdgeOnTheSameWordIsNegated()
    {
        var surface = new[] { Edge(1, "ATTACKED", 2, "attacked") };
        var rules = new[] { Edge(1, "ATTACKED", 2, "attacked", negated: true) };
        Assert.That(Merged(surface, rules), Is.EqualTo(new[] { "1 ATTACKED 2 negated" }));
    }
}
