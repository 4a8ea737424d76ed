using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>A person's full name read as first name, middle initials, last name and generational suffix.</summary>
public static class PersonName
{
    /// <summary>The name's key without initials and suffix ("LLOYD AUSTIN"), the initials ("J") and the suffix ("III").</summary>
    public sealed record Form(string Core, string Initials, string Suffix);

    /// <summary>Generational suffixes of English names (a closed class).</summary>
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V" };

    /// <summary>
    /// "Lloyd J. Austin III" -> (LLOYD AUSTIN, J, III); null unless the name is a first name and a last name of two
    /// letters or more, with only one-letter initials or one written-out middle name between them.
    /// </summary>
    public static Form? Parse(string name)
    {
        var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string suffix = "";
        if (words.Count >= 3 && Suffixes.Contains(words[^1])) { suffix = words[^1].TrimEnd('.').ToUpperInvariant(); words.RemoveAt(words.Count - 1); }
        if (words.Count < 2) return null;
        static bool Initial(string w) => w.TrimEnd('.').Length == 1 && char.IsUpper(w[0]);
        static bool Word(string w) => w.Length >= 2 && char.IsUpper(w[0]) && !w.EndsWith('.') && w.Skip(1).Any(char.IsLower);
        if (!Word(words[0]) || !Word(words[^1])) return null;
        var middle = words.Skip(1).Take(words.Count - 2).ToList();
        // "Ana Maria Lind": one middle name written out counts as its initial ("Ana M. Lind", "Ana Lind")
        if (!middle.All(Initial) && !(middle.Count == 1 && Word(middle[0]))) return null;
        return new Form(NameKey.Fold(words[0] + " " + words[^1]), string.Concat(middle.Select(w => char.ToUpperInvariant(w[0]))), suffix);
    }

    /// <summary>One form adds to the other only what it leaves out: initials equal or one has none, suffix likewise.</summary>
    public static bool Compatible(Form a, Form b) =>
        a.Core == b.Core && (a.Initials == b.Initials || a.Initials.Length == 0 || b.Initials.Length == 0)
                         && (a.Suffix == b.Suffix || a.Suffix.Length == 0 || b.Suffix.Length == 0);
}
