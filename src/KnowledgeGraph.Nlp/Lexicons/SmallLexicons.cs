using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>Where a title or role word goes: before a name ("Maj. Gen. X"), as a role noun ("X, an analyst"), or both; or
/// after a name only, as post-nominal letters ("Ana Ruiz T.D.").</summary>
public enum TitleUsage { Prefix, Noun, Both, After }

/// <summary>A title or role: its written form, normalised role ("major general"), whether it implies a person.</summary>
public sealed record TitleEntry(string Form, string Role, bool ImpliesPerson, TitleUsage Usage)
{
    public bool PrecedesNames => Usage is TitleUsage.Prefix or TitleUsage.Both;
    public bool IsRoleNoun => Usage is TitleUsage.Noun or TitleUsage.Both;
}

/// <summary>titles.tsv: honorifics, titles and role nouns.</summary>
public sealed class TitleLexicon
{
    public static readonly string[] Columns = LexiconFormats.TitleColumns;
    private readonly PhraseIndex<TitleEntry> _index;

    public TitleLexicon(IReadOnlyList<TitleEntry> entries) { Entries = entries; _index = new PhraseIndex<TitleEntry>(entries.Select(e => (e.Form, e))); }

    public IReadOnlyList<TitleEntry> Entries { get; }

    /// <summary>Readings of a phrase ("Gen.", "foreign minister"), case-insensitive.</summary>
    public IReadOnlyList<TitleEntry> Lookup(string phrase)
    {
        var found = _index.Lookup(phrase);
        return found.Count > 0 || phrase.Contains(' ') ? found : Hyphenated(phrase) ?? found;
    }

    /// <summary>Longest title at <paramref name="start"/> ("Maj. Gen." over "Maj."); Length 0 when none.</summary>
    public (int Length, IReadOnlyList<TitleEntry> Entries) LongestMatchAt(IReadOnlyList<string> tokens, int start)
    {
        var m = _index.LongestMatchAt(tokens, start);
        return m.Length == 0 && start < tokens.Count && Hyphenated(tokens[start]) is { } h ? (1, h) : m;
    }

    /// <summary>
    /// "Commissioner-General", "Inspector-General", "Deputy-Commander": one capitalised word that joins a
    /// person's title put before names (of this lexicon) and "General" with a hyphen, or "Vice"/"Deputy" and such a title, is
    /// a person's title too, before names and alone (title44; the closed class of English title compounds, no list of the
    /// data's words); null when the word is none. Allocates only for such a word the lexicon does not list.
    /// </summary>
    private IReadOnlyList<TitleEntry>? Hyphenated(string w)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0 || dash >= w.Length - 2 || w.IndexOf('-', dash + 1) >= 0 || !char.IsUpper(w[0]) || !char.IsUpper(w[dash + 1])) return null;
        string a = w[..dash], b = w[(dash + 1)..];
        string? head = b == "General" ? a : a is "Vice" or "Deputy" ? b : null;
        if (head is null || !_index.Lookup(head).Any(e => e.ImpliesPerson && e.PrecedesNames)) return null;
        return new[] { new TitleEntry(w, w.ToLowerInvariant(), true, TitleUsage.Both) };
    }

    /// <summary>Most words in any title.</summary>
    public int MaxWords => _index.MaxWords;

    /// <summary>True when the phrase is a title that can stand before a name.</summary>
    public bool IsPrefixTitle(string phrase) => Lookup(phrase).Any(e => e.PrecedesNames);

    /// <summary>True when the phrase is a role noun used in appositions ("editor", "spokesman").</summary>
    public bool IsRoleNoun(string phrase) => Lookup(phrase).Any(e => e.IsRoleNoun);

    public static TitleLexicon Load(string path)
    {
        var list = new List<TitleEntry>();
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var person = Lexicon.YesNo(path, row, 2);
            var usage = row[3] switch
            {
                "prefix" => TitleUsage.Prefix,
                "noun" => TitleUsage.Noun,
                "both" => TitleUsage.Both,
                "after" => TitleUsage.After,
                _ => throw Lexicon.Bad(path, row, $"usage must be prefix, noun, both or after, found '{row[3]}'"),
            };
            list.Add(new TitleEntry(Lexicon.NonEmpty(path, row, 0), Lexicon.NonEmpty(path, row, 1), person, usage));
        }
        return new TitleLexicon(list);
    }
}

/// <summary>An abbreviation with a final dot that normally does not end a sentence; <see cref="CanEndSentence"/> when it often does ("U.S.", "etc.", "Inc.").</summary>
public sealed record AbbreviationEntry(string Form, bool CanEndSentence, string Expansion);

/// <summary>abbreviations.tsv: case-sensitive ("No." is an abbreviation, "no." is not).</summary>
public sealed class AbbreviationLexicon
{
    public static readonly string[] Columns = { "form", "can_end_sentence", "expansion" };
    private readonly Dictionary<string, AbbreviationEntry> _byForm;

    public AbbreviationLexicon(IReadOnlyList<AbbreviationEntry> entries)
    {
        Entries = entries;
        _byForm = new Dictionary<string, AbbreviationEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _byForm.TryAdd(e.Form, e);
    }

    public IReadOnlyList<AbbreviationEntry> Entries { get; }

    /// <summary>The entry for a token written with its dot ("Gen.", "U.N."), or null.</summary>
    public AbbreviationEntry? Find(string token) =>
        _byForm.TryGetValue(token.Replace('\u2019', '\''), out var e) ? e : null;

    public bool IsAbbreviation(string token) => Find(token) is not null;

    public static AbbreviationLexicon Load(string path)
    {
        var list = new List<AbbreviationEntry>();
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var form = Lexicon.NonEmpty(path, row, 0);
            if (!form.EndsWith('.')) throw Lexicon.Bad(path, row, $"abbreviation '{form}' must end with a dot");
            list.Add(new AbbreviationEntry(form, Lexicon.YesNo(path, row, 1), row[2]));
        }
        return new AbbreviationLexicon(list);
    }
}

/// <summary>A head noun of a definite description ("the junta") and the entities it can refer to.</summary>
public sealed record DescriptorEntry(string Word, string Lemma, EntityType Type, IReadOnlyList<string> FineTypes);

/// <summary>descriptors.tsv: "junta" -> Organization/Government, "force" -> Organization/ArmedForces|PeacekeepingMission ...</summary>
public sealed class DescriptorLexicon
{
    public static readonly string[] Columns = { "word", "lemma", "coarse", "fine_types" };
    private readonly PhraseIndex<DescriptorEntry> _index;

    public DescriptorLexicon(IReadOnlyList<DescriptorEntry> entries) { Entries = entries; _index = new PhraseIndex<DescriptorEntry>(entries.Select(e => (e.Word, e))); }

    public IReadOnlyList<DescriptorEntry> Entries { get; }

    /// <summary>Readings of a head noun or compound ("junta", "rebels", "peacekeeping force"), case-insensitive.</summary>
    public IReadOnlyList<DescriptorEntry> Lookup(string word) => _index.Lookup(word);

    public (int Length, IReadOnlyList<DescriptorEntry> Entries) LongestMatchAt(IReadOnlyList<string> tokens, int start) => _index.LongestMatchAt(tokens, start);

    public static DescriptorLexicon Load(string path)
    {
        var list = new List<DescriptorEntry>();
        foreach (var row in TsvFile.Read(path, Columns))
            list.Add(new DescriptorEntry(Lexicon.NonEmpty(path, row, 0), Lexicon.NonEmpty(path, row, 1), Lexicon.Coarse(path, row, 2), TsvFile.List(row[3])));
        return new DescriptorLexicon(list);
    }
}

/// <summary>Whether a keyword heads a name from the end ("Abu Sayyaf Group") or from the start ("Operation Desert Storm").</summary>
public enum KeywordPosition { Suffix, Prefix }

/// <summary>A word that makes a capitalised phrase a named entity of a type.</summary>
public sealed record OrgKeyword(string Word, EntityType Type, string? FineType, KeywordPosition Position);

/// <summary>org_keywords.tsv: organisation, location and event head words.</summary>
public sealed class OrgKeywordLexicon
{
    public static readonly string[] Columns = { "word", "coarse", "fine_type", "position" };
    private readonly PhraseIndex<OrgKeyword> _index;
    // the readings at each position, indexed apart: a lookup by position makes no list (it is asked for every word of
    // every capitalised run)
    private readonly PhraseIndex<OrgKeyword> _suffixes, _prefixes;

    public OrgKeywordLexicon(IReadOnlyList<OrgKeyword> entries)
    {
        Entries = entries;
        _index = new PhraseIndex<OrgKeyword>(entries.Select(e => (e.Word, e)));
        _suffixes = new PhraseIndex<OrgKeyword>(entries.Where(e => e.Position == KeywordPosition.Suffix).Select(e => (e.Word, e)));
        _prefixes = new PhraseIndex<OrgKeyword>(entries.Where(e => e.Position == KeywordPosition.Prefix).Select(e => (e.Word, e)));
    }

    public IReadOnlyList<OrgKeyword> Entries { get; }

    /// <summary>Readings of a keyword ("Group", "Operation", "Air Force"), case-insensitive; the caller checks capitalisation.</summary>
    public IReadOnlyList<OrgKeyword> Lookup(string word) => _index.Lookup(word);

    /// <summary>Readings of <paramref name="word"/> used at <paramref name="position"/>.</summary>
    public IReadOnlyList<OrgKeyword> Lookup(string word, KeywordPosition position) =>
        (position == KeywordPosition.Suffix ? _suffixes : _prefixes).Lookup(word);

    public (int Length, IReadOnlyList<OrgKeyword> Entries) LongestMatchAt(IReadOnlyList<string> tokens, int start) => _index.LongestMatchAt(tokens, start);

    public static OrgKeywordLexicon Load(string path)
    {
        var list = new List<OrgKeyword>();
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var position = row[3] switch
            {
                "suffix" => KeywordPosition.Suffix,
                "prefix" => KeywordPosition.Prefix,
                _ => throw Lexicon.Bad(path, row, $"position must be suffix or prefix, found '{row[3]}'"),
            };
            list.Add(new OrgKeyword(Lexicon.NonEmpty(path, row, 0), Lexicon.Coarse(path, row, 1), row[2].Length == 0 ? null : row[2], position));
        }
        return new OrgKeywordLexicon(list);
    }
}

/// <summary>A generic agent phrase from PETRARCH ("junta" -> GOV, "rebels" -> REB) with its full CAMEO code.</summary>
public sealed record AgentEntry(string Form, string Lemma, string Code, string Primary);

/// <summary>agents.tsv: lowercase phrases, longest match.</summary>
public sealed class AgentLexicon
{
    public static readonly string[] Columns = LexiconFormats.AgentColumns;
    private readonly PhraseIndex<AgentEntry> _index;

    public AgentLexicon(IReadOnlyList<AgentEntry> entries) { Entries = entries; _index = new PhraseIndex<AgentEntry>(entries.Select(e => (e.Form, e))); }

    public IReadOnlyList<AgentEntry> Entries { get; }

    /// <summary>CAMEO's religion codes: religious in general, Christian, Muslim, Jewish, Hindu, Buddhist.</summary>
    private static readonly IReadOnlySet<string> FaithCodes = new HashSet<string>(StringComparer.Ordinal) { "REL", "CHR", "MUS", "JEW", "HIN", "BUD" };

    private HashSet<string>? _faithWords;

    /// <summary>
    /// Words that name a faith or its followers: every agent phrase that is the word or opens with it has a religion code
    /// somewhere in its CAMEO code ("sunni" MUS, "shiite militia" REBMUS, "catholic priest" CHRCTH).
    /// </summary>
    public bool IsFaithWord(string lowerWord)
    {
        if (_faithWords is null)
        {
            var faith = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var e in Entries)
            {
                var first = e.Form.Split(' ')[0];
                bool religious = Enumerable.Range(0, e.Code.Length / 3).Any(k => FaithCodes.Contains(e.Code.Substring(3 * k, 3)));
                faith[first] = faith.GetValueOrDefault(first, true) && religious;
            }
            _faithWords = faith.Where(p => p.Value).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        }
        return _faithWords.Contains(lowerWord);
    }

    public IReadOnlyList<AgentEntry> Lookup(string phrase) => _index.Lookup(phrase);

    /// <summary>Whether a lower-case phrase is only a legislature's noun: every agent entry of it has the primary code LEG
    /// ("parliament", "legislature", "senate"): a body of its own beside a country's government.</summary>
    public bool IsLegislature(string lowerPhrase) => Lookup(lowerPhrase) is { Count: > 0 } e && e.All(x => x.Primary == "LEG");

    public (int Length, IReadOnlyList<AgentEntry> Entries) LongestMatchAt(IReadOnlyList<string> tokens, int start) => _index.LongestMatchAt(tokens, start);

    /// <summary>The most words an entry has: no match is longer.</summary>
    public int MaxWords => _index.MaxWords;

    public static AgentLexicon Load(string path)
    {
        var list = new List<AgentEntry>();
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var code = Lexicon.NonEmpty(path, row, 2);
            if (!row[3].Equals(code[..Math.Min(3, code.Length)], StringComparison.Ordinal)) throw Lexicon.Bad(path, row, $"primary '{row[3]}' must be the first three letters of code '{code}'");
            list.Add(new AgentEntry(Lexicon.NonEmpty(path, row, 0), Lexicon.NonEmpty(path, row, 1), code, row[3]));
        }
        return new AgentLexicon(list);
    }
}

/// <summary>Shared validation helpers for the loaders: every error names the file and line.</summary>
internal static class Lexicon
{
    public static ModelLoadException Bad(string path, TsvRow row, string reason) => new(path, $"line {row.Line}: {reason}");

    public static string NonEmpty(string path, TsvRow row, int column) =>
        row[column].Length > 0 ? row[column] : throw Bad(path, row, $"column {column + 1} is empty");

    public static bool YesNo(string path, TsvRow row, int column) => row[column] switch
    {
        "yes" => true,
        "no" => false,
        _ => throw Bad(path, row, $"column {column + 1} must be yes or no, found '{row[column]}'"),
    };

    public static EntityType Coarse(string path, TsvRow row, int column) =>
        Enum.TryParse<EntityType>(row[column], ignoreCase: false, out var t) && Enum.IsDefined(t) && !row[column].All(char.IsDigit)
            ? t : throw Bad(path, row, $"coarse type must be Person, Organization, Location, Event or Vehicle, found '{row[column]}'");

    public static double Strength(string path, TsvRow row, int column) =>
        double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= 1
            ? d : throw Bad(path, row, $"strength must be a number in [0,1], found '{row[column]}'");
}
