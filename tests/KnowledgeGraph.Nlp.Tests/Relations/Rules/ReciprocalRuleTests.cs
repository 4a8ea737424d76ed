using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// The reciprocal constructions of issue 9 (branch edges15) on sentences of our own, parsed by the shipped parser:
/// coordinated subjects of a verb of discussing or of a light verb with a shared event relate to each other, and
/// nothing else does (one subject, a verb that only judges the event).
/// </summary>
public sealed class ReciprocalRuleTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.Parsed;

    private static List<string> Edges(string markup) => ShippedRules.ParsedEdges(markup, fallback: true);

    /// <summary>Norland and Vell, the coordinated subjects, each relate to the other.</summary>
    private static void BothWays(List<string> edges, string type)
    {
        Assert.That(edges, Does.Contain($"Norland {type} Vell"));
        Assert.That(edges, Does.Contain($"Vell {type} Norland"));
    }

    [Test]
    public void CoordinatedSubjectsOfADiscussionTalkWithEachOther()
    {
        BothWays(Edges("[Norland|Location] and [Vell|Location] debated the fishing quotas on Friday."), "MET_WITH");
    }

    [Test]
    public void ADiscussionOfOthersIsNoMeetingWithThem()
    {
        // (the proximity fallback still reads a weak Norland MET_WITH Vell, under the edge gate: not this construction)
        var (m, engine) = Shared.Value;
        var c = m.Build("[Norland|Location] discussed the dispute between [Vell|Location] and [Ostmark|Location] on Friday.");
        Assert.That(engine.Matches(c).Where(x => x.Rule.Name.EndsWith("joint-discussion", StringComparison.Ordinal)), Is.Empty);
        Assert.That(engine.Extract(c).Where(r => r.Type == "MET_WITH" && r.Confidence >= 0.2), Is.Empty);
    }

    [Test]
    public void CoordinatedSubjectsOfALightVerbShareItsEvent()
    {
        BothWays(Edges("[Norland|Location] and [Vell|Location] signed a truce in the capital."), "SIGNED_AGREEMENT_WITH");
    }

    [Test]
    public void JudgingAnEventDoesNotMakeItsJudgesParties()
    {
        var e = Edges("[Norland|Location] and [Vell|Location] condemned the agreement on Friday.");
        Assert.That(e.Where(x => x.Contains("SIGNED_AGREEMENT_WITH") || x.Contains("MET_WITH")), Is.Empty);
    }
}
