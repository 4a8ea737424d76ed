
namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// The tree reader's repairs of two slips of the tagger and parser (issue 9, branch rel42), on sentences of our own
/// parsed by the shipped parser: a present-tense "calls" read as a plural noun heading the sentence, and an infinitive
/// after a verb of asking hung as an adverbial clause instead of the verb's complement.
/// </summary>
public sealed class TaggerRepairRuleTests
{
    private static List<string> Readings(string markup, bool fallback = false)
    {
        var (m, engine) = ShippedRules.Parsed.Value;
        var c = m.Build(markup);
        return engine.Extract(c, fallback)
            .Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}" + (r.Modality is { } mo ? $" ({mo})" : ""))
            .ToList();
    }

    // "States calls" is tagged as a noun compound heading the sentence: no verb, no edge, before the repair
    [TestCase("[The United States|Location] calls on [Westmark|Location] to release [Tara Hale|Person].", "The United States", TestName = "CallsOnAfterAPluralLookingNameIsTheVerb")]
    // an infinitive hung as an adverbial clause of a verb of asking is its complement
    [TestCase("[The Ostland government|Organization] called on [Westmark|Location] to release [Tara Hale|Person].", "The Ostland government", TestName = "AnInfinitiveHungAsAnAdverbialClauseOfAVerbOfAskingIsItsComplement")]
    public void TheOneCalledOnIsAskedToAct(string markup, string asker)
    {
        // the one called on is the one asked to act, and the act is asked for, not stated as done by the one asking
        var e = Readings(markup);
        Assert.That(e, Does.Contain($"{asker} CALLED_ON Westmark"), string.Join("; ", e));
        Assert.That(e, Does.Contain("Westmark RELEASED Tara Hale (requested)"), string.Join("; ", e));
        Assert.That(e.Where(x => x.StartsWith($"{asker} RELEASED", StringComparison.Ordinal)), Is.Empty, string.Join("; ", e));
    }

    [Test]
    public void AnInfinitiveAfterCallWithABareObjectIsTheCallersPurpose()
    {
        // "called Y to protest": a telephone call and why the caller made it, not a request to Y (review42; the rules with
        // their fallback, as `kg build --relations rules` reads)
        var e = Readings("[The Ostland government|Organization] called [Westmark|Location] on Sunday to protest the pipeline deal with [Norland|Location].", fallback: true);
        Assert.That(e.Where(x => x.StartsWith("Westmark PROTESTED_AGAINST", StringComparison.Ordinal)), Is.Empty, string.Join("; ", e));
        e = Readings("President [Tara Hale|Person] called Prime Minister [Vale Moren|Person] to condemn the attack on [Norland|Location].", fallback: true);
        Assert.That(e.Where(x => x.StartsWith("Vale Moren DENOUNCED", StringComparison.Ordinal)), Is.Empty, string.Join("; ", e));
        Assert.That(e, Does.Contain("Tara Hale MET_WITH Vale Moren"), string.Join("; ", e));
    }

    [Test]
    public void APluralNounWithADeterminerStaysANoun()
    {
        // "the calls on Y" is the noun: no verb of calling on reads from it
        var e = Readings("The calls on [Westmark|Location] from [Ostland|Location] and [Norland|Location].");
        Assert.That(e.Where(x => x.Contains("CALLED_ON", StringComparison.Ordinal)), Is.Empty, string.Join("; ", e));
    }
}
