using System.Globalization;

namespace KnowledgeGraph.Core.Inputs;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> (1-based) of an input, by bytes. The input's article files, in the
/// order a whole build reads them (arguments in order, folders in path order), are laid end to end; of their
/// <c>total</c> bytes, part i holds the offsets [(i-1)·total/n, i·total/n). An article belongs to the part its first
/// byte lies in: a .txt/.md file whole, a JSONL line by the offset where the line starts (as Hadoop splits text
/// files). What has no bytes (a failed path, a note) sits at the offset where it comes in the order; offsets at or past
/// the end belong to the last part.
/// </summary>
public readonly record struct InputPart(int Index, int Count)
{
    public static InputPart Whole => new(1, 1);

    /// <summary>First byte offset of the part.</summary>
    public long Start(long total) => (long)((Int128)(Index - 1) * total / Count);

    /// <summary>Offset after the part (the last part runs to the end, and past it).</summary>
    public long End(long total) => Index == Count ? long.MaxValue : (long)((Int128)Index * total / Count);

    /// <summary>Whether the article or item at <paramref name="offset"/> is this part's.</summary>
    public bool Owns(long offset, long total) => offset >= Start(total) && offset < End(total);

    /// <summary>Whether bytes [start, end) meet this part.</summary>
    public bool Meets(long start, long end, long total) => start < End(total) && end > Start(total);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
