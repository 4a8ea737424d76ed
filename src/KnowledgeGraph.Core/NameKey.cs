namespace KnowledgeGraph.Core;

/// <summary>
/// The normal form names are compared in, so that "U.N." and "UN", "Côte d’Ivoire" and "Côte d'Ivoire",
/// "Al - Qaeda" (split by a tokenizer) and "Al-Qaeda" meet: curly quotes become straight, dots go,
/// whitespace collapses, and no space is kept around hyphens, slashes or before an apostrophe.
/// <see cref="Normalize"/> keeps case (the gazetteer checks capitals on it); <see cref="Fold"/> also upper-cases.
/// </summary>
public static class NameKey
{
    /// <summary>The small words a name's initials skip ("Syrian Democratic Forces" / "Bureau of Industry and Security").</summary>
    public static readonly IReadOnlySet<string> MinorWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "&" };

    public static string Normalize(string surface)
    {
        // the normal form is never longer than the surface
        Span<char> buffer = surface.Length <= 256 ? stackalloc char[surface.Length] : new char[surface.Length];
        int n = Normalize(surface, buffer);
        return n == surface.Length && surface.AsSpan().SequenceEqual(buffer[..n]) ? surface : new string(buffer[..n]);
    }

    /// <summary><see cref="Normalize(string)"/> into <paramref name="into"/> (at least as long as the surface); returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> surface, Span<char> into)
    {
        int n = 0;
        foreach (var raw in surface)
        {
            char c = raw switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u0060' or '\u00B4' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
                '\u00A0' or '\t' or '\n' or '\r' => ' ',
                _ => raw,
            };
            if (c == '.') continue;
            if (c == ' ')
            {
                if (n == 0 || into[n - 1] == ' ' || into[n - 1] == '-' || into[n - 1] == '/') continue;
                into[n++] = ' ';
                continue;
            }
            if ((c == '-' || c == '/' || c == '\'') && n > 0 && into[n - 1] == ' ') n--;
            into[n++] = c;
        }
        if (n > 0 && into[n - 1] == ' ') n--;
        return n;
    }

    /// <summary>Case- and accent-folded <see cref="Normalize"/>: the dictionary key ("Côte d’Ivoire" = "COTE D'IVOIRE").</summary>
    public static string Fold(string surface) => FoldNormalized(Normalize(surface));

    // Upper-case accented Latin letters and their base letters, same length (built from Unicode decompositions;
    // a table because string normalisation is unavailable under invariant globalization).
    private const string AccentedUpper = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸĀĂĄĆĈĊČĎĒĔĖĘĚĜĞĠĢĤĨĪĬĮİĴĶĹĻĽŃŅŇŌŎŐŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŹŻŽƠƯǍǏǑǓǕǗǙǛǞǠǦǨǪǬǴǸǺȀȂȄȆȈȊȌȎȐȒȔȖȘȚȞȦȨȪȬȮȰȲØĐŁÆŒÞÐĦŦŊ";
    private const string PlainUpper = "AAAAAACEEEEIIIINOOOOOUUUUYYAAACCCCDEEEEEGGGGHIIIIIJKLLLNNNOOORRRSSSSTTUUUUUUWYZZZOUAIOUUUUUAAGKOOGNAAAEEIIOORRUUSTHAEOOOOYODLAOTDHTN";

    /// <summary>Folds an already normalised form: upper case, accents dropped (one char per char, so offsets still line up).</summary>
    public static string FoldNormalized(string normalized) =>
        string.Create(normalized.Length, normalized, static (into, from) => FoldNormalized(from, into));

    /// <summary><see cref="FoldNormalized(string)"/> into <paramref name="into"/> (as long as the input, not overlapping it).</summary>
    public static void FoldNormalized(ReadOnlySpan<char> normalized, Span<char> into)
    {
        normalized.ToUpperInvariant(into);
        for (int i = 0; i < normalized.Length; i++)
        {
            if (into[i] < 0xC0) continue;
            int k = AccentedUpper.IndexOf(into[i], StringComparison.Ordinal);
            if (k >= 0) into[i] = PlainUpper[k];
        }
    }

    /// <summary>The words of a name after normalisation (split on spaces only).</summary>
    public static string[] Words(string surface) => Normalize(surface).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for "UN", "U.N.", "NATO", "DHKP/C": 2 to 10 capitals (digits, '/', '&amp;' allowed), dots ignored.</summary>
    public static bool IsAcronymShape(string surface)
    {
        var n = Normalize(surface);
        if (n.Length < 2 || n.Length > 10) return false;
        int letters = 0;
        foreach (var c in n)
        {
            if (char.IsUpper(c)) letters++;
            else if (!(char.IsDigit(c) || c == '/' || c == '&' || c == '-')) return false;
        }
        return letters >= 2;
    }

    /// <summary>A capitalised plural noun: "Marshals", "Marines" (not "Congress").</summary>
    public static bool IsCapitalisedPlural(string w) =>
        w.Length > 3 && char.IsUpper(w[0]) && w[^1] == 's' && char.IsLower(w[^2]) && w[^2] != 's';
}
