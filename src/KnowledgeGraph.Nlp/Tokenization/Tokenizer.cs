using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Tokenization;

/// <summary>
/// Splits text into tokens that keep their character offsets, in the Penn Treebank style the tagger was trained on:
/// possessive 's and n't split off, abbreviations with inner or final periods kept whole (U.N., Dec., Mr.),
/// hyphenated words and numbers with separators kept whole.
/// </summary>
public sealed class Tokenizer
{
    private readonly IReadOnlySet<string> _abbreviations;

    /// <param name="abbreviations">Words that keep their final period ("Dec.", "Mr."), compared ordinally.</param>
    public Tokenizer(IReadOnlySet<string> abbreviations)
    {
        _abbreviations = abbreviations;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>Tokenizes <paramref name="text"/>[start, end).</summary>
    public List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF' || c == '\u200B') { i++; continue; }
            if (IsWordChar(c))
            {
                int j = ScanWord(text, i, end);
                AddWord(text, i, j, tokens);
                i = j;
                continue;
            }
            // Leading apostrophe of "'s", "'re", "'ve" glued to a previous word is handled in AddWord;
            // here a lone punctuation character (or a run of identical dashes/dots) is one token.
            int k = i + 1;
            if (c is '.' or '-' or '\u2014' or '\u2013' or '*' or '=' or '_')
                while (k < end && text[k] == c) k++;
            tokens.Add(new Token(text[i..k], i, k));
            i = k;
        }
        return tokens;
    }

    /// <summary>Scans a word: letters/digits joined by inner hyphens, periods (U.N., 3.5), commas in numbers (10,689), apostrophes and ampersands.</summary>
    private int ScanWord(string text, int i, int end)
    {
        int j = i;
        // "Ph.D.", "M.Sc.": an abbreviation of dotted parts (a capital and at most one small letter each, a small letter among them) is one word
        if (DottedAbbreviationEnd(text, i, end) is int whole) return whole;
        while (j < end)
        {
            char c = text[j];
            if (IsWordChar(c)) { j++; continue; }
            bool nextIsWord = j + 1 < end && IsWordChar(text[j + 1]);
            if ((c == '-' || c == '\u2011' || c == '/' && char.IsDigit(text[j - 1])) && nextIsWord) { j++; continue; }
            if (c == '&' && nextIsWord && char.IsUpper(text[j + 1]) && char.IsUpper(text[j - 1])) { j++; continue; } // AT&T
            if (c == ',' && nextIsWord && char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1])
                && j + 3 < end + 1 && IsThreeDigits(text, j + 1, end)) { j++; continue; }
            if (c == '.' && nextIsWord && (char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1]) || IsInitialism(text, i, j))) { j++; continue; }
            if (IsApostrophe(c) && nextIsWord) { j++; continue; } // split later into clitics
            break;
        }
        // A final period belongs to the word when the word is an abbreviation ("Dec.", "U.N.", "Mr.") or an initial ("J.").
        if (j < end && text[j] == '.')
        {
            var withDot = text[i..(j + 1)];
            bool initialism = j - i >= 1 && text.AsSpan(i, j - i).Contains('.');
            bool singleCapital = j - i == 1 && char.IsUpper(text[i]);
            if (_abbreviations.Contains(withDot) || initialism || singleCapital) j++;
        }
        return j;
    }

    /// <summary>
    /// The end of "Ph.D.", "M.Sc.", "B.A." at <paramref name="i"/>: two or more parts, each a capital letter with at most
    /// one small letter and a period, with at least one small letter among them ("U.S." is left to the initialism rule), and
    /// no letter or digit after the last period ("Mr.Smith", glued words, is no such abbreviation); otherwise null.
    /// </summary>
    /// <summary>"Ph.D.", "M.Sc.": the whole word is an abbreviation of dotted parts, a small letter among them (one token).</summary>
    internal static bool IsDottedAbbreviation(string word) => DottedAbbreviationEnd(word, 0, word.Length) == word.Length;

    private static int? DottedAbbreviationEnd(string text, int i, int end)
    {
        int j = i, parts = 0;
        bool small = false;
        while (j < end && char.IsUpper(text[j]))
        {
            int k = j + 1;
            if (k < end && char.IsLower(text[k])) { k++; small = true; }
            if (k >= end || text[k] != '.') break;
            j = k + 1;
            parts++;
        }
        if (parts < 2 || !small) return null;
        if (j < end && IsWordChar(text[j])) return null;
        return j;
    }

    private static bool IsThreeDigits(string text, int at, int end)
    {
        int n = 0;
        while (at + n < end && char.IsDigit(text[at + n])) n++;
        return n == 3;
    }

    /// <summary>Single letters separated by periods: U.N, U.S, e.g.; also after a hyphen, as a party's initial opens a
    /// state's dotted abbreviation ("D-N.J.", "R-S.C."): one word, whose periods end no sentence.</summary>
    private static bool IsInitialism(string text, int wordStart, int dot)
    {
        // the segment just before the dot must be one letter, and the one after it too
        int segStart = dot - 1;
        if (segStart < wordStart || !char.IsLetter(text[segStart])) return false;
        if (segStart > wordStart && text[segStart - 1] != '.' && !(text[segStart - 1] == '-' && segStart - 1 == wordStart + 1 && char.IsUpper(text[wordStart]))
            && !HyphenedInitialism(text, segStart, dot)) return false;
        return dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]) || text[dot + 2] == '.';
    }

    /// <summary>"Brazil-U.K.", "Franco-U.S.": a hyphen, then a whole dotted initialism of capitals ("U.K.", "U.S.A."),
    /// the second part of a compound. The compound stays one word, so its periods end no sentence and no name starts
    /// with the "K." or "S." cut from it.</summary>
    private static bool HyphenedInitialism(string text, int segStart, int dot)
    {
        if (text[segStart - 1] != '-' || !char.IsUpper(text[segStart])) return false;
        int k = dot;
        int parts = 1;
        // the rest: capital + period, repeated ("S.", "S.A.")
        while (k + 2 < text.Length && char.IsUpper(text[k + 1]) && text[k + 2] == '.') { k += 2; parts++; }
        return parts >= 2 && (k + 1 >= text.Length || !char.IsLetterOrDigit(text[k + 1]));
    }

    private static readonly string[] Clitics = { "n't", "'s", "'re", "'ve", "'ll", "'d", "'m" };

    /// <summary>Adds a word, splitting Penn-style clitics: "Chad's" -> "Chad" "'s", "wasn't" -> "was" "n't".</summary>
    private static void AddWord(string text, int start, int end, List<Token> tokens)
    {
        int len = end - start;
        if (len >= 3)
        {
            // Normalise curly apostrophes only for matching; offsets and surface text stay as written.
            var lower = text.Substring(start, len).Replace('\u2019', '\'').Replace('\u02BC', '\'').ToLowerInvariant();
            foreach (var clitic in Clitics)
            {
                if (lower.Length > clitic.Length && lower.EndsWith(clitic, StringComparison.Ordinal))
                {
                    int cut = end - clitic.Length;
                    if (clitic == "n't" && lower == "can't") cut = end - 3; // ca n't
                    tokens.Add(new Token(text[start..cut], start, cut));
                    tokens.Add(new Token(text[cut..end], cut, end));
                    return;
                }
            }
            // Plural possessive or other apostrophe inside: "O'Brien" stays whole.
        }
        tokens.Add(new Token(text[start..end], start, end));
    }
}
