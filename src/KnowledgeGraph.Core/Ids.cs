using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Core;

/// <summary>Stable ids derived from type and name, never counters.</summary>
public static class Ids
{
    /// <summary>"Wagner Group" -> "wagner-group"; diacritics dropped, anything not a letter or digit becomes one hyphen.</summary>
    public static string Slug(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool hyphen = false;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (hyphen && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(ch));
                hyphen = false;
            }
            else if (ch != '.' && ch != '\'' && ch != '\u2019') hyphen = true;
        }
        return sb.Length == 0 ? "x" : sb.ToString();
    }

    public static string TypeCode(EntityType type) => type switch
    {
        EntityType.Person => "per",
        EntityType.Organization => "org",
        EntityType.Location => "loc",
        EntityType.Event => "evt",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>"e:org:wagner-group".</summary>
    public static string Entity(EntityType type, string canonicalName) => $"e:{TypeCode(type)}:{Slug(canonicalName)}";
}
