using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>A person's full name read as first name, middle initials, last name and generational suffix.</summary>
public static class PersonName
{
    /// <summary>
    /// The name's key without initials and suffix ("LLOYD AUSTIN"), the initials ("J") and the suffix ("III"); the
    /// first and last name folded ("LLOYD", "AUSTIN").
    /// </summary>
    public sealed record Form(string Core, string Initials, string Suffix, string First, string Last);

    /// <summary>Generational suffixes of English names (a closed class).</summary>
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V" };

    /// <summary>
    /// "Lloyd J. Austin III" -> (LLOYD AUSTIN, J, III); null unless the name is a first name and a last name of two
    /// letters or more, with only one-letter initials or one or two written-out middle names between them.
    /// </summary>
    public static Form? Parse(string name, IReadOnlyCollection<string>? aliases = null)
    {
        var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string suffix = "";
        if (words.Count >= 3 && Suffixes.Contains(words[^1])) { suffix = words[^1].TrimEnd('.').ToUpperInvariant(); words.RemoveAt(words.Count - 1); }
        if (words.Count < 2) return null;
        static bool Initial(string w) => w.TrimEnd('.').Length == 1 && char.IsUpper(w[0]);
        static bool Word(string w) => w.Length >= 2 && char.IsUpper(w[0]) && !w.EndsWith('.') && w.Skip(1).Any(char.IsLower);
        // "TANAKA Hiroe", "Oksana Petrivna HALYCH": a name whose one word in capitals is its surname (the style of East Asian
        // and other governments' readouts: "Foreign Minister Tanaka" then calls her by it), written first or last;
        // surname first is read in the other order, so that "Hiroe Tanaka" of another article is the same name. Only a
        // word the article also writes alone in title case as the person's name (in <paramref name="aliases"/>): letters
        // in capitals after a name are as often an honour or an office ("Ewan Baird MSP")
        static bool Capitals(string w) => w.Length >= 2 && w.All(c => char.IsUpper(c) || c is '-' or '\'') && w.Count(char.IsLetter) >= 2;
        if (aliases is not null && suffix.Length == 0 && words.Count(Capitals) == 1)
        {
            int at = Capitals(words[0]) && words.Count == 2 ? 0 : Capitals(words[^1]) ? words.Count - 1 : -1;
            if (at >= 0 && Word(words[words.Count - 1 - at]) && aliases.Contains(Title(words[at])))
            {
                words[at] = Title(words[at]);
                if (at == 0) (words[0], words[1]) = (words[1], words[0]);
            }
        }
        if (!Word(words[0]) || !Word(words[^1])) return null;
        var middle = words.Skip(1).Take(words.Count - 2).ToList();
        // "Ana Maria Lind": one middle name written out counts as its initial ("Ana M. Lind", "Ana Lind"), and so do two
        // ("Samir Shakir Mahmood Sumaida'ie" / "Samir Sumaida'ie")
        if (!middle.All(Initial) && !(middle.Count is 1 or 2 && middle.All(Word))) return null;
        return new Form(NameKey.Fold(words[0] + " " + words[^1]), string.Concat(middle.Select(w => char.ToUpperInvariant(w[0]))), suffix,
            NameKey.Fold(words[0]), NameKey.Fold(words[^1]));
    }

    /// <summary>
    /// "Marisol Quintana Albéniz" is also "Marisol Quintana": by the Spanish and Portuguese custom a person's surnames are
    /// the father's and then the mother's, and the first is used alone. The form of the name without its last word, whose
    /// suffix holds that word ("+ALBENIZ"), so that another article's bare "Marisol Quintana" agrees with it (no suffix)
    /// and "Marisol Quintana Ferrer" does not (another second surname: two people). Only for a name of three or four
    /// title-case words where a word before the first surname is a given name of <paramref name="givenNames"/> and
    /// neither surname is one ("Hector Jean Whitcombe": the second-last word of a long name may be a given name; "Ana
    /// Maria Lind" stays Ana Lind). Not when the article writes the last word alone as the person's surname and never the
    /// first surname alone (<paramref name="aliases"/>): "George Walker Bush ... Bush said" is the English custom of middle
    /// names, and George Walker Bush is no "George Walker". Null otherwise.
    /// </summary>
    public static Form? WithoutSecondSurname(string name, IReadOnlySet<string> givenNames, IReadOnlyCollection<string>? aliases = null)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 3 or > 4) return null;
        static bool Word(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower);
        if (!words.All(Word) || words[^2].Length < 3 || Suffixes.Contains(words[^1])) return null;
        if (givenNames.Contains(words[^2]) || givenNames.Contains(words[^1]) || !words[..^2].Any(givenNames.Contains)) return null;
        if (aliases is not null && aliases.Contains(words[^1]) && !aliases.Contains(words[^2])) return null;
        return Parse(string.Join(' ', words[..^1])) is { Suffix.Length: 0 } form ? form with { Suffix = "+" + NameKey.Fold(words[^1]) } : null;
    }

    /// <summary>"TANAKA" -> "Tanaka", "AL-SAYED" -> "Al-Sayed": a surname in capitals in title case.</summary>
    private static string Title(string w)
    {
        var c = w.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < c.Length; i++) if (i == 0 || c[i - 1] is '-' or '\'') c[i] = char.ToUpperInvariant(c[i]);
        return new string(c);
    }

    /// <summary>One form adds to the other only what it leaves out: initials equal or one has none, suffix likewise.</summary>
    public static bool Compatible(Form a, Form b) =>
        a.Core == b.Core && (a.Initials == b.Initials || a.Initials.Length == 0 || b.Initials.Length == 0)
                         && (a.Suffix == b.Suffix || a.Suffix.Length == 0 || b.Suffix.Length == 0);

    /// <summary>The same first name, or one the usual short form of the other ("Jim", "James"; <see cref="IsShortFormOf"/>).</summary>
    public static bool FirstNamesMatch(Form a, Form b) =>
        a.First == b.First || Lexicon.Value.Related.TryGetValue(a.First, out var related) && related.Contains(b.First);

    /// <summary>
    /// "Jim Calder" and "James N. Calder" may be one person: the same last name, matching first names, initials equal
    /// or one has none; the suffix as <see cref="Compatible"/> asks when the first names are the same, and the same
    /// suffix when one is a short form (a father and a son share a surname and often a first name: "Joe Kessler" is not
    /// "Joseph Kessler Jr.").
    /// </summary>
    public static bool Agree(Form a, Form b) =>
        a.Last == b.Last && FirstNamesMatch(a, b) && (a.Initials == b.Initials || a.Initials.Length == 0 || b.Initials.Length == 0)
        && (a.First == b.First ? a.Suffix == b.Suffix || a.Suffix.Length == 0 || b.Suffix.Length == 0 : a.Suffix == b.Suffix);

    /// <summary>
    /// Whether <paramref name="shortForm"/> is a usual short form of the first name <paramref name="formal"/> ("Jim" of
    /// "James", "Bill" of "William"), by resources/nicknames.tsv (derived from carltonnorthern/nicknames, Apache-2.0).
    /// </summary>
    public static bool IsShortFormOf(string shortForm, string formal) =>
        Lexicon.Value.Pairs.Contains(NameKey.Fold(formal) + "\t" + NameKey.Fold(shortForm));

    /// <summary>The folded first names that match <paramref name="first"/> (folded): itself, its short forms and the names it is a short form of.</summary>
    public static IEnumerable<string> MatchingFirstNames(string first) =>
        Lexicon.Value.Related.TryGetValue(first, out var related) ? related.Prepend(first) : new[] { first };

    private static readonly Lazy<(HashSet<string> Pairs, Dictionary<string, List<string>> Related)> Lexicon = new(() =>
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var related = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Relate(string a, string b)
        {
            if (!related.TryGetValue(a, out var list)) related[a] = list = new List<string>();
            list.Add(b);
        }
        using var reader = GraphBuilder.Embedded("nicknames.tsv");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var (formal, shortForm) = (NameKey.Fold(line[..tab]), NameKey.Fold(line[(tab + 1)..]));
            if (!pairs.Add(formal + "\t" + shortForm)) continue;
            Relate(formal, shortForm);
            Relate(shortForm, formal);
        }
        return (pairs, related);
    });
}
