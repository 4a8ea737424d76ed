using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Tests.Lexicons;

[TestFixture]
public sealed class TriggerLexiconTests
{
    /// <summary>The ontology's relationship types and their categories (the lead's list).</summary>
    private static readonly Dictionary<string, string> Ontology = new(StringComparer.Ordinal)
    {
        ["LEADS"] = "LEADS", ["MEMBER_OF"] = "MEMBER_OF", ["WORKS_FOR"] = "WORKS_FOR", ["PART_OF"] = "PART_OF",
        ["LOCATED_IN"] = "LOCATED_IN", ["HEADQUARTERED_IN"] = "HEADQUARTERED_IN", ["ALLIED_WITH"] = "ALLIED_WITH",
        ["AFFILIATED_WITH"] = "AFFILIATED_WITH", ["FUNDED_BY"] = "FUNDED_BY", ["NATIONALITY"] = "NATIONALITY",
        ["REPLACED_BY"] = "REPLACED_BY", ["OPPOSES"] = "OPPOSES",
        ["AGREED_WITH"] = "AGREE", ["SIGNED_AGREEMENT_WITH"] = "AGREE", ["MET_WITH"] = "CONSULT", ["VISITED"] = "CONSULT",
        ["SUPPORTS"] = "SUPPORT", ["PRAISED"] = "SUPPORT", ["TRUSTS"] = "SUPPORT", ["RELEASED"] = "CONCEDE",
        ["COOPERATES_WITH"] = "COOPERATE", ["ALIGNED_WITH"] = "COOPERATE", ["AIDED"] = "AID", ["TRAINED"] = "AID",
        ["SUPPLIED"] = "AID", ["WITHDREW_FROM"] = "RETREAT", ["INVESTIGATED"] = "INVESTIGATE",
        ["REQUESTED_WITHDRAWAL_OF"] = "DEMAND", ["DEMANDED"] = "DEMAND", ["CALLED_ON"] = "DEMAND",
        ["ACCUSED"] = "DISAPPROVE", ["CRITICIZED"] = "DISAPPROVE", ["BLAMED"] = "DISAPPROVE", ["DENOUNCED"] = "DISAPPROVE",
        ["REJECTED"] = "REJECT", ["THREATENED"] = "THREATEN", ["PROTESTED_AGAINST"] = "PROTEST", ["DEPLOYED_IN"] = "MOBILIZE",
        ["SANCTIONED"] = "SANCTION", ["EXPELLED"] = "COERCE", ["ARRESTED"] = "COERCE", ["BANNED"] = "COERCE",
        ["ATTACKED"] = "ASSAULT", ["KILLED"] = "ASSAULT", ["FOUGHT"] = "FIGHT", ["CAPTURED"] = "FIGHT",
        ["COMMITTED_CRIME_AGAINST"] = "CRIME",
    };

    private static readonly Lazy<TriggerLexicon> Lexicon = new(() => LexiconSet.Load().Triggers);

    [Test]
    public void Every_type_and_category_is_in_the_ontology()
    {
        var bad = Lexicon.Value.Entries.Where(e => !Ontology.TryGetValue(e.Type, out var c) || c != e.Category)
            .Select(e => $"{e.Lemma}: {e.Type}/{e.Category}").ToList();
        Assert.That(bad, Is.Empty);
    }

    [Test]
    public void Every_event_category_has_triggers()
    {
        var missing = Ontology.Values.Where(c => c != "NATIONALITY").Distinct().Where(c => !Lexicon.Value.Entries.Any(e => e.Category == c)).ToList();
        Assert.That(missing, Is.Empty);
    }

    [TestCase("retake", "CAPTURED", "FIGHT")]
    [TestCase("push out", "EXPELLED", "COERCE")]
    [TestCase("call on", "CALLED_ON", "DEMAND")]
    [TestCase("turn toward", "ALIGNED_WITH", "COOPERATE")]
    [TestCase("denounce", "DENOUNCED", "DISAPPROVE")]
    [TestCase("impose sanctions on", "SANCTIONED", "SANCTION")]
    public void Verbs_map_to_types(string lemma, string type, string category)
    {
        var e = Lexicon.Value.Lookup(lemma, TriggerPos.Verb);
        Assert.That(e.Select(x => (x.Type, x.Category)), Does.Contain((type, category)));
    }

    [Test]
    public void Nominalisations_are_nouns()
    {
        Assert.That(Lexicon.Value.Lookup("withdrawal", TriggerPos.Noun).Select(e => e.Category), Does.Contain("RETREAT"));
        Assert.That(Lexicon.Value.Lookup("request for the withdrawal of", TriggerPos.Noun).Select(e => e.Type), Does.Contain("REQUESTED_WITHDRAWAL_OF"));
    }

    [Test]
    public void Longest_multiword_trigger_wins()
    {
        var (length, entries) = Lexicon.Value.LongestMatchAt(new[] { "pull", "out", "of", "Mali" }, 0);
        Assert.That(length, Is.EqualTo(3));
        Assert.That(entries[0].Type, Is.EqualTo("WITHDREW_FROM"));
    }

    [Test]
    public void Passive_and_inverse_forms_say_which_way_the_edge_goes()
    {
        Assert.That(Lexicon.Value.Lookup("lead by")[0].Direction, Is.EqualTo(TriggerDirection.PassiveInverse));
        Assert.That(Lexicon.Value.Lookup("lead", TriggerPos.Verb)[0].Direction, Is.EqualTo(TriggerDirection.Active));
        Assert.That(Lexicon.Value.Lookup("replace", TriggerPos.Verb)[0].Direction, Is.EqualTo(TriggerDirection.PassiveInverse));
        Assert.That(Lexicon.Value.Lookup("fund by")[0].Direction, Is.EqualTo(TriggerDirection.Active));
    }

    [Test]
    public void Strengths_are_in_range() =>
        Assert.That(Lexicon.Value.Entries.All(e => e.Strength is > 0 and <= 1), Is.True);
}
