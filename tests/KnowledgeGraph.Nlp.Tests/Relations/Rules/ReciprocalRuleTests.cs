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
    /// <summary>The shipped tagger and parser and the rule engine over the shipped rules (CoordinationRuleTests uses them too).</summary>
    internal static readonly Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared = new(() =>
    {
        var lexicons = LexiconSet.Load();
        var rules = RuleSet.Load(RuleSet.DefaultDirectory, RuleEngine.CategoryLookup(lexicons.Triggers));
        return (new MarkupContext(NlpModels.LoadPos(), lexicons.Abbreviations, NlpModels.LoadParser()), new RuleEngine(rules, lexicons, SchemaRules.Load()));
    });

    private static List<string> Edges(string markup)
    {
        var (m, engine) = Shared.Value;
        var c = m.Build(markup);
        return engine.Extract(c).Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}").ToList();
    }

    [Test]
    public void CoordinatedSubjectsOfADiscussionTalkWithEachOther()
    {
        var e = Edges("[Norland|Location] and [Vell|Location] debated the fishing quotas on Friday.");
        Assert.That(e, Does.Contain("Norland MET_WITH Vell"));
        Assert.That(e, Does.Contain("Vell MET_WITH Norland"));
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
        var e = Edges("[Norland|Location] and [Vell|Location] signed a truce in the capital.");
        Assert.That(e, Does.Contain("Norland SIGNED_AGREEMENT_WITH Vell"));
        Assert.That(e, Does.Contain("Vell SIGNED_AGREEMENT_WITH Norland"));
    }

    [Test]
    public void JudgingAnEventDoesNotMakeItsJudgesParties()
    {
        var e = Edges("[Norland|Location] and [Vell|Location] condemned the agreement on Friday.");
        Assert.That(e.Where(x => x.Contains("SIGNED_AGREEMENT_WITH") || x.Contains("MET_WITH")), Is.Empty);
    }
}
