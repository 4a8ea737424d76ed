using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as <c>--shard 2/4</c> is written). The partition is
/// round-robin over input items: item k (0-based, in the order a single build reads the inputs, every item counted,
/// the ones that fail too) belongs to shard (k mod n) + 1. Every shard reads the whole input (reading is cheap;
/// analysis is the cost) and analyses only its own items, so shards get equal numbers of articles whatever the
/// order of the corpus, no shard needs to know the input size in advance, and the merge takes one record from each
/// shard in turn to restore the single build's order.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public const string Partition = "round-robin";

    public static ShardSpec Whole => new(1, 1);

    /// <summary>Whether item <paramref name="item"/> (0-based position in the input) is this shard's.</summary>
    public bool Owns(long item) => item % Count == Index - 1;

    /// <summary>The shard that owns an item.</summary>
    public static int OwnerOf(long item, int count) => (int)(item % count) + 1;

    /// <summary>Parses "i/n" with 1 &lt;= i &lt;= n; anything else is a user error naming the form.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i >= 1 && i <= n)
            return new ShardSpec(i, n);
        throw new UserErrorException($"--shard '{text}': give i/n with 1 <= i <= n, e.g. --shard 2/4");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
