using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as <c>--shard 2/4</c> is written). The partition is by
/// bytes (<see cref="InputPart"/>): the input's files laid end to end in the order a single build reads them, shard i
/// holds the articles that start in bytes [(i-1)·total/n, i·total/n): whole .txt/.md files, and JSONL lines by where
/// they start. A shard opens only the files its part meets, so the merge restores the single build's order by
/// putting shard 1's records first, then shard 2's, and so on.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public const string Partition = "byte-range";

    public static ShardSpec Whole => new(1, 1);

    /// <summary>The part of the input this shard reads.</summary>
    public InputPart Part => new(Index, Count);

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
