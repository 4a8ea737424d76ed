using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Core;

/// <summary>A half-open character range <c>[Start, End)</c> into a document's original text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public override string ToString() => $"[{Start},{End})";
}

/// <summary>One input article. <see cref="Id"/> is the SHA-256 of the normalised text, so the same text always gets the same id.</summary>
public sealed record Document(string Id, string Text, string? Title, string? Source, string? Date)
{
    /// <summary>Builds a document; the id hashes the text with line endings normalised and outer whitespace trimmed.</summary>
    public static Document Create(string text, string? title = null, string? source = null, string? date = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Document(ComputeId(text), text, title, source, date);
    }

    public static string ComputeId(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return "d:" + Convert.ToHexStringLower(hash)[..16];
    }
}

/// <summary>A token: a view into the text by offset, with the tags the tagger gave it.</summary>
public sealed record Token(string Text, int Start, int End)
{
    /// <summary>Penn Treebank tag (XPOS), e.g. NNP, VBD; null before tagging.</summary>
    public string? Tag { get; init; }
    /// <summary>Universal POS tag, e.g. PROPN, VERB; null before tagging.</summary>
    public string? Upos { get; init; }
    public string? Lemma { get; init; }
    /// <summary>Index (0-based, in the same sentence) of this token's syntactic head; -1 for the root or before parsing.</summary>
    public int Head { get; init; } = -1;
    /// <summary>Universal Dependencies relation to the head, with subtype ("nsubj:pass", "obl", "acl:relcl"); null before parsing.</summary>
    public string? Deprel { get; init; }
    public TextSpan Span => new(Start, End);
}

/// <summary>A sentence with its tokens; <see cref="Span"/> covers it in the document text.</summary>
public sealed record Sentence(int Index, TextSpan Span, IReadOnlyList<Token> Tokens)
{
    public string TextOf(string documentText) => documentText[Span.Start..Span.End];
}
