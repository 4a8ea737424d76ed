using System.Text;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>
/// What the derivation knows about English words, read from data: common lowercase words (from the UD English
/// treebank's training split), organisation head words (org_keywords.tsv) and person titles (titles.tsv).
/// Used to decide which source names are names at all, and how to case ALL-CAPS PETRARCH names.
/// </summary>
internal sealed class NameRules
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an", "with", "against", "from", "into", "or",
        "de", "la", "le", "les", "el", "du", "des", "del", "da", "do", "dos", "di", "wa", "wal", "fi", "li", "al", "ad",
        "ud", "ul", "e", "i", "van", "von", "der", "den", "et", "y",
    };

    private static readonly HashSet<string> AcronymJoiners = new(StringComparer.Ordinal) { "of", "the", "and", "for", "in", "on", "to", "&", "de", "la", "du", "des", "et", "at" };

    public NameRules(IReadOnlySet<string> commonWords, IReadOnlySet<string> orgHeadWords, IReadOnlySet<string> personTitles, IReadOnlySet<string> acronymHints)
    {
        CommonWords = commonWords; OrgHeadWords = orgHeadWords; PersonTitles = personTitles; AcronymHints = acronymHints;
    }

    /// <summary>Lowercase words frequent in lowercase English text ("army", "state", "the").</summary>
    public IReadOnlySet<string> CommonWords { get; }
    /// <summary>Lowercase organisation head words ("group", "front", "harakat").</summary>
    public IReadOnlySet<string> OrgHeadWords { get; }
    /// <summary>Lowercase titles that introduce a person ("sheikh", "president", "gen").</summary>
    public IReadOnlySet<string> PersonTitles { get; }
    /// <summary>Upper-case words known to be acronyms somewhere in the sources ("IRA", "NATO").</summary>
    public IReadOnlySet<string> AcronymHints { get; }

    public static bool IsSmallWord(string lower) => SmallWords.Contains(lower);

    /// <summary>A word is common when it is frequent in lowercase English text: such words alone are not names.</summary>
    public bool IsCommon(string word) => CommonWords.Contains(word.ToLowerInvariant());

    /// <summary>
    /// Too generic to be a name on its own: one common word ("Army", "Police"), or two common words without an
    /// organisation head word ("The Army", "Direct Action"). Longer names are kept ("Army of National Liberation").
    /// </summary>
    public bool IsGeneric(string name)
    {
        var words = NameKey.Words(name);
        if (words.Length == 0) return true;
        var content = words.Where(w => !IsSmallWord(w.ToLowerInvariant())).ToArray();
        if (content.Length == 0) return true;
        if (content.Length > 2) return false;
        bool allCommon = content.All(w => w.Split('-', '/').All(p => p.Length == 0 || IsCommon(p)));
        // "United Nations", "Angry Brigade": two common words with an organisation head word still make a name.
        return allCommon && (content.Length == 1 || !HasOrgWord(name));
    }

    /// <summary>Has an organisation head word ("Front", "Brigades", "Harakat").</summary>
    public bool HasOrgWord(string name) =>
        NameKey.Words(name).SelectMany(w => w.Split('-', '/')).Any(w => OrgHeadWords.Contains(w.ToLowerInvariant()));

    /// <summary>Starts with a person title and has no organisation word ("Sheikh Ahmed Yassin"; not "Justice and Equality Movement").</summary>
    public bool StartsWithPersonTitle(string name)
    {
        var words = NameKey.Words(name);
        return words.Length > 1 && PersonTitles.Contains(words[0].ToLowerInvariant()) && !HasOrgWord(name);
    }

    /// <summary>Initials of the content words: "United Nations" -> "UN", "North Atlantic Treaty Organization" -> "NATO".</summary>
    public static string Initials(string name)
    {
        var sb = new StringBuilder();
        foreach (var w in NameKey.Words(name))
            foreach (var part in w.Split('-'))
                if (part.Length > 0 && !AcronymJoiners.Contains(part.ToLowerInvariant()) && char.IsLetter(part[0])) sb.Append(char.ToUpperInvariant(part[0]));
        return sb.ToString();
    }

    /// <summary>True when <paramref name="acronym"/> (dots ignored) spells the initials of <paramref name="name"/>.</summary>
    public static bool IsAcronymOf(string acronym, string name)
    {
        var a = NameKey.Normalize(acronym).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return a.Length >= 2 && string.Equals(a, Initials(name), StringComparison.Ordinal);
    }

    /// <summary>
    /// Turns a PETRARCH name ("ABU_NIDAL_ORGANIZATION_", "IZZ_AD-DIN_AL_QASSAM") into display case
    /// ("Abu Nidal Organization", "Izz ad-Din al Qassam"), keeping acronyms upper case.
    /// </summary>
    public string ProperCase(string upperName, IReadOnlySet<string> localAcronyms)
    {
        var words = upperName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        for (int i = 0; i < words.Length; i++)
            result.Add(CaseWord(words[i], i == 0, words.Length == 1, localAcronyms));
        return string.Join(' ', result);
    }

    private string CaseWord(string w, bool first, bool only, IReadOnlySet<string> localAcronyms)
    {
        if (w.Any(char.IsLower)) return w;
        var bare = w.Replace(".", "", StringComparison.Ordinal);
        if (localAcronyms.Contains(bare) || AcronymHints.Contains(bare)) return w;
        if (w.Contains('.', StringComparison.Ordinal)) return w;
        int letters = w.Count(char.IsLetter);
        if (letters <= 1 && !(w.Length == 1 && IsSmallWord(w.ToLowerInvariant()) && !first)) return w;
        if (w.Any(char.IsDigit)) return w.ToLowerInvariant();
        if (!w.Any(c => "AEIOUY".Contains(c, StringComparison.Ordinal))) return w;
        if (only && letters <= 4) return w;
        var sb = new StringBuilder(w.Length);
        int partIndex = 0;
        foreach (var part in SplitKeep(w))
        {
            if (part is "-" or "/") { sb.Append(part); continue; }
            var lower = part.ToLowerInvariant();
            bool isFirstPart = first && partIndex == 0;
            partIndex++;
            if (!isFirstPart && IsSmallWord(lower)) { sb.Append(lower); continue; }
            sb.Append(Capitalise(lower));
        }
        return sb.ToString();
    }

    private static IEnumerable<string> SplitKeep(string w)
    {
        int start = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] is '-' or '/')
            {
                if (i > start) yield return w[start..i];
                yield return w[i].ToString();
                start = i + 1;
            }
        }
        if (start < w.Length) yield return w[start..];
    }

    private static string Capitalise(string lower)
    {
        if (lower.Length == 0) return lower;
        var chars = lower.ToCharArray();
        chars[0] = char.ToUpperInvariant(chars[0]);
        // O'Neill, D'Escoto: a one-letter prefix before the apostrophe; "People's", "Apo's" stay as they are.
        if (chars.Length > 3 && chars[1] == '\'') chars[2] = char.ToUpperInvariant(chars[2]);
        return new string(chars);
    }

    /// <summary>True when every character is Latin script (ASCII or Latin-1/Extended letters) or common punctuation.</summary>
    public static bool IsLatin(string s) => s.All(c => c < 0x250 || c is '\u2019' or '\u2018' or '\u2013');
}
