using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Models;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>
/// Name lists for NER features: phrases (lower-cased token sequences, stored as hashes) with a bit mask of
/// categories. Matching is case-insensitive; the model learns how far to trust each category. Immutable.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Category names, bit i of a mask = category i.</summary>
    public static readonly string[] Categories = ["LOC", "PER", "ORG", "DEMONYM"];
    public const int MaxPhraseTokens = 6;
    private readonly Dictionary<ulong, byte> _phrases;

    // The same phrases as an open-addressing table (linear probing, at most half full; key 0 = empty, so a phrase whose
    // hash is 0 is kept aside): a miss, the usual case, costs one probe instead of a dictionary's bucket and entry.
    private readonly ulong[] _keys;
    private readonly byte[] _masks;
    private readonly int _mask;
    private readonly int _zeroMask = -1;

    public Gazetteer(Dictionary<ulong, byte> phrases)
    {
        _phrases = phrases;
        int size = SlotTable.SizeFor(phrases.Count);
        _keys = new ulong[size]; _masks = new byte[size]; _mask = size - 1;
        foreach (var (k, m) in phrases)
        {
            if (k == 0) { _zeroMask = m; continue; }
            int s = SlotTable.Home(k, _mask);
            while (_keys[s] != 0) s = (s + 1) & _mask;
            _keys[s] = k; _masks[s] = m;
        }
    }

    private bool TryGetMask(ulong key, out byte mask)
    {
        if (key == 0) { mask = (byte)Math.Max(_zeroMask, 0); return _zeroMask >= 0; }
        for (int s = SlotTable.Home(key, _mask); ; s = (s + 1) & _mask)
        {
            var k = _keys[s];
            if (k == key) { mask = _masks[s]; return true; }
            if (k == 0) { mask = 0; return false; }
        }
    }

    public int Count => _phrases.Count;

    /// <summary>Hash of a phrase from its tokens' lower-case hashes (<see cref="FeatureHash.Lower"/>).</summary>
    public static ulong PhraseHash(ReadOnlySpan<ulong> tokenHashes)
    {
        ulong h = 0x6A09E667F3BCC908UL;
        foreach (var t in tokenHashes) h = FeatureHash.Mix(h ^ t);
        return h;
    }

    /// <summary>
    /// Marks each token with, per category, its place in the longest matching phrase starting nearest:
    /// codes[i * 4 + c] = 1 begin, 2 inside, 3 last, 4 unit (single-token phrase), 0 none.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lowerHashes, Span<byte> codes)
    {
        codes.Clear();
        int n = lowerHashes.Length;
        // PhraseHash of the phrases of every length at i, built up token by token (each extends the shorter one's hash)
        Span<ulong> hashes = stackalloc ulong[MaxPhraseTokens + 1];
        hashes[0] = PhraseHash(ReadOnlySpan<ulong>.Empty); // the seed every length extends; never overwritten
        for (int i = 0; i < n; i++)
        {
            int longest = Math.Min(MaxPhraseTokens, n - i);
            for (int len = 1; len <= longest; len++) hashes[len] = FeatureHash.Mix(hashes[len - 1] ^ lowerHashes[i + len - 1]);
            for (int len = longest; len >= 1; len--)
            {
                if (!TryGetMask(hashes[len], out var mask)) continue;
                for (int c = 0; c < Categories.Length; c++)
                {
                    if ((mask & (1 << c)) == 0 || codes[i * 4 + c] != 0) continue;
                    if (len == 1) { codes[i * 4 + c] = 4; continue; }
                    for (int k = 0; k < len; k++)
                        if (codes[(i + k) * 4 + c] == 0) codes[(i + k) * 4 + c] = (byte)(k == 0 ? 1 : k == len - 1 ? 3 : 2);
                }
            }
        }
    }

    internal void Write(BinaryWriter w)
    {
        var keys = _phrases.Keys.Order().ToList();
        w.Write(keys.Count);
        foreach (var k in keys) { w.Write(k); w.Write(_phrases[k]); }
    }

    internal static Gazetteer Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 50_000_000) throw new InvalidDataException("implausible gazetteer size");
        var d = new Dictionary<ulong, byte>(n);
        for (int i = 0; i < n; i++) d[r.ReadUInt64()] = r.ReadByte();
        return new Gazetteer(d);
    }
}

/// <summary>
/// Derives a <see cref="Gazetteer"/> from the shared gazetteer sources: countries.json (names, capitals, demonyms;
/// ODbL), PETRARCH2 actor dictionaries (leaders, international and armed organisations; MIT), UCDP actors (CC BY 4.0).
/// </summary>
public static class GazetteerBuilder
{
    public static Gazetteer FromSources(string folder)
    {
        if (!Directory.Exists(folder)) throw new UserErrorException($"{folder}: gazetteer folder not found");
        var phrases = new Dictionary<ulong, byte>();
        void Add(string phrase, int cat)
        {
            var tokens = Tokenize(phrase);
            if (tokens.Count == 0 || tokens.Count > Gazetteer.MaxPhraseTokens) return;
            if (tokens.Count == 1 && tokens[0].Length <= 2) return; // codes like "AL" match too much
            var hashes = tokens.Select(t => FeatureHash.Lower(t)).ToArray();
            var key = Gazetteer.PhraseHash(hashes);
            phrases[key] = (byte)(phrases.GetValueOrDefault(key) | (1 << cat));
        }
        var countries = Path.Combine(folder, "countries", "countries.json");
        if (File.Exists(countries))
        {
            foreach (var c in JArray.Parse(File.ReadAllText(countries)).OfType<JObject>())
            {
                Add((string?)c["name"]?["common"] ?? "", 0);
                Add((string?)c["name"]?["official"] ?? "", 0);
                foreach (var s in c["altSpellings"]?.Values<string>() ?? []) Add(s ?? "", 0);
                foreach (var s in c["capital"]?.Values<string>() ?? []) Add(s ?? "", 0);
                var eng = c["demonyms"]?["eng"];
                if (eng is not null) { Add((string?)eng["m"] ?? "", 3); Add((string?)eng["f"] ?? "", 3); }
            }
        }
        var petrarch = Path.Combine(folder, "petrarch2");
        if (Directory.Exists(petrarch))
        {
            ReadActors(Path.Combine(petrarch, "Phoenix.Countries.actors.txt"), Encoding.Latin1, countryFile: true, Add);
            ReadActors(Path.Combine(petrarch, "Phoenix.International.actors.txt"), Encoding.UTF8, countryFile: false, Add);
            ReadActors(Path.Combine(petrarch, "Phoenix.MilNonState.actors.txt"), Encoding.UTF8, countryFile: false, Add);
        }
        var ucdp = Path.Combine(folder, "ucdp", "ucdp-actor-221.csv");
        if (File.Exists(ucdp))
        {
            bool header = true;
            foreach (var line in File.ReadLines(ucdp))
            {
                if (header) { header = false; continue; }
                var cols = SplitCsv(line);
                if (cols.Count < 5) continue;
                var name = cols[1];
                // Actors named "Government of X" are states: X is a location, the phrase an organisation.
                if (name.StartsWith("Government of ", StringComparison.Ordinal)) Add(name["Government of ".Length..], 0);
                Add(name, 2); Add(cols[2], 2); Add(cols[4], 2);
            }
        }
        return new Gazetteer(phrases);
    }

    /// <summary>
    /// PETRARCH blocks: a NAME_ line, +ALIAS lines, [CODE] lines. In the countries file, entries marked
    /// "# CountryInfo.txt" are leaders (people) and entries coded with a bare three-letter code are countries;
    /// in the other files every entry is an organisation.
    /// </summary>
    private static void ReadActors(string path, Encoding enc, bool countryFile, Action<string, int> add)
    {
        if (!File.Exists(path)) return;
        int current = -1;
        foreach (var raw in File.ReadLines(path, enc))
        {
            if (raw.Length == 0 || raw[0] == '#') continue;
            if (char.IsWhiteSpace(raw[0])) continue; // date-ranged codes
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? line[hash..] : "";
            if (hash >= 0) line = line[..hash];
            var bracket = line.IndexOf('[', StringComparison.Ordinal);
            var code = bracket >= 0 ? line[(bracket + 1)..].TrimEnd().TrimEnd(']') : "";
            if (bracket >= 0) line = line[..bracket];
            line = line.Trim();
            if (line.Length == 0) continue;
            bool alias = line[0] == '+';
            if (alias) line = line[1..];
            if (!alias)
            {
                current = !countryFile ? 2
                    : comment.Contains("CountryInfo", StringComparison.Ordinal) ? 1
                    : code.Length == 3 && code.All(char.IsAsciiLetterUpper) ? 0 : -1;
            }
            if (current >= 0) add(line.Replace('_', ' '), current);
        }
    }

    private static List<string> Tokenize(string phrase)
    {
        // Drop parenthesised acronyms ("(AAIA)") and split like CoNLL text: on spaces, keeping inner punctuation.
        var sb = new StringBuilder();
        int depth = 0;
        foreach (var ch in phrase)
        {
            if (ch == '(') { depth++; continue; }
            if (ch == ')') { depth = Math.Max(0, depth - 1); continue; }
            if (depth == 0) sb.Append(ch);
        }
        var tokens = new List<string>();
        foreach (var t in sb.ToString().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (t.EndsWith('\'') || t.EndsWith("'s", StringComparison.Ordinal)) { tokens.Add(t); continue; }
            tokens.Add(t);
        }
        return tokens;
    }

    private static List<string> SplitCsv(string line)
    {
        var cols = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cols.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        cols.Add(sb.ToString());
        return cols;
    }
}
