using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons.Derivation;

namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>
/// Every lexicon the pipeline reads, loaded once from a folder into immutable, thread-safe objects and passed in
/// (no global state). Default folder: <c>resources/lexicons</c> beside the program.
/// </summary>
public sealed class LexiconSet
{
    public const string TitlesFile = "titles.tsv";
    public const string AbbreviationsFile = "abbreviations.tsv";
    public const string DescriptorsFile = "descriptors.tsv";
    public const string OrgKeywordsFile = "org_keywords.tsv";
    public const string TriggersFile = "triggers.tsv";
    /// <summary>Hand-written spellings of major actors the derived gazetteers lack ("Daesh", "al-Qaeda", "African Union").</summary>
    public const string ExtraActorsFile = "actors_extra.tsv";
    /// <summary>Relationship types of events coded from CAMEO (category + code -> type).</summary>
    public const string EventTypesFile = "event_types.tsv";
    /// <summary>CAMEO verbs whose bare code is not used (they need a rule).</summary>
    public const string CameoBareOffFile = "cameo_bare_off.tsv";
    /// <summary>The states of the United States with their USPS codes and AP abbreviations.</summary>
    public const string UsStatesFile = "us_states.tsv";
    /// <summary>Head nouns of documents, plans, laws and software: a name they head is no actor.</summary>
    public const string DocumentHeadsFile = "document_heads.tsv";
    /// <summary>ISO 4217 active currency codes ("GEL", "PKR").</summary>
    public const string CurrenciesFile = "currencies.tsv";
    /// <summary>Small closed word classes the type constructions read: nouns of a journey, passive auxiliaries.</summary>
    public const string ConstructionWordsFile = "construction_words.tsv";

    private LexiconSet(string directory, Gazetteer gazetteer, TitleLexicon titles, AbbreviationLexicon abbreviations,
        DescriptorLexicon descriptors, OrgKeywordLexicon keywords, TriggerLexicon triggers, AgentLexicon agents)
    {
        Directory = directory; Gazetteer = gazetteer; Titles = titles; Abbreviations = abbreviations;
        Descriptors = descriptors; OrgKeywords = keywords; Triggers = triggers; Agents = agents;
    }

    /// <summary>The folder it was loaded from.</summary>
    public string Directory { get; }
    /// <summary>Countries (names, short forms, demonyms), capitals, international organisations, armed groups, governments.</summary>
    public Gazetteer Gazetteer { get; }
    public TitleLexicon Titles { get; }
    public AbbreviationLexicon Abbreviations { get; }
    public DescriptorLexicon Descriptors { get; }
    public OrgKeywordLexicon OrgKeywords { get; }
    public TriggerLexicon Triggers { get; }
    public AgentLexicon Agents { get; }
    /// <summary>The CAMEO event lexicon (cameo_*.tsv): verbs, compiled patterns, synonym sets, code -> category.</summary>
    public CameoLexicon Cameo { get; private init; } = CameoLexicon.Empty;
    /// <summary>Argument checks of event categories (event_checks.tsv) with their word classes.</summary>
    public EventChecks EventChecks { get; private init; } = EventChecks.Empty;
    /// <summary>Relationship types of events coded from CAMEO (event_types.tsv).</summary>
    public EventTypes EventTypes { get; private init; } = new(Array.Empty<(string, string, string)>());
    /// <summary>Ordinary English words (lower case): a one-word name made of one of them ("Department", "Soldiers") is no name.</summary>
    public IReadOnlySet<string> CommonWords { get; private init; } = new HashSet<string>();
    /// <summary>Head nouns of documents, plans, laws and software (document_heads.tsv, as written): "Report", "Act", "Directive".</summary>
    public IReadOnlySet<string> DocumentHeads { get; private init; } = new HashSet<string>();
    /// <summary>Nouns of a journey (construction_words.tsv, class journey_noun, lower case): "a visit to", "flights to" take a place.</summary>
    public IReadOnlySet<string> JourneyNouns { get; private init; } = new HashSet<string>();
    /// <summary>Words between a subject and its passive participle (construction_words.tsv, class passive_auxiliary): "was", "has been", "will be".</summary>
    public IReadOnlySet<string> PassiveAuxiliaries { get; private init; } = new HashSet<string>();
    /// <summary>ISO 4217 active currency codes (currencies.tsv): three capitals before an amount are a currency only when listed.</summary>
    public IReadOnlySet<string> CurrencyCodes { get; private init; } = new HashSet<string>();
    /// <summary>Given names of people (given_names.tsv, title case, from the PETRARCH2 dictionaries' people): "a name of 2-4 capitalised words opening with one names a person".</summary>
    public IReadOnlySet<string> GivenNames { get; private init; } = new HashSet<string>();
    /// <summary>Country name -> its first demonym ("Peru" -> "Peruvian"), from countries.tsv: names generic actors ("Peruvian police").</summary>
    public IReadOnlyDictionary<string, string> Demonyms { get; private init; } = new Dictionary<string, string>();
    /// <summary>
    /// Country name -> its official name and written-out alternatives of two words or more, as countries.tsv lists them with a
    /// bracketed gloss left out ("South Korea" -> "Republic of Korea"; "Taiwan" -> "Republic of China", "Chinese Taipei"):
    /// the names an acronym of a country may spell ("ROK").
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CountryLongNames { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Country code (cca3) -> country name, to name the country of a capital ("Lima" -> "Peru").</summary>
    public IReadOnlyDictionary<string, string> CountryNames { get; private init; } = new Dictionary<string, string>();

    /// <summary>U.S. state names ("Georgia") and their AP abbreviations ("Ga."): a state that shares a country's name is told apart by its context.</summary>
    public IReadOnlySet<string> UsStates { get; private init; } = new HashSet<string>();
    /// <summary>AP abbreviation of a U.S. state ("Ga.") -> the state's name.</summary>
    public IReadOnlyDictionary<string, string> UsStateAbbreviations { get; private init; } = new Dictionary<string, string>();
    /// <summary>Postal code of a U.S. state ("GA") -> the state's name: read only where a code is expected (a dateline's "Town, GA –").</summary>
    public IReadOnlyDictionary<string, string> UsStatePostalCodes { get; private init; } = new Dictionary<string, string>();

    /// <summary>The shipped lexicon folder: <c>AppContext.BaseDirectory/resources/lexicons</c>.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "resources", "lexicons");

    /// <summary>Loads every lexicon from <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="ModelLoadException">A file is missing or corrupt (message names the file and line).</exception>
    public static LexiconSet Load(string? directory = null)
    {
        var dir = Path.GetFullPath(directory ?? DefaultDirectory);
        if (!System.IO.Directory.Exists(dir)) throw new ModelLoadException(dir, "lexicon folder not found");
        string P(string file) => Path.Combine(dir, file);
        var cameo = CameoLexicon.Load(dir);
        var eventTypes = EventTypes.Load(P(EventTypesFile));
        var bareOff = TsvFile.Read(P(CameoBareOffFile), new[] { "lemma", "reason" }).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var triggers = TriggerLexicon.Load(P(TriggersFile)).WithCameo(cameo, eventTypes, bareOff);
        var agents = AgentLexicon.Load(P(LexiconDerivation.AgentsFile));
        var usStates = File.Exists(P(UsStatesFile)) ? TsvFile.Read(P(UsStatesFile), LexiconFormats.UsStateColumns).ToList() : new List<TsvRow>();
        var countries = TsvFile.Read(P(LexiconDerivation.CountriesFile), CountryRow.Columns).ToList();
        return new LexiconSet(dir,
            LoadGazetteer(dir),
            TitleLexicon.Load(P(TitlesFile)),
            AbbreviationLexicon.Load(P(AbbreviationsFile)),
            DescriptorLexicon.Load(P(DescriptorsFile)),
            OrgKeywordLexicon.Load(P(OrgKeywordsFile)),
            triggers,
            agents)
        {
            CommonWords = TsvFile.Read(P(LexiconDerivation.CommonWordsFile), new[] { "word" }).Select(r => r[0]).ToHashSet(StringComparer.Ordinal),
            DocumentHeads = File.Exists(P(DocumentHeadsFile))
                ? TsvFile.Read(P(DocumentHeadsFile), new[] { "word" }).Select(r => r[0]).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
            JourneyNouns = ConstructionWords(P(ConstructionWordsFile), "journey_noun"),
            PassiveAuxiliaries = ConstructionWords(P(ConstructionWordsFile), "passive_auxiliary"),
            CurrencyCodes = File.Exists(P(CurrenciesFile))
                ? TsvFile.Read(P(CurrenciesFile), new[] { "code", "name" }).Select(r => r[0]).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
            GivenNames = File.Exists(P(LexiconDerivation.GivenNamesFile))
                ? TsvFile.Read(P(LexiconDerivation.GivenNamesFile), new[] { "name" }).Select(r => r[0]).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
            Demonyms = countries.Where(r => TsvFile.List(r[4]).Count > 0)
                .GroupBy(r => r[1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => TsvFile.List(g.First()[4])[0], StringComparer.Ordinal),
            CountryLongNames = countries.GroupBy(r => r[1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)LongNames(g.First()), StringComparer.Ordinal),
            CountryNames = countries.GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal),
            UsStates = usStates.Select(r => r[0]).ToHashSet(StringComparer.Ordinal),
            UsStateAbbreviations = usStates.Where(r => r[2].EndsWith('.')).ToDictionary(r => r[2], r => r[0], StringComparer.Ordinal),
            UsStatePostalCodes = usStates.Where(r => r[1].Length == 2).GroupBy(r => r[1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[0], StringComparer.Ordinal),
            Cameo = cameo,
            EventTypes = eventTypes,
            EventChecks = EventChecks.Load(dir, cameo, triggers, agents),
        };
    }

    /// <summary>The words of one class of construction_words.tsv, compared without case; none when the file is absent.</summary>
    private static HashSet<string> ConstructionWords(string path, string wordClass) =>
        File.Exists(path)
            ? TsvFile.Read(path, new[] { "class", "word" }).Where(r => r[0] == wordClass).Select(r => r[1]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    private static List<string> LongNames(TsvRow row)
    {
        var names = new List<string>();
        foreach (var name in new[] { row[2] }.Concat(TsvFile.List(row[3])))
        {
            int bracket = name.IndexOf('(');
            var text = (bracket > 0 ? name[..bracket] : name).Trim();
            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && !NameKey.IsAcronymShape(text) && !names.Contains(text)) names.Add(text);
        }
        return names;
    }

    /// <summary>
    /// Builds the gazetteer from countries.tsv, armed_groups.tsv and organisations.tsv. Readings of one form rank:
    /// countries, armed groups and governments, organisations, then capitals.
    /// </summary>
    public static Gazetteer LoadGazetteer(string directory)
    {
        var forms = new List<(string, GazetteerEntry, MentionKind)>();
        var capitals = new List<(string, GazetteerEntry, MentionKind)>();
        var countriesPath = Path.Combine(directory, LexiconDerivation.CountriesFile);
        var countryRows = TsvFile.Read(countriesPath, CountryRow.Columns).ToList();
        var placeNouns = PlaceNouns(countryRows);
        foreach (var row in countryRows)
        {
            var cca3 = Lexicon.NonEmpty(countriesPath, row, 0);
            if (cca3.Length != 3 || !cca3.All(char.IsAsciiLetterUpper)) throw Lexicon.Bad(countriesPath, row, $"cca3 must be three capital letters, found '{cca3}'");
            var name = Lexicon.NonEmpty(countriesPath, row, 1);
            if (row[6] is not ("yes" or "no")) throw Lexicon.Bad(countriesPath, row, $"independent must be yes or no, found '{row[6]}'");
            // a land of the list with no capital is no country: a continent (Antarctica), an uninhabited island, a city territory
            var country = new GazetteerEntry(name, EntityType.Location, TsvFile.List(row[5]).Count == 0 ? Array.Empty<string>() : new[] { "Country" }, cca3,
                LexiconDerivation.CountriesFile) { Dependent = row[6] == "no" };
            forms.Add((name, country, MentionKind.Name));
            if (row[2].Length > 0) forms.Add((row[2], country, MentionKind.Name));
            foreach (var alt in TsvFile.List(row[3]))
                if (!placeNouns.TryGetValue(alt, out var lands) || PlaceNounOwners(lands, name))
                    forms.Add((alt, country, NameKey.IsAcronymShape(alt) ? MentionKind.Acronym : MentionKind.Name));
            foreach (var demonym in TsvFile.List(row[4]))
            {
                forms.Add((demonym, country, MentionKind.Demonym));
                // "Chadians", "Iraqis": plural demonyms name the people, and still point at the country.
                if (demonym.EndsWith("an", StringComparison.Ordinal) || demonym.EndsWith('i')) forms.Add((demonym + "s", country, MentionKind.Demonym));
            }
            foreach (var capital in TsvFile.List(row[5]))
                capitals.Add((capital, new GazetteerEntry(capital, EntityType.Location, new[] { "City" }, cca3, LexiconDerivation.CountriesFile + " (capital)"), MentionKind.Name));
        }
        // (each actor file read once: the owner acronyms come from the same rows the entries do)
        var actorFiles = new[] { ExtraActorsFile, LexiconDerivation.ArmedGroupsFile, LexiconDerivation.OrganisationsFile }
            .Select(file => (File: file, Path: Path.Combine(directory, file))).Select(f => (f.File, f.Path, Rows: TsvFile.Read(f.Path, ActorRow.Columns))).ToList();
        var ownerAcronyms = OwnerAcronyms(actorFiles.SelectMany(f => f.Rows));
        foreach (var (file, path, rows) in actorFiles) AddActors(forms, path, file, rows, ownerAcronyms);
        AddOwnerSpellings(forms);
        forms.AddRange(capitals);
        return Gazetteer.Build(forms);
    }

    /// <summary>
    /// "Harbour Island", "Cedar Islands": the last word of a land's name of several words is the kind of place it is, a
    /// common noun of English ("island"); a one-word alternative name of another land spelt the same (the native name of
    /// a country written without its accents) is no form of that land, or every capitalised "Island" of a compound
    /// ("the Pacific Island states") would name it. Returns each such last word with the lands whose names end with it.
    /// </summary>
    private static Dictionary<string, HashSet<string>> PlaceNouns(List<TsvRow> countryRows)
    {
        var nouns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in countryRows)
            foreach (var form in new[] { row[1], row[2] }.Concat(TsvFile.List(row[3])))
            {
                int bracket = form.IndexOf('(');
                var words = (bracket > 0 ? form[..bracket] : form).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2) continue;
                if (!nouns.TryGetValue(words[^1], out var lands)) nouns[words[^1]] = lands = new HashSet<string>(StringComparer.Ordinal);
                lands.Add(row[1]);
            }
        return nouns;
    }

    /// <summary>Whether the lands whose names end with a word are only <paramref name="name"/> itself ("Zealand" of "New Zealand").</summary>
    private static bool PlaceNounOwners(HashSet<string> lands, string name) => lands.Count == 1 && lands.Contains(name);

    /// <summary>
    /// "the UN General Assembly" / "the United Nations General Assembly": a body of an international organisation is
    /// named with the organisation's acronym or with its full name before the body's own words, so each known form that
    /// opens with one (an international organisation of the gazetteer with an acronym: "U.N." / "United Nations", "EU" /
    /// "European Union") is also known with the other, for the same entry. Forms of the organisation itself, and forms
    /// that are the acronym alone, are left as they are.
    /// </summary>
    private static void AddOwnerSpellings(List<(string Surface, GazetteerEntry Entry, MentionKind Kind)> forms)
    {
        var owners = new Dictionary<string, (string Acronym, string Name)>(StringComparer.Ordinal); // folded acronym or name -> both
        foreach (var (surface, entry, kind) in forms)
        {
            if (kind != MentionKind.Acronym || entry.Type != EntityType.Organization || !entry.FineTypes.Contains("InternationalOrganization")) continue;
            if (surface.Contains(' ', StringComparison.Ordinal) || entry.Name.Split(' ').Length < 2) continue;
            var pair = (surface, entry.Name);
            owners.TryAdd(NameKey.Fold(surface), pair);
            owners.TryAdd(NameKey.Fold(entry.Name), pair);
        }
        int count = forms.Count;
        for (int f = 0; f < count; f++)
        {
            var (surface, entry, kind) = forms[f];
            if (kind != MentionKind.Name || entry.Type != EntityType.Organization) continue;
            var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // the owner is the first word (an acronym) or the first words (its name), and the body's own words follow
            for (int n = 1; n < words.Length && n <= 6; n++)
            {
                var head = string.Join(' ', words[..n]);
                if (!owners.TryGetValue(NameKey.Fold(head), out var owner)) continue;
                if (NameKey.Fold(owner.Name) == NameKey.Fold(entry.Name)) break; // the organisation itself
                var rest = string.Join(' ', words[n..]);
                bool acronymWritten = NameKey.Fold(head) == NameKey.Fold(owner.Acronym);
                forms.Add(((acronymWritten ? owner.Name : owner.Acronym) + " " + rest, entry, MentionKind.Name));
                break;
            }
        }
    }

    /// <summary>The folded acronyms of the international organisations of the actor lists ("UN", "EU", "NATO").</summary>
    private static HashSet<string> OwnerAcronyms(IEnumerable<TsvRow> actorRows)
    {
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in actorRows)
            if (TsvFile.List(row[2]).Contains("InternationalOrganization"))
                foreach (var acronym in TsvFile.List(row[4])) acronyms.Add(NameKey.Fold(acronym));
        return acronyms;
    }

    /// <summary>"Un General Assembly" -> "UN General Assembly": the derived lists write names in title case (PETRARCH's are in
    /// capitals), so an international organisation's acronym opening a name is written back in capitals.</summary>
    private static string WithOwnerAcronymInCapitals(string name, HashSet<string> ownerAcronyms)
    {
        int space = name.IndexOf(' ');
        if (space <= 1) return name;
        var first = name[..space];
        return first.All(char.IsLetter) && !first.All(char.IsUpper) && ownerAcronyms.Contains(first.ToUpperInvariant()) ? first.ToUpperInvariant() + name[space..] : name;
    }

    private static void AddActors(List<(string, GazetteerEntry, MentionKind)> forms, string path, string file, IReadOnlyList<TsvRow> rows, HashSet<string> ownerAcronyms)
    {
        foreach (var row in rows)
        {
            var name = WithOwnerAcronymInCapitals(Lexicon.NonEmpty(path, row, 0), ownerAcronyms);
            var coarse = Lexicon.Coarse(path, row, 1);
            var fine = TsvFile.List(row[2]);
            var entry = new GazetteerEntry(name, coarse, fine, row[5].Length == 0 ? null : row[5], file);
            forms.Add((name, entry, NameKey.IsAcronymShape(name) ? MentionKind.Acronym : MentionKind.Name));
            foreach (var alias in TsvFile.List(row[3])) forms.Add((alias, entry, MentionKind.Name));
            foreach (var acronym in TsvFile.List(row[4])) forms.Add((acronym, entry, MentionKind.Acronym));
        }
    }
}
