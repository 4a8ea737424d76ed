using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// The pipeline's last entity stage: records, for each entity of a document, what the text offers as support for it
/// (<see cref="EntityEvidence"/>): which finders named it, how sure the recogniser was, where its names stand. The graph
/// turns this into a node's confidence. Linear in mentions plus recogniser spans per sentence.
/// </summary>
public static class EntityConfidence
{
    /// <summary>The entities with their <see cref="DocumentEntity.Evidence"/> set.</summary>
    /// <param name="text">The document's text (null: no <see cref="MentionContext"/> of lines, only of sentences and words).</param>
    public static List<DocumentEntity> Attach(IReadOnlyList<DocumentEntity> entities, IReadOnlyList<Sentence> sentences, IReadOnlyList<NerSpan> ner, string? text = null)
    {
        var bySentence = ner.Where(n => !float.IsNaN(n.Margin)).ToLookup(n => n.Sentence);
        var lines = text is null ? null : new Lines(text);
        return entities.Select(e => e with { Evidence = Evidence(e, sentences, bySentence, lines) }).ToList();
    }

    internal static EntityEvidence Evidence(DocumentEntity e, IReadOnlyList<Sentence> sentences, ILookup<int, NerSpan> ner, Lines? lines = null)
    {
        float margin = float.NaN;
        bool otherType = false;
        float marginSum = 0;
        int marginCount = 0;
        foreach (var m in e.Mentions)
        {
            if (m.Source is not ("ner" or "ner+context" or EntityClusterer.GuessedAcronymSource)) continue;
            foreach (var n in ner[m.SentenceIndex])
            {
                var tokens = sentences[n.Sentence].Tokens;
                // the recogniser's span, as the mention finder may have trimmed or extended it
                if (tokens[n.First].Start < m.Span.End && m.Span.Start < tokens[n.End - 1].End)
                {
                    margin = float.IsNaN(margin) ? n.Margin : Math.Max(margin, n.Margin);
                    marginSum += n.Margin;
                    marginCount++;
                    if (MentionFinder.RecogniserType(n.Label) is { } t && t != e.Type) otherType = true;
                }
            }
        }
        var named = e.Mentions.Where(m => m.Kind is MentionKind.Name or MentionKind.Acronym).ToList();
        // a recogniser mention retyped by its context ("near X") is still the recogniser's; an entity with no mention
        // of its own (a community of several) is no recogniser guess
        var own = e.Mentions.Where(m => m.Kind != MentionKind.Pronoun).ToList();
        var context = Context(named, sentences, lines, MathF.Round(marginSum, 2), marginCount);
        return new EntityEvidence(
            Gazetteer: e.Mentions.Any(m => m.Source == "gazetteer"),
            Rule: e.Mentions.Any(m => m.Source is "rule" or "surname"),
            RecogniserOnly: own.Count > 0 && own.All(m => m.Source is "ner" or "ner+context" or EntityClusterer.GuessedAcronymSource or "coref"),
            Canonical: e.Mentions.Any(m => m.Canonical is not null),
            Margin: float.IsNaN(margin) ? margin : MathF.Round(margin, 2),
            AllSentenceInitial: named.Count > 0 && context.Opening == named.Count,
            OnlyInFirstSentence: named.Count > 0 && named.All(m => m.SentenceIndex == 0),
            RecogniserOtherType: otherType)
        { Context = context };
    }

    /// <summary>
    /// Where the name mentions stand (<see cref="MentionContext"/>): counted over them, and the words around the first. Each
    /// mention looks up its line (binary search; each line's kind is read once) and its tokens (binary search): linear.
    /// </summary>
    internal static MentionContext Context(IReadOnlyList<Mention> named, IReadOnlyList<Sentence> sentences, Lines? lines, float marginSum, int marginCount)
    {
        int opening = 0, headline = 0, title = 0, list = 0, dateline = 0, citation = 0, unpunctuated = 0;
        foreach (var m in named)
        {
            if (OpensSentence(sentences[m.SentenceIndex], m)) opening++;
            if (lines is null) continue;
            var kind = lines.KindAt(m.Span.Start);
            if ((kind & LineKind.Headline) != 0) headline++;
            if ((kind & LineKind.TitleCase) != 0) title++;
            if ((kind & LineKind.ListItem) != 0) list++;
            if ((kind & LineKind.Dateline) != 0 && m.Span.Start < lines.DatelineEnd) dateline++;
            if ((kind & LineKind.Citation) != 0) citation++;
            if ((kind & LineKind.Unpunctuated) != 0) unpunctuated++;
        }
        var keys = new List<string>(4);
        if (named.Count > 0)
        {
            var m = named[0];
            var tokens = sentences[m.SentenceIndex].Tokens;
            int first = FirstTokenAt(tokens, m.Span.Start);
            int last = first;
            while (last + 1 < tokens.Count && tokens[last + 1].Start < m.Span.End) last++;
            var before = first > 0 && first < tokens.Count ? tokens[first - 1] : null;
            var after = last + 1 < tokens.Count ? tokens[last + 1] : null;
            keys.Add("prev=" + (before?.Upos ?? "^"));
            keys.Add("next=" + (after?.Upos ?? "$"));
            keys.Add("prevw=" + (before?.Text.ToLowerInvariant() ?? "^"));
            keys.Add("nextw=" + (after?.Text.ToLowerInvariant() ?? "$"));
        }
        return new MentionContext(named.Count, opening, headline, title, list, dateline, citation, unpunctuated, marginSum, marginCount,
            MentionContext.Bounded(keys));
    }

    /// <summary>The index of the first token that ends after <paramref name="offset"/> (tokens are in text order).</summary>
    private static int FirstTokenAt(IReadOnlyList<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The kinds of line a mention can sit on (several may hold).</summary>
    [Flags]
    internal enum LineKind
    {
        None = 0,
        /// <summary>The article's first line with a letter.</summary>
        Headline = 1,
        /// <summary>Three words or more, each word of four letters or more capitalised ("Ministers Meet In Varnholt").</summary>
        TitleCase = 2,
        /// <summary>Opens with a bullet or dash, or a number and '.' or ')'.</summary>
        ListItem = 4,
        /// <summary>Opens with a word in capitals followed by a comma, a dash or a bracket, as news datelines do ("VARNHOLT, Ostland (Wire) —").</summary>
        Dateline = 8,
        /// <summary>A web address, "doi", or a year in brackets ("(2019)"): a reference or citation line.</summary>
        Citation = 16,
        /// <summary>Ends without sentence punctuation (a heading, a caption, a label).</summary>
        Unpunctuated = 32,
    }

    /// <summary>A document's lines, found once; each line's kind read at most once.</summary>
    internal sealed class Lines
    {
        private readonly string _text;
        private readonly List<int> _starts = new() { 0 };
        private readonly Dictionary<int, LineKind> _kinds = new();
        private readonly int _headline;

        public Lines(string text)
        {
            _text = text;
            for (int i = 0; i < text.Length; i++) if (text[i] == '\n') _starts.Add(i + 1);
            _headline = -1;
            for (int l = 0; l < _starts.Count && _headline < 0; l++)
                for (int i = _starts[l], end = End(l); i < end; i++)
                    if (char.IsLetter(text[i])) { _headline = l; break; }
        }

        /// <summary>Where the dateline of the line last asked for ends (its first dash or bracket); meaningful only when that line is a dateline.</summary>
        public int DatelineEnd { get; private set; }

        private int End(int line) => line + 1 < _starts.Count ? _starts[line + 1] - 1 : _text.Length;

        public LineKind KindAt(int offset)
        {
            int lo = 0, hi = _starts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (_starts[mid] <= offset) lo = mid; else hi = mid - 1;
            }
            if (!_kinds.TryGetValue(lo, out var kind)) _kinds[lo] = kind = Read(lo);
            DatelineEnd = (kind & LineKind.Dateline) != 0 ? DatelineEndOf(lo) : -1;
            return kind;
        }

        private LineKind Read(int line)
        {
            var s = _text.AsSpan(_starts[line], End(line) - _starts[line]).Trim();
            var kind = line == _headline ? LineKind.Headline : LineKind.None;
            if (s.IsEmpty) return kind;
            // The line's words are its runs of non-space characters, read in place (no copy of the line).
            int words = 0;
            bool titled = true;
            ReadOnlySpan<char> firstWord = default;
            for (int i = 0; i < s.Length;)
            {
                if (char.IsWhiteSpace(s[i])) { i++; continue; }
                int start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                var w = s[start..i];
                if (words++ == 0) firstWord = w;
                if (titled)
                {
                    int letters = 0;
                    char firstLetter = '\0';
                    foreach (var c in w)
                        if (char.IsLetter(c)) { if (letters++ == 0) firstLetter = c; }
                    if (letters >= 4 && !char.IsUpper(firstLetter)) titled = false;
                }
            }
            if (words >= 3 && titled && AnyLower(s)) kind |= LineKind.TitleCase;
            if (s[0] is '•' or '*' or '-' or '–' or '—' or '·' or '▪' or '◦'
                || (firstWord.Length is >= 2 and <= 4 && AllDigits(firstWord[..^1]) && firstWord[^1] is '.' or ')'))
                kind |= LineKind.ListItem;
            var head = firstWord.TrimEnd(",:");
            if (head.Length >= 3 && IsDatelineHead(head) && DatelineEndOf(line) > 0)
                kind |= LineKind.Dateline;
            if (s.Contains("http", StringComparison.Ordinal) || s.Contains("www.", StringComparison.Ordinal)
                || s.Contains("doi", StringComparison.Ordinal) || HasBracketedYear(s))
                kind |= LineKind.Citation;
            if (s[^1] is not ('.' or '?' or '!' or '"' or '\'' or '”' or '’' or ':' or ';' or ')'))
                kind |= LineKind.Unpunctuated;
            return kind;
        }

        private static bool AnyLower(ReadOnlySpan<char> s)
        {
            foreach (var c in s) if (char.IsLower(c)) return true;
            return false;
        }

        private static bool AllDigits(ReadOnlySpan<char> s)
        {
            foreach (var c in s) if (!char.IsDigit(c)) return false;
            return true;
        }

        /// <summary>Capitals, '.', '-' and apostrophes only, with three letters or more ("VARNHOLT", "U.N.").</summary>
        private static bool IsDatelineHead(ReadOnlySpan<char> head)
        {
            int letters = 0;
            foreach (var c in head)
            {
                if (!(char.IsUpper(c) || c is '.' or '-' or '\'')) return false;
                if (char.IsLetter(c)) letters++;
            }
            return letters >= 3;
        }

        /// <summary>The offset of the first dash (" — ", " – ", " - ", " -- ") or opening bracket in the line's first 80 characters, or -1.</summary>
        private int DatelineEndOf(int line)
        {
            int start = _starts[line], end = Math.Min(End(line), start + 80);
            for (int i = start + 1; i < end; i++)
            {
                char c = _text[i];
                if (c is '—' or '–' or '(') return i;
                if (c == '-' && _text[i - 1] == ' ' && i + 1 < end && _text[i + 1] is ' ' or '-') return i;
            }
            return -1;
        }

        private static bool HasBracketedYear(ReadOnlySpan<char> s)
        {
            for (int i = 0; i + 5 < s.Length; i++)
                if (s[i] == '(' && s[i + 5] == ')' && s[i + 1] is '1' or '2' && char.IsDigit(s[i + 2]) && char.IsDigit(s[i + 3]) && char.IsDigit(s[i + 4]))
                    return true;
            return false;
        }
    }

    /// <summary>Whether the mention is the sentence's first word (bullets and quotation marks before it do not count).</summary>
    private static bool OpensSentence(Sentence s, Mention m) =>
        s.Tokens.FirstOrDefault(t => char.IsLetterOrDigit(t.Text[0])) is { } first && first.Start == m.Span.Start;
}
