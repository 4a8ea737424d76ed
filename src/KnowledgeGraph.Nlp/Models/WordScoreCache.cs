namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Per thread and model, a word's partial score sums: the sums (from zero, in key order) of the features that come
/// first in a token's key list and depend on the word's characters alone. They are the same wherever the word occurs,
/// so a tagger adds them once per word and copies them after; the copies are the very floats the additions would give,
/// so tagging is unchanged. Bounded: emptied when full.
/// </summary>
internal sealed class WordScoreCache
{
    private const int Capacity = 16_384;
    private readonly object _owner;
    private readonly int _width;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly float[] _sums;

    private WordScoreCache(object owner, int width)
    {
        _owner = owner; _width = width;
        _sums = new float[Capacity * width];
    }

    /// <summary>The cache in <paramref name="slot"/> (a caller's thread-static field) for <paramref name="owner"/>'s weights; a new one when the thread last served another model.</summary>
    public static WordScoreCache For(ref WordScoreCache? slot, object owner, int width)
    {
        var c = slot;
        if (c is null || !ReferenceEquals(c._owner, owner) || c._width != width) slot = c = new WordScoreCache(owner, width);
        return c;
    }

    /// <summary>The kept sums of <paramref name="word"/>, empty when not kept.</summary>
    public ReadOnlySpan<float> Get(string word) =>
        _index.TryGetValue(word, out int o) ? _sums.AsSpan(o, _width) : default;

    /// <summary>Room for the sums of <paramref name="word"/> (not yet kept), for the caller to fill.</summary>
    public Span<float> Add(string word)
    {
        if (_index.Count == Capacity) _index.Clear();
        int o = _index.Count * _width;
        _index.Add(word, o);
        return _sums.AsSpan(o, _width);
    }
}
