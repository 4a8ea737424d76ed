using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Graph.Tests;

public sealed class GraphBuilderTests
{
    private static readonly OntologySchema Schema = OntologySchema.LoadDefault();

    private static Mention M(string text, EntityType type, MentionKind kind = MentionKind.Name) =>
        new(new TextSpan(0, text.Length), text, 0, type, null, kind, "test");

    private static IEnumerable<string> Aliases(GraphNode node) => (IEnumerable<string>)node["aliases"]!;

    private static DocumentEntity E(int index, string name, EntityType type, params string[] aliases) =>
        new(index, name, type, Array.Empty<string>(), aliases.Append(name).Distinct().ToList(),
            new[] { M(name, type) }, new Dictionary<string, string>());

    private static RelationMention R(int s, int o, string type, string category, string sentence, double confidence) =>
        new(s, o, type, category, 0, sentence, new TextSpan(0, sentence.Length), "led", new TextSpan(0, 3), confidence);

    private static DocumentAnalysis Doc(string text, IReadOnlyList<DocumentEntity> entities, params RelationMention[] relations) =>
        new(Document.Create(text), Array.Empty<Sentence>(), entities.SelectMany(e => e.Mentions).ToList(), entities, relations);

    [Test]
    public void TheSameEntityInTwoDocumentsIsOneNodeCarryingBothDocumentsEvidence()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("first", new[] { E(0, "Ana Ruiz", EntityType.Person), E(1, "Wagner Group", EntityType.Organization, "Wagner") },
            R(0, 1, "LEADS", "LEADS", "Ana Ruiz led the Wagner Group.", 0.6)));
        b.Add(Doc("second", new[] { E(0, "Ana Ruiz", EntityType.Person), E(1, "Wagner", EntityType.Organization) },
            R(0, 1, "LEADS", "LEADS", "Ruiz led Wagner.", 0.5)));
        var g = b.Build().Snapshot;
        var org = g.Nodes.Single(n => n.Labels.Contains("Organization"));
        Assert.That(org.Name, Is.EqualTo("Wagner Group"));
        Assert.That(org["doc_count"], Is.EqualTo(2L));
        Assert.That(Aliases(org), Is.EquivalentTo(new[] { "Wagner", "Wagner Group" }));
        var lead = g.Edges.Single(e => e.Type == "LEADS");
        Assert.That((IReadOnlyList<string>)lead["evidence"]!, Has.Count.EqualTo(2));
        Assert.That((IReadOnlyList<string>)lead["doc_ids"]!, Has.Count.EqualTo(2));
        Assert.That((double)lead["confidence"]!, Is.EqualTo(0.8).Within(1e-9), "1 - (1 - 0.6)(1 - 0.5)");
    }

    private static DocumentEntity Actor(int index, string name, string agent, string country, params string[] aliases) =>
        new(index, name, EntityType.Organization, new[] { "Agent" }, aliases.Append(name).Distinct().ToList(),
            new[] { M(name, EntityType.Organization, MentionKind.Descriptor) }, new Dictionary<string, string> { ["agent"] = agent, ["country"] = country });

    private static DocumentEntity ScopedActor(int index, string name, string agent) =>
        new(index, name, EntityType.Organization, new[] { "Agent" }, new[] { name },
            new[] { M(name, EntityType.Organization, MentionKind.Descriptor) }, new Dictionary<string, string> { ["agent"] = agent, ["scope"] = "document" });

    [Test]
    public void AGenericActorWithNoCountryIsTheOneActorOfItsArticleWithThatAgentAndHead()
    {
        var b = new GraphBuilder(Schema);
        // "Kessish police closed the border on Monday. Police said ...": one actor, the country's
        b.Add(Doc("one", new[] { Actor(0, "Kessish police", "COP", "Kessland"), ScopedActor(1, "Police", "COP") }));
        // "police in Vell" heads its phrase with "police" too
        b.Add(Doc("two", new[] { Actor(0, "police in Vell", "COP", "Ostland"), ScopedActor(1, "police", "COP") }));
        // "Kessish soldiers and Ostlandic soldiers clashed ... soldiers fired": two countries' soldiers, neither
        b.Add(Doc("three", new[] { Actor(0, "Kessish soldiers", "MIL", "Kessland"), Actor(1, "Ostlandic soldiers", "MIL", "Ostland"), ScopedActor(2, "Soldiers", "MIL") }));
        // another head: "officials" are not "the Kessish government"
        b.Add(Doc("four", new[] { Actor(0, "Kessish government", "GOV", "Kessland"), ScopedActor(1, "Officials", "GOV") }));
        // no country's police in the article: its police stay its own
        b.Add(Doc("five", new[] { ScopedActor(0, "Police", "COP") }));
        var actors = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Agent")).ToList();
        var kessish = actors.Single(n => n.Name == "Kessish police");
        Assert.That(Aliases(kessish), Is.EquivalentTo(new[] { "Kessish police", "Police" }));
        Assert.That(kessish["doc_count"], Is.EqualTo(1L));
        Assert.That(kessish["scope"], Is.Null, "the country's actor stays keyed across articles");
        Assert.That(Aliases(actors.Single(n => n.Name == "police in Vell")), Does.Contain("police"));
        Assert.That(actors.Count(n => n.Name == "Soldiers"), Is.EqualTo(1));
        Assert.That(actors.Count(n => n.Name == "Officials"), Is.EqualTo(1));
        Assert.That(actors.Count(n => n.Name == "Police"), Is.EqualTo(1), "article five's police");
        Assert.That(actors, Has.Count.EqualTo(8));
    }

    [Test]
    public void AGenericActorIsOneNodePerCountryAndAgentAcrossDocuments()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { Actor(0, "Peruvian police", "COP", "Peru") }));
        b.Add(Doc("two", new[] { Actor(0, "police in Peru", "COP", "Peru", "Police in Peru") }));
        b.Add(Doc("three", new[] { Actor(0, "Peruvian students", "EDU", "Peru") }));
        b.Add(Doc("four", new[] { Actor(0, "Chilean police", "COP", "Chile") }));
        var actors = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Agent")).ToList();
        Assert.That(actors.Select(n => n.Name), Is.EquivalentTo(new[] { "Peruvian police", "Peruvian students", "Chilean police" }));
        var police = actors.Single(n => n.Name == "Peruvian police");
        Assert.That(police["doc_count"], Is.EqualTo(2L));
        Assert.That(Aliases(police), Does.Contain("police in Peru"));
        Assert.That(police["agent"], Is.EqualTo("COP"));
        Assert.That(police["country"], Is.EqualTo("Peru"));
    }

    private static DocumentEntity Place(int index, string name, string fine, string? within) =>
        new(index, name, EntityType.Location, new[] { fine }, new[] { name }, new[] { M(name, EntityType.Location) },
            within is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["country"] = within });

    [Test]
    public void ACountryReadAsARegionOrACityInOneArticleIsLabelledOnlyACountry()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("country", new[] { Place(0, "Velmaria", "Country", null) }));
        b.Add(Doc("region", new[] { Place(0, "Velmaria", "Region", null) }));
        b.Add(Doc("city", new[] { Place(0, "Velmaria", "City", null), Place(1, "Tessin Basin", "Region", null) }));
        var nodes = b.Build().Snapshot.Nodes;
        var country = nodes.Single(n => n.Name == "Velmaria");
        Assert.That(country.Labels, Does.Contain("Country"));
        Assert.That(country.Labels, Does.Not.Contain("Region").And.Not.Contain("City"), "a country is no region or city of its own");
        Assert.That(nodes.Single(n => n.Name == "Tessin Basin").Labels, Does.Contain("Region"), "a region that is no country keeps its label");
    }

    [Test]
    public void AUsStateNamedLikeACountryNeverBecomesOneNodeWithTheCountry()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("state one", new[] { Place(0, "Georgia", "Region", "United States") }));
        b.Add(Doc("country", new[] { Place(0, "Georgia", "Country", null) }));
        b.Add(Doc("state two", new[] { Place(0, "Georgia", "Region", "United States") }));
        var places = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Location")).ToList();
        Assert.That(places, Has.Count.EqualTo(2));
        var state = places.Single(n => n.Labels.Contains("Region"));
        Assert.That(state.Labels, Does.Not.Contain("Country"));
        Assert.That(state["doc_count"], Is.EqualTo(2L), "the state of two articles is one node");
        Assert.That(state["country"], Is.EqualTo("United States"));
        Assert.That(state.Id, Is.Not.EqualTo(places.Single(n => n.Labels.Contains("Country")).Id));
        Assert.That(state.Name, Is.EqualTo("Georgia"));
    }

    private static DocumentEntity Town(int index, string name, string? state) =>
        new(index, name, EntityType.Location, Array.Empty<string>(), new[] { name }, new[] { M(name, EntityType.Location) },
            state is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["state"] = state });

    [Test]
    public void ATownWrittenWithItsStateJoinsTheSameTownButNotOneOfAnotherStateNorOneWrittenAloneAbroad()
    {
        var b = new GraphBuilder(Schema);
        // "flights from St. Albans to Leeds": an article naming no place of the United States
        b.Add(Doc("abroad", new[] { Town(0, "St. Albans", null), Country(1, "United Kingdom") }));
        // "St. Albans, Vt." in two articles, "St. Albans, W.Va." in a third
        b.Add(Doc("vermont one", new[] { Town(0, "St. Albans", "Vermont") }));
        b.Add(Doc("vermont two", new[] { Town(0, "St. Albans", "Vermont") }));
        b.Add(Doc("west virginia", new[] { Town(0, "St. Albans", "West Virginia") }));
        var towns = b.Build().Snapshot.Nodes.Where(n => n.Name == "St. Albans").ToList();
        Assert.That(towns, Has.Count.EqualTo(3), "the town abroad, the Vermont town, the West Virginia town");
        Assert.That(towns.Select(t => t.Id).Distinct().Count(), Is.EqualTo(3), "three node ids");
        Assert.That(towns.Single(t => Equals(t["state"], "Vermont"))["doc_count"], Is.EqualTo(2L), "both Vermont articles");
        Assert.That(towns.Single(t => t.Properties.All(p => p.Key != "state"))["doc_count"], Is.EqualTo(1L), "the town abroad stays alone");

        // "St. Albans" alone in an article that names the United States may be the town written with its state: one node
        var american = new GraphBuilder(Schema);
        american.Add(Doc("vermont", new[] { Town(0, "St. Albans", "Vermont") }));
        american.Add(Doc("american", new[] { Town(0, "St. Albans", null), Country(1, "United States") }));
        Assert.That(american.Build().Snapshot.Nodes.Where(n => n.Name == "St. Albans").ToList(), Has.Count.EqualTo(1));
    }

    private static DocumentEntity Storm(int index, string name) =>
        new(index, name, EntityType.Event, new[] { "Storm" }, new[] { name }, new[] { M(name, EntityType.Event) }, new Dictionary<string, string>());

    [Test]
    public void AStormNamedByAnotherKindIsTheSameStormButAnotherNameIsNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { Storm(0, "Tropical Storm Odette") }));
        b.Add(Doc("two", new[] { Storm(0, "Hurricane Odette") }));
        b.Add(Doc("three", new[] { Storm(0, "Hurricane Pablo") }));
        b.Add(Doc("four", new[] { E(0, "Odette", EntityType.Person) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToList();
        Assert.That(nodes.Count(n => n.Labels.Contains("Storm")), Is.EqualTo(2));
        var odette = nodes.Single(n => n.Labels.Contains("Storm") && Aliases(n).Contains("Hurricane Odette"));
        Assert.That(Aliases(odette), Does.Contain("Tropical Storm Odette"));
        Assert.That(nodes.Any(n => n.Labels.Contains("Person")), "a person of the storm's name stays a person");
    }

    [Test]
    public void APersonWithAndWithoutMiddleInitialOrSuffixIsOnePersonButTwoFirstNamesOrTwoInitialsAreNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Lorna Quist", EntityType.Person) }));
        b.Add(Doc("two", new[] { E(0, "Lorna T. Quist III", EntityType.Person, "Quist") }));
        b.Add(Doc("three", new[] { E(0, "Lorna Quist Jr.", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Lars Quist", EntityType.Person) }));
        b.Add(Doc("five", new[] { E(0, "Edwin A. Marsh", EntityType.Person) }));
        b.Add(Doc("six", new[] { E(0, "Edwin B. Marsh", EntityType.Person) }));
        b.Add(Doc("seven", new[] { E(0, "Edwin Marsh", EntityType.Person) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var lorna = people.Single(n => Aliases(n).Contains("Lorna Quist"));
        Assert.That(Aliases(lorna), Does.Contain("Lorna T. Quist III"));
        Assert.That(lorna["doc_count"], Is.EqualTo(2L), "a suffix other than III is another person (a father or son)");
        Assert.That(people.Count(n => Aliases(n).Contains("Lars Quist")), Is.EqualTo(1));
        Assert.That(Aliases(lorna).Contains("Lars Quist"), Is.False, "another first name is another person");
        Assert.That(people.Count(n => Aliases(n).Any(a => a.EndsWith("Marsh", StringComparison.Ordinal))), Is.EqualTo(3),
            "two initials are two people, and the bare name beside both is neither");
    }

    [Test]
    public void APersonWithAndWithoutAWrittenOutMiddleNameIsOnePersonButTwoMiddleNamesAreNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Petra Ann Velasco", EntityType.Person) }));
        b.Add(Doc("two", new[] { E(0, "Petra Velasco", EntityType.Person) }));
        b.Add(Doc("three", new[] { E(0, "Tomas Luis Ferreira", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Tomas Mario Ferreira", EntityType.Person) }));
        b.Add(Doc("five", new[] { E(0, "Tomas Ferreira", EntityType.Person) }));
        // two middle names written out count as their initials too: "Samir Shakir Mahmood Vell" is "Samir Vell"
        b.Add(Doc("six", new[] { E(0, "Samir Shakir Mahmood Vell", EntityType.Person) }));
        b.Add(Doc("seven", new[] { E(0, "Samir Vell", EntityType.Person) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var petra = people.Single(n => Aliases(n).Contains("Petra Velasco"));
        Assert.That(Aliases(petra), Does.Contain("Petra Ann Velasco"));
        var samir = people.Where(n => Aliases(n).Contains("Samir Shakir Mahmood Vell")).ToList();
        Assert.That(samir, Has.Count.EqualTo(1));
        Assert.That(Aliases(samir[0]), Does.Contain("Samir Vell"));
        Assert.That(people.Count(n => Aliases(n).Any(a => a.EndsWith("Ferreira", StringComparison.Ordinal))), Is.EqualTo(3),
            "two middle names are two people, and the bare name beside both is neither");
    }

    [Test]
    public void ASurnameInCapitalsTheArticleWritesAloneIsTheSurnameInEitherOrderButLettersAfterANameAreNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "ORSOLYA Tameki", EntityType.Person, "Orsolya") }));
        b.Add(Doc("two", new[] { E(0, "Tameki Orsolya", EntityType.Person, "Orsolya") }));
        b.Add(Doc("three", new[] { E(0, "Danylo Ivanovych VARNAK", EntityType.Person, "Varnak") }));
        b.Add(Doc("four", new[] { E(0, "Danylo Varnak", EntityType.Person) }));
        // capitals the article never writes alone: an office or an honour after the name, not a surname (read as the
        // surname, both would be "Ewan Msp" with a middle name of the same initial, and one person)
        b.Add(Doc("five", new[] { E(0, "Ewan Baird MSP", EntityType.Person) }));
        b.Add(Doc("six", new[] { E(0, "Ewan Bell MSP", EntityType.Person) }));
        // a surname first in capitals with another given name is another person
        b.Add(Doc("seven", new[] { E(0, "ORSOLYA Hanae", EntityType.Person, "Orsolya") }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var tameki = people.Single(n => Aliases(n).Contains("ORSOLYA Tameki"));
        Assert.That(Aliases(tameki), Does.Contain("Tameki Orsolya"));
        Assert.That(Aliases(tameki).Contains("ORSOLYA Hanae"), Is.False, "another given name is another person");
        Assert.That(Aliases(people.Single(n => Aliases(n).Contains("Danylo Varnak"))), Does.Contain("Danylo Ivanovych VARNAK"));
        Assert.That(people.Count(n => Aliases(n).Any(a => a.EndsWith("MSP", StringComparison.Ordinal))), Is.EqualTo(2),
            "two people of one given name and the same letters after their names stay two");
    }

    [Test]
    public void APersonNamedWithTwoSurnamesIsThePersonNamedWithTheFirstAloneButTwoSecondSurnamesAreTwoPeople()
    {
        var b = new GraphBuilder(Schema);
        // "Santiago Orvalle Quintero" (father's and mother's surnames) and another article's "Santiago Orvalle": one person
        b.Add(Doc("one", new[] { E(0, "Santiago Orvalle Quintero", EntityType.Person) }));
        b.Add(Doc("two", new[] { E(0, "Santiago Orvalle", EntityType.Person) }));
        // two second surnames are two people, and the bare "Antonio Velarde" beside both is neither
        b.Add(Doc("three", new[] { E(0, "Antonio Velarde Sastre", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Antonio Velarde Ferrol", EntityType.Person) }));
        b.Add(Doc("five", new[] { E(0, "Antonio Velarde", EntityType.Person) }));
        // the second-last word a given name: a middle name, not a surname ("Hector Jean" is not "Hector Jean Whitcombe")
        b.Add(Doc("six", new[] { E(0, "Hector Jean Whitcombe", EntityType.Person) }));
        b.Add(Doc("seven", new[] { E(0, "Hector Jean", EntityType.Person) }));
        // an article that calls the person by the last word alone follows the English custom of middle names: "Robert Hale
        // Brisco ... Brisco said" is no "Robert Hale" of another article; one that calls him by the first surname is
        b.Add(Doc("eight", new[] { E(0, "Robert Hale Brisco", EntityType.Person, "Brisco") }));
        b.Add(Doc("nine", new[] { E(0, "Robert Hale", EntityType.Person) }));
        b.Add(Doc("ten", new[] { E(0, "Marta Orvalle Pineda", EntityType.Person, "Orvalle") }));
        b.Add(Doc("eleven", new[] { E(0, "Marta Orvalle", EntityType.Person) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        Assert.That(Aliases(people.Single(n => Aliases(n).Contains("Santiago Orvalle"))), Does.Contain("Santiago Orvalle Quintero"));
        Assert.That(people.Count(n => Aliases(n).Any(a => a.StartsWith("Antonio Velarde", StringComparison.Ordinal))), Is.EqualTo(3));
        Assert.That(people.Count(n => Aliases(n).Any(a => a.StartsWith("Hector Jean", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(people.Count(n => Aliases(n).Any(a => a.StartsWith("Robert Hale", StringComparison.Ordinal))), Is.EqualTo(2), "middle name");
        Assert.That(Aliases(people.Single(n => Aliases(n).Contains("Marta Orvalle"))), Does.Contain("Marta Orvalle Pineda"));
    }

    [Test]
    public void APersonsNameWrittenWithItsPartsApartOrTogetherIsOneNameAcrossArticlesButABodysIsNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Hu Ran Tao", EntityType.Person) }));
        b.Add(Doc("two", new[] { E(0, "Hu Rantao", EntityType.Person) }));
        // two bodies whose words apart and together may be two things: "Kessport Harbour Board" of one town,
        // "Kess Port Harbour Board" of another
        b.Add(Doc("three", new[] { E(0, "Kessport Harbour Board", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Kess Port Harbour Board", EntityType.Organization) }));
        // the same letters split otherwise in another order are another name
        b.Add(Doc("seven", new[] { E(0, "Rantao Hu", EntityType.Person) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => !n.Labels.Contains("Document")).ToList();
        var hu = nodes.Single(n => Aliases(n).Contains("Hu Rantao"));
        Assert.That(Aliases(hu), Does.Contain("Hu Ran Tao"));
        Assert.That(Aliases(hu).Contains("Rantao Hu"), Is.False);
        var board = nodes.Single(n => Aliases(n).Contains("Kessport Harbour Board"));
        Assert.That(Aliases(board).Contains("Kess Port Harbour Board"), Is.False);
    }

    [Test]
    public void APersonNamedByTheShortFormOfTheFirstNameIsOnePersonButAFatherOrTwoCandidatesAreNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Jim Harrow", EntityType.Person, "Harrow") }));
        b.Add(Doc("two", new[] { E(0, "James N. Harrow", EntityType.Person) }));
        b.Add(Doc("three", new[] { E(0, "William Tolland", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Bill Tolland", EntityType.Person) }));
        b.Add(Doc("five", new[] { E(0, "Robert Tolland", EntityType.Person) }));
        b.Add(Doc("six", new[] { E(0, "Joseph Kessler Jr.", EntityType.Person) }));
        b.Add(Doc("seven", new[] { E(0, "Joe Kessler", EntityType.Person) }));
        b.Add(Doc("eight", new[] { E(0, "James A. Marsh", EntityType.Person) }));
        b.Add(Doc("nine", new[] { E(0, "James B. Marsh", EntityType.Person) }));
        b.Add(Doc("ten", new[] { E(0, "Jim Marsh", EntityType.Person) }));
        b.Add(Doc("eleven", new[] { E(0, "Jim C. Orrin", EntityType.Person) }));
        b.Add(Doc("twelve", new[] { E(0, "James D. Orrin", EntityType.Person) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var harrow = people.Single(n => Aliases(n).Contains("Jim Harrow"));
        Assert.That(Aliases(harrow), Does.Contain("James N. Harrow"), "Jim is a short form of James");
        Assert.That(harrow["doc_count"], Is.EqualTo(2L));
        var tolland = people.Single(n => Aliases(n).Contains("Bill Tolland"));
        Assert.That(Aliases(tolland), Does.Contain("William Tolland"));
        Assert.That(Aliases(tolland).Contains("Robert Tolland"), Is.False, "Bill is no short form of Robert");
        Assert.That(people.Count(n => Aliases(n).Any(a => a.Contains("Kessler", StringComparison.Ordinal))), Is.EqualTo(2),
            "a suffix only one form has is a father or a son");
        Assert.That(people.Count(n => Aliases(n).Any(a => a.EndsWith("Marsh", StringComparison.Ordinal))), Is.EqualTo(3),
            "a short first name beside two people of the full one joins neither");
        Assert.That(people.Count(n => Aliases(n).Any(a => a.EndsWith("Orrin", StringComparison.Ordinal))), Is.EqualTo(2),
            "two middle initials are two people");
    }

    [Test]
    public void TheXDepartmentAndTheDepartmentOfXAreOneBodyButAStatesDepartmentOfHealthIsAnother()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Defense Department", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Department of Defense", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "Department of the Treasury", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Treasury Department", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "Interior Ministry", EntityType.Organization), E(1, "Ministry of Interior", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "State Department", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "State Department of Health", EntityType.Organization), E(1, "Department of State", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "U.S. Defense Department", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { E(0, "U.S. Department of Defense", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("Defense Department")), Is.EquivalentTo(new[] { "Defense Department", "Department of Defense" }));
        Assert.That(Aliases(Of("Treasury Department")), Does.Contain("Department of the Treasury"));
        Assert.That(Aliases(Of("Interior Ministry")), Does.Contain("Ministry of Interior"));
        Assert.That(Aliases(Of("State Department")), Does.Contain("Department of State"));
        Assert.That(Aliases(Of("State Department of Health")), Is.EquivalentTo(new[] { "State Department of Health" }), "a state's department of health is another body");
        Assert.That(Aliases(Of("U.S. Defense Department")), Is.EquivalentTo(new[] { "U.S. Defense Department", "U.S. Department of Defense" }));
        Assert.That(bodies, Has.Count.EqualTo(6));
    }

    [Test]
    public void AnOwnersMinistryOfAFieldIsItsFieldMinistryAndAffairsMayBeLeftOut()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Kessland Ministry of Foreign Affairs", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Kessland Foreign Ministry", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "Velmar Ministry of Fisheries", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Velmar Fisheries Ministry", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "Ministry of Foreign Affairs", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "Foreign Ministry", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Velmar Foreign Ministry", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("Kessland Foreign Ministry")), Is.EquivalentTo(new[] { "Kessland Foreign Ministry", "Kessland Ministry of Foreign Affairs" }));
        Assert.That(Aliases(Of("Velmar Fisheries Ministry")), Is.EquivalentTo(new[] { "Velmar Fisheries Ministry", "Velmar Ministry of Fisheries" }));
        // a bare name has no owner: each country has a foreign ministry, so the bare forms are not joined through "Affairs"
        Assert.That(Aliases(Of("Ministry of Foreign Affairs")), Is.EquivalentTo(new[] { "Ministry of Foreign Affairs" }));
        Assert.That(Aliases(Of("Foreign Ministry")), Is.EquivalentTo(new[] { "Foreign Ministry" }));
        Assert.That(Aliases(Of("Velmar Foreign Ministry")), Is.EquivalentTo(new[] { "Velmar Foreign Ministry" }), "another owner's ministry");
        Assert.That(bodies, Has.Count.EqualTo(5));
    }

    [Test]
    public void OneArticlesMinistryWrittenWithAndWithoutOfAndNationalIsOneNodeButOnlyWithinTheArticle()
    {
        var b = new GraphBuilder(Schema);
        // "The Ministry of National Harbours said ... the National Harbours Ministry ... the Harbours Ministry": one ministry
        b.Add(Doc("one", new[] { E(0, "Ministry of National Harbours", EntityType.Organization), E(1, "National Harbours Ministry", EntityType.Organization),
            E(2, "Harbours Ministry", EntityType.Organization) }));
        // another article's bare "Harbours Ministry" may be another country's: apart
        b.Add(Doc("two", new[] { E(0, "Harbours Ministry", EntityType.Organization) }));
        // a department's field keeps "National": "the Department of National Parks" and a city's "Parks Department" are two
        b.Add(Doc("three", new[] { E(0, "Department of National Parks", EntityType.Organization), E(1, "Parks Department", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(bodies.Select(n => Aliases(n).Order(StringComparer.Ordinal).ToList()), Is.EquivalentTo(new[]
        {
            new List<string> { "Harbours Ministry", "Ministry of National Harbours", "National Harbours Ministry" },
            new List<string> { "Harbours Ministry" },
            new List<string> { "Department of National Parks" },
            new List<string> { "Parks Department" },
        }));
        Assert.That(bodies.Single(n => Aliases(n).Count() > 1).Name, Is.Not.EqualTo("Harbours Ministry"), "the merged node keeps a longer name");
    }

    [Test]
    public void ABodyNamedWithTheCountryOrACountrysGenericActorDoesNotMakeAnotherArticlesBareBodyTheCountrys()
    {
        var b = new GraphBuilder(Schema);
        // "the U.S. Department of Harbours" in one article; in another, "The Harbours Department raised port fees, a Peruvian
        // government spokesman said. The U.S. Chamber of Shipping objected.": Peru's department, not the U.S. one
        b.Add(Doc("one", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Department of Harbours", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Harbours Department", EntityType.Organization), E(1, "U.S. Chamber of Shipping", EntityType.Organization) }));
        // nor does a generic actor of the country ("U.S. diplomats attended")
        b.Add(Doc("three", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Department of Mines", EntityType.Organization) }));
        b.Add(Doc("four", new[] { Actor(0, "U.S. diplomats", "GOV", "United States"), E(1, "Mines Department", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization") && !n.Labels.Contains("Agent")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("U.S. Department of Harbours"))), Is.EquivalentTo(new[] { "U.S. Department of Harbours" }));
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("U.S. Department of Mines"))), Is.EquivalentTo(new[] { "U.S. Department of Mines" }));
    }

    [Test]
    public void AnOwnersBoardOfDirectorsIsOneBoardWhicheverWayItsNameSaysWhoseButAFieldsBoardAndAnotherOwnersAreNot()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "KHF Board of Directors", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "KHF\u2019s Board of Directors", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "KHF Board", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Board of Directors of the Kessa Harbour Fund", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "Kessa Harbour Fund's Board of Directors", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "Kessa Parole Board", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Kessa Parole Board of Directors", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "Board of Directors", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { E(0, "OHB Board of Directors", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("KHF Board")), Is.EquivalentTo(new[] { "KHF Board", "KHF Board of Directors", "KHF\u2019s Board of Directors" }));
        Assert.That(Aliases(Of("Kessa Harbour Fund's Board of Directors")), Is.EquivalentTo(new[] { "Board of Directors of the Kessa Harbour Fund", "Kessa Harbour Fund's Board of Directors" }));
        // a board named after its field is a body of its own, no owner's board; a board with no owner is nobody's in particular
        Assert.That(Aliases(Of("Kessa Parole Board")), Is.EquivalentTo(new[] { "Kessa Parole Board" }));
        Assert.That(Aliases(Of("Board of Directors")), Is.EquivalentTo(new[] { "Board of Directors" }));
        Assert.That(Aliases(Of("OHB Board of Directors")), Is.EquivalentTo(new[] { "OHB Board of Directors" }), "another owner's board");
        Assert.That(bodies, Has.Count.EqualTo(6));
    }

    [Test]
    public void AShortNameWithAnAcronymItDoesNotSpellIsTheLongerNameTheAcronymSpellsButNotWhenTwoNamesSpellIt()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Kessa Trade Office", EntityType.Organization, "KFTO") }));
        b.Add(Doc("two", new[] { E(0, "Kessa Foreign Trade Office", EntityType.Organization) }));
        // a name with other words, or another head, is no longer form of the short name
        b.Add(Doc("three", new[] { E(0, "Velm Harbour Board", EntityType.Organization, "VHPB") }));
        b.Add(Doc("four", new[] { E(0, "Velm Harbour Police Bureau", EntityType.Organization) }));
        // two longer names the acronym spells: neither
        b.Add(Doc("five", new[] { E(0, "Orvin Water Council", EntityType.Organization, "ORWC") }));
        b.Add(Doc("six", new[] { E(0, "Orvin Rural Water Council", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Orvin River Water Council", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("KFTO")), Is.EquivalentTo(new[] { "KFTO", "Kessa Foreign Trade Office", "Kessa Trade Office" }));
        Assert.That(Aliases(Of("VHPB")), Is.EquivalentTo(new[] { "VHPB", "Velm Harbour Board" }));
        Assert.That(Aliases(Of("ORWC")), Is.EquivalentTo(new[] { "ORWC", "Orvin Water Council" }));
        Assert.That(bodies, Has.Count.EqualTo(6));
    }

    [Test]
    public void ANameSpeltWithOneVowelForAnotherInALongWordIsOneNodeAcrossArticles()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Sergey Malkov", EntityType.Person), E(1, "Harakat Hezbollah", EntityType.Organization), E(2, "Tomas Veltris", EntityType.Person), E(3, "Ostland", EntityType.Location) }));
        b.Add(Doc("two", new[] { E(0, "Sergei Malkov", EntityType.Person), E(1, "Harakat Hizbollah", EntityType.Organization), E(2, "Tomas Veltros", EntityType.Person), E(3, "Ostland", EntityType.Location) }));
        // (both stories name Ostland: a person's two spellings join only in stories that share a node, review38)
        // must not: another final vowel, a consonant, a word's first letter, a short word, a name of one word, both in one article,
        // a person's names differing by a vowel inside a word (two people as often as one: review33)
        b.Add(Doc("three", new[] { E(0, "Maria Delgado", EntityType.Person), E(1, "Ana Hansen", EntityType.Person), E(2, "Colombia", EntityType.Location),
            E(3, "Lena Ostrova", EntityType.Person), E(4, "Jan Moore", EntityType.Person), E(5, "Pavel Dorin", EntityType.Person), E(6, "Pavel Doran", EntityType.Person),
            E(7, "Marian Kowalski", EntityType.Person), E(8, "Erik Andersen", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Mario Delgado", EntityType.Person), E(1, "Ana Jansen", EntityType.Person), E(2, "Columbia", EntityType.Location),
            E(3, "Lena Astrova", EntityType.Person), E(4, "Jon Moore", EntityType.Person), E(5, "Marion Kowalski", EntityType.Person), E(6, "Erik Anderson", EntityType.Person) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => !n.Labels.Contains("Document")).ToList();
        GraphNode Of(string alias) => nodes.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("Sergey Malkov")), Is.EquivalentTo(new[] { "Sergey Malkov", "Sergei Malkov" }));
        Assert.That(Aliases(Of("Harakat Hezbollah")), Is.EquivalentTo(new[] { "Harakat Hezbollah", "Harakat Hizbollah" }));
        foreach (var apart in new[] { "Maria Delgado", "Ana Hansen", "Colombia", "Lena Ostrova", "Jan Moore", "Pavel Dorin", "Pavel Doran",
                     "Tomas Veltris", "Tomas Veltros", "Marian Kowalski", "Marion Kowalski", "Erik Andersen", "Erik Anderson" })
            Assert.That(Aliases(Of(apart)), Is.EquivalentTo(new[] { apart }), apart);
    }

    [Test]
    public void ACommitteesShortAndLongNamesAreOneBodyOfTheSameOwnerOnly()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Senate Select Committee on Fisheries", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Senate Fisheries Committee", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "House Committee on Fisheries", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Fisheries Committee", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "House Committee on Coastal Trade and Ports", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "House Coastal Trade and Ports Committee", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Coastal Trade Committee", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        Assert.That(Aliases(Of("Senate Fisheries Committee")), Is.EquivalentTo(new[] { "Senate Fisheries Committee", "Senate Select Committee on Fisheries" }));
        Assert.That(Aliases(Of("House Coastal Trade and Ports Committee")), Is.EquivalentTo(new[] { "House Coastal Trade and Ports Committee", "House Committee on Coastal Trade and Ports" }));
        Assert.That(Aliases(Of("House Committee on Fisheries")), Is.EquivalentTo(new[] { "House Committee on Fisheries" }), "the other chamber's committee of one field is another body");
        Assert.That(Aliases(Of("Fisheries Committee")), Is.EquivalentTo(new[] { "Fisheries Committee" }), "a committee named without its owner joins neither chamber's");
        Assert.That(Aliases(Of("Coastal Trade Committee")), Is.EquivalentTo(new[] { "Coastal Trade Committee" }), "an ownerless short name is no owner's committee");
        Assert.That(bodies, Has.Count.EqualTo(5));
    }

    [Test]
    public void AnAcronymTypedByAGuessIsTheOneNodeWhoseNameItSpells()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Harbor Relief Network", EntityType.Organization), E(1, "KFRA", EntityType.Location) },
            R(0, 1, "FUNDED_BY", "FUNDED_BY", "The Harbor Relief Network is funded by KFRA.", 0.6)));
        b.Add(Doc("two", new[] { E(0, "Kessland Fisheries Relief Agency", EntityType.Organization, "KFRA") }));
        b.Add(Doc("three", new[] { Place(0, "UAE", "Country", null) }));
        b.Add(Doc("four", new[] { E(0, "Union of Arab Engineers", EntityType.Organization, "UAE") }));
        b.Add(Doc("five", new[] { E(0, "TRV", EntityType.Location) }));
        b.Add(Doc("six", new[] { E(0, "Tamsin Volunteers", EntityType.Organization, "TRV") }));
        b.Add(Doc("seven", new[] { E(0, "OSRS", EntityType.Organization), E(1, "TSR", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "Orbital Survey and Research Station", EntityType.Vehicle), E(1, "Tamsin Sea Ranger", EntityType.Vehicle) }));
        b.Add(Doc("nine", new[] { E(0, "HSRV", EntityType.Organization) }));
        b.Add(Doc("ten", new[] { E(0, "Halden Sea Rescue Vessel", EntityType.Vehicle), E(1, "Harbor Safety Review Volunteers", EntityType.Organization) }));
        var g = b.Build().Snapshot;
        var agency = g.Nodes.Single(n => n.Name == "Kessland Fisheries Relief Agency");
        Assert.That(agency.Labels, Does.Contain("Organization"));
        Assert.That(agency["doc_count"], Is.EqualTo(2L));
        Assert.That(g.Nodes.Any(n => n.Labels.Contains("Location") && n.Name == "KFRA"), Is.False);
        Assert.That(g.Edges.Single(e => e.Type == "FUNDED_BY").EndId, Is.EqualTo(agency.Id));
        Assert.That(g.Nodes.Single(n => n.Name == "UAE").Labels, Does.Contain("Country"), "a place a gazetteer labelled stays a place");
        Assert.That(g.Nodes.Any(n => n.Labels.Contains("Location") && n.Name == "TRV"), "an organisation with the acronym but no name it spells is no evidence");
        var station = g.Nodes.Single(n => n.Name == "Orbital Survey and Research Station");
        Assert.That(Aliases(station), Does.Contain("OSRS"), "the one node whose name the acronym spells, another article's spacecraft");
        Assert.That(g.Nodes.Any(n => n.Labels.Contains("Organization") && n.Name == "OSRS"), Is.False);
        Assert.That(g.Nodes.Any(n => n.Labels.Contains("Organization") && n.Name == "TSR"),
            "three letters spell too many names: only a node that holds the acronym beside its name takes it");
        Assert.That(g.Nodes.Any(n => n.Name == "HSRV"), "two names the acronym spells: neither is taken");
    }

    private static DocumentEntity Titled(int index, string name, string role) =>
        new(index, name, EntityType.Person, Array.Empty<string>(), new[] { name }, new[] { M(name, EntityType.Person) },
            new Dictionary<string, string> { ["role"] = role });

    [Test]
    public void ABareSurnameWithTheSameRoleIsTheOnePersonOfThatNameButNotWhenTwoOrAnotherRole()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { Titled(0, "Dorian Vell", "secretary") }));
        b.Add(Doc("two", new[] { Titled(0, "Vell", "secretary") }));
        b.Add(Doc("three", new[] { Titled(0, "Ana Corso", "director"), Titled(1, "Luis Corso", "director") }));
        b.Add(Doc("four", new[] { Titled(0, "Corso", "director") }));
        b.Add(Doc("five", new[] { Titled(0, "Mira Osei", "senator") }));
        b.Add(Doc("six", new[] { Titled(0, "Osei", "governor") }));
        b.Add(Doc("seven", new[] { E(0, "Tarn Ibbot", EntityType.Person), E(1, "Velmar Port", EntityType.Location) }));
        b.Add(Doc("eight", new[] { E(0, "Ibbot", EntityType.Person), E(1, "Velmar Port", EntityType.Location) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var vell = people.Single(n => Aliases(n).Contains("Vell"));
        Assert.That(vell.Name, Is.EqualTo("Dorian Vell"));
        Assert.That(vell["doc_count"], Is.EqualTo(2L));
        Assert.That(people.Single(n => Aliases(n).Contains("Corso")).Name, Is.EqualTo("Corso"), "two people of that surname: neither");
        Assert.That(people.Single(n => Aliases(n).Contains("Osei")).Name, Is.EqualTo("Osei"), "another role is another person");
        Assert.That(people.Single(n => Aliases(n).Contains("Ibbot")).Name, Is.EqualTo("Tarn Ibbot"),
            "no role on either side: the one person of the graph with that surname (issue 10)");
    }

    [Test]
    public void AShortFormOfAPersonsNameIsTheOnePersonWithThatSurnameButNeverOneOfTwoWhoShareIt()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Halvard Quenby", EntityType.Person), E(1, "Oriane Pelletto", EntityType.Person), E(2, "Kessa Harbour Fund", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "QUENBY", EntityType.Person), E(1, "Kessa Harbour Fund", EntityType.Organization) }));                       // the surname in capitals
        b.Add(Doc("three", new[] { E(0, "O. PELLETTO", EntityType.Person) }));                // an initial and the surname
        b.Add(Doc("four", new[] { E(0, "Minsiter Pelletto", EntityType.Person) }));           // a title misspelt, glued
        b.Add(Doc("five", new[] { E(0, "Ministers Quenby", EntityType.Person) }));            // a title in the plural, glued
        b.Add(Doc("six", new[] { E(0, "Ada Strell", EntityType.Person), E(1, "Bruno Strell", EntityType.Person) }));
        b.Add(Doc("seven", new[] { E(0, "Strell", EntityType.Person) }));                     // two people of that surname
        b.Add(Doc("eight", new[] { E(0, "B. Pellow", EntityType.Person) }));
        b.Add(Doc("nine", new[] { E(0, "Carys Pellow", EntityType.Person) }));                 // another initial: another person
        b.Add(Doc("ten", new[] { Titled(0, "Ismay Dorrit", "president") }));
        b.Add(Doc("eleven", new[] { Titled(0, "Dorrit", "imam") }));                           // another role: another person
        b.Add(Doc("twelve", new[] { E(0, "Marshall Brenn", EntityType.Person) }));            // a given name, no misspelt title
        b.Add(Doc("thirteen", new[] { E(0, "Orla Brenn", EntityType.Person) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        var quenby = people.Single(n => n.Name == "Halvard Quenby");
        Assert.That(Aliases(quenby), Does.Contain("QUENBY").And.Contain("Ministers Quenby"));
        Assert.That(Aliases(people.Single(n => n.Name == "Oriane Pelletto")), Does.Contain("O. PELLETTO").And.Contain("Minsiter Pelletto"));
        Assert.That(people.Select(n => n.Name), Does.Contain("Strell").And.Contain("Ada Strell").And.Contain("Bruno Strell"),
            "two people share the surname: the bare surname joins neither");
        Assert.That(people.Select(n => n.Name), Does.Contain("B. Pellow").And.Contain("Carys Pellow"), "the initial disagrees");
        Assert.That(people.Select(n => n.Name), Does.Contain("Dorrit").And.Contain("Ismay Dorrit"), "the roles disagree");
        Assert.That(people.Select(n => n.Name), Does.Contain("Marshall Brenn").And.Contain("Orla Brenn"), "a given name is no misspelt title");
    }

    [Test]
    public void AnOperationsBareNameAndItsForcesFormAreTheOperationButNotAPlaceTwoForcesOrAnUnrelatedStory()
    {
        // "the Varn Union Force launched Operation Kestrel ... the Kestrel mission" / "VUFOR Operation Kestrel": one
        // operation; "Operation Tessmoor" is no node of the town Tessmoor, two forces' "Operation Harrow" stay two, and a
        // bare "Linnet" of a story that shares nobody with "Operation Linnet" is something else
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Operation Kestrel", EntityType.Event), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Kestrel", EntityType.Organization, "KESTREL"), E(1, "Operation Kestrel", EntityType.Event) }));
        b.Add(Doc("eight", new[] { E(0, "Sentinel", EntityType.Organization), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { E(0, "Operation Sentinel", EntityType.Event), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "VUFOR Operation Kestrel", EntityType.Organization), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Operation Tessmoor", EntityType.Event), E(1, "Tessmoor", EntityType.Location) with
            { Evidence = new EntityEvidence(true, false, false, false, float.NaN, false, false) } }));
        b.Add(Doc("five", new[] { E(0, "VUFOR Operation Harrow", EntityType.Event), E(1, "KSF Operation Harrow", EntityType.Event), E(2, "Harrow", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "Operation Linnet", EntityType.Event), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("seven", new[] { E(0, "Linnet", EntityType.Organization), E(1, "Quillmarsh", EntityType.Location) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToList();
        var kestrel = nodes.Single(n => n.Name == "Operation Kestrel");
        Assert.That(kestrel.Labels, Does.Contain("Event"), "the operation keeps its name and type");
        Assert.That(Aliases(kestrel), Does.Contain("Kestrel").And.Contain("KESTREL").And.Contain("VUFOR Operation Kestrel"));
        Assert.That(nodes.Select(n => n.Name), Does.Contain("Tessmoor").And.Contain("Operation Tessmoor"), "a place the gazetteer knows");
        Assert.That(nodes.Select(n => n.Name), Does.Contain("VUFOR Operation Harrow").And.Contain("KSF Operation Harrow").And.Contain("Harrow"),
            "two forces write the name: nothing joins");
        Assert.That(nodes.Select(n => n.Name), Does.Contain("Linnet").And.Contain("Operation Linnet"), "two stories that share nobody");
        Assert.That(nodes.Select(n => n.Name), Does.Contain("Sentinel").And.Contain("Operation Sentinel"),
            "a bare name of a story that does not write the operation is a namesake, though the stories share a body (review44)");
    }

    [Test]
    public void AnOrganOfABodyNamedByItsAcronymAfterOfIsTheOrganNamedByTheAcronymBefore()
    {
        // "the Executive Council of the VUO" of one story is "the VUO Executive Council" of another; another parent's
        // council, a place's ("the Harbour Board of Kessa" / "the Kessa Harbour Board" may be two towns' boards) and the bare
        // organ stay apart
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Executive Council of the VUO", EntityType.Organization), E(1, "Harbour Board of Kessa", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "VUO Executive Council", EntityType.Organization), E(1, "KSF Executive Council", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "Executive Council", EntityType.Organization), E(1, "Kessa Harbour Board", EntityType.Organization) }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).Select(n => n.Name).ToList();
        Assert.That(names.Count(n => n is "VUO Executive Council" or "Executive Council of the VUO"), Is.EqualTo(1));
        Assert.That(names, Does.Contain("KSF Executive Council").And.Contain("Executive Council"));
        Assert.That(names, Does.Contain("Harbour Board of Kessa").And.Contain("Kessa Harbour Board"), "a place is no acronym");
    }

    [Test]
    public void ACompoundMilitaryRankIsCalledByItsHeadRankButNoOtherTitleIs()
    {
        // "Major General Tomas Vell" of one story is "General Vell" of another (the same neighbour); "Vice President Brask"
        // is no "President Orla Brask", "General Tamsin" no "Attorney General Ilse Tamsin"
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { Titled(0, "Tomas Vell", "major general"), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Titled(0, "Vell", "general"), E(1, "Varn Union", EntityType.Organization) }));
        b.Add(Doc("three", new[] { Titled(0, "Orla Brask", "president"), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("four", new[] { Titled(0, "Brask", "vice president"), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("five", new[] { Titled(0, "Ilse Tamsin", "attorney general"), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("six", new[] { Titled(0, "Tamsin", "general"), E(1, "Ostland", EntityType.Location) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        Assert.That(Aliases(people.Single(n => n.Name == "Tomas Vell")), Does.Contain("Vell"));
        Assert.That(people.Select(n => n.Name), Does.Contain("Brask").And.Contain("Orla Brask"), "a vice president is no president");
        Assert.That(people.Select(n => n.Name), Does.Contain("Tamsin").And.Contain("Ilse Tamsin"), "an attorney general is no general");
        Assert.That(GraphBuilder.SameRank("rear admiral", "admiral") && GraphBuilder.SameRank("colonel", "lieutenant colonel")
                    && !GraphBuilder.SameRank("consul general", "general") && !GraphBuilder.SameRank("major general", "lieutenant general"));
        // the British hyphenated form ("Major-General Tomas Vell", a title since title44) is the same rank (review44)
        Assert.That(GraphBuilder.SameRank("major-general", "general") && GraphBuilder.SameRank("vice-admiral", "vice admiral")
                    && !GraphBuilder.SameRank("consul-general", "general"));
    }

    [Test]
    public void ABareSurnameOrASecondSpellingInAnArticleOnSomethingElseIsANamesakeNotTheOnePersonOfThatName()
    {
        // "Senator Maria Hollis" of one story, "Hollis, a retired teacher" of a story that shares nobody with it: two people;
        // the same bare surname beside a node of the person's articles is the person (review38)
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { Titled(0, "Maren Tolvey", "senator"), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("two", new[] { E(0, "Tolvey", EntityType.Person), E(1, "Quillmarsh", EntityType.Location) }));
        b.Add(Doc("three", new[] { E(0, "Orrin Kadwell", EntityType.Person), E(1, "Kessa Harbour Fund", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Kadwell", EntityType.Person), E(1, "Kessa Harbour Fund", EntityType.Organization) }));
        b.Add(Doc("five", new[] { Titled(0, "Brian Oakfield", "governor"), E(1, "Varn Valley", EntityType.Location) }));
        b.Add(Doc("six", new[] { E(0, "Bryan Oakfield", EntityType.Person), E(1, "Tessmoor", EntityType.Location) }));
        var people = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).ToList();
        Assert.That(people.Select(n => n.Name), Does.Contain("Tolvey").And.Contain("Maren Tolvey"), "a namesake of an unrelated story");
        Assert.That(Aliases(people.Single(n => n.Name == "Orrin Kadwell")), Does.Contain("Kadwell"), "a shared neighbour: the person");
        Assert.That(people.Select(n => n.Name), Does.Contain("Brian Oakfield").And.Contain("Bryan Oakfield"), "two given names of two stories");
    }

    [Test]
    public void AFinalYOrIInTheGivenNamesOfTwoStoriesThatShareNobodyNamesTwoPeople()
    {
        // "Terry Walsh" of a sports story and "Terri Walsh" of a court story: namesakes (review38); with a node both stories
        // name, one person spelt two ways
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Harry Quintell", EntityType.Person), E(1, "Varn Valley", EntityType.Location) }));
        b.Add(Doc("two", new[] { E(0, "Harri Quintell", EntityType.Person), E(1, "Tessmoor", EntityType.Location) }));
        b.Add(Doc("three", new[] { E(0, "Sergey Dovrin", EntityType.Person), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("four", new[] { E(0, "Sergei Dovrin", EntityType.Person), E(1, "Ostland", EntityType.Location) }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).Select(n => n.Name).ToList();
        Assert.That(names, Does.Contain("Harry Quintell").And.Contain("Harri Quintell"), "two stories that share nobody");
        Assert.That(names.Count(n => n!.EndsWith("Dovrin")), Is.EqualTo(1), "two stories that both name Ostland");
    }

    [Test]
    public void ASurnameWrittenWithASpaceIsTheOnePersonWhoseNodeWritesItWithAHyphen()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Teodor Vask-Arrin", EntityType.Person, "Vask-Arrin") }));
        b.Add(Doc("two", new[] { E(0, "Vask Arrin", EntityType.Person) }));
        b.Add(Doc("three", new[] { E(0, "Lina Oster", EntityType.Person) }));
        b.Add(Doc("four", new[] { E(0, "Maren Lina", EntityType.Person) }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).Select(n => n.Name).ToList();
        Assert.That(names, Is.EquivalentTo(new[] { "Teodor Vask-Arrin", "Lina Oster", "Maren Lina" }));
    }

    [Test]
    public void AGivenNameTransliteratedTwoWaysIsOnePersonButNotAnotherLetter()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Mohammed Ould Tevrek", EntityType.Person), E(1, "Mohamed Ould Tevrek", EntityType.Person) }));
        b.Add(Doc("two", new[] { E(0, "Volodymir Kessensky", EntityType.Person), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("three", new[] { E(0, "Volodimir Kessenski", EntityType.Person), E(1, "Ostland", EntityType.Location) }));
        b.Add(Doc("four", new[] { E(0, "Daniela Morrow", EntityType.Person) }));
        b.Add(Doc("five", new[] { E(0, "Daniel Morrow", EntityType.Person) }));
        b.Add(Doc("six", new[] { E(0, "Phillip Danner", EntityType.Person), E(1, "Philip Danner", EntityType.Person) }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Person")).Select(n => n.Name!).ToList();
        Assert.That(names.Count(n => n.EndsWith("Tevrek")), Is.EqualTo(1), "a long name with a doubled letter written once, one article");
        Assert.That(names.Count(n => n.StartsWith("Volod")), Is.EqualTo(1), "y for i in the given name and at the surname's end");
        Assert.That(names, Does.Contain("Daniela Morrow").And.Contain("Daniel Morrow"), "another letter: two people");
        Assert.That(names, Does.Contain("Phillip Danner").And.Contain("Philip Danner"), "one article wrote a short name both ways");
    }

    [Test]
    public void ARoleTheArticlesDisagreeOnIsTheOneMostGiveWhicheverArticleComesFirstAndABareSurnameOfAnyOfThemJoins()
    {
        var articles = new[]
        {
            Doc("one", new[] { Titled(0, "Dorian Vell", "secretary") }),
            Doc("two", new[] { Titled(0, "Dorian Vell", "defence secretary") }),
            Doc("three", new[] { Titled(0, "Dorian Vell", "defence secretary") }),
            Doc("four", new[] { Titled(0, "Vell", "secretary") }),
        };
        foreach (var order in new[] { new[] { 0, 1, 2, 3 }, new[] { 3, 2, 1, 0 }, new[] { 1, 0, 3, 2 } })
        {
            var b = new GraphBuilder(Schema);
            foreach (var i in order) b.Add(articles[i]);
            var vell = b.Build().Snapshot.Nodes.Single(n => n.Labels.Contains("Person"));
            Assert.That(vell.Name, Is.EqualTo("Dorian Vell"), "the bare 'Vell, secretary' is the person one article calls secretary");
            Assert.That(vell["role"], Is.EqualTo("defence secretary"), $"two articles of three say so (order {string.Join(",", order)})");
            Assert.That(vell["doc_count"], Is.EqualTo(4L));
        }
    }

    [Test]
    public void ADescriptionInTheAliasesMergesNothingAcrossDocuments()
    {
        // "the junta" of Mali in one article and of Chad in another are two governments
        var b = new GraphBuilder(Schema);
        b.Add(Doc("mali", new[] { E(0, "Government of Mali", EntityType.Organization, "the junta", "Mali's government") }));
        b.Add(Doc("chad", new[] { E(0, "Government of Chad", EntityType.Organization, "the junta") }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).Select(n => n.Name).ToList();
        Assert.That(names, Is.EquivalentTo(new[] { "Government of Mali", "Government of Chad" }));
    }

    [Test]
    public void ABodysNameWithoutItsCountryJoinsNothingAcrossDocumentsButItsWholeNameDoes()
    {
        // "the Supreme Court" of a Peruvian story and of a Chilean one: two courts, though each article wrote the bare name
        var b = new GraphBuilder(Schema);
        b.Add(Doc("peru", new[] { E(0, "Peruvian Supreme Court", EntityType.Organization, "Supreme Court") }));
        b.Add(Doc("chile", new[] { E(0, "Chilean Supreme Court", EntityType.Organization, "Supreme Court") }));
        b.Add(Doc("peru again", new[] { E(0, "Peruvian Supreme Court", EntityType.Organization) }));
        // a one-word acronym without its owner's acronym is a name of its own: "ERO" of one story is "HFB ERO" of another
        b.Add(Doc("ero", new[] { E(0, "HFB ERO", EntityType.Organization, "ERO") }));
        b.Add(Doc("ero again", new[] { E(0, "ERO", EntityType.Organization) }));
        var names = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).Select(n => n.Name).ToList();
        Assert.That(names, Is.EquivalentTo(new[] { "Peruvian Supreme Court", "Chilean Supreme Court", "HFB ERO" }));
    }

    private static DocumentEntity Country(int index, string name, params string[] aliases) =>
        new(index, name, EntityType.Location, new[] { "Country" }, aliases.Append(name).ToList(), new[] { M(name, EntityType.Location) },
            new Dictionary<string, string>());

    [Test]
    public void ABodyNamedWithItsCountryIsTheBodyNamedWithoutItWhenNoOtherCountrysBodyOfThatNameExists()
    {
        var b = new GraphBuilder(Schema);
        // "U.S. Harbor Service" in one article, "the Harbor Service" in another that names the U.S. too: one body
        b.Add(Doc("one", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Harbor Service", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Country(0, "United States", "U.S."), E(1, "Harbor Service", EntityType.Organization) }));
        // two countries' bodies of one name: the bare name joins neither
        b.Add(Doc("three", new[] { Country(0, "Peru"), E(1, "Peru Supreme Court", EntityType.Organization) }));
        b.Add(Doc("four", new[] { Country(0, "Chile"), E(1, "Chile Supreme Court", EntityType.Organization) }));
        b.Add(Doc("five", new[] { Country(0, "Peru"), Country(1, "Chile"), E(2, "Supreme Court", EntityType.Organization) }));
        // an article writing the bare name with no word of the country: it stays apart
        b.Add(Doc("six", new[] { Country(0, "Kessland"), E(1, "Kessland Border Guard", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Border Guard", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("Harbor Service"))), Does.Contain("U.S. Harbor Service"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Supreme Court", StringComparison.Ordinal))), Is.EqualTo(3));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Border Guard", StringComparison.Ordinal))), Is.EqualTo(2));
    }

    [Test]
    public void ABodysUnitNamedWithTheBodysAcronymIsTheUnitNamedWithoutItWhereTheArticleNamesTheBody()
    {
        var b = new GraphBuilder(Schema);
        // "the KFP Harbour Response Unit" in one article, "the Harbour Response Unit" in another that names the KFP too: one unit
        b.Add(Doc("one", new[] { E(0, "Kessland Federal Police", EntityType.Organization, "KFP"), E(1, "KFP Harbour Response Unit", EntityType.Organization, "Harbour Response Unit") }));
        b.Add(Doc("two", new[] { E(0, "KFP", EntityType.Organization), E(1, "Harbour Response Unit", EntityType.Organization, "HRU") }));
        // an article writing the bare name without the owner: its unit may be anyone's, it stays apart
        b.Add(Doc("three", new[] { E(0, "KFP Dive Squad", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Dive Squad", EntityType.Organization) }));
        // two owners' units of one name: the bare name joins neither
        b.Add(Doc("five", new[] { E(0, "KFP", EntityType.Organization), E(1, "KFP Canine Section", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "ORP", EntityType.Organization), E(1, "ORP Canine Section", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "KFP", EntityType.Organization), E(1, "ORP", EntityType.Organization), E(2, "Canine Section", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("HRU"))), Does.Contain("KFP Harbour Response Unit"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Dive Squad", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Canine Section", StringComparison.Ordinal))), Is.EqualTo(3));
    }

    [Test]
    public void AnArticleNamingACapitalNamesTheCountryButAUsStateOrACapitalSharedWithAUsTownDoesNot()
    {
        var b = new GraphBuilder(Schema);
        // "U.S. Fisheries Department" and "United States Fisheries Department" of two articles, the bare name in a third that
        // names the United States: one body
        b.Add(Doc("one", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Fisheries Department", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Country(0, "United States"), E(1, "United States Fisheries Department", EntityType.Organization) }));
        b.Add(Doc("three", new[] { Country(0, "United States"), E(1, "Fisheries Department", EntityType.Organization) }));
        // the bare name of an article naming only a U.S. state: the state's own department, apart from the federal one
        b.Add(Doc("four", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Department of Roads", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "Ohio", EntityType.Location), E(1, "Department of Roads", EntityType.Organization) }));
        // the bare name of an article naming only the country Georgia (no state): apart
        b.Add(Doc("six", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Harbor Board", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { Country(0, "Georgia"), E(1, "Harbor Board", EntityType.Organization) }));
        // an article naming the country's capital (countries.tsv) names the country ...
        b.Add(Doc("eight", new[] { Country(0, "Peru"), E(1, "Peru Coast Authority", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { E(0, "Lima", EntityType.Location), E(1, "Coast Authority", EntityType.Organization) }));
        // ... but not when it names a U.S. state too ("LIMA, Ohio": a town of Ohio)
        b.Add(Doc("ten", new[] { Country(0, "Peru"), E(1, "Peru Transit Safety Board", EntityType.Organization) }));
        b.Add(Doc("eleven", new[] { E(0, "Lima", EntityType.Location), E(1, "Ohio", EntityType.Location),
            E(2, "Transit Safety Board", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("Coast Authority"))), Does.Contain("Peru Coast Authority"));
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("Fisheries Department"))),
            Is.SupersetOf(new[] { "U.S. Fisheries Department", "United States Fisheries Department" }));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Department of Roads", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Harbor Board", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Transit Safety Board", StringComparison.Ordinal))), Is.EqualTo(2));
    }

    [Test]
    public void OneCountryWrittenTwoWaysBeforeABodysNameIsOneBodyWithoutABareNameButAHoldersOfficeStaysApart()
    {
        var b = new GraphBuilder(Schema);
        // "the U.S. Harbor Fleet" and "the United States Harbor Fleet", no bare "Harbor Fleet" anywhere: one body, even
        // beside another country's "Kessland Harbor Fleet" (which stays its own)
        b.Add(Doc("one", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Harbor Fleet", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Country(0, "United States"), E(1, "United States Harbor Fleet", EntityType.Organization) }));
        b.Add(Doc("three", new[] { Country(0, "Kessland"), E(1, "Kessland Harbor Fleet", EntityType.Organization) }));
        // a name of one word after the country: "U.S. Lancers" and "United States Lancers" are one body too
        b.Add(Doc("four", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Lancers", EntityType.Organization) }));
        b.Add(Doc("five", new[] { Country(0, "United States"), E(1, "United States Lancers", EntityType.Organization) }));
        // an office named after its holder's title is one of many (a district's): the two spellings stay apart
        b.Add(Doc("six", new[] { Country(0, "United States", "U.S."), E(1, "U.S. Attorney's Office", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { Country(0, "United States"), E(1, "United States Attorney's Office", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("U.S. Harbor Fleet"))), Does.Contain("United States Harbor Fleet"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Harbor Fleet", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("U.S. Lancers"))), Does.Contain("United States Lancers"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Attorney's Office", StringComparison.Ordinal))), Is.EqualTo(2));
    }

    [Test]
    public void ACountrysNameAndItsDemonymBeforeOneBodysNameAreOneBodyButTheDemonymAloneJoinsNoBareName()
    {
        var b = new GraphBuilder(Schema);
        // "training with Peru Mountain Rangers" and "the Peruvian Mountain Rangers" of two articles: one body
        b.Add(Doc("one", new[] { Country(0, "Peru"), E(1, "Peru Mountain Rangers", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Country(0, "Peru", "Peruvian"), E(1, "Peruvian Mountain Rangers", EntityType.Organization) }));
        // another country's demonym before the same words: another body
        b.Add(Doc("three", new[] { Country(0, "Chile", "Chilean"), E(1, "Chilean Mountain Rangers", EntityType.Organization) }));
        // a demonym opens a name of its own: "the Peruvian Lantern Society" is no bare "Lantern Society", even in an
        // article that names Peru
        b.Add(Doc("four", new[] { Country(0, "Peru", "Peruvian"), E(1, "Peruvian Lantern Society", EntityType.Organization) }));
        b.Add(Doc("five", new[] { Country(0, "Peru"), E(1, "Lantern Society", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("Peru Mountain Rangers"))), Does.Contain("Peruvian Mountain Rangers"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Mountain Rangers", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Lantern Society", StringComparison.Ordinal))), Is.EqualTo(2));
    }

    [Test]
    public void AMinistrysBareNameIsAKeyOnlyInItsArticleButANameThatSaysWhoseItIsJoins()
    {
        var b = new GraphBuilder(Schema);
        // "the Ministry of Fisheries" of a Peruvian and of a Chilean article: two countries' ministries, two nodes
        b.Add(Doc("one", new[] { Country(0, "Peru"), E(1, "Ministry of Fisheries", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Country(0, "Chile"), E(1, "Ministry of Fisheries", EntityType.Organization) }));
        // "the Harbour Ministry" likewise
        b.Add(Doc("three", new[] { E(0, "Harbour Ministry", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Harbour Ministry", EntityType.Organization) }));
        // the bare name beside its acronym in two articles: one ministry, through the acronym
        b.Add(Doc("five", new[] { E(0, "Ministry of Tides", EntityType.Organization, "MOTI") }));
        b.Add(Doc("six", new[] { E(0, "Ministry of Tides", EntityType.Organization, "MOTI") }));
        // a name with its country is a key everywhere: "Ministry of Fisheries of Peru", "Chilean Salt Ministry"
        b.Add(Doc("seven", new[] { E(0, "Ministry of Fisheries of Peru", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "Ministry of Fisheries of Peru", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { E(0, "Chilean Salt Ministry", EntityType.Organization) }));
        b.Add(Doc("ten", new[] { E(0, "Chilean Salt Ministry", EntityType.Organization) }));
        // "Department" is not a ministry: "the Department of Lighthouses" of two articles stays one body
        b.Add(Doc("eleven", new[] { E(0, "Department of Lighthouses", EntityType.Organization) }));
        b.Add(Doc("twelve", new[] { E(0, "Department of Lighthouses", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        int Count(string name) => bodies.Count(n => n.Name == name);
        Assert.That(Count("Ministry of Fisheries"), Is.EqualTo(2));
        Assert.That(bodies.Where(n => n.Name == "Ministry of Fisheries").Select(n => n.Id).Distinct().Count(), Is.EqualTo(2));
        Assert.That(Count("Harbour Ministry"), Is.EqualTo(2));
        Assert.That(Count("Ministry of Tides"), Is.EqualTo(1));
        Assert.That(Count("Ministry of Fisheries of Peru"), Is.EqualTo(1));
        Assert.That(Count("Chilean Salt Ministry"), Is.EqualTo(1));
        Assert.That(Count("Department of Lighthouses"), Is.EqualTo(1));
    }

    [Test]
    public void AMinistrysBareNameIsTheOneOwnedMinistryOfItsFieldInItsArticleAndOneCountrysMinistryIsOneNodeWhateverTheWording()
    {
        var b = new GraphBuilder(Schema);
        // "The Chilean Ministry of Fisheries closed the bay on Friday. The Ministry of Fisheries said ...": one ministry
        b.Add(Doc("one", new[] { E(0, "Chilean Ministry of Fisheries", EntityType.Organization), E(1, "Ministry of Fisheries", EntityType.Organization) },
            R(1, 0, "PART_OF", "PART_OF", "The Ministry of Fisheries said the bay stays shut.", 0.9)));
        // the same country's ministry written with "of" and the country, or its possessive, in other articles
        b.Add(Doc("two", new[] { E(0, "Ministry of Fisheries of Chile", EntityType.Organization) }));
        b.Add(Doc("three", new[] { E(0, "Peru's Fisheries Ministry", EntityType.Organization) }));
        // must not: two owners' ministries of the field beside the bare name (it joins neither), another field, another country
        b.Add(Doc("four", new[] { E(0, "Fisheries Ministry", EntityType.Organization), E(1, "Peruvian Ministry of Fisheries", EntityType.Organization),
            E(2, "Chilean Fisheries Ministry", EntityType.Organization) }));
        b.Add(Doc("five", new[] { E(0, "Ministry of Tides", EntityType.Organization), E(1, "Chilean Ministry of Fisheries", EntityType.Organization) }));
        // nor a bare name with an acronym (a key across articles: another article's "Ministry of Salt (MOSA)" would come along)
        b.Add(Doc("seven", new[] { E(0, "Ministry of Salt", EntityType.Organization, "MOSA"), E(1, "Chilean Ministry of Salt", EntityType.Organization) }));
        // nor a bare name the article relates to the owned one: "The Ministry of Tides welcomed the statement of the
        // Chilean Ministry of Tides" (a ministry's release about another country's ministry) names two ministries
        b.Add(Doc("eight", new[] { E(0, "Ministry of Tides", EntityType.Organization), E(1, "Chilean Ministry of Tides", EntityType.Organization) },
            R(0, 1, "SUPPORTS", "SUPPORT", "The Ministry of Tides welcomed the statement of the Chilean Ministry of Tides.", 0.9)));
        // "the Foreign Ministry" is "the Ministry of Foreign Affairs": "Affairs" closing the field is left out
        b.Add(Doc("six", new[] { E(0, "Ministry of Foreign Affairs", EntityType.Organization), E(1, "Peruvian Foreign Ministry", EntityType.Organization) }));
        var graph = b.Build();
        var bodies = graph.Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        GraphNode Of(string alias) => bodies.Single(n => Aliases(n).Contains(alias));
        var chile = Of("Chilean Ministry of Fisheries");
        Assert.That(chile.Name, Is.EqualTo("Chilean Ministry of Fisheries"), "the node keeps the name that says whose it is");
        Assert.That(Aliases(chile), Is.EquivalentTo(new[] { "Chilean Ministry of Fisheries", "Ministry of Fisheries", "Ministry of Fisheries of Chile", "Chilean Fisheries Ministry" }));
        Assert.That(Aliases(Of("Peru's Fisheries Ministry")), Is.EquivalentTo(new[] { "Peru's Fisheries Ministry", "Peruvian Ministry of Fisheries" }));
        Assert.That(Aliases(Of("Fisheries Ministry")), Is.EquivalentTo(new[] { "Fisheries Ministry" }), "two owners' ministries in its article");
        Assert.That(bodies.Where(n => n.Name == "Ministry of Tides").Select(Aliases), Has.All.EquivalentTo(new[] { "Ministry of Tides" }), "another field");
        Assert.That(Aliases(Of("Chilean Ministry of Tides")), Is.EquivalentTo(new[] { "Chilean Ministry of Tides" }), "a bare ministry the article relates to the owned one");
        Assert.That(graph.Snapshot.Edges.Count(e => e.Type == "SUPPORTS"), Is.EqualTo(1), "the relation between the two ministries stays");
        Assert.That(Aliases(Of("MOSA")), Is.EquivalentTo(new[] { "Ministry of Salt", "MOSA" }), "a bare name with an acronym");
        Assert.That(Aliases(Of("Peruvian Foreign Ministry")), Is.EquivalentTo(new[] { "Peruvian Foreign Ministry", "Ministry of Foreign Affairs" }));
        Assert.That(graph.Snapshot.Edges.Where(e => e.Type == "PART_OF"), Is.Empty, "the bare name and its owner's name are one node: no edge between them");
    }

    private static DocumentEntity Union(int index, string name, params string[] aliases) =>
        new(index, name, EntityType.Organization, new[] { "InternationalOrganization" }, aliases.Append(name).ToList(),
            new[] { M(name, EntityType.Organization) }, new Dictionary<string, string>());

    [Test]
    public void AnInternationalOrganisationWrittenTwoWaysBeforeABodysNameIsOneBodyAndItsBareNameJoinsWhereTheArticleNamesIt()
    {
        var b = new GraphBuilder(Schema);
        // "the TU Fisheries Board" and "the Tidal Union Fisheries Board" of two articles: one body
        b.Add(Doc("one", new[] { Union(0, "Tidal Union", "TU"), E(1, "TU Fisheries Board", EntityType.Organization) }));
        b.Add(Doc("two", new[] { Union(0, "Tidal Union"), E(1, "Tidal Union Fisheries Board", EntityType.Organization) }));
        // "the Tidal Gazette" of an article that names the union is its "TU Tidal Gazette" ...
        b.Add(Doc("three", new[] { Union(0, "Tidal Union", "TU"), E(1, "TU Tidal Gazette", EntityType.Organization) }));
        b.Add(Doc("four", new[] { Union(0, "TU"), E(1, "Tidal Gazette", EntityType.Organization) }));
        // ... but not in an article that never names the union (another publisher's gazette of that name)
        b.Add(Doc("five", new[] { Union(0, "Tidal Union", "TU"), E(1, "TU Harbour Review", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "Harbour Review", EntityType.Organization) }));
        // an organisation with no finer label is no owner: "Kessler Group Trust Fund" is no "Kessler Trust Fund"
        b.Add(Doc("seven", new[] { E(0, "Kessler Group", EntityType.Organization, "KG"), E(1, "KG Trust Fund", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "Kessler Group", EntityType.Organization), E(1, "Kessler Group Trust Fund", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("TU Fisheries Board"))), Does.Contain("Tidal Union Fisheries Board"));
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("TU Tidal Gazette"))), Does.Contain("Tidal Gazette"));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Harbour Review", StringComparison.Ordinal))), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Any(a => a.EndsWith("Trust Fund", StringComparison.Ordinal))), Is.EqualTo(2));
    }

    [Test]
    public void AnAgreementNamedWithItsOwnerWrittenTwoWaysIsOneEventButItsBareNameJoinsNothing()
    {
        var b = new GraphBuilder(Schema);
        // "the TU Harbour Charter" and "the Tidal Union Harbour Charter" of two articles: one charter
        b.Add(Doc("one", new[] { Union(0, "Tidal Union", "TU"), E(1, "TU Harbour Charter", EntityType.Event) }));
        b.Add(Doc("two", new[] { Union(0, "Tidal Union"), E(1, "Tidal Union Harbour Charter", EntityType.Event) }));
        // must not: an event's bare name, even in an article naming the union; a body of the same name (another type)
        b.Add(Doc("three", new[] { Union(0, "Tidal Union", "TU"), E(1, "Harbour Charter", EntityType.Event) }));
        b.Add(Doc("four", new[] { Union(0, "Tidal Union", "TU"), E(1, "Tidal Union Harbour Charter", EntityType.Organization) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => !n.Labels.Contains("Document")).ToList();
        var events = nodes.Where(n => n.Labels.Contains("Event")).ToList();
        Assert.That(Aliases(events.Single(n => Aliases(n).Contains("TU Harbour Charter"))), Is.EquivalentTo(new[] { "TU Harbour Charter", "Tidal Union Harbour Charter" }));
        Assert.That(Aliases(events.Single(n => Aliases(n).Contains("Harbour Charter"))), Is.EquivalentTo(new[] { "Harbour Charter" }));
        Assert.That(nodes.Count(n => n.Labels.Contains("Organization") && Aliases(n).Contains("Tidal Union Harbour Charter")), Is.EqualTo(1));
    }

    private static DocumentEntity Accord(int index, string name, string fine, params string[] aliases) =>
        new(index, name, EntityType.Event, new[] { fine }, aliases.Append(name).Distinct().ToList(), new[] { M(name, EntityType.Event) },
            new Dictionary<string, string>());

    [Test]
    public void ABodyNamedOnlyByAnIndefiniteDescriptionAndItsAcronymIsItsArticlesOnly()
    {
        var b = new GraphBuilder(Schema);
        // "A survey mission (SUMI) went to Velm in May" and, in a story of another year, "she will lead a Survey mission
        // (SUMI) to Orvia": two missions of one kind; must not merge, neither through "SUMI" nor through the description
        b.Add(Doc("one", new[] { E(0, "SUMI", EntityType.Organization, "A survey mission") }));
        b.Add(Doc("two", new[] { E(0, "SUMI", EntityType.Organization, "a Survey mission", "A survey mission") }));
        // a body with a name of its own whose first word is "An" ("An Tarsk Harbour Board", head in capitals) joins across
        // articles as before, and so does a body named once by a description and once by its own name
        b.Add(Doc("three", new[] { E(0, "An Tarsk Harbour Board", EntityType.Organization, "ATHB"), E(1, "KVB", EntityType.Organization, "Kessa Valley Board", "a valley board") }));
        b.Add(Doc("four", new[] { E(0, "An Tarsk Harbour Board", EntityType.Organization, "ATHB"), E(1, "KVB", EntityType.Organization, "Kessa Valley Board") }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(bodies.Count(n => Aliases(n).Contains("SUMI")), Is.EqualTo(2));
        Assert.That(bodies.Count(n => Aliases(n).Contains("An Tarsk Harbour Board")), Is.EqualTo(1));
        Assert.That(bodies.Count(n => Aliases(n).Contains("KVB")), Is.EqualTo(1));
    }

    [Test]
    public void AnAgreementOrAMeetingNamedByItsKindAloneIsItsArticlesOnly()
    {
        var b = new GraphBuilder(Schema);
        // "Kessland and Orvia signed a Memorandum of Understanding (MOU) on fisheries" and, in another story, "Velmar and
        // Tarsk signed a Memorandum of Understanding (MOU) on ports": two memoranda; must not merge, nor through "MOU"
        b.Add(Doc("one", new[] { Accord(0, "Memorandum of Understanding", "Agreement", "MOU") }));
        b.Add(Doc("two", new[] { Accord(0, "Memorandum of Understanding", "Agreement", "MOU") }));
        // "the Joint Declaration" of two visits, "the Summit Meeting" and "the Ministerial Meeting" of two years: apart
        b.Add(Doc("three", new[] { Accord(0, "Joint Declaration", "Agreement"), Accord(1, "Summit Meeting", "Meeting"), Accord(2, "Ministerial Meeting", "Meeting") }));
        b.Add(Doc("four", new[] { Accord(0, "Joint Declaration", "Agreement"), Accord(1, "Summit Meeting", "Meeting"),
            Accord(2, "Kessa Ministerial Meeting", "Meeting", "Ministerial Meeting") }));
        b.Add(Doc("five", new[] { Accord(0, "Orvia Ministerial Meeting", "Meeting", "Ministerial Meeting") }));
        // an agreement or a meeting whose name says which one is one node across articles
        b.Add(Doc("six", new[] { Accord(0, "Kessa Accord", "Agreement"), Accord(1, "Treaty of Orvia", "Agreement"), Accord(2, "Free Trade Agreement", "Agreement") }));
        b.Add(Doc("seven", new[] { Accord(0, "Kessa Accord", "Agreement"), Accord(1, "Treaty of Orvia", "Agreement"), Accord(2, "Free Trade Agreement", "Agreement") }));
        // another article's "the MOU" alone (read as a body) is none of those memoranda; in the memorandum's own article it is
        b.Add(Doc("eight", new[] { E(0, "MOU", EntityType.Organization) }));
        b.Add(Doc("nine", new[] { Accord(0, "Memorandum of Understanding", "Agreement", "MOU"), E(1, "MOU", EntityType.Organization) }));
        var nodes = b.Build().Snapshot.Nodes;
        var events = nodes.Where(n => n.Labels.Contains("Event")).ToList();
        int Count(string alias) => events.Count(n => Aliases(n).Contains(alias));
        Assert.That(Count("Memorandum of Understanding"), Is.EqualTo(3));
        Assert.That(Count("MOU"), Is.EqualTo(3));
        Assert.That(nodes.Count(n => n.Labels.Contains("Organization") && Aliases(n).Contains("MOU")), Is.EqualTo(1), "article eight's");
        // the same with one memorandum in the graph: the lone "MOU" of another article still joins none
        var b2 = new GraphBuilder(Schema);
        b2.Add(Doc("ten", new[] { Accord(0, "Memorandum of Understanding", "Agreement", "MOU") }));
        b2.Add(Doc("eleven", new[] { E(0, "MOU", EntityType.Organization) }));
        var nodes2 = b2.Build().Snapshot.Nodes.Where(n => !n.Labels.Contains("Document")).ToList();
        Assert.That(nodes2.Select(n => Aliases(n).Count()).Order(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(Count("Joint Declaration"), Is.EqualTo(2));
        Assert.That(Count("Summit Meeting"), Is.EqualTo(2));
        Assert.That(events.Single(n => Aliases(n).Contains("Kessa Ministerial Meeting")), Has.Property("Name").EqualTo("Kessa Ministerial Meeting"));
        Assert.That(Aliases(events.Single(n => Aliases(n).Contains("Kessa Ministerial Meeting"))), Does.Not.Contain("Orvia Ministerial Meeting"));
        Assert.That(Count("Ministerial Meeting"), Is.EqualTo(3), "three articles' ministerial meetings");
        Assert.That(Count("Kessa Accord"), Is.EqualTo(1));
        Assert.That(Count("Treaty of Orvia"), Is.EqualTo(1));
        Assert.That(Count("Free Trade Agreement"), Is.EqualTo(1), "two words besides its kind: a name of its own");
    }

    [Test]
    public void ABodysNameWithTheArabicArticleJoinedByAHyphenIsTheNameWithoutIt()
    {
        var b = new GraphBuilder(Schema);
        // "the Al-Kessar Brigades claimed the attack" and "the Kessar Brigades said" of two articles: one group
        b.Add(Doc("one", new[] { E(0, "Al-Kessar Brigades", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Kessar Brigades", EntityType.Organization) }));
        // must not: the article written apart ("Al Dorra Foundation" may be named after a person), a person, a place
        b.Add(Doc("three", new[] { E(0, "Al Dorra Foundation", EntityType.Organization), E(1, "Al-Harith Vell", EntityType.Person), E(2, "Al-Marsa", EntityType.Location) }));
        b.Add(Doc("four", new[] { E(0, "Dorra Foundation", EntityType.Organization), E(1, "Harith Vell", EntityType.Person), E(2, "Marsa", EntityType.Location) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => !n.Labels.Contains("Document")).ToList();
        Assert.That(Aliases(nodes.Single(n => Aliases(n).Contains("Kessar Brigades"))), Is.EquivalentTo(new[] { "Al-Kessar Brigades", "Kessar Brigades" }));
        foreach (var apart in new[] { "Al Dorra Foundation", "Dorra Foundation", "Al-Harith Vell", "Harith Vell", "Al-Marsa", "Marsa" })
            Assert.That(Aliases(nodes.Single(n => Aliases(n).Contains(apart))), Is.EquivalentTo(new[] { apart }), apart);
    }

    [Test]
    public void AServiceAndThePluralOfThoseWhoServeInItAreOneBodyAcrossDocuments()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Kessland Marshals Service", EntityType.Organization) }));
        b.Add(Doc("two", new[] { E(0, "Kessland Marshals", EntityType.Organization) }));
        // no plural before "Service": another body
        b.Add(Doc("three", new[] { E(0, "Kessland Postal Service", EntityType.Organization) }));
        b.Add(Doc("four", new[] { E(0, "Kessland Postal", EntityType.Organization) }));
        // a plural that names no one who serves the state: a news agency is no newspaper, a veterans' service no veterans' team
        b.Add(Doc("five", new[] { E(0, "Kessland News Service", EntityType.Organization) }));
        b.Add(Doc("six", new[] { E(0, "Kessland News", EntityType.Organization) }));
        b.Add(Doc("seven", new[] { E(0, "Ardale Veterans Service", EntityType.Organization) }));
        b.Add(Doc("eight", new[] { E(0, "Ardale Veterans", EntityType.Organization) }));
        var bodies = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Organization")).ToList();
        Assert.That(Aliases(bodies.Single(n => Aliases(n).Contains("Kessland Marshals"))), Does.Contain("Kessland Marshals Service"));
        Assert.That(bodies, Has.Count.EqualTo(7));
    }

    [Test]
    public void EventEdgesCarryTheirCameoCodesModesAndContexts()
    {
        var b = new GraphBuilder(Schema);
        var people = new[] { E(0, "Border Guard", EntityType.Organization), E(1, "Ana Ruiz", EntityType.Person) };
        b.Add(Doc("one", people, R(0, 1, "ARRESTED", "COERCE", "The guards arrested Ana Ruiz.", 0.6) with { Cameo = "173", Mode = "arrest", EventContext = "legal" }));
        b.Add(Doc("two", people, R(0, 1, "ARRESTED", "COERCE", "The guards detained Ruiz.", 0.5) with { Cameo = "1731", Mode = "arrest", EventContext = "legal|crime" }));
        b.Add(Doc("three", new[] { E(0, "Ana Ruiz", EntityType.Person), E(1, "Wagner Group", EntityType.Organization) },
            R(0, 1, "LEADS", "LEADS", "Ana Ruiz led the Wagner Group.", 0.6)));
        var g = b.Build().Snapshot;
        var arrest = g.Edges.Single(e => e.Type == "ARRESTED");
        Assert.That((IReadOnlyList<string>)arrest["cameo"]!, Is.EqualTo(new[] { "173", "1731" }));
        Assert.That((IReadOnlyList<string>)arrest["mode"]!, Is.EqualTo(new[] { "arrest" }));
        Assert.That((IReadOnlyList<string>)arrest["context"]!, Is.EqualTo(new[] { "crime", "legal" }));
        var lead = g.Edges.Single(e => e.Type == "LEADS");
        Assert.That(lead["cameo"], Is.Null, "a stative edge has no event coding");
    }

    [Test]
    public void SameNameDifferentTypesStayApart()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("a", new[] { E(0, "Jordan", EntityType.Location), E(1, "Jordan", EntityType.Person) }));
        var ids = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).Select(n => n.Id).ToList();
        Assert.That(ids, Is.EquivalentTo(new[] { "e:loc:jordan", "e:per:jordan" }));
    }

    [Test]
    public void ANameTypedTwoWaysIsTheThingOfTheArticlesMajorityUnlessBothReadingsHaveSupport()
    {
        var b = new GraphBuilder(Schema);
        // "Talks opened in Orvanta." in four articles (the recogniser's place); "Supreme Commander Orvanta" in a fifth, read a title and its holder
        for (int d = 0; d < 4; d++) b.Add(Doc("orvanta" + d, new[] { Read(0, "Orvanta", EntityType.Location, 1, false) }));
        b.Add(Doc("orvanta-title", new[] { Titled(0, "Orvanta", "commander") }));
        // "President Kestrin said ..." in two articles; "in Kestrin" read a place in a third
        b.Add(Doc("kestrin1", new[] { Titled(0, "Kestrin", "president") }));
        b.Add(Doc("kestrin2", new[] { Titled(0, "Kestrin", "president") }));
        b.Add(Doc("kestrin3", new[] { Read(0, "Kestrin", EntityType.Location, 1, false) }));
        // must not: "Georgia" the country of the gazetteer in three articles and "Ms. Georgia", a person with a title, in one
        for (int d = 0; d < 3; d++) b.Add(Doc("georgia" + d, new[] { Read(0, "Georgia", EntityType.Location, 1, true) }));
        b.Add(Doc("georgia-person", new[] { Titled(0, "Georgia", "ms.") }));
        // must not: no majority of two to one ("Quistel" a person in two articles, a place in one and a body in another)
        b.Add(Doc("quist1", new[] { Read(0, "Quistel", EntityType.Person, 1, false) }));
        b.Add(Doc("quist2", new[] { Read(0, "Quistel", EntityType.Person, 1, false) }));
        b.Add(Doc("quist3", new[] { Read(0, "Quistel", EntityType.Location, 1, false) }));
        b.Add(Doc("quist4", new[] { Read(0, "Quistel", EntityType.Organization, 1, false) }));
        // must not: an article that writes "Brisk" the town and "Brisk" a person told them apart
        b.Add(Doc("brisk1", new[] { Read(0, "Brisk", EntityType.Location, 1, false), Read(1, "Brisk", EntityType.Person, 1, false) }));
        b.Add(Doc("brisk2", new[] { Read(0, "Brisk", EntityType.Location, 1, false) }));
        b.Add(Doc("brisk3", new[] { Read(0, "Brisk", EntityType.Location, 1, false) }));
        // must not: one article each ("Telden" a place here, a body there)
        b.Add(Doc("telden1", new[] { Read(0, "Telden", EntityType.Location, 2, false) }));
        b.Add(Doc("telden2", new[] { Read(0, "Telden", EntityType.Organization, 1, false) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToList();
        Assert.That(nodes.Select(n => n.Id), Is.EquivalentTo(new[]
        {
            "e:loc:orvanta", "e:per:kestrin", "e:loc:georgia", "e:per:georgia",
            "e:per:quistel", "e:loc:quistel", "e:org:quistel", "e:loc:brisk", "e:per:brisk", "e:loc:telden", "e:org:telden",
        }));
        Assert.That(nodes.Single(n => n.Id == "e:loc:orvanta")["doc_count"], Is.EqualTo(5L), "the title's article is the place's");
        Assert.That(nodes.Single(n => n.Id == "e:loc:orvanta").Labels, Is.EquivalentTo(new[] { "Entity", "Location" }));
        Assert.That(nodes.Single(n => n.Id == "e:per:kestrin")["doc_count"], Is.EqualTo(3L));
        Assert.That(nodes.Single(n => n.Id == "e:loc:georgia")["doc_count"], Is.EqualTo(3L));
    }

    private static DocumentEntity Read(int index, string name, EntityType type, int mentions, bool gazetteer, params string[] fine) =>
        new(index, name, type, fine, new[] { name }, Enumerable.Range(0, mentions).Select(_ => M(name, type)).ToList(), new Dictionary<string, string>())
        { Evidence = new EntityEvidence(gazetteer, false, !gazetteer, false, float.NaN, false, false) };

    [Test]
    public void ANameTypedOrganisationAndPlaceInArticlesThatNeverShareOneIsOneNodeButAPersonOrAnArticleWritingBothKeepsThemApart()
    {
        var b = new GraphBuilder(Schema);
        // "Troops landed in Port Velmora." twice, a place the gazetteer knows; "Port Velmora announced ..." once, read as a body
        b.Add(Doc("one", new[] { Read(0, "Port Velmora", EntityType.Location, 2, true) }));
        b.Add(Doc("two", new[] { Read(0, "Port Velmora", EntityType.Location, 2, true) }));
        b.Add(Doc("three", new[] { Read(0, "Port Velmora", EntityType.Organization, 1, false) }));
        // "Kessfield Air Station" read once as a base, once as a force, in other articles
        b.Add(Doc("four", new[] { Read(0, "Kessfield Air Station", EntityType.Location, 3, true, "Facility") }));
        b.Add(Doc("five", new[] { Read(0, "Kessfield Air Station", EntityType.Organization, 1, false, "ArmedForces") }));
        // must not: one article writes "Lindon Falls" the town and "Lindon Falls" the company; another the company only
        b.Add(Doc("six", new[] { Read(0, "Lindon Falls", EntityType.Location, 2, true), Read(1, "Lindon Falls", EntityType.Organization, 1, false) }));
        b.Add(Doc("seven", new[] { Read(0, "Lindon Falls", EntityType.Organization, 1, false) }));
        // must not: a name of one word, a surname or a town alike ("Kessler said", "in Kessler")
        b.Add(Doc("eight", new[] { Read(0, "Kessler", EntityType.Location, 3, true) }));
        b.Add(Doc("nine", new[] { Read(0, "Kessler", EntityType.Organization, 1, false) }));
        // must not: a person and a place (or body) named after the person: "Marek Dovrin crossed the river." in one
        // article, "Students at Marek Dovrin protested." (the university read as a place) in another
        b.Add(Doc("ten", new[] { Read(0, "Marek Dovrin", EntityType.Person, 3, false) }));
        b.Add(Doc("eleven", new[] { Read(0, "Marek Dovrin", EntityType.Location, 1, false) }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => n.Labels.Contains("Entity")).ToList();
        Assert.That(nodes.Select(n => n.Id), Is.EquivalentTo(new[]
        {
            "e:loc:port-velmora", "e:loc:kessfield-air-station", "e:loc:lindon-falls", "e:org:lindon-falls", "e:loc:kessler", "e:org:kessler",
            "e:per:marek-dovrin", "e:loc:marek-dovrin",
        }));
        Assert.That(nodes.Single(n => n.Id == "e:loc:port-velmora")["doc_count"], Is.EqualTo(3L));
        var station = nodes.Single(n => n.Id == "e:loc:kessfield-air-station");
        Assert.That(station.Labels, Is.EquivalentTo(new[] { "Entity", "Location", "Facility" }), "a force's label does not fit a place");
        Assert.That(nodes.Single(n => n.Id == "e:org:lindon-falls")["doc_count"], Is.EqualTo(2L));
    }

    [Test]
    public void TownsKeptApartByTheirStatesAreNotJoinedByANameAThirdArticleTypesAnotherWay()
    {
        var b = new GraphBuilder(Schema);
        // "The mayor of Brennock Hollow, Ore., spoke." and "The mayor of Brennock Hollow, Vt., spoke.": two towns
        b.Add(Doc("oregon", new[] { Town(0, "Brennock Hollow", "Oregon") }));
        b.Add(Doc("vermont", new[] { Town(0, "Brennock Hollow", "Vermont") }));
        // "Brennock Hollow asked the United States for help.": the name alone, read as a body, in a third article
        b.Add(Doc("third", new[] { Read(0, "Brennock Hollow", EntityType.Organization, 1, false), Country(1, "United States") }));
        var nodes = b.Build().Snapshot.Nodes.Where(n => n.Name == "Brennock Hollow").ToList();
        Assert.That(nodes.Where(n => n.Properties.Any(p => p.Key == "state")).Select(n => (string)n["state"]!), Is.EquivalentTo(new[] { "Oregon", "Vermont" }));
        Assert.That(nodes.Where(n => n.Properties.Any(p => p.Key == "state")).Select(n => n["doc_count"]), Is.All.EqualTo(1L), "each town keeps its own article");
    }

    [Test]
    public void EdgesOutsideTheSchemaAndNegatedStatementsAreNotEmitted()
    {
        var b = new GraphBuilder(Schema);
        var negated = R(0, 1, "ATTACKED", "ASSAULT", "A did not attack B.", 0.9) with { Negated = true };
        b.Add(Doc("x", new[] { E(0, "Alpha Front", EntityType.Organization), E(1, "Beta City", EntityType.Location) },
            negated,
            R(0, 1, "NOT_A_TYPE", "ASSAULT", "s", 0.9),
            R(1, 0, "HEADQUARTERED_IN", "HEADQUARTERED_IN", "a place cannot have headquarters", 0.9)));
        var g = b.Build();
        Assert.That(g.Relationships, Is.Empty);
        Assert.That(b.Statistics.RelationsNotAsserted, Is.EqualTo(1));
        Assert.That(b.Statistics.RelationsDroppedBySchema, Is.EqualTo(2));
    }

    [Test]
    public void TheSameTextTwiceIsOneDocument()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("same", new[] { E(0, "Ana Ruiz", EntityType.Person) }));
        b.Add(Doc("same", new[] { E(0, "Ana Ruiz", EntityType.Person) }));
        var g = b.Build().Snapshot;
        Assert.That(g.Nodes.Count(n => n.Labels.Contains("Document")), Is.EqualTo(1));
        Assert.That(b.Statistics.DuplicateDocuments, Is.EqualTo(1));
        Assert.That(g.Nodes.Single(n => n.Labels.Contains("Person"))["mentions"], Is.EqualTo(1L));
    }

    [Test]
    public void SchemaRejectsUnknownLabelsInDomainsAndKnowsCategories()
    {
        Assert.That(Schema.Type("EXPELLED")!.Category, Is.EqualTo("COERCE"));
        Assert.That(Schema.Allows("HEADQUARTERED_IN", EntityType.Organization, EntityType.Location), Is.True);
        Assert.That(Schema.Allows("HEADQUARTERED_IN", EntityType.Person, EntityType.Location), Is.False);
        Assert.That(Schema.Refines("PeacekeepingMission", EntityType.Organization), Is.True);
        Assert.That(Schema.Refines("City", EntityType.Organization), Is.False);
        var bad = Path.Combine(TestContext.CurrentContext.WorkDirectory, "bad-schema.json");
        File.WriteAllText(bad, "{\"categories\":{\"stative\":[],\"event\":[]},\"nodeLabels\":[],\"relationshipTypes\":[{\"type\":\"X\",\"category\":\"NOPE\",\"domain\":[],\"range\":[]}]}");
        Assert.That(() => OntologySchema.Load(bad), Throws.InstanceOf<ModelLoadException>().With.Message.Contains("unknown category"));
    }

    /// <summary>
    /// MENTIONS edges are kept compact and made when read (docs/scaling.md, "Memory"): read by index or in a loop,
    /// they are the same edges, in the graph's edge order, joined to nodes of the graph, with the mention counts summed
    /// per document even when two names of one document meet in one entity.
    /// </summary>
    [Test]
    public void Mentions_edges_read_by_index_or_in_order_are_the_same_sorted_edges()
    {
        var b = new GraphBuilder(Schema);
        b.Add(Doc("one", new[] { E(0, "Ana Ruiz", EntityType.Person), E(1, "Wagner Group", EntityType.Organization, "Wagner"), E(2, "Wagner", EntityType.Organization) },
            R(0, 1, "LEADS", "LEADS", "Ana Ruiz led the Wagner Group.", 0.6)));
        b.Add(Doc("two", new[] { E(0, "Wagner", EntityType.Organization), E(1, "Mali", EntityType.Location) }));
        b.Add(Doc("three", new[] { E(0, "Ana Ruiz", EntityType.Person), E(1, "Mali", EntityType.Location) },
            R(0, 1, "LOCATED_IN", "LOCATED_IN", "Ana Ruiz is in Mali.", 0.5)));
        var g = b.Build().Snapshot;
        var looped = g.Edges.ToList();
        Assert.That(looped, Has.Count.EqualTo(g.Edges.Count));
        for (int i = 0; i < looped.Count; i++)
        {
            Assert.That(g.Edges[i].Id, Is.EqualTo(looped[i].Id));
            Assert.That(g.Edges[i].Properties, Is.EqualTo(looped[i].Properties));
        }
        var keys = looped.Select(e => (e.Type, e.StartId, e.EndId, e.Id)).ToList();
        Assert.That(keys, Is.EqualTo(keys.OrderBy(k => k.Type, StringComparer.Ordinal).ThenBy(k => k.StartId, StringComparer.Ordinal)
            .ThenBy(k => k.EndId, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal).ToList()), "sorted as every sink expects");
        Assert.That(looped.Select(e => e.Type).Distinct(), Is.EqualTo(new[] { "LEADS", "LOCATED_IN", "MENTIONS" }));
        var mentions = looped.Where(e => e.Type == "MENTIONS").ToList();
        Assert.That(mentions, Has.Count.EqualTo(6), "one per document and entity: 2 + 2 + 2");
        Assert.That(mentions.All(e => g.Node(e.StartId)!.Labels.Contains("Document") && g.Node(e.EndId)!.Labels.Contains("Entity")));
        var wagner = g.Nodes.Single(n => n.Labels.Contains("Organization"));
        var first = Document.Create("one").Id;
        Assert.That(mentions.Single(e => e.StartId == first && e.EndId == wagner.Id)["count"], Is.EqualTo(2L), "both names of document one");
        Assert.That(wagner["mentions"], Is.EqualTo(3L));
        Assert.Throws<InvalidOperationException>(() => b.Build(), "a builder builds once");
    }
}
