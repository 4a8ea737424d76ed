using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// What the tree rules must not read beside the surface reader (issue 9, branch both1), on sentences of our own parsed
/// by the shipped parser: list members are not related to each other through a word of the first member, a role noun
/// names no place, a standing relation of a verb holds of its own object only, and the place of an alliance is no ally.
/// Each construction with the case that still reads.
/// </summary>
public sealed class CoordinationRuleTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.Parsed;

    private static List<string> Edges(string markup) => ShippedRules.ParsedEdges(markup, fallback: false);

    /// <summary>Every rule firing on the sentence and its tree, for the failure message.</summary>
    private static string Fired(string markup)
    {
        var (m, engine) = Shared.Value;
        var c = m.Build(markup);
        var tree = string.Join(" ", c.Sentences.SelectMany(s => s.Tokens.Select(t => $"{t.Text}<-{t.Head + 1}:{t.Deprel}")));
        return string.Join("; ", engine.Matches(c, fallback: false).Select(x => $"{x.Rule.Name}: {c.Entities[x.Edge.Subject].Name} {x.Edge.Type} {c.Entities[x.Edge.Object].Name}")) + "\ntree: " + tree;
    }

    [Test]
    public void AModifierOfTheFirstConjunctIsNotSharedByTheLaterOnes()
    {
        // the parser may coordinate "counties" and "tribe" with "flood": "in Arden ..." still modifies the flood alone
        var e = Edges("The decision allows the agency to direct all relief work to reduce the risk of a disaster in [Arden|Location], "
            + "[Bellmoor|Location], [Corvale|Location], and [Dunmere|Location] counties and [the Tallow Tribe of Wessex|Organization].");
        Assert.That(e.Where(x => x.Contains("LOCATED_IN")), Is.Empty, string.Join("; ", e));
    }

    [Test]
    public void AnAcronymNamesTheConjunctItFollowsNotTheNextOne()
    {
        var e = Edges("The case was heard with the support of the [Harbour Safety Centre|Organization] ([HSC|Organization|Harbour Safety Centre|acronym]) "
            + "and [Coastal Patrol Investigations|Organization] ([CPI|Organization|Coastal Patrol Investigations|acronym]) in [Arden|Location].");
        Assert.That(e, Does.Not.Contain("Coastal Patrol Investigations PART_OF Harbour Safety Centre"));
        Assert.That(e, Does.Contain("Coastal Patrol Investigations LOCATED_IN Arden"));
    }

    [Test]
    public void MembersOfAListAreNoUnitsOfEachOther()
    {
        const string List = "Several firms, for example [Norvale Shipping Holdings Limited|Organization] and [Eastgate Marine Limited|Organization], "
            + "were fined for carrying arms to the militia.";
        Assert.That(Edges(List).Where(x => x.Contains("PART_OF")), Is.Empty, Fired(List));
        // a unit with the larger unit in apposition still reads (membership.unit-apposition's example is the spec)
        Assert.That(Edges("[The 4th Signal Battalion|Organization], [12th Engineer Brigade|Organization], moved north."),
            Does.Contain("The 4th Signal Battalion PART_OF 12th Engineer Brigade"));
    }

    [Test]
    public void AUnitInAppositionIsSetOffByTheCommaBeforeItsName()
    {
        // the parser may hang the comma on a word inside a many-word name ("Arden") instead of on the appositive's head
        const string Unit = "A spokesperson for the [42nd Sustainment Brigade|Organization], [Royal Arden Army|Organization], speaks to reporters.";
        Assert.That(Edges(Unit), Does.Contain("42nd Sustainment Brigade PART_OF Royal Arden Army"), Fired(Unit));
    }

    [Test]
    public void APhraseOfAnotherKindLendsNoConjunct()
    {
        // "in Arden" is inside the forces' own name: its conjunct Vell is no place of the forces (a place test the token
        // reached fails is not handed on to its conjuncts; only an excluding test is)
        const string Named = "Some 300 Ostland marines trained alongside the [Royal Kessa Armed Forces in Arden|Organization] and [Vell|Location] to practise landings.";
        Assert.That(Edges(Named), Does.Not.Contain("Royal Kessa Armed Forces in Arden LOCATED_IN Vell"), Fired(Named));
    }

    [Test]
    public void ARoleNounNamesNoPlaceOfADateline()
    {
        var e = Edges("[Arden|Location], [Wessex|Location] – Senator [Mara Quill|Person], Chairman of [the Harbour Committee|Organization], released a statement.");
        Assert.That(e.Where(x => x.StartsWith("Arden ", StringComparison.Ordinal) || x.StartsWith("Wessex ", StringComparison.Ordinal)), Is.Empty, string.Join("; ", e));
        // the role is the senator's, whom the parser may hang as a conjunct of the dateline city
        Assert.That(e, Does.Contain("Mara Quill LEADS the Harbour Committee"), string.Join("; ", e));
    }

    [Test]
    public void JoiningPeopleForAnEventIsNoMembershipOfIt()
    {
        const string ForAnEvent = "On Monday, [Quill|Person] joined the visiting delegates for [HARBEX 2024|Organization].";
        Assert.That(Edges(ForAnEvent).Where(x => x.Contains("MEMBER_OF")), Is.Empty, Fired(ForAnEvent));
        Assert.That(Edges("On Monday, [Quill|Person] joined [the Harbour Committee|Organization]."), Does.Contain("Quill MEMBER_OF the Harbour Committee"));
    }

    [Test]
    public void APlaceOfAnAllianceIsNoAlly()
    {
        // set meeting-categories of grammar.rules names ALLIED_WITH (a rule file writes '_' for a space)
        const string Allied = "[Norland|Location] allied with [Vell|Location] in [Arden|Location] last year.";
        var e = Edges(Allied);
        Assert.That(e, Does.Contain("Norland ALLIED_WITH Vell"), Fired(Allied));
        Assert.That(e, Does.Not.Contain("Norland ALLIED_WITH Arden"), Fired(Allied));
    }
}
