namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Stable 64-bit hashing of feature strings without allocating them. A feature key is a template id mixed with
/// the hash of its parts; the same text always gives the same key on every platform, so keys can be stored in
/// model files. Key 0 is never produced (it marks an empty slot in <see cref="LinearModel"/>).
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="s"/>.</summary>
    public static ulong Text(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) { h ^= c; h *= Prime; }
        return h;
    }

    /// <summary>FNV-1a over the invariant lower case of <paramref name="s"/>.</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) { h ^= char.ToLowerInvariant(c); h *= Prime; }
        return h;
    }

    /// <summary>Hash of a small integer (tag index, flag).</summary>
    public static ulong Int(int v) => Mix((ulong)(uint)v + 0x9E3779B97F4A7C15UL);

    /// <summary>Key of a feature: template <paramref name="template"/> with one part.</summary>
    public static ulong Key(int template, ulong part)
    {
        var k = Mix(part ^ ((ulong)(uint)template * 0xD6E8FEB86659FD93UL));
        return k == 0 ? 1 : k;
    }

    /// <summary>Key of a feature: template with two parts (order matters).</summary>
    public static ulong Key(int template, ulong a, ulong b) => Key(template, Mix(a + 0x632BE59BD9B4E019UL) ^ b);

    /// <summary>Key of a feature: template with three parts (order matters).</summary>
    public static ulong Key(int template, ulong a, ulong b, ulong c) => Key(template, Mix(Mix(a + 0x632BE59BD9B4E019UL) ^ b) ^ c);

    /// <summary>splitmix64 finaliser: spreads bits so that table slots and template mixing are uniform.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
