using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Lexicons;

namespace KnowledgeGraph.Graph;

/// <summary>
/// What the graph's cross-article joins know from the pipeline's lexicons, read from the same resource folder as the
/// pipeline (<c>--resources DIR</c>: <c>DIR/lexicons</c>; default the program's <c>resources/lexicons</c>), so that a
/// country, capital or agent word a user adds is known to the joins as it is to the recogniser. Loaded once per run;
/// immutable, safe to share between builders and threads.
/// </summary>
public sealed class GraphLexicons
{
    /// <summary>The lexicon files the graph reads, below the resource folder's <c>lexicons/</c>.</summary>
    public static readonly IReadOnlyList<string> Files = new[] { CountriesFile, UsStatesFile, AgentsFile, TitlesFile, GivenNamesFile, OrgKeywordsFile, CommonWordsFile };

    private const string CountriesFile = "countries.tsv", UsStatesFile = "us_states.tsv", AgentsFile = "agents.tsv", TitlesFile = "titles.tsv",
        GivenNamesFile = "given_names.tsv", OrgKeywordsFile = "org_keywords.tsv", CommonWordsFile = "common_words.tsv";

    private static readonly Lazy<GraphLexicons> ShippedLexicons = new(() => Load(null));

    /// <summary>The program's resource folder: <c>AppContext.BaseDirectory/resources</c> (what <c>--resources</c> replaces).</summary>
    public static string DefaultResourcesDirectory => Path.Combine(AppContext.BaseDirectory, "resources");

    /// <summary>The shipped lexicons (<see cref="DefaultResourcesDirectory"/>), read once.</summary>
    public static GraphLexicons Shipped => ShippedLexicons.Value;

    /// <summary>The lexicon folder these were read from.</summary>
    public string Directory { get; }

    /// <summary>A hash of the files read (name and bytes, in <see cref="Files"/> order; a missing us_states.tsv counts as
    /// missing): a shard records it, and <c>kg merge</c> refuses a resource folder whose lexicons are not the shards'.</summary>
    public string Fingerprint { get; }

    /// <summary>A country's name (countries.tsv's name column) -> its capitals.</summary>
    public FrozenDictionary<string, FrozenSet<string>> Capitals { get; }

    /// <summary>The states of the United States (us_states.tsv; none when the folder has no such file, as for the pipeline).</summary>
    public FrozenSet<string> UsStates { get; }

    /// <summary>Lower-case one-word nouns of people who serve the state, singular and plural as the lexicons list them:
    /// agents.tsv's state agents and the titles titles.tsv writes before a person's name.</summary>
    public FrozenSet<string> Servers { get; }

    /// <summary>A country's name (countries.tsv's name column) -> its demonyms ("Lithuania" -> "Lithuanian").</summary>
    public FrozenDictionary<string, FrozenSet<string>> Demonyms { get; }

    /// <summary>Every name of a country and its demonyms (countries.tsv: name, official name, alternatives, demonyms).</summary>
    public FrozenSet<string> CountryWords { get; }

    /// <summary>Each of <see cref="CountryWords"/> that names one country only -> that country's name (countries.tsv's name
    /// column): "Kessan" -> "Kessland"; a word of two countries ("Congolese") is left out.</summary>
    public FrozenDictionary<string, string> CountryOf { get; }

    /// <summary>Given names of people (given_names.tsv, derived from PETRARCH's people; none when the folder has no such
    /// file, as for the pipeline).</summary>
    public FrozenSet<string> GivenNames { get; }

    /// <summary>Titles of persons that titles.tsv writes before a name, lower case: one-word titles ("minister",
    /// "councillor") and the initials of titles of two words or more ("vm" of "Vice Minister", "dpm" of "Deputy Prime
    /// Minister"), for a title glued to a name (<see cref="GraphBuilder"/>'s short forms of a person).</summary>
    public FrozenSet<string> TitleWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The initials of titles.tsv's titles of two words or more written before a name, lower case ("vm", "dpm").</summary>
    public FrozenSet<string> TitleInitials { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The words of org_keywords.tsv's heads of an agreement's or a meeting's name (its Event rows of fine type
    /// Agreement or Meeting), lower case, "of" left out: "memorandum", "declaration", "summit", "meeting", "ministerial"
    /// (none when the folder has no such file).</summary>
    public FrozenSet<string> AccordKinds { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words of English written in lower case (common_words.tsv, from the UD English Web Treebank; none when the
    /// folder has no such file).</summary>
    public FrozenSet<string> CommonWords { get; private init; } = FrozenSet<string>.Empty;

    private GraphLexicons(string directory, string fingerprint, FrozenDictionary<string, FrozenSet<string>> capitals, FrozenSet<string> usStates,
        FrozenSet<string> servers, FrozenDictionary<string, FrozenSet<string>> demonyms, FrozenSet<string> givenNames, FrozenSet<string> countryWords,
        FrozenDictionary<string, string> countryOf)
    {
        CountryWords = countryWords;
        CountryOf = countryOf;
        GivenNames = givenNames;
        Demonyms = demonyms;
        Directory = directory;
        Fingerprint = fingerprint;
        Capitals = capitals;
        UsStates = usStates;
        Servers = servers;
    }

    /// <summary>Reads the lexicons of the resource folder <paramref name="resourcesDirectory"/> (its <c>lexicons/</c>;
    /// default <see cref="DefaultResourcesDirectory"/>).</summary>
    /// <exception cref="ModelLoadException">A file is missing or malformed (the message names it, on one line).</exception>
    public static GraphLexicons Load(string? resourcesDirectory)
    {
        var dir = Path.GetFullPath(Path.Combine(resourcesDirectory ?? DefaultResourcesDirectory, "lexicons"));
        if (!System.IO.Directory.Exists(dir)) throw new ModelLoadException(dir, "lexicon folder not found");
        string P(string file) => Path.Combine(dir, file);

        var capitals = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var countryWords = new HashSet<string>(StringComparer.Ordinal);
        var countryOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(P(CountriesFile), LexiconFormats.CountryColumns))
        {
            foreach (var word in TsvFile.List(row[3]).Concat(TsvFile.List(row[4])).Append(row[1]).Append(row[2]).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal))
                countryOf[word] = countryOf.TryGetValue(word, out var was) && was != row[1] ? null : row[1];
            foreach (var capital in TsvFile.List(row[5]))
            {
                if (!capitals.TryGetValue(row[1], out var set)) capitals[row[1]] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(capital);
            }
            countryWords.Add(row[1]);
            if (row[2].Length > 0) countryWords.Add(row[2]);
            countryWords.UnionWith(TsvFile.List(row[3]));
            var rowDemonyms = TsvFile.List(row[4]);
            countryWords.UnionWith(rowDemonyms);
            foreach (var demonym in rowDemonyms)
            {
                if (!demonyms.TryGetValue(row[1], out var set)) demonyms[row[1]] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(demonym);
            }
        }
        // the pipeline reads us_states.tsv when the folder has one (LexiconSet): so do the joins
        var states = File.Exists(P(UsStatesFile))
            ? TsvFile.Read(P(UsStatesFile), LexiconFormats.UsStateColumns).Select(row => row[0]).Where(s => s.Length > 0).ToFrozenSet(StringComparer.Ordinal)
            : FrozenSet<string>.Empty;
        var givenNames = File.Exists(P(GivenNamesFile))
            ? TsvFile.Read(P(GivenNamesFile), new[] { "name" }).Select(row => row[0]).ToFrozenSet(StringComparer.Ordinal)
            : FrozenSet<string>.Empty;
        var servers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(P(AgentsFile), LexiconFormats.AgentColumns))
            if (LexiconFormats.StateAgentCodes.Contains(row[3]) && !row[0].Contains(' ', StringComparison.Ordinal)) servers.Add(row[0]);
        var titleWords = new HashSet<string>(StringComparer.Ordinal);
        var titleInitials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(P(TitlesFile), LexiconFormats.TitleColumns))
        {
            if (row[2] != "yes" || row[3] is not ("prefix" or "both")) continue;
            if (row[0].All(char.IsLetter)) servers.Add(row[0].ToLowerInvariant());
            var words = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 1 && words[0].All(char.IsLetter)) titleWords.Add(words[0].ToLowerInvariant());
            else if (words.Length >= 2 && words.All(w => w.All(char.IsLetter) && char.IsUpper(w[0])))
                titleInitials.Add(string.Concat(words.Select(w => char.ToLowerInvariant(w[0]))));
        }
        var accordKinds = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(P(OrgKeywordsFile)))
            foreach (var row in TsvFile.Read(P(OrgKeywordsFile), new[] { "word", "coarse", "fine_type", "position" }))
                if (row[1] == "Event" && row[2] is "Agreement" or "Meeting")
                    foreach (var word in row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if (word != "of") accordKinds.Add(word.ToLowerInvariant());
        var commonWords = File.Exists(P(CommonWordsFile))
            ? TsvFile.Read(P(CommonWordsFile), new[] { "word" }).Select(row => row[0]).ToFrozenSet(StringComparer.Ordinal)
            : FrozenSet<string>.Empty;
        return new GraphLexicons(dir, FingerprintOf(dir), capitals.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            states, servers.ToFrozenSet(StringComparer.Ordinal),
            demonyms.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal), givenNames,
            countryWords.ToFrozenSet(StringComparer.Ordinal),
            countryOf.Where(kv => kv.Value is not null).ToFrozenDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal))
        {
            TitleWords = titleWords.ToFrozenSet(StringComparer.Ordinal),
            TitleInitials = titleInitials.ToFrozenSet(StringComparer.Ordinal),
            AccordKinds = accordKinds.ToFrozenSet(StringComparer.Ordinal),
            CommonWords = commonWords,
        };
    }

    private static string FingerprintOf(string dir)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            var path = Path.Combine(dir, file);
            h.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            h.AppendData(File.Exists(path) ? SHA256.HashData(File.ReadAllBytes(path)) : Encoding.UTF8.GetBytes("missing\n"));
        }
        return Convert.ToHexStringLower(h.GetHashAndReset())[..16];
    }
}
