using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Tests.Lexicons;

/// <summary>Lookups a pipeline relies on, over the lexicons shipped in the build output.</summary>
[TestFixture]
public sealed class LexiconLookupTests
{
    private static readonly Lazy<LexiconSet> Shipped = new(() => LexiconSet.Load());
    private static LexiconSet Set => Shipped.Value;

    [TestCase("Malian", "Mali")]
    [TestCase("French", "France")]
    [TestCase("Russian", "Russia")]
    [TestCase("Malians", "Mali")]
    public void Demonym_points_at_its_country(string demonym, string country)
    {
        var hit = Set.Gazetteer.Lookup(demonym)[0];
        Assert.Multiple(() =>
        {
            Assert.That(hit.Entry.Name, Is.EqualTo(country));
            Assert.That(hit.Kind, Is.EqualTo(MentionKind.Demonym));
            Assert.That(hit.Entry.Type, Is.EqualTo(EntityType.Location));
            Assert.That(hit.Entry.FineTypes, Does.Contain("Country"));
        });
    }

    // a faith's canonical name: the singular, one node for "Sunni" and "Sunnis" (docs/entities.md, "Communities")
    [TestCase("Sunnis", "Sunni")]
    [TestCase("Sunni", "Sunni")]
    [TestCase("Catholics", "Catholic")]
    [TestCase("Shiite", "Shiite")]
    [TestCase("Hindus", "Hindu")]
    public void Faith_word_names_its_community(string word, string community) =>
        Assert.That(KnowledgeGraph.Nlp.Entities.Communities.FaithName(Set, word), Is.EqualTo(community));

    // a country's demonym, a place, an agent noun, a word in capitals: no faith
    [TestCase("Chadian")]
    [TestCase("Mali")]
    [TestCase("Bishops")]
    [TestCase("SUNNI")]
    [TestCase("sunni")]
    public void Other_words_name_no_faith(string word) =>
        Assert.That(KnowledgeGraph.Nlp.Entities.Communities.FaithName(Set, word), Is.Null);

    [TestCase("U.N.")]
    [TestCase("UN")]
    [TestCase("United Nations")]
    public void United_Nations_forms_resolve_to_one_entry(string form)
    {
        var hit = Set.Gazetteer.Lookup(form)[0];
        Assert.That(hit.Entry.Name, Is.EqualTo("United Nations"));
        Assert.That(hit.Entry.FineTypes, Does.Contain("InternationalOrganization"));
    }

    [TestCase("U.S.", "United States")]
    [TestCase("America", "United States")]
    [TestCase("U.K.", "United Kingdom")]
    [TestCase("Britain", "United Kingdom")]
    [TestCase("Russian Federation", "Russia")]
    [TestCase("Cote d’Ivoire", "Ivory Coast")]
    public void Country_short_and_official_forms(string form, string country) =>
        Assert.That(Set.Gazetteer.Lookup(form).Select(h => h.Entry.Name), Does.Contain(country));

    [TestCase("The")]
    [TestCase("Army")]
    [TestCase("State")]
    [TestCase("Police")]
    [TestCase("Government")]
    [TestCase("us")]
    [TestCase("AL")]
    [TestCase("IS")]
    public void Common_words_are_not_names(string word) =>
        Assert.That(Set.Gazetteer.Lookup(word), Is.Empty, $"'{word}' must not be a gazetteer name on its own");

    [Test]
    public void Lowercase_text_does_not_match_a_capitalised_name() =>
        Assert.That(Set.Gazetteer.Lookup("islamic state"), Is.Empty);

    [Test]
    public void Headline_capitals_still_match() =>
        Assert.That(Set.Gazetteer.Lookup("MALI")[0].Entry.Name, Is.EqualTo("Mali"));

    [TestCase("Hizballah", "Hezbollah")]
    [TestCase("Hezbollah", "Hezbollah")]
    [TestCase("JNIM", "Group for the Support of Islam and Muslims")]
    [TestCase("Jamaat Nusrat al-Islam wal-Muslimin", "Group for the Support of Islam and Muslims")]
    [TestCase("AQIM", "al-Qaida Organization in the Islamic Maghreb")]
    [TestCase("Salafist Group for Preaching and Combat", "al-Qaida Organization in the Islamic Maghreb")]
    public void Armed_group_aliases_resolve_to_one_canonical_name(string alias, string canonical)
    {
        var hits = Set.Gazetteer.Lookup(alias);
        Assert.That(hits.Select(h => h.Entry.Name).Distinct().ToList(), Is.EqualTo(new[] { canonical }));
        Assert.That(hits[0].Entry.FineTypes, Does.Contain("ArmedGroup"));
    }

    [Test]
    public void Petrarch_capitals_are_proper_cased_with_acronym_kept()
    {
        var hits = Set.Gazetteer.Lookup("Abu Nidal Organization");
        Assert.That(hits, Is.Not.Empty);
        var aden = Set.Gazetteer.Lookup("AAIA");
        Assert.That(aden.Select(h => h.Entry.Name), Does.Contain("Aden Abyan Islamic Army"));
        Assert.That(aden[0].Kind, Is.EqualTo(MentionKind.Acronym));
    }

    [Test]
    public void Government_actor_maps_to_its_country()
    {
        var hit = Set.Gazetteer.Lookup("Government of Mali")[0];
        Assert.Multiple(() =>
        {
            Assert.That(hit.Entry.Name, Is.EqualTo("Government of Mali"));
            Assert.That(hit.Entry.FineTypes, Does.Contain("Government"));
            Assert.That(hit.Entry.Country, Is.EqualTo("MLI"));
        });
    }

    [Test]
    public void Capital_is_a_city_of_its_country()
    {
        var hit = Set.Gazetteer.Lookup("Bamako")[0];
        Assert.That(hit.Entry.FineTypes, Is.EqualTo(new[] { "City" }));
        Assert.That(hit.Entry.Country, Is.EqualTo("MLI"));
    }

    [Test]
    public void Longest_match_over_tokens()
    {
        var tokens = new[] { "Fighters", "of", "the", "Islamic", "State", "of", "Iraq", "attacked", "the", "U.N.", "base", "." };
        var matches = Set.Gazetteer.FindAll(tokens);
        Assert.That(matches.Select(m => (m.Start, m.Length, m.Best.Entry.Name)), Is.EqualTo(new[]
        {
            (3, 4, "Islamic State"),
            (9, 1, "United Nations"),
        }));
    }

    [Test]
    public void Tokenizer_split_hyphens_and_curly_apostrophes_still_match()
    {
        var match = Set.Gazetteer.LongestMatchAt(new[] { "Côte", "d’Ivoire", "said" }, 0);
        Assert.That(match?.Best.Entry.Name, Is.EqualTo("Ivory Coast"));
        Assert.That(match!.Length, Is.EqualTo(2));
    }

    [Test]
    public void Titles_prefer_the_longest_form()
    {
        var (length, entries) = Set.Titles.LongestMatchAt(new[] { "Maj.", "Gen.", "Smith" }, 0);
        Assert.That(length, Is.EqualTo(2));
        Assert.That(entries[0].Role, Is.EqualTo("major general"));
        Assert.That(Set.Titles.IsPrefixTitle("Prime Minister"), Is.True);
        Assert.That(Set.Titles.IsRoleNoun("editor"), Is.True);
        Assert.That(Set.Titles.IsPrefixTitle("analyst"), Is.False);
    }

    [Test]
    public void Abbreviations_know_which_can_end_a_sentence()
    {
        Assert.That(Set.Abbreviations.Find("U.S.")!.CanEndSentence, Is.True);
        Assert.That(Set.Abbreviations.Find("etc.")!.CanEndSentence, Is.True);
        Assert.That(Set.Abbreviations.Find("Gen.")!.CanEndSentence, Is.False);
        Assert.That(Set.Abbreviations.Find("Dec.")!.CanEndSentence, Is.False);
        Assert.That(Set.Abbreviations.IsAbbreviation("no."), Is.False, "lowercase 'no.' ends sentences");
    }

    [TestCase("junta", "Government")]
    [TestCase("mission", "PeacekeepingMission")]
    [TestCase("rebels", "ArmedGroup")]
    [TestCase("country", "Country")]
    [TestCase("operation", "MilitaryOperation")]
    public void Descriptors_name_compatible_types(string word, string fine) =>
        Assert.That(Set.Descriptors.Lookup(word).SelectMany(d => d.FineTypes), Does.Contain(fine));

    [Test]
    public void Force_can_be_armed_forces_or_a_mission() =>
        Assert.That(Set.Descriptors.Lookup("force")[0].FineTypes, Is.EquivalentTo(new[] { "ArmedForces", "PeacekeepingMission" }));

    [TestCase("Group", EntityType.Organization, KeywordPosition.Suffix)]
    [TestCase("Operation", EntityType.Event, KeywordPosition.Prefix)]
    [TestCase("Desert", EntityType.Location, KeywordPosition.Suffix)]
    public void Keywords_give_type_and_position(string word, EntityType type, KeywordPosition position) =>
        Assert.That(Set.OrgKeywords.Lookup(word, position).Select(k => k.Type), Does.Contain(type));

    [TestCase("junta", "GOV")]
    [TestCase("army", "MIL")]
    [TestCase("rebels", "REB")]
    [TestCase("military junta", "GOV")]
    public void Agents_give_petrarch_codes(string phrase, string primary) =>
        Assert.That(Set.Agents.Lookup(phrase).Select(a => a.Primary), Does.Contain(primary));
}
