using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Graph;

/// <summary>The normalised form used to decide that two names denote the same entity.</summary>
public static class NameKey
{
    /// <summary>"The U.N." -> "un"; "Côte d’Ivoire" -> "cote d'ivoire"; case, diacritics, periods, a leading article and spacing ignored.</summary>
    public static string Of(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch == '.') continue;
            var c = ch is '\u2019' or '\u2018' or '`' ? '\'' : ch is '\u2013' or '\u2014' or '\u2011' ? '-' : char.ToLowerInvariant(ch);
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        var s = sb.ToString();
        if (s.StartsWith("the ", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("'s", StringComparison.Ordinal)) s = s[..^2];
        return s;
    }
}
