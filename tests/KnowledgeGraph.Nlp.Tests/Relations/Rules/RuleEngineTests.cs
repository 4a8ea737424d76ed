using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// The engine on hand-written trees (CoNLL-style head:relation per token, 1-based heads, 0 = root), so what is tested
/// is the matching, not a parser: paths, coordination, implicit subjects, negation, modality, reported speech.
/// </summary>
public sealed class RuleEngineTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.OnGivenTrees;

    /// <summary>The context of <paramref name="markup"/> (one sentence) with the given tree put on its tokens.</summary>
    internal static AnalysisContext WithTree(AnalysisContext c, string tree)
    {
        var arcs = tree.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var s = c.Sentences[0];
        Assert.That(arcs, Has.Length.EqualTo(s.Tokens.Count), "one head:relation per token: " + string.Join(" ", s.Tokens.Select(t => t.Text)));
        var tokens = s.Tokens.Select((t, i) =>
        {
            var parts = arcs[i].Split(':', 2);
            return t with { Head = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - 1, Deprel = parts[1] };
        }).ToList();
        var sentences = c.Sentences.Select((x, i) => i == 0 ? x with { Tokens = tokens } : x).ToList();
        return new AnalysisContext(c.Document, sentences, c.Entities, c.Mentions, c.AnchorDate);
    }

    private static List<string> Edges(string markup, string tree, Func<RelationMention, string>? extra = null)
    {
        var (markup2, engine) = Shared.Value;
        var c = WithTree(markup2.Build(markup), tree);
        return engine.Extract(c).Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}" + (extra is null ? "" : " " + extra(r))).ToList();
    }

    [Test]
    public void AReadsTestNamesACategoryWithAnUnderscore()
    {
        // a rule file writes '_' for a space in every value, so reads=ALLIED_WITH must still match the category ALLIED_WITH
        var (markup, _) = Shared.Value;
        var lexicons = LexiconSet.Load();
        var rules = RuleSet.Parse(new[] { ("test.rules", """
            rule ally-verb
              trigger  verb reads=ALLIED_WITH
              subject  nsubj
              object   obl[prep=with]
              yields   lexicon
              base     Verb
              example  [A|Location] allied with [B|Location]. => A -[ALLIED_WITH]-> B
            """) }, RuleEngine.CategoryLookup(lexicons.Triggers));
        var engine = new RuleEngine(rules, lexicons, SchemaRules.Load());
        // Norland allied with Vell .
        var c = WithTree(markup.Build("[Norland|Location] allied with [Vell|Location]."), "2:nsubj 0:root 4:case 2:obl 2:punct");
        var e = engine.Extract(c).Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}").ToList();
        Assert.That(e, Does.Contain("Norland ALLIED_WITH Vell"));
    }

    [Test]
    public void ActiveVerbWithObject()
    {
        // The Northern Front attacked Kidal at dawn .
        var e = Edges("[The Northern Front|Organization] attacked [Kidal|Location] at dawn.", "3:det 3:compound 4:nsubj 0:root 4:obj 7:case 4:obl 4:punct");
        Assert.That(e, Does.Contain("The Northern Front ATTACKED Kidal"));
        Assert.That(e, Does.Not.Contain("Kidal ATTACKED The Northern Front"));
    }

    [Test]
    public void PrepositionJoinsTheTriggerKey()
    {
        // The battalion withdrew from Uruzgan .
        var e = Edges("[The battalion|Organization] withdrew from [Uruzgan|Location].", "2:det 3:nsubj 0:root 5:case 3:obl 3:punct");
        Assert.That(e, Does.Contain("The battalion WITHDREW_FROM Uruzgan"));
    }

    [Test]
    public void PassiveAgentIsTheSubject()
    {
        // The convoy was attacked by the brigade .
        var e = Edges("[The convoy|Organization] was attacked by [the brigade|Organization].", "2:det 4:nsubj:pass 4:aux:pass 0:root 7:case 7:det 4:obl:agent 4:punct");
        Assert.That(e, Does.Contain("the brigade ATTACKED The convoy"));
        Assert.That(e, Does.Not.Contain("The convoy ATTACKED the brigade"));
    }

    [Test]
    public void ReducedRelativeTakesTheNounAsPatient()
    {
        // Operation Sandstorm , led by Amara Kone , began .
        var e = Edges("[Operation Sandstorm|Event], led by [Amara Kone|Person], began.", "2:compound 9:nsubj 4:punct 2:acl 7:case 7:compound 4:obl:agent 4:punct 0:root 9:punct");
        Assert.That(e, Does.Contain("Amara Kone LEADS Operation Sandstorm"));
    }

    [Test]
    public void CoordinationSpreadsSubjectsObjectsAndVerbs()
    {
        // Chad and Niger attacked Gao and captured Ansongo .
        var e = Edges("[Chad|Location] and [Niger|Location] attacked [Gao|Location] and captured [Ansongo|Location].",
            "4:nsubj 3:cc 1:conj 0:root 4:obj 7:cc 4:conj 7:obj 4:punct");
        Assert.That(e, Does.Contain("Chad ATTACKED Gao").And.Contain("Niger ATTACKED Gao"));
        Assert.That(e.Any(x => x.StartsWith("Chad ", StringComparison.Ordinal) && x.EndsWith(" Ansongo", StringComparison.Ordinal)), Is.True, string.Join("; ", e));
    }

    [Test]
    public void NegationAndModality()
    {
        // Chad did not attack Niger .
        var neg = Edges("[Chad|Location] did not attack [Niger|Location].", "4:nsubj 4:aux 4:advmod 0:root 4:obj 4:punct", r => $"negated={r.Negated}");
        Assert.That(neg, Does.Contain("Chad ATTACKED Niger negated=True"));
        // Chad may attack Niger .
        var may = Edges("[Chad|Location] may attack [Niger|Location].", "3:nsubj 3:aux 0:root 3:obj 3:punct", r => $"modality={r.Modality}");
        Assert.That(may, Does.Contain("Chad ATTACKED Niger modality=may"));
    }

    [Test]
    public void ReportedSpeechIsAttributedAndTheReporterIsNoParticipant()
    {
        // Mali said Chad attacked Niger .
        var e = Edges("[Mali|Location] said [Chad|Location] attacked [Niger|Location].", "2:nsubj 0:root 4:nsubj 2:ccomp 4:obj 2:punct", r => $"by={r.AttributedTo}");
        Assert.That(e, Does.Contain("Chad ATTACKED Niger by=Mali"));
        Assert.That(e.Any(x => x.StartsWith("Mali ", StringComparison.Ordinal)), Is.False, string.Join("; ", e));
    }

    [Test]
    public void ObjectControlGivesTheInfinitiveItsSubject()
    {
        // Chad urged Niger to withdraw from Gao .
        var e = Edges("[Chad|Location] urged [Niger|Location] to withdraw from [Gao|Location].", "2:nsubj 0:root 2:obj 5:mark 2:xcomp 7:case 5:obl 2:punct");
        Assert.That(e, Does.Contain("Niger WITHDREW_FROM Gao"));
        Assert.That(e, Does.Not.Contain("Chad WITHDREW_FROM Gao"));
    }

    [Test]
    public void StatedIntentionIsAnAgreementOrAThreatOfTheSpeakerOnly()
    {
        // The rebels said they would meet the mediator .  ("they" has no mention: the speaker stands for it)
        var own = Edges("[The rebels|Organization] said they would meet [the mediator|Person].", "2:det 3:nsubj 0:root 6:nsubj 6:aux 3:ccomp 8:det 6:obj 3:punct",
            r => r.Modality ?? "fact");
        Assert.That(own, Does.Contain("The rebels MET_WITH the mediator would"));
        Assert.That(own, Does.Contain("The rebels AGREED_WITH the mediator fact"));
        // Analysts said the army would attack Gao .  (someone else's forecast states no intention of the army)
        var other = Edges("Analysts said [the army|Organization] would attack [Gao|Location].", "2:nsubj 0:root 4:det 6:nsubj 6:aux 2:ccomp 6:obj 2:punct");
        Assert.That(other, Does.Contain("the army ATTACKED Gao"));
        Assert.That(other, Has.None.Contains("THREATENED"));
    }

    [Test]
    public void AnEventNounIsAsHedgedAsItsLightVerb()
    {
        // The junta would impose a blockade on Gao .  (the act is not stated as fact; the intention is)
        var e = Edges("[The junta|Organization] would impose a blockade on [Gao|Location].", "2:det 4:nsubj 4:aux 0:root 6:det 4:obj 8:case 6:nmod 4:punct",
            r => r.Modality ?? "fact");
        Assert.That(e.Where(x => x.StartsWith("The junta", StringComparison.Ordinal) && !x.Contains("THREATENED", StringComparison.Ordinal)),
            Is.Not.Empty.And.All.EndsWith(" would"));
        Assert.That(e, Does.Contain("The junta THREATENED Gao fact"));
    }

    [Test]
    public void ARuleNamingItsWordOutranksTheLexiconReadingOfThatWord()
    {
        // Members include Chad .  (membership.include-list: MEMBER_OF; the lexicon reads "include" as PART_OF)
        var e = Edges("[The alliance|Organization] members include [Chad|Location].", "2:det 3:compound 4:nsubj 0:root 4:obj 4:punct");
        Assert.That(e, Does.Contain("Chad MEMBER_OF The alliance"));
        Assert.That(e, Has.None.Contains("PART_OF"));
    }

    [Test]
    public void TheFirstPlaceOfAListIsNotInTheOthers()
    {
        // The fleet patrols Java , Bali , Flores and Timor .  (a misparse hangs Flores from Java as an apposition)
        var e = Edges("The fleet patrols [Java|Location], [Bali|Location], [Flores|Location] and [Timor|Location].",
            "2:det 3:nsubj 0:root 3:obj 6:punct 4:conj 8:punct 4:appos 10:cc 8:conj 3:punct");
        Assert.That(e, Has.None.Contains("LOCATED_IN"));
    }

    [Test]
    public void AUnitInAppositionNeedsANamedUnitBeforeIt()
    {
        // Aid came from the nation Northern Pact , NFA .  (NFA hangs from the common noun "nation", not from the name)
        var e = Edges("Aid came from the nation [Northern Pact|Organization], [NFA|Organization|NFA|acronym].",
            "2:nsubj 0:root 5:case 5:det 2:obl 5:appos 6:flat 9:punct 5:appos 2:punct");
        Assert.That(e, Has.None.Contains("PART_OF"));
        // 1st Battalion , 5th Regiment , arrived .  (two named units: the first is part of the second)
        var unit = Edges("[1st Battalion|Organization], [5th Regiment|Organization], arrived.", "2:amod 7:nsubj 5:punct 5:amod 2:appos 2:punct 0:root 7:punct");
        Assert.That(unit, Does.Contain("1st Battalion PART_OF 5th Regiment"));
    }

    [Test]
    public void AnEventPlaceIsNamedWhereItStands()
    {
        // Chad works in Niger 's capital .  /  Chad works in Niger 's interest .  (only a place the phrase names is where)
        var e = Edges("[Chad|Location] works in [Niger|Location]'s interest.", "2:nsubj 0:root 6:case 6:nmod:poss 4:case 2:obl 2:punct");
        Assert.That(e, Has.None.Contains("LOCATED_IN"));
        var place = Edges("[Chad|Location] works in [Niger|Location] now.", "2:nsubj 0:root 4:case 2:obl 2:advmod 2:punct");
        Assert.That(place, Does.Contain("Chad LOCATED_IN Niger"));
    }

    [Test]
    public void UnparsedSentencesGiveNothing()
    {
        var (markup, engine) = Shared.Value;
        Assert.That(engine.Extract(markup.Build("[Chad|Location] attacked [Niger|Location].")), Is.Empty);
    }
}
