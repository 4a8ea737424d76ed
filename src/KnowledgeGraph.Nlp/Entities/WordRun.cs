using System.Runtime.InteropServices;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>Words of a sentence joined with spaces, without the iterators of <c>Skip</c>/<c>Take</c>.</summary>
internal static class WordRun
{
    /// <summary>
    /// The same string as <c>string.Join(' ', words.Skip(skip).Take(take))</c> (a negative skip skips nothing, a run past
    /// the end stops there, an empty run is ""), joined from a span of the list.
    /// </summary>
    public static string Join(List<string> words, int skip, int take)
    {
        int start = Math.Max(skip, 0);
        int count = Math.Min(take, words.Count - start);
        if (count <= 0) return string.Empty;
        return string.Join(' ', (ReadOnlySpan<string?>)CollectionsMarshal.AsSpan(words).Slice(start, count));
    }
}
