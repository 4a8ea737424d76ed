using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Core;

/// <summary>Stable ids derived from type and name, never counters.</summary>
public static class Ids
{
    /// <summary>"Free Army Group" -> "free-army-group"; accents dropped, anything not a letter or digit becomes one hyphen.</summary>
    public static string Slug(string name)
    {
        // accents folded by NameKey's table (the program runs with invariant globalization, which cannot decompose)
        var folded = NameKey.FoldNormalized(name);
        var sb = new StringBuilder(folded.Length);
        bool hyphen = false;
        foreach (var ch in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
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
