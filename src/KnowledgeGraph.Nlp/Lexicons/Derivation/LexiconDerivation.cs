using System.Globalization;
using System.Text;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>How many rows each derived file got, and what the CAMEO derivation compiled.</summary>
public sealed record DerivationReport(IReadOnlyList<(string File, int Rows)> Files, CameoReport? Cameo = null);

/// <summary>
/// Regenerates the derived gazetteers (countries.tsv, organisations.tsv, armed_groups.tsv, agents.tsv) from the
/// shared source data, deterministically: same sources -> byte-identical files.
/// Also the event lexicon (<see cref="CameoDerivation"/>: cameo_*.tsv from petrarch2/CAMEO.2.0.txt and ../plover/CAMEO2PLOVER-2021.txt).
/// Inputs: <c>gazetteers/</c> (countries, petrarch2, ucdp), the UD English EWT training split beside it (only to know
/// which words are common English), and the hand-written org_keywords.tsv and titles.tsv.
/// </summary>
public static class LexiconDerivation
{
    public const string CountriesFile = "countries.tsv";
    public const string OrganisationsFile = "organisations.tsv";
    public const string ArmedGroupsFile = "armed_groups.tsv";
    public const string AgentsFile = "agents.tsv";
    public const string CommonWordsFile = "common_words.tsv";
    public const string GivenNamesFile = "given_names.tsv";

    /// <param name="gazetteerDir">The shared <c>data/gazetteers</c> folder.</param>
    /// <param name="handWrittenDir">Folder holding org_keywords.tsv and titles.tsv.</param>
    /// <param name="outDir">Where the derived files are written.</param>
    /// <param name="treebankFile">UD EWT training CoNLL-U; default <c>../ud-english-ewt/en_ewt-ud-train.conllu</c> beside the gazetteers.</param>
    public static DerivationReport Derive(string gazetteerDir, string handWrittenDir, string outDir, string? treebankFile = null)
    {
        var countriesJson = Require(Path.Combine(gazetteerDir, "countries", "countries.json"));
        var petrarchDir = Path.Combine(gazetteerDir, "petrarch2");
        var petCountries = Require(Path.Combine(petrarchDir, "Phoenix.Countries.actors.txt"));
        var petInternational = Require(Path.Combine(petrarchDir, "Phoenix.International.actors.txt"));
        var petMilNonState = Require(Path.Combine(petrarchDir, "Phoenix.MilNonState.actors.txt"));
        var petAgents = Require(Path.Combine(petrarchDir, "Phoenix.agents.txt"));
        var ucdp = Require(Path.Combine(gazetteerDir, "ucdp", "ucdp-actor-221.csv"));
        treebankFile ??= Path.Combine(gazetteerDir, "..", "ud-english-ewt", "en_ewt-ud-train.conllu");
        Require(treebankFile);

        var commonWords = CommonWords(treebankFile);
        var orgWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(Path.Combine(handWrittenDir, "org_keywords.tsv"), OrgKeywordLexicon.Columns))
            if (row[1] == "Organization" && !row[0].Contains(' ', StringComparison.Ordinal)) orgWords.Add(row[0].ToLowerInvariant());
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(Path.Combine(handWrittenDir, "titles.tsv"), TitleLexicon.Columns))
            if (row[2] == "yes" && row[3] == "prefix" && !row[0].Contains(' ', StringComparison.Ordinal)) titles.Add(row[0].Replace(".", "", StringComparison.Ordinal).ToLowerInvariant());

        var countries = CountryIndex.Load(countriesJson);
        var countryIndex = new CountryIndex(countries);
        var latin1 = Encoding.Latin1;
        var countryActors = PetrarchReader.ReadActors(petCountries, latin1);
        var internationalActors = PetrarchReader.ReadActors(petInternational, Encoding.UTF8);
        var milActors = PetrarchReader.ReadActors(petMilNonState, Encoding.UTF8);
        var ucdpRows = File.Exists(ucdp) ? ucdp : throw new InvalidOperationException();

        // Acronyms the sources spell out somewhere: "(IRA)" in a name, or a single-word UCDP short name in capitals.
        var hints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in internationalActors.Concat(milActors))
            foreach (var n in a.Aliases.Prepend(a.Name))
                if (ActorDeriver.CleanPetrarch(n) is { } c) foreach (var p in c.ParenAcronyms) hints.Add(p);
        var rules0 = new NameRules(commonWords, orgWords, titles, hints);

        var (ucdpArmed, ucdpGov) = ActorDeriver.FromUcdp(ucdpRows, countryIndex, rules0);
        foreach (var r in ucdpArmed) foreach (var a in r.Acronyms) hints.Add(NameKey.Normalize(a));
        var rules = new NameRules(commonWords, orgWords, titles, hints);

        var countryRows = CountryDeriver.Derive(countries, countryActors, rules, ProperAdjectives(treebankFile));

        string CountryOfCode(string code) => code.Length >= 3 && countryIndex.IsCode(code[..3]) ? code[..3] : "";
        var orgRecords = ActorDeriver.FromPetrarch(internationalActors, "petrarch2:International", 1, code =>
            code.StartsWith("IGO", StringComparison.Ordinal) ? new[] { "InternationalOrganization" }
            : code.StartsWith("NGO", StringComparison.Ordinal) ? new[] { "NonGovernmentalOrganization" }
            : code.StartsWith("MNC", StringComparison.Ordinal) ? new[] { "Company" }
            : code.StartsWith("MED", StringComparison.Ordinal) ? new[] { "MediaOrganization" }
            : null, _ => "", rules);
        var orgRows = ActorDeriver.Merge(orgRecords, "Organization").Select(MarkMissions).ToList();

        var milRecords = ActorDeriver.FromPetrarch(milActors, "petrarch2:MilNonState", 1, _ => new[] { "ArmedGroup" }, CountryOfCode, rules);
        var armedRows = ActorDeriver.Merge(ucdpArmed.Concat(milRecords).ToList(), "Organization");
        var govRows = ActorDeriver.Merge(ucdpGov, "Organization");
        var armedAndGov = armedRows.Concat(govRows).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Country, StringComparer.Ordinal).ToList();

        var agentRows = AgentRows(PetrarchReader.ReadAgents(petAgents));

        var files = new List<(string, int)>();
        TsvFile.Write(Path.Combine(outDir, CountriesFile), new[]
        {
            "source: mledoze/countries (countries.json), short forms from PETRARCH2 Phoenix.Countries.actors.txt; licence: ODbL 1.0 (this derived database stays under ODbL 1.0), PETRARCH2 parts MIT",
            "derived by `kg lexicons`; do not edit by hand. Lists are '|'-separated.",
        }, CountryRow.Columns, countryRows.Select(r => r.ToCells()));
        files.Add((CountriesFile, countryRows.Count));
        TsvFile.Write(Path.Combine(outDir, OrganisationsFile), new[]
        {
            "source: PETRARCH2/Phoenix dictionaries, Phoenix.International.actors.txt (Open Event Data Alliance); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. Lists are '|'-separated.",
        }, ActorRow.Columns, orgRows.Select(r => r.ToCells()));
        files.Add((OrganisationsFile, orgRows.Count));
        TsvFile.Write(Path.Combine(outDir, ArmedGroupsFile), new[]
        {
            "source: UCDP Actor Dataset v22.1 (Uppsala Conflict Data Program, CC BY 4.0) and PETRARCH2/Phoenix Phoenix.MilNonState.actors.txt (MIT); licence: CC BY 4.0 (credit UCDP), MIT",
            "derived by `kg lexicons`; do not edit by hand. Governments come from UCDP 'Government of X' actors. Lists are '|'-separated.",
        }, ActorRow.Columns, armedAndGov.Select(r => r.ToCells()));
        files.Add((ArmedGroupsFile, armedAndGov.Count));
        TsvFile.Write(Path.Combine(outDir, AgentsFile), new[]
        {
            "source: PETRARCH2/Phoenix dictionaries, Phoenix.agents.txt (Open Event Data Alliance); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. code is the full CAMEO agent code, primary its first three letters.",
        }, AgentLexicon.Columns, agentRows);
        files.Add((AgentsFile, agentRows.Count));
        var givenNames = GivenNames(countryActors.Concat(internationalActors).Concat(milActors), commonWords, titles);
        TsvFile.Write(Path.Combine(outDir, GivenNamesFile), new[]
        {
            "source: PETRARCH2/Phoenix dictionaries (Phoenix.Countries, International and MilNonState actors, Open Event Data Alliance); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. The first word of the names of people (actors coded only with date ranges, 2 to 4 words) that opens at least two such names, more often first than later in one, is no title and no common English word (UD EWT): a name of 2-4 capitalised words opening with one names a person.",
        }, new[] { "name" }, givenNames.Select(w => (IReadOnlyList<string>)new[] { w }));
        files.Add((GivenNamesFile, givenNames.Count));
        var common = CommonLowercaseWords(treebankFile);
        TsvFile.Write(Path.Combine(outDir, CommonWordsFile), new[]
        {
            "source: Universal Dependencies English Web Treebank v2.16, training split; licence: CC BY-SA 4.0 (this derived list too)",
            "derived by `kg lexicons`; do not edit by hand. Words written in lower case at least 3 times and more often in lower case than as proper nouns: a one-word name made of such a word is no name.",
        }, new[] { "word" }, common.Select(w => (IReadOnlyList<string>)new[] { w }));
        files.Add((CommonWordsFile, common.Count));
        var cameo = CameoDerivation.Derive(Require(Path.Combine(petrarchDir, "CAMEO.2.0.txt")),
            Require(Path.Combine(gazetteerDir, "..", "plover", "CAMEO2PLOVER-2021.txt")), outDir);
        files.AddRange(cameo.Files);
        return new DerivationReport(files, cameo);
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new UserErrorException($"{path}: source file not found (is --data the shared data/gazetteers folder?)");

    private static ActorRow MarkMissions(ActorRow r)
    {
        if (!r.FineTypes.Contains("InternationalOrganization")) return r;
        bool mission = r.Aliases.Prepend(r.Name).Any(n => NameKey.Words(n).Any(w => w is "Mission" or "Peacekeeping" or "Peacekeepers"));
        return mission ? r with { FineTypes = r.FineTypes.Append("PeacekeepingMission").Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList() } : r;
    }

    /// <summary>
    /// Given names from the dictionaries' people (an actor whose every code has a date range is an office holder, a person):
    /// the first word of a name of two to four words, seen first in at least two names and more often first than later in
    /// one ("Kim", a family name written first, stays; "Al", "El" and other name particles are too short), that is no
    /// prefix title ("Sheikh") and no ordinary English word ("Will", "Mark"); title case, sorted ordinally.
    /// </summary>
    internal static List<string> GivenNames(IEnumerable<PetrarchActor> actors, IReadOnlySet<string> commonWords, IReadOnlySet<string> titles)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in actors)
        {
            if (a.Codes.Count == 0 || !a.Codes.All(c => c.Dated) || !seen.Add(a.Name)) continue;
            var words = a.Name.Split('_', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 4 || !words.All(w => w.All(char.IsAsciiLetterUpper))) continue;
            first[words[0]] = first.GetValueOrDefault(words[0]) + 1;
            foreach (var w in words.Skip(1)) later[w] = later.GetValueOrDefault(w) + 1;
        }
        return first.Where(kv => kv.Key.Length >= 3 && kv.Value >= 2 && kv.Value > later.GetValueOrDefault(kv.Key))
            .Select(kv => kv.Key.ToLowerInvariant())
            .Where(w => !commonWords.Contains(w) && !titles.Contains(w))
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]).OrderBy(w => w, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lowercase words seen at least 3 times in lower case and more often so than as a proper noun, sorted ordinally.</summary>
    internal static List<string> CommonLowercaseWords(string conllu)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var proper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(conllu, Encoding.UTF8))
        {
            if (line.Length == 0 || !char.IsAsciiDigit(line[0])) continue;
            var cols = line.Split('\t');
            if (cols.Length < 4 || cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal)) continue;
            var w = cols[1];
            if (cols[3] == "PROPN") { var k = w.ToLowerInvariant(); proper[k] = proper.GetValueOrDefault(k) + 1; }
            else if (w.Length > 0 && w.All(char.IsAsciiLetterLower)) lower[w] = lower.GetValueOrDefault(w) + 1;
        }
        return lower.Where(kv => kv.Value >= 3 && kv.Value > proper.GetValueOrDefault(kv.Key)).Select(kv => kv.Key)
            .OrderBy(w => w, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adjectives the treebank writes capitalised inside a sentence (not its first word): "Philippine", "Bosnian".</summary>
    internal static HashSet<string> ProperAdjectives(string conllu)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(conllu, Encoding.UTF8))
        {
            if (line.Length == 0 || !char.IsAsciiDigit(line[0])) continue;
            var cols = line.Split('\t');
            if (cols.Length < 4 || cols[0] == "1" || cols[3] != "ADJ" || cols[1].Length < 3 || !char.IsUpper(cols[1][0]) || !cols[1][1..].All(char.IsLower)) continue;
            words.Add(cols[1]);
        }
        return words;
    }

    /// <summary>Lowercase word forms seen at least twice in lowercase in the treebank: "army", "state", "the".</summary>
    internal static HashSet<string> CommonWords(string conllu)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(conllu, Encoding.UTF8))
        {
            if (line.Length == 0 || !char.IsAsciiDigit(line[0])) continue;
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal)) continue;
            var w = cols[1];
            if (w.Length == 0 || !w.All(char.IsAsciiLetterLower)) continue;
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        return counts.Where(kv => kv.Value >= 2).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static List<IReadOnlyList<string>> AgentRows(IReadOnlyList<PetrarchAgent> agents)
    {
        var rows = new SortedSet<(string Form, string Lemma, string Code)>();
        foreach (var a in agents)
        {
            var lemma = Clean(a.Phrase);
            if (lemma is null) continue;
            rows.Add((lemma, lemma, a.Code));
            if (a.Plural is { } p)
            {
                var plural = p.Length == 0 ? Pluralise(lemma) : Clean(p);
                if (plural is not null && plural != lemma) rows.Add((plural, lemma, a.Code));
            }
        }
        return rows.Select(r => (IReadOnlyList<string>)new[] { r.Form, r.Lemma, r.Code, r.Code[..3] }).ToList();
    }

    private static string? Clean(string phrase)
    {
        var s = phrase.Replace('_', ' ').Trim().ToLowerInvariant();
        while (s.Contains("  ", StringComparison.Ordinal)) s = s.Replace("  ", " ", StringComparison.Ordinal);
        if (s.Length < 2 || !s.All(c => char.IsAsciiLetterLower(c) || c is ' ' or '-' or '\'' or '.')) return null;
        return s;
    }

    /// <summary>English regular plural of the last word ("rebel" -> "rebels", "militia" -> "militias", "authority" -> "authorities").</summary>
    internal static string Pluralise(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        var head = phrase[..(sp + 1)];
        var w = phrase[(sp + 1)..];
        if (w.EndsWith("man", StringComparison.Ordinal)) return head + w[..^3] + "men";
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal)) return head + w + "es";
        if (w.Length > 1 && w.EndsWith('y') && !"aeiou".Contains(w[^2], StringComparison.Ordinal)) return head + w[..^1] + "ies";
        return head + w + "s";
    }

    internal static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
