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
        EntityType.Vehicle => "veh",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Slugs longer than this are cut and end with a hash of the whole slug, so ids stay unique and short.</summary>
    public const int MaxSlugChars = 160;

    /// <summary>
    /// Indexed text (entity names, document titles) longer than this many characters is cut: at most 4 UTF-8 bytes a
    /// character keeps it under Neo4j's index key limit of about 8 KB; the full text goes in another property.
    /// </summary>
    public const int MaxIndexedTextChars = 1000;

    /// <summary>"e:org:northern-front"; a slug over <see cref="MaxSlugChars"/> becomes its first 140 characters, '-' and 16 hex digits of its SHA-256.</summary>
    public static string Entity(EntityType type, string canonicalName) => $"e:{TypeCode(type)}:{Capped(Slug(canonicalName))}";

    private static string Capped(string slug)
    {
        if (slug.Length <= MaxSlugChars) return slug;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(slug)))[..16];
        return slug[..(MaxSlugChars - 20)].TrimEnd('-') + "-" + hash;
    }

    /// <summary>Text cut to <see cref="MaxIndexedTextChars"/> (an ellipsis marks the cut, never inside a surrogate pair), or null when it fits.</summary>
    public static string? CutIndexedText(string text)
    {
        if (text.Length <= MaxIndexedTextChars) return null;
        int end = MaxIndexedTextChars - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end] + "\u2026";
    }
}
