namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>
/// Case-insensitive longest-match index of multiword phrases over token sequences, keyed on lowercase words with
/// dots removed ("Maj. Gen." = "maj gen"). Shared by the small lexicons; immutable once built.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, T[]> _byKey;
    private readonly HashSet<string> _prefixes;

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> items)
    {
        var byKey = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        _prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value) in items)
        {
            var key = Key(phrase);
            if (key.Length == 0) continue;
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<T>();
            list.Add(value);
            var words = key.Split(' ');
            MaxWords = Math.Max(MaxWords, words.Length);
            for (int i = 1; i < words.Length; i++) _prefixes.Add(string.Join(' ', words, 0, i));
        }
        _byKey = byKey.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var starts = new HashSet<string>(_byKey.Keys, StringComparer.Ordinal);
        starts.UnionWith(_prefixes);
        _startsSpan = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesSpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // the same tables looked up by a key in a buffer, without making a string
    private readonly Dictionary<string, T[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    // every phrase and every start of one (one lookup tells whether a token can start a match)
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _startsSpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesSpan;

    /// <summary>Most words in any phrase.</summary>
    public int MaxWords { get; }

    /// <summary>All values of an exact phrase; empty when unknown.</summary>
    public IReadOnlyList<T> Lookup(string phrase)
    {
        if (phrase.Length > 128) return _byKey.TryGetValue(Key(phrase), out var v) ? v : Array.Empty<T>();
        Span<char> buffer = stackalloc char[phrase.Length * 2];
        return _byKeySpan.TryGetValue(KeyOf(phrase, buffer), out var found) ? found : Array.Empty<T>();
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>: its length in tokens and values; (0, empty) when none.</summary>
    public (int Length, IReadOnlyList<T> Values) LongestMatchAt(IReadOnlyList<string> tokens, int start)
    {
        (int, IReadOnlyList<T>) best = (0, Array.Empty<T>());
        if (start < tokens.Count && tokens[start].Length <= 128)
        {
            // most tokens start no phrase: their key is empty, or neither a phrase nor the start of one
            Span<char> buffer = stackalloc char[tokens[start].Length * 2];
            var first = KeyOf(tokens[start], buffer);
            if (first.Length == 0 || !_startsSpan.Contains(first)) return best;
        }
        // the words' keys joined by spaces in a reused buffer: no string per span tried
        var key = t_key ??= new char[256];
        int length = 0;
        Span<char> shortWord = stackalloc char[256];
        for (int end = start; end < tokens.Count && end - start < MaxWords; end++)
        {
            var token = tokens[end];
            var buffer = token.Length <= 128 ? shortWord[..(token.Length * 2)] : new char[token.Length * 2];
            var word = KeyOf(token, buffer);
            if (word.Length == 0) break;
            int needed = length + (length > 0 ? 1 : 0) + word.Length;
            if (needed > key.Length) { Array.Resize(ref key, Math.Max(needed, key.Length * 2)); t_key = key; }
            if (length > 0) key[length++] = ' ';
            word.CopyTo(key.AsSpan(length));
            length += word.Length;
            if (_byKeySpan.TryGetValue(key.AsSpan(0, length), out var v)) best = (end - start + 1, v);
            if (!_prefixesSpan.Contains(key.AsSpan(0, length))) break;
        }
        return best;
    }

    // per-thread buffer of LongestMatchAt's key
    [ThreadStatic] private static char[]? t_key;

    /// <summary>Lowercase, curly apostrophes straightened, dots dropped, single spaces.</summary>
    public static string Key(string phrase) => NameKey.Normalize(phrase).ToLowerInvariant();

    /// <summary><see cref="Key"/> in <paramref name="buffer"/> (twice the phrase's length): the normal form, then its lower case.</summary>
    private static ReadOnlySpan<char> KeyOf(string phrase, Span<char> buffer)
    {
        if (IsOwnKey(phrase)) return phrase;
        var normalized = buffer[..phrase.Length];
        int n = NameKey.Normalize(phrase, normalized);
        var lower = buffer.Slice(phrase.Length, n);
        normalized[..n].ToLowerInvariant(lower);
        return lower;
    }

    /// <summary>Whether <paramref name="phrase"/> is its own <see cref="Key"/>: <see cref="OwnNormalForm.Is"/> and without capitals.</summary>
    private static bool IsOwnKey(string phrase)
    {
        foreach (var c in phrase) if (c is >= 'A' and <= 'Z') return false;
        return OwnNormalForm.Is(phrase);
    }
}

/// <summary>Tells when normalising a token would leave it as it is, so the copy can be skipped.</summary>
internal static class OwnNormalForm
{
    /// <summary>
    /// Whether <see cref="NameKey.Normalize(string)"/> leaves <paramref name="text"/> as it is: printable ASCII without
    /// spaces, dots or backticks (the characters it drops or rewrites are all among those or beyond ASCII).
    /// </summary>
    public static bool Is(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c > '~' || c < '!' || c == '.' || c == '`') return false;
        return true;
    }
}
