using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// CAMEO coding and the argument checks (event_checks.tsv) on the rule engine's readings, on hand-written trees
/// (CoNLL-style head:relation per token, 1-based heads), so what is tested is the coding, not a parser. Own sentences.
/// </summary>
public sealed class EventRuleTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.OnGivenTrees;

    private static List<RelationMention> Extract(string markup, string tree, out AnalysisContext context)
    {
        var (m, engine) = Shared.Value;
        context = RuleEngineTests.WithTree(m.Build(markup), tree);
        return engine.Extract(context).ToList();
    }

    private static List<string> Edges(string markup, string tree)
    {
        var found = Extract(markup, tree, out var c);
        return found.Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}").ToList();
    }

    [Test]
    public void An_attack_made_in_a_speech_is_criticism()
    {
        // The governor attacked the council in a speech .
        var e = Edges("[The governor|Person|Ida Lunde] attacked [the council|Organization] in a speech.",
            "2:det 3:nsubj 0:root 5:det 3:obj 8:case 8:det 3:obl 3:punct");
        Assert.That(e, Does.Contain("Ida Lunde CRITICIZED the council"));
        Assert.That(e, Does.Not.Contain("Ida Lunde ATTACKED the council"));
    }

    [Test]
    public void An_attack_on_a_town_stays_violence()
    {
        // The militia attacked the town of Nordby .
        var e = Edges("[The militia|Organization] attacked the town of [Nordby|Location].",
            "2:det 3:nsubj 0:root 5:det 3:obj 7:case 5:nmod 3:punct");
        Assert.That(e.Where(x => x.StartsWith("The militia", StringComparison.Ordinal)), Has.None.Contains("CRITICIZED"));
    }

    [Test]
    public void Occupying_a_post_is_no_occupation()
    {
        // Erik Sand occupied the post of treasurer at the bank .
        var e = Edges("[Erik Sand|Person] occupied the post of treasurer at [the bank|Organization].",
            "2:flat 3:nsubj 0:root 5:det 3:obj 7:case 5:nmod 10:case 10:det 3:obl 3:punct");
        Assert.That(e, Has.None.Contains("FOUGHT").And.None.Contains("CAPTURED").And.None.Contains("ARRESTED"));
    }

    [Test]
    public void Holding_talks_is_consultation_coded_by_cameo()
    {
        // Lars Moe held talks with the rebels .
        var found = Extract("[Lars Moe|Person] held talks with [the rebels|Organization].",
            "2:flat 3:nsubj 0:root 3:obj 7:case 7:det 3:obl 3:punct", out var c);
        var edges = found.Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name} {r.Cameo}").ToList();
        Assert.That(edges, Does.Contain("Lars Moe MET_WITH the rebels 046"));
        Assert.That(edges, Has.None.Contains("ARRESTED"));
    }

    private static List<string> CodedEdges(string markup, string tree)
    {
        var found = Extract(markup, tree, out var c);
        return found.Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name} {r.Cameo}").ToList();
    }

    [Test]
    public void Breaking_an_alliance_reduces_relations_with_the_partner_in_apposition()
    {
        // The junta broke the old alliance with the former colonial power , Westmark , and turned toward Suvania .
        var e = CodedEdges("[The junta|Organization|Ostland junta] broke [the old alliance|Organization|Northern Pact] with the former colonial power, [Westmark|Location], and turned toward [Suvania|Location].",
            "2:det 3:nsubj 0:root 6:det 6:amod 3:obj 11:case 11:det 11:amod 11:amod 3:obl 13:punct 11:appos 16:punct 16:cc 3:conj 18:case 16:obl 3:punct");
        Assert.That(e, Does.Contain("Ostland junta SANCTIONED Westmark 161"));
        Assert.That(e, Has.None.Contains("Northern Pact"));
        Assert.That(e, Has.None.Contains("THREATENED"));
    }

    [Test]
    public void Giving_a_time_span_to_act_is_an_ultimatum_to_the_recipient()
    {
        // Ostland gave Westmark 14 days to leave the valley .
        var e = CodedEdges("[Ostland|Location] gave [Westmark|Location] 14 days to leave the valley.",
            "2:nsubj 0:root 2:iobj 5:nummod 2:obj 7:mark 5:acl 9:det 7:obj 2:punct");
        Assert.That(e, Does.Contain("Ostland THREATENED Westmark 139"));
    }

    [Test]
    public void Giving_until_a_date_to_act_is_an_ultimatum_and_the_act_is_not_done()
    {
        // The council gave the brigade until Friday to withdraw from Dorvik .
        var e = CodedEdges("[The council|Organization] gave [the brigade|Organization] until Friday to withdraw from [Dorvik|Location].",
            "2:det 3:nsubj 0:root 5:det 3:obj 7:case 3:obl 9:mark 3:advcl 11:case 9:obl 3:punct");
        Assert.That(e, Does.Contain("The council THREATENED the brigade 139"));
        Assert.That(e, Has.None.Contains("WITHDREW_FROM"));
    }

    [Test]
    public void A_plural_event_noun_with_an_adjective_keeps_its_possessor_and_target()
    {
        // Ostland 's punitive measures against Westmark hurt its farmers .
        var e = Edges("[Ostland|Location]'s punitive measures against [Westmark|Location] hurt its farmers.",
            "4:nmod:poss 1:case 4:amod 7:nsubj 6:case 4:nmod 0:root 9:nmod:poss 7:obj 7:punct");
        Assert.That(e, Does.Contain("Ostland SANCTIONED Westmark"));
    }

    [Test]
    public void Imposing_a_curfew_is_coded_from_the_cameo_object_pattern()
    {
        // The junta imposed a curfew on the capital .
        var found = Extract("[The junta|Organization] imposed a curfew on [the capital|Location|Nordby].",
            "2:det 3:nsubj 0:root 5:det 3:obj 8:case 8:det 3:obl 3:punct", out var c);
        var curfew = found.Where(r => c.Entities[r.Subject].Name == "The junta" && c.Entities[r.Object].Name == "Nordby").ToList();
        Assert.That(curfew.Select(r => (r.Type, r.Category, r.Cameo, r.Mode)), Does.Contain(("BANNED", "COERCE", "1723", "curfew")));
    }

    [Test]
    public void An_arrest_keeps_its_type_and_gets_the_cameo_code_mode_and_context()
    {
        // The guards arrested Per Vik .
        var found = Extract("[The guards|Organization] arrested [Per Vik|Person].", "2:det 3:nsubj 0:root 5:flat 3:obj 3:punct", out var c);
        var arrest = found.Single(r => r.Type == "ARRESTED");
        Assert.That((arrest.Cameo, arrest.Mode, arrest.EventContext), Is.EqualTo(("173", "arrest", "legal")));
    }
}
