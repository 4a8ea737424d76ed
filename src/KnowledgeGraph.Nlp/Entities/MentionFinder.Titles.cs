using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// Titles of works, bill and law numbers (branch title39, issue 10): a title the text introduces as the title of a report,
/// a hearing, a study ... is one title, and the names inside it are no actors unless the article uses them outside a title;
/// a chamber's bill prefix with its number ("H.R. 4821", "S.Res. 92", "P.L. 118-40") names a bill, no actor.
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>Nouns for works that have a title: "a report on ...", "a hearing, entitled ...", "its annual report, ...".</summary>
    private static readonly HashSet<string> WorkNouns = new(StringComparer.Ordinal)
    {
        "report", "reports", "study", "studies", "hearing", "hearings", "briefing", "briefings", "factsheet", "factsheets",
        "letter", "statement", "op-ed", "article", "book", "documentary", "podcast", "series", "index", "analysis",
        "paper", "essay", "film", "novel", "survey", "webinar", "symposium",
    };

    /// <summary>Nouns for laws and bills: "legislation known as 'KORA'" names a law.</summary>
    private static readonly HashSet<string> LawNouns = new(StringComparer.Ordinal)
    {
        "law", "laws", "bill", "bills", "act", "legislation", "statute", "measure", "resolution", "amendment", "ordinance", "decree", "regulation", "directive",
    };

    /// <summary>Small words a title's capitalised words may hold: "Attacks on Fishing Crews and Harbour Pilots in Kessa Bay".</summary>
    private static readonly HashSet<string> TitleSmallWords = new(StringComparer.Ordinal)
    {
        "of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with", "or", "against", "from", "between", "'s", "\u2019s", "&", ":", "-", "\u2013", "\u2014",
    };

    private static bool IsQuoteToken(string w) => w is "\"" or "\u201c" or "\u201d" or "``" or "''" or "'" or "\u2018" or "\u2019";

    /// <summary>
    /// A chamber's bill prefix or the public-law prefix, written with or without its dots ("H.R.", "H. Res", "S.Res",
    /// "H.J.Res", "S.Con.Res", "P.L."), as the joined text of one to four tokens.
    /// </summary>
    private static readonly Regex BillPrefix = new(@"^(H\.?R|S|H\.?(J\.?|Con\.?)?Res|S\.?(J\.?|Con\.?)?Res|P\.?L)\.?$", RegexOptions.CultureInvariant);

    /// <summary>The number of tokens (1 to 4) from <paramref name="i"/> on that write a bill prefix, or 0.</summary>
    private static int BillPrefixAt(List<string> words, int i, int end)
    {
        // (every prefix opens with H, S or P: no text is built for any other word)
        if (i >= end || words[i].Length == 0 || words[i][0] is not ('H' or 'S' or 'P')) return 0;
        int best = 0;
        var sb = new StringBuilder();
        for (int k = i; k < end && k < i + 4; k++)
        {
            sb.Append(words[k]);
            if (BillPrefix.IsMatch(sb.ToString())) best = k - i + 1;
        }
        return best;
    }

    /// <summary>A bill's number at <paramref name="i"/>: digits, maybe after a full stop ("H.Res.860" -> ".", "860").</summary>
    private static bool BillNumberAt(List<string> words, int i) =>
        i < words.Count && words[i].Length > 0 && (char.IsAsciiDigit(words[i][0]) || words[i][0] == '.' && words[i].Length > 1 && char.IsAsciiDigit(words[i][1])
            || words[i] == "." && i + 1 < words.Count && words[i + 1].Length > 0 && char.IsAsciiDigit(words[i + 1][0]));

    /// <summary>
    /// The token ranges of a sentence that are titles of works: after a work noun written in lower case, (1) words in quotation
    /// marks, right after the noun, a comma, a colon or "entitled"/"titled"/"called", when most of their words are capitalised
    /// (a quoted sentence is speech); (2) a run of capitalised words (and a title's small words) after "entitled"/"titled"/
    /// "called", after a comma or colon, or after "on"/"about", when its first word is a common word or a gerund (not a name)
    /// and it is no body's name (no body's head keyword, no verb right after it: "the report, Human Rights Watch said").
    /// </summary>
    private List<(int First, int End)> WorkTitles(Sentence s, List<string> words)
    {
        List<(int, int)>? result = null;
        for (int i = 0; i + 1 < words.Count; i++)
        {
            var w = words[i];
            int j;
            // "the Act Governing Relations between the Isles and the Mainland": a law's head opening its name before a
            // capitalised gerund is a title that runs on over the capitalised words and small words after it
            if (i > 0 && words[i - 1] is "the" or "The" or "an" or "An" && IsTitleCase(w) && _lex.DocumentHeads.Contains(w) && IsTitleCase(words[i + 1])
                && words[i + 1].Length > 5 && words[i + 1].EndsWith("ing", StringComparison.Ordinal))
            {
                int end = TitleRunEnd(words, i + 1);
                (result ??= new()).Add((i, end));
                i = end - 1;
                continue;
            }
            if (WorkNouns.Contains(w)) j = i + 1;
            else if (w == "fact" && words[i + 1] == "sheet") j = i + 2;
            else continue;
            bool separator = false, intro = false, about = false;
            if (j < words.Count && words[j] is "," or ":") { separator = true; j++; }
            if (j < words.Count && words[j] is "entitled" or "titled" or "called") { intro = true; j++; if (j < words.Count && words[j] is "," or ":") j++; }
            if (j >= words.Count) continue;
            if (IsQuoteToken(words[j]))
            {
                int k = j + 1;
                while (k < words.Count && k <= j + 30 && !IsQuoteToken(words[k])) k++;
                if (k >= words.Count || k > j + 30 || k == j + 1) continue;
                int content = 0, capital = 0;
                for (int m = j + 1; m < k; m++)
                {
                    if (words[m].Length <= 3 || !char.IsLetter(words[m][0])) continue;
                    content++;
                    if (char.IsUpper(words[m][0])) capital++;
                }
                if (content == 0 || capital * 3 < content * 2) continue;
                (result ??= new()).Add((j + 1, k));
                i = k;
                continue;
            }
            if (!intro && !separator && j == i + 1 && words[j] is "on" or "about") { about = true; j++; }
            if (!intro && !separator && !about) continue;
            if (j >= words.Count || !IsCapitalized(words[j])) continue;
            var first = words[j].ToLowerInvariant();
            if (!(_lex.CommonWords.Contains(first) || first.Length > 5 && first.EndsWith("ing", StringComparison.Ordinal))) continue;
            if (_lex.Gazetteer.Lookup(words[j]).Count > 0 || _lex.Titles.LongestMatchAt(words, j).Item1 > 0) continue;
            int e = TitleRunEnd(words, j);
            if (Enumerable.Range(j, e - j).Count(k => IsCapitalized(words[k])) < 2) continue;
            if (e < words.Count && s.Tokens[e].Tag is { } tag && tag.StartsWith("VB", StringComparison.Ordinal)) continue;
            if (Keyword(words, j, e) is { Type: EntityType.Organization }) continue;
            (result ??= new()).Add((j, e));
            i = e - 1;
        }
        return result ?? NoTitles;
    }

    private static readonly List<(int First, int End)> NoTitles = new();

    /// <summary>The end of a title's run from <paramref name="j"/>: capitalised words, numbers, and a title's small words
    /// between them (at most 25 tokens).</summary>
    private static int TitleRunEnd(List<string> words, int j)
    {
        int e = j;
        while (e < words.Count && e - j < 25)
        {
            if (IsCapitalized(words[e]) || char.IsAsciiDigit(words[e][0]) && e > j) e++;
            else if (TitleSmallWords.Contains(words[e]) && e + 1 < words.Count && (IsCapitalized(words[e + 1]) || TitleSmallWords.Contains(words[e + 1]))) e++;
            else break;
        }
        return e;
    }

    /// <summary>
    /// The article's words outside titles of works, for the test "is this name used outside a title" ("Kessa Bay" written
    /// in a sentence of its own too): each word's places are indexed once, and each distinct name is looked up once, at its
    /// first word's places only, so the test stays near-linear in the article however many titles it has.
    /// </summary>
    private sealed class WordsOutsideTitles
    {
        private const string Gap = "|"; // a title's word or a sentence's end: no name runs across it
        private readonly List<string> _words = new();
        private readonly Dictionary<string, List<int>> _places = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

        public WordsOutsideTitles(IReadOnlyList<Sentence> sentences, Dictionary<int, List<(int First, int End)>> titles)
        {
            foreach (var s in sentences)
            {
                titles.TryGetValue(s.Index, out var ranges);
                for (int t = 0; t < s.Tokens.Count; t++)
                    Add(ranges != null && ranges.Any(r => t >= r.First && t < r.End) ? Gap : s.Tokens[t].Text);
                Add(Gap);
            }
        }

        private void Add(string word)
        {
            if (!_places.TryGetValue(word, out var at)) _places[word] = at = new List<int>();
            at.Add(_words.Count);
            _words.Add(word);
        }

        /// <summary>The words <paramref name="first"/> to <paramref name="end"/> (exclusive) are written, in this order,
        /// somewhere outside every title.</summary>
        public bool Contains(List<string> words, int first, int end)
        {
            var name = WordRun.Join(words, first, end - first);
            if (_known.TryGetValue(name, out var known)) return known;
            bool found = _places.TryGetValue(words[first], out var at) && at.Exists(p => Follows(words, first, end, p));
            _known[name] = found;
            return found;
        }

        private bool Follows(List<string> words, int first, int end, int p)
        {
            if (p + end - first > _words.Count) return false;
            for (int k = first; k < end; k++)
                if (!string.Equals(_words[p + k - first], words[k], StringComparison.Ordinal)) return false;
            return true;
        }
    }

    /// <summary>"legislation known as 'KORA'", "the bill, called KORA": a name right after a law's noun and "known as" or "called" names that law.</summary>
    private static bool NamedAsLaw(List<string> words, int first)
    {
        int k = first - 1;
        if (k >= 0 && IsQuoteToken(words[k])) k--;
        if (k >= 1 && words[k] == "as" && words[k - 1] == "known") k -= 2;
        else if (k >= 0 && words[k] is "called" or "dubbed") k--;
        else return false;
        if (k >= 0 && words[k] == ",") k--;
        return k >= 0 && LawNouns.Contains(words[k]);
    }

    /// <summary>
    /// "the Coastal Fisheries Act of 2011 (CFA)", "the Reef Act, 2019 (RA)": the acronym in brackets after a document's name
    /// and its year (after "of" or a comma, or alone) at <paramref name="end"/>, or null.
    /// </summary>
    private static string? AcronymAfterYear(List<string> words, int end)
    {
        int k = end;
        if (k < words.Count && words[k] is "of" or ",") k++;
        if (k >= words.Count || words[k].Length != 4 || !words[k].All(char.IsAsciiDigit)) return null;
        k++;
        return k + 2 < words.Count && words[k] == "(" && words[k + 2] == ")" && NameKey.IsAcronymShape(words[k + 1]) ? words[k + 1] : null;
    }
}
