using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Core;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// Real articles on other topics than the seed (the re3d development documents: CENTCOM press releases and US State
/// Department statements on the Syria/Iraq conflict), read from the shared data at test time and built in one run.
/// The assertions are what a user opening the graph would notice: junk nodes, and frequent people, organisations
/// and places that are missing.
/// </summary>
public sealed partial class RealTextTests
{
    private static readonly string[] Sources = { "CENTCOM", "US State Department" };

    private sealed record GoldDocument(string Source, string ReId, string Title, string DocId, Dictionary<string, int> Frequent);

    private readonly List<GoldDocument> _docs = new();
    private GraphSnapshot _graph = GraphSnapshot.Empty;
    private string? _data;

    [OneTimeSetUp]
    public void BuildRe3d()
    {
        _data = DataPaths.FindSharedData();
        var re3d = _data is null ? null : Path.Combine(_data, "re3d-dev");
        if (re3d is null || Sources.Any(s => !File.Exists(Path.Combine(re3d, s, "documents.json"))))
            Assert.Ignore("shared data with re3d-dev/{CENTCOM,US State Department} not found; set KG_SHARED_DATA to run these tests");

        var dir = CliRunner.TempDir();
        var jsonl = Path.Combine(dir, "re3d.jsonl");
        using (var w = new StreamWriter(jsonl, false, new UTF8Encoding(false)))
        {
            foreach (var source in Sources)
            {
                var gold = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
                foreach (var e in JsonLines(Path.Combine(re3d!, source, "entities.json")))
                {
                    if ((double)e["confidence"]! <= 0 || (string)e["type"]! is not ("Person" or "Organisation" or "Location")) continue;
                    var value = (string)e["value"]!;
                    if (!IsProperName(value)) continue;
                    var counts = gold.TryGetValue((string)e["documentId"]!, out var c) ? c : gold[(string)e["documentId"]!] = new(StringComparer.Ordinal);
                    counts[Key(value)] = counts.GetValueOrDefault(Key(value)) + 1;
                }
                foreach (var d in JsonLines(Path.Combine(re3d!, source, "documents.json")))
                {
                    var text = (string)d["text"]!;
                    var id = (string)d["_id"]!;
                    w.WriteLine(new JObject { ["text"] = text, ["title"] = d["title"], ["url"] = d["sourceUrl"] }.ToString(Newtonsoft.Json.Formatting.None));
                    _docs.Add(new GoldDocument(source, id, (string)d["title"]!, Document.ComputeId(text), gold.GetValueOrDefault(id) ?? new()));
                }
            }
        }
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", jsonl, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        _graph = ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl"));
    }

    private static IEnumerable<JObject> JsonLines(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JObject.Parse(l.TrimStart('\uFEFF')));

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "and", "for", "al", "de", "bin", "ibn", "in", "on" };
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "i", "we", "us", "he", "she", "it", "they", "them", "you", "our", "his", "her", "their", "its" };

    /// <summary>Gold mentions that a name-based graph can be asked to find: every word capitalised (bar connectors), no pronouns.</summary>
    private static bool IsProperName(string value)
    {
        var words = value.Split(new[] { ' ', '-' }, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count > 0 && !Pronouns.Contains(value.Trim())
            && words.All(w => char.IsUpper(w.First(char.IsLetter)) || Connectors.Contains(w.ToLowerInvariant()));
    }

    /// <summary>"The United States" = "united states", "Da'esh's" = "da esh": lower case, no leading "the", no possessive, only letters and digits.</summary>
    private static string Key(string name)
    {
        var s = name.Replace('\u2019', '\'').Trim().ToLowerInvariant();
        if (s.StartsWith("the ", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("'s", StringComparison.Ordinal)) s = s[..^2];
        return NonAlphanumeric().Replace(s, " ").Trim();
    }

    [GeneratedRegex("[^\\p{L}\\p{N}]+")]
    private static partial Regex NonAlphanumeric();

    private IEnumerable<GraphNode> Entities => _graph.Nodes.Where(n => n.Labels.Contains("Entity"));

    /// <summary>The names a user would find a document's entities under: names, aliases, and a person's surname.</summary>
    private HashSet<string> FoundIn(string docId)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _graph.Edges.Where(e => e.Type == "MENTIONS" && e.StartId == docId))
        {
            var n = _graph.Node(e.EndId)!;
            keys.Add(Key(n.Name!));
            foreach (var a in (IReadOnlyList<string>)n["aliases"]!) keys.Add(Key(a));
            if (n.Labels.Contains("Person")) keys.Add(Key(n.Name!).Split(' ')[^1]);
        }
        return keys;
    }

    [Test]
    public void EveryArticleIsInTheGraphAndMentionsSomething()
    {
        Assert.That(_docs.Select(d => d.Source).Distinct(), Is.EquivalentTo(Sources));
        var documents = _graph.Nodes.Where(n => n.Labels.Contains("Document")).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.That(documents, Is.EquivalentTo(_docs.Select(d => d.DocId).Distinct()));
        var silent = _docs.Where(d => !_graph.Edges.Any(e => e.Type == "MENTIONS" && e.StartId == d.DocId)).Select(d => d.Title).ToList();
        Assert.That(silent, Is.Empty, "articles with no entity at all");
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year",
        "last", "next", "this", "of", "the", "on", "in", "early", "late", "mid",
    };

    [Test]
    public void NoNodeIsADateANumberOrASentenceFragment()
    {
        var bad = new List<string>();
        foreach (var n in Entities)
        {
            var name = n.Name!;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var letters = words.Select(w => new string(w.Where(char.IsLetter).ToArray())).Where(w => w.Length > 0).ToList();
            if (letters.Count == 0) bad.Add($"{name} (a number)");
            else if (letters.All(TimeWords.Contains)) bad.Add($"{name} (a date or time)");
            else if (words.Length > 8) bad.Add($"{name} (a fragment of {words.Length} words)");
            // a unit's ordinal ("3rd Battalion") is no word: the first word that starts with a letter decides
            else if (words.FirstOrDefault(w => char.IsLetter(w[0])) is not { } head || !char.IsUpper(head[0]) && !name.StartsWith("al-", StringComparison.Ordinal)) bad.Add($"{name} (not a name: lower case)");
        }
        Assert.That(bad, Is.Empty);
    }

    [Test]
    public void NoNodeIsALoneCommonWord()
    {
        // A common word is one the treebank writes in lower case more often than as a proper noun ("group", "minister", "signs").
        var ewt = _data is null ? null : Path.Combine(_data, "ud-english-ewt", "en_ewt-ud-train.conllu");
        if (ewt is null || !File.Exists(ewt)) Assert.Ignore("shared data ud-english-ewt not found");
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var proper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ewt!))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 4 || !cols[0].All(char.IsDigit)) continue;
            var w = cols[1];
            if (cols[3] == "PROPN") proper[w.ToLowerInvariant()] = proper.GetValueOrDefault(w.ToLowerInvariant()) + 1;
            else if (w.All(c => !char.IsUpper(c))) lower[w] = lower.GetValueOrDefault(w) + 1;
        }
        // a generic actor (label Agent: "Civilians", "Peruvian police") is named by its agent noun on purpose (README data contract)
        var common = Entities.Where(n => !n.Labels.Contains("Agent")).Select(n => n.Name!)
            .Where(name => !name.Contains(' ', StringComparison.Ordinal) && name.Any(char.IsLower)) // one word, not an acronym
            .Where(name => lower.GetValueOrDefault(name.ToLowerInvariant()) is var l && l >= 3 && l > proper.GetValueOrDefault(name.ToLowerInvariant()))
            .ToList();
        Assert.That(common, Is.Empty, "one-word nodes that are common English words");
    }

    /// <summary>Found / asked, over the gold entities a document names at least <paramref name="minCount"/> times, and the misses.</summary>
    private (int Found, int Total, List<string> Missed) Recall(IEnumerable<GoldDocument> docs, int minCount)
    {
        int found = 0, total = 0;
        var missed = new List<string>();
        foreach (var d in docs)
        {
            var keys = FoundIn(d.DocId);
            foreach (var (k, c) in d.Frequent.Where(kv => kv.Value >= minCount).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                total++;
                if (keys.Contains(k)) found++;
                else missed.Add($"{k} x{c} ({d.Source}: {d.Title})");
            }
        }
        return (found, total, missed);
    }

    [Test]
    public void MostFrequentPeopleOrganisationsAndPlacesAreNodes()
    {
        // Measured on the development split when this test was written: 21 of 49 (43%) of the gold names a document uses
        // three times or more are nodes the document MENTIONS; the floor keeps that from getting worse.
        var (found, total, missed) = Recall(_docs, 3);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"found {found} of {total} gold entities named >= 3 times in a document"));
        foreach (var m in missed) TestContext.Out.WriteLine("  missed: " + m);
        Assert.That(total, Is.GreaterThanOrEqualTo(40), "the gold data has frequent entities to ask for");
        Assert.That(found / (double)total, Is.GreaterThanOrEqualTo(0.40), string.Join("; ", missed));

        // In each source, at least three articles have their most frequent named entity in the graph.
        foreach (var source in Sources)
        {
            var hits = _docs.Where(d => d.Source == source && d.Frequent.Count > 0)
                .Count(d => FoundIn(d.DocId).Contains(d.Frequent.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key));
            Assert.That(hits, Is.GreaterThanOrEqualTo(3), source);
        }
    }

    [Test]
    [Ignore("known gap: ISIL, Daesh and Da'esh (the Islamic State) are not in the gazetteers, non-capital cities such as Mosul and Raqqa are not found, and NAVCENT and CTF 50 are not tied to their expansions")]
    public void FrequentEntitiesAreFoundWithHighRecall()
    {
        var (found, total, missed) = Recall(_docs, 3);
        Assert.That(found / (double)total, Is.GreaterThanOrEqualTo(0.8), string.Join("; ", missed));
    }
}
