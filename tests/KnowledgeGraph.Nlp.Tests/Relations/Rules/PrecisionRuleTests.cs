using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// Constructions the tree rules read wrongly beside the surface reader (issue 9, branch rules7), on sentences of our
/// own parsed by the shipped parser, each with the case that still reads: "as part of" an activity, list members and a
/// bracketed acronym as units of each other, and the proximity fallback reaching through an event noun.
/// </summary>
public sealed class PrecisionRuleTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.Parsed;

    private static List<string> Edges(string markup, bool fallback = false)
    {
        var (m, engine) = Shared.Value;
        var c = m.Build(markup);
        return engine.Extract(c, fallback).Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}").ToList();
    }

    [Test]
    public void AsPartOfAnActivityMakesNoPartOfItsOwner()
    {
        // "as part of Y's effort": X takes part in an effort, it is not a unit of Y
        var e = Edges("[The 4th Wing|Organization] flew patrols as part of [the Alliance|Organization]'s relief effort.");
        Assert.That(e, Does.Not.Contain("The 4th Wing PART_OF the Alliance"), string.Join("; ", e));
        // the named group itself still reads (membership.as-part-of's example is the spec too)
        Assert.That(Edges("[The 4th Wing|Organization] flew patrols as part of [the 9th Air Group|Organization]."),
            Does.Contain("The 4th Wing PART_OF the 9th Air Group"));
    }
}
