namespace KnowledgeGraph.Nlp;

/// <summary>
/// <c>All</c>, <c>Any</c> and <c>Count</c> over the characters of a string as plain loops. LINQ's versions enumerate a
/// string through a heap-allocated <see cref="CharEnumerator"/>, one per call, and the pipeline asks them of nearly every
/// word. Code in the <c>KnowledgeGraph.Nlp</c> namespaces binds <c>word.All(char.IsUpper)</c> here before
/// <see cref="System.Linq.Enumerable"/> (extension methods of an enclosing namespace come before those of a using
/// directive); the results are the same: true for an empty string in <c>All</c>, false in <c>Any</c>, the characters
/// tested in order and no further than the first that decides.
/// </summary>
internal static class StringChars
{
    public static bool All(this string s, Func<char, bool> predicate)
    {
        foreach (var c in s) if (!predicate(c)) return false;
        return true;
    }

    public static bool Any(this string s, Func<char, bool> predicate)
    {
        foreach (var c in s) if (predicate(c)) return true;
        return false;
    }

    public static int Count(this string s, Func<char, bool> predicate)
    {
        int n = 0;
        foreach (var c in s) if (predicate(c)) n++;
        return n;
    }
}
