using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Tokenization;

/// <summary>
/// Splits a document into sentences over its tokens. A line break always ends a sentence (news text puts headlines,
/// captions and paragraphs on their own lines). A period, question or exclamation mark ends one unless the token is an
/// abbreviation that does not end sentences ("Mr.", "Maj.", "Gen."), a month abbreviation followed by a number
/// ("Dec. 9"), or the next word starts in lower case. Closing quotes and brackets after the mark stay with the sentence.
/// No sentence has more than <see cref="MaxTokens"/> tokens: a longer run (a line with no sentence end, a list, a run of
/// punctuation) is cut at its last clause boundary (a semicolon, else a colon or dash, else a comma) in the second half
/// of each <see cref="MaxTokens"/> window, or at the cap when there is none, so every later stage works on bounded sentences.
/// Tokens keep their offsets into the original text either way.
/// </summary>
public sealed class SentenceSplitter
{
    private readonly Tokenizer _tokenizer;
    private readonly IReadOnlySet<string> _neverFinal;

    /// <param name="tokenizer">The tokenizer.</param>
    /// <param name="neverFinalAbbreviations">Abbreviations after which a sentence never ends ("Mr.", "Dr.", "Gen.").</param>
    public SentenceSplitter(Tokenizer tokenizer, IReadOnlySet<string> neverFinalAbbreviations)
    {
        _tokenizer = tokenizer;
        _neverFinal = neverFinalAbbreviations;
    }

    /// <summary>The most tokens one sentence may have (news sentences rarely pass 80).</summary>
    public const int MaxTokens = 150;

    private static bool IsClosing(string t) => t is "\"" or "\u201D" or "\u2019" or "'" or ")" or "]" or "\u00BB";
    private static bool IsOpening(string t) => t is "\"" or "\u201C" or "\u2018" or "'" or "(" or "[" or "\u00AB";

    public IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOfAny(LineBreaks, lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    /// <summary>Characters that end a line: line feed, carriage return (old Mac files), vertical tab, form feed, next line, line and paragraph separators.</summary>
    private static readonly char[] LineBreaks = { '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029' };

    private void SplitLine(string text, int start, int end, List<Sentence> sentences)
    {
        var tokens = _tokenizer.Tokenize(text, start, end);
        int first = 0;
        int dateline = DatelineEnd(tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i == dateline || GluedHeading(text, tokens, i))
            {
                // "WASHINGTON, June 3 --" and a heading glued to its paragraph by spaces ("Kenya   More than ...") are
                // lines of their own
                Add(tokens, first, i, sentences);
                first = i + 1;
                continue;
            }
            if (!EndsSentence(tokens, i)) continue;
            int last = i;
            while (last + 1 < tokens.Count && IsClosing(tokens[last + 1].Text) && !OpensNext(tokens, last + 1)) last++;
            Add(tokens, first, last, sentences);
            first = last + 1;
            i = last;
        }
        if (first < tokens.Count) Add(tokens, first, tokens.Count - 1, sentences);
    }

    private static bool IsDash(string t) => t is "-" or "--" or "\u2014" or "\u2013";

    /// <summary>
    /// A dateline opening a line: a place in capitals ("WASHINGTON", "MOUNTAIN HOME AIR FORCE BASE"), then at most a
    /// dozen tokens of region and date with no sentence end, then a dash before a capitalised word. Returns the dash's
    /// token index (the dateline's last token), or -1.
    /// </summary>
    private static int DatelineEnd(List<Token> tokens)
    {
        int caps = 0;
        while (caps < tokens.Count && tokens[caps].Text.Length >= 2 && tokens[caps].Text.Any(char.IsLetter)
               && tokens[caps].Text.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))) caps++;
        if (caps == 0 || tokens[0].Text.Count(char.IsLetter) < 3) return -1;
        for (int i = caps; i < tokens.Count - 1 && i <= caps + 12; i++)
        {
            var t = tokens[i].Text;
            if (t is "?" or "!" || t == "." || t.Length > 3 && t.EndsWith('.') && char.IsLower(t[0])) return -1;
            if (IsDash(t)) return char.IsUpper(tokens[i + 1].Text[0]) && i + 2 < tokens.Count ? i : -1;
            // "ANCHORAGE, Alaska–": the tokenizer may leave the dash on the word
            if (t.Length > 1 && (t[^1] is '\u2014' or '\u2013') && char.IsUpper(tokens[i + 1].Text[0])) return i;
        }
        return -1;
    }

    /// <summary>
    /// A heading glued to the next sentence on one line ("Kenya   More than 200 people ..."): two or more spaces or a tab
    /// between a capitalised or numbered word and a capitalised one. Single spaces never split, nor does a gap after a
    /// lower-case word ("the  Army", sloppy spacing inside a sentence).
    /// </summary>
    private static bool GluedHeading(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count) return false;
        int gap = tokens[i + 1].Start - tokens[i].End;
        bool tab = text.AsSpan(tokens[i].End, gap).Contains('\t');
        if (gap < 2 && !tab) return false;
        var (left, right) = (tokens[i].Text, tokens[i + 1].Text);
        if (!char.IsUpper(right[0]) || right.Length < 2) return false;
        if (!(char.IsUpper(left[0]) || char.IsDigit(left[0]) || left is ":" or ")")) return false;
        // two spaces may be sloppy spacing inside a name ("Ana  Ruiz"): only before a word that opens sentences
        return tab || gap >= 3 || IsCommonSentenceStart(right);
    }

    /// <summary>A straight quote right after the mark opens the next sentence when a space precedes it and a word follows directly.</summary>
    private static bool OpensNext(List<Token> tokens, int i) =>
        tokens[i].Text is "\"" or "'" && i > 0 && tokens[i].Start > tokens[i - 1].End;

    private bool EndsSentence(List<Token> tokens, int i)
    {
        var t = tokens[i].Text;
        if (i + 1 >= tokens.Count) return false; // the line end closes it anyway
        // only a mark or a word with a period can end a sentence: the look-ahead below runs for these alone, so a run
        // of brackets or quotes is not scanned once per token
        if (!(t is "?" or "!" or "..." or "\u2026" || t.EndsWith('.'))) return false;
        int n = i + 1;
        while (n < tokens.Count && (IsClosing(tokens[n].Text) && !OpensNext(tokens, n))) n++;
        while (n < tokens.Count && IsOpening(tokens[n].Text)) n++;
        if (n >= tokens.Count) return false;
        var next = tokens[n].Text;
        bool nextStartsSentence = char.IsUpper(next[0]) || char.IsDigit(next[0]) || next[0] is '\u201C' or '"' or '(' or '[';
        if (t is "?" or "!" or "..." or "\u2026") return nextStartsSentence;
        if (t == ".") return nextStartsSentence || next[0] is '-' or '\u2014';
        if (!t.EndsWith('.')) return false;
        // The token carries a period: an abbreviation or initialism.
        if (_neverFinal.Contains(t)) return false;
        if (!nextStartsSentence) return false;
        if (t.Length == 2 && char.IsUpper(t[0])) return false; // an initial: "J. Smith"
        if (char.IsDigit(next[0]) && t.Length <= 5 && char.IsUpper(t[0]) && t.IndexOf('.') == t.Length - 1) return false; // "Dec. 9", "No. 5"
        // "U.S." or "etc." before a capitalised word: ends the sentence unless the next word is a name continuing it,
        // which we cannot know; proper-noun continuations ("U.S. Army") are common, so require a sentence-start word.
        return IsCommonSentenceStart(next);
    }

    /// <summary>Words that start sentences far more often than they continue a name after "U.S." or "Inc.".</summary>
    private static bool IsCommonSentenceStart(string word) => word is "The" or "A" or "An" or "It" or "He" or "She" or "They"
        or "We" or "I" or "In" or "On" or "At" or "But" or "And" or "This" or "That" or "These" or "Those" or "There"
        or "His" or "Her" or "Its" or "Their" or "Our" or "After" or "Before" or "When" or "While" or "However" or "Officials"
        or "Meanwhile" or "Since" or "As" or "If" or "For" or "So" or "Some" or "Many" or "Most" or "No" or "Yet" or "More" or "About"
        or "Nearly" or "Several" or "All";

    private static void Add(List<Token> tokens, int first, int last, List<Sentence> sentences)
    {
        while (last - first + 1 > MaxTokens)
        {
            int cut = ClauseEnd(tokens, first, first + MaxTokens - 1);
            AddPiece(tokens, first, cut, sentences);
            first = cut + 1;
        }
        AddPiece(tokens, first, last, sentences);
    }

    /// <summary>Where to cut a run that is too long: the last token of its last clause in [first + MaxTokens/2, limit], else limit.</summary>
    private static int ClauseEnd(List<Token> tokens, int first, int limit)
    {
        int floor = first + MaxTokens / 2;
        for (int rank = 0; rank < 3; rank++)
            for (int k = limit; k >= floor; k--)
                if (BoundaryRank(tokens[k].Text) == rank) return k;
        return limit;
    }

    private static int BoundaryRank(string t) => t switch
    {
        ";" => 0,
        ":" or "-" or "--" or "\u2014" or "\u2013" => 1,
        "," => 2,
        _ => -1,
    };

    private static void AddPiece(List<Token> tokens, int first, int last, List<Sentence> sentences)
    {
        var slice = tokens.GetRange(first, last - first + 1);
        sentences.Add(new Sentence(sentences.Count, new TextSpan(slice[0].Start, slice[^1].End), slice));
    }
}
