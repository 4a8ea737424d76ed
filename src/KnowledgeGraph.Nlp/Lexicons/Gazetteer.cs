using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>A known named thing: canonical name, coarse and fine types, the country it belongs to (cca3) when known.</summary>
/// <param name="Name">Canonical name ("Chad", "United Nations", "Government of Chad").</param>
/// <param name="Type">Coarse type.</param>
/// <param name="FineTypes">Fine labels, sorted ("Country", "ArmedGroup", "City" ...).</param>
/// <param name="Country">ISO 3166 alpha-3 of the country it is, is the capital of, or belongs to; null when unknown.</param>
/// <param name="Source">The lexicon file it came from ("countries.tsv").</param>
public sealed record GazetteerEntry(string Name, EntityType Type, IReadOnlyList<string> FineTypes, string? Country, string Source)
{
    /// <summary>The most specific fine label (first), or null.</summary>
    public string? FineType => FineTypes.Count > 0 ? FineTypes[0] : null;

    /// <summary>A country of countries.tsv that is a territory of another state, not independent ("Hong Kong", "Puerto
    /// Rico", "Greenland"): it does lie in another country. False for every other entry.</summary>
    public bool Dependent { get; init; }
}

/// <summary>One reading of a matched surface form: which entry, and how the form refers to it (name, acronym, demonym).</summary>
public sealed record GazetteerHit(GazetteerEntry Entry, MentionKind Kind, string Surface);

/// <summary>A match over tokens <c>[Start, Start + Length)</c>; <see cref="Hits"/> has every entry the form can mean, best first.</summary>
public sealed record GazetteerMatch(int Start, int Length, IReadOnlyList<GazetteerHit> Hits)
{
    public int End => Start + Length;
    public GazetteerHit Best => Hits[0];
}

/// <summary>
/// Longest-match lookup of known names over token sequences. Forms are compared in <see cref="NameKey"/> normal
/// form ("U.N." = "UN", curly = straight apostrophes, tokenizer splits around hyphens ignored). Matching is
/// case-sensitive where it matters: every capital of the known form must be a capital in the text ("us" is not "US",
/// "islamic state" is not "Islamic State"), while text in capitals ("MALI" in a headline) still matches.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class Gazetteer
{
    private sealed record Variant(string Normalized, GazetteerHit Hit, int Rank);

    /// <summary>Longest token span tried; names longer than this in tokens are not matched.</summary>
    public const int MaxTokens = 24;

    private readonly Dictionary<string, Variant[]> _byKey;
    private readonly HashSet<string> _prefixes;
    private readonly Dictionary<string, GazetteerEntry[]> _byName;
    // every form and every start of one, looked up by a key in a buffer (the first token's key, without making a string)
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _startsSpan;
    private readonly Dictionary<string, Variant[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesSpan;

    private Gazetteer(Dictionary<string, Variant[]> byKey, HashSet<string> prefixes, IReadOnlyList<GazetteerEntry> entries)
    {
        _byKey = byKey; _prefixes = prefixes; Entries = entries;
        var starts = new HashSet<string>(byKey.Keys, StringComparer.Ordinal);
        starts.UnionWith(prefixes);
        _startsSpan = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesSpan = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _byName = entries.GroupBy(e => NameKey.Fold(e.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every entry, in load order.</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Number of distinct surface forms.</summary>
    public int FormCount => _byKey.Count;

    /// <summary>Entries whose canonical name is <paramref name="name"/> (case-insensitive).</summary>
    public IReadOnlyList<GazetteerEntry> EntriesNamed(string name) =>
        _byName.TryGetValue(NameKey.Fold(name), out var e) ? e : Array.Empty<GazetteerEntry>();

    /// <summary>Readings of a whole phrase ("U.N.", "Chadian", "Abu Sayyaf Group"), best first; empty when unknown.</summary>
    public IReadOnlyList<GazetteerHit> Lookup(string phrase)
    {
        var normalized = NameKey.Normalize(phrase);
        return _byKey.TryGetValue(NameKey.FoldNormalized(normalized), out var variants) ? Filter(variants, normalized) : Array.Empty<GazetteerHit>();
    }

    /// <summary>The country a phrase names by its name or acronym ("United States", "U.S.": "United States"), else null.</summary>
    public string? CountryNamed(string phrase) =>
        Lookup(phrase).FirstOrDefault(h => h.Kind is MentionKind.Name or MentionKind.Acronym
            && h.Entry.Type == EntityType.Location && h.Entry.FineTypes.Contains("Country"))?.Entry.Name;

    /// <summary>The longest known name starting at token <paramref name="start"/>, or null.</summary>
    public GazetteerMatch? LongestMatchAt(IReadOnlyList<string> tokens, int start)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        GazetteerMatch? best = null;
        int limit = Math.Min(tokens.Count, start + MaxTokens);
        // most tokens start no name: their key is neither a name nor the start of one
        if (start < limit && !CanStart(tokens[start])) return null;
        // the span's text, its normal form and its key in reused buffers: no string per span tried
        var buffers = t_buffers ??= new char[3][];
        int length = 0;
        for (int end = start; end < limit; end++)
        {
            var token = tokens[end];
            int needed = length + (end > start ? 1 : 0) + token.Length;
            if (buffers[0] is null || buffers[0].Length < needed)
            {
                int size = Math.Max(needed, 256);
                Array.Resize(ref buffers[0], size);
                buffers[1] = new char[size];
                buffers[2] = new char[size];
            }
            if (end > start) buffers[0][length++] = ' ';
            token.CopyTo(buffers[0].AsSpan(length));
            length += token.Length;
            int n = NameKey.Normalize(buffers[0].AsSpan(0, length), buffers[1]);
            ReadOnlySpan<char> normalized = buffers[1].AsSpan(0, n);
            var key = buffers[2].AsSpan(0, n);
            NameKey.FoldNormalized(normalized, key);
            if (_byKeySpan.TryGetValue(key, out var variants))
            {
                var hits = Filter(variants, normalized);
                if (hits.Count > 0) best = new GazetteerMatch(start, end - start + 1, hits);
            }
            if (!_prefixesSpan.Contains(key)) break;
        }
        return best;
    }

    // per-thread buffers of LongestMatchAt: the span's text, its normal form, its key
    [ThreadStatic] private static char[][]? t_buffers;

    /// <summary>Whether the key of <paramref name="token"/> alone is a known form or the start of one (the first step of <see cref="LongestMatchAt"/>).</summary>
    private bool CanStart(string token)
    {
        if (token.Length > 128) return true; // the long way
        bool own = OwnNormalForm.Is(token);
        Span<char> buffer = stackalloc char[token.Length];
        ReadOnlySpan<char> normalized = own ? token : buffer[..NameKey.Normalize(token, buffer)];
        Span<char> key = stackalloc char[normalized.Length];
        NameKey.FoldNormalized(normalized, key);
        return _startsSpan.Contains(key);
    }

    /// <summary>Left-to-right, non-overlapping longest matches over a sentence's tokens.</summary>
    public IReadOnlyList<GazetteerMatch> FindAll(IReadOnlyList<string> tokens)
    {
        var result = new List<GazetteerMatch>();
        for (int i = 0; i < tokens.Count;)
        {
            var m = LongestMatchAt(tokens, i);
            if (m is null) { i++; continue; }
            result.Add(m);
            i = m.End;
        }
        return result;
    }

    private static IReadOnlyList<GazetteerHit> Filter(Variant[] variants, ReadOnlySpan<char> normalizedText)
    {
        List<GazetteerHit>? hits = null;
        foreach (var v in variants)
        {
            if (!CapitalsAgree(v.Normalized, normalizedText)) continue;
            hits ??= new List<GazetteerHit>();
            if (!hits.Exists(h => ReferenceEquals(h.Entry, v.Hit.Entry))) hits.Add(v.Hit);
        }
        return hits is null ? Array.Empty<GazetteerHit>() : hits;
    }

    /// <summary>Every capital letter of the known form is a capital in the text.</summary>
    private static bool CapitalsAgree(string known, ReadOnlySpan<char> text)
    {
        if (known.Length != text.Length) return false;
        for (int i = 0; i < known.Length; i++)
            if (char.IsUpper(known[i]) && char.IsLower(text[i])) return false;
        return true;
    }

    /// <summary>Builds a gazetteer from (surface form, entry, kind) triples; earlier triples rank first among readings of the same form.</summary>
    public static Gazetteer Build(IEnumerable<(string Surface, GazetteerEntry Entry, MentionKind Kind)> forms)
    {
        var byKey = new Dictionary<string, List<Variant>>(StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>();
        var seenEntries = new HashSet<GazetteerEntry>(ReferenceEqualityComparer.Instance);
        int rank = 0;
        foreach (var (surface, entry, kind) in forms)
        {
            if (seenEntries.Add(entry)) entries.Add(entry);
            var normalized = NameKey.Normalize(surface);
            if (normalized.Length == 0) continue;
            var key = NameKey.FoldNormalized(normalized);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<Variant>();
            if (list.Exists(v => ReferenceEquals(v.Hit.Entry, entry) && v.Normalized == normalized)) continue;
            list.Add(new Variant(normalized, new GazetteerHit(entry, kind, surface), rank++));
        }
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in byKey.Keys)
            for (int i = 1; i < key.Length; i++)
                if (key[i] is ' ' or '-' or '/' or '\'' || key[i - 1] is '-' or '/' or '\'') prefixes.Add(key[..i].TrimEnd());
        // Readings of one form: by source (caller's order), then the entry whose canonical name it is,
        // then the better-known entry (more surface forms), then input order.
        var sourceRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries) sourceRank.TryAdd(e.Source, sourceRank.Count);
        var formCount = new Dictionary<GazetteerEntry, int>(ReferenceEqualityComparer.Instance);
        foreach (var v in byKey.Values.SelectMany(l => l)) formCount[v.Hit.Entry] = formCount.GetValueOrDefault(v.Hit.Entry) + 1;
        var ordered = byKey.ToDictionary(kv => kv.Key, kv => kv.Value
            .OrderBy(v => sourceRank[v.Hit.Entry.Source])
            .ThenBy(v => string.Equals(NameKey.Fold(v.Hit.Entry.Name), kv.Key, StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(v => formCount[v.Hit.Entry])
            .ThenBy(v => v.Rank).ToArray(), StringComparer.Ordinal);
        return new Gazetteer(ordered, prefixes, entries);
    }
}
