using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// One tagged sentence as the relation patterns see it: words, Penn tags, lowercase lemmas and, per token, the
/// mention covering it. Built per call; never shared between threads.
/// </summary>
internal sealed class SentenceView
{
    private readonly int[] _mentionAt;

    /// <param name="verbFirstWords">First words of verb triggers, to repair tagger slips on them (see <see cref="Repair"/>).</param>
    /// <param name="lemmatize">(word, Penn tag) -> lemma, or null.</param>
    public SentenceView(AnalysisContext context, int sentenceIndex, IReadOnlySet<string>? verbFirstWords = null, Func<string, string, string>? lemmatize = null)
    {
        Context = context;
        Index = sentenceIndex;
        Sentence = context.Sentences[sentenceIndex];
        int n = Sentence.Tokens.Count;
        Words = new string[n];
        Tags = new string[n];
        Lemmas = new string[n];
        for (int i = 0; i < n; i++)
        {
            var t = Sentence.Tokens[i];
            Words[i] = t.Text;
            Tags[i] = t.Tag ?? "NN";
            Lemmas[i] = (t.Lemma ?? t.Text).ToLowerInvariant().Replace('\u2019', '\'');
        }
        Mentions = context.MentionsIn(sentenceIndex);
        _mentionAt = new int[n];
        Array.Fill(_mentionAt, -1);
        for (int m = 0; m < Mentions.Count; m++)
            for (int i = Mentions[m].FirstToken; i < Mentions[m].EndToken && i < n; i++)
                if (_mentionAt[i] < 0) _mentionAt[i] = m;
        if (verbFirstWords is not null) Repair(verbFirstWords, lemmatize);
        PluralForms = new string[n];
        for (int i = 0; i < n; i++) PluralForms[i] = Tags[i] is "NNS" or "NNPS" ? Words[i].ToLowerInvariant() : Lemmas[i];
    }

    /// <summary>
    /// Repairs two slips of a statistical tagger that would hide a relation: a verb lemma cut wrongly ("expelled" ->
    /// "expell", "blamed" -> "blam"; the word's regular stems are tried instead), and a past-tense trigger verb tagged
    /// as a noun or adjective right after its subject ("The battalion withdrew/NN from ..."). Only words whose verb
    /// lemma is a known trigger are touched.
    /// </summary>
    private void Repair(IReadOnlySet<string> verbs, Func<string, string, string>? lemmatize)
    {
        for (int i = 0; i < Count; i++)
        {
            var lower = Words[i].ToLowerInvariant();
            // "precision U.S. airstrikes/VBZ against X": a plural noun the tagger took for a verb before "against"
            if (Tags[i] == "VBZ" && i + 1 < Count && Lower(i + 1) == "against" && i > 0 && (MentionAt(i - 1) is not null || Tags[i - 1] is "NN" or "NNP" or "JJ")
                && lower.EndsWith('s') && !verbs.Contains(Lemmas[i]))
            {
                Tags[i] = "NNS";
                Lemmas[i] = lower[..^1];
                continue;
            }
            if (IsVerb(i))
            {
                // an unseen verb the learned rules cut wrongly: "blamed" -> "blam", "expelled" -> "expell"
                if (!verbs.Contains(Lemmas[i]) && RegularStems(lower).FirstOrDefault(verbs.Contains) is { } stem)
                    Lemmas[i] = stem;
                continue;
            }
            if (MentionAt(i) is not null || i == 0 || !(IsNoun(i) || IsAdjective(i)) || Tags[i] is "NNS" or "NNPS") continue;
            if (Words[i].Length == 0 || !char.IsLower(Words[i][0])) continue;
            var verbLemma = (lemmatize?.Invoke(Words[i], "VBD") ?? lower).ToLowerInvariant();
            if (verbLemma == lower || !verbs.Contains(verbLemma)) continue;
            bool afterSubject = MentionAt(i - 1) is not null || Tags[i - 1] is "NN" or "NNS" or "NNP" or "NNPS" or "PRP";
            bool beforeObject = i + 1 < Count && (MentionAt(i + 1) is not null || Tags[i + 1] is "IN" or "DT" or "PRP$" or "RP" or "TO" or "CD" or "JJ" or "JJR" or "NN" or "NNS");
            if (afterSubject && beforeObject)
            {
                Tags[i] = "VBD";
                Lemmas[i] = verbLemma;
            }
        }
    }

    /// <summary>The stems a regular inflection could come from: "blamed" -> blame, blam; "carried" -> carry; "bans" -> ban.</summary>
    internal static IEnumerable<string> RegularStems(string word)
    {
        if (word.Length < 4) yield break;
        if (word.EndsWith("ied", StringComparison.Ordinal) || word.EndsWith("ies", StringComparison.Ordinal)) yield return word[..^3] + "y";
        if (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^1];
            yield return word[..^2];
            if (word.Length > 5 && word[^3] == word[^4]) yield return word[..^3];
        }
        else if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
            if (word[^4] == word[^5]) yield return word[..^4];
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) yield return word[..^1];
    }

    public AnalysisContext Context { get; }
    public int Index { get; }
    public Sentence Sentence { get; }
    public string[] Words { get; }
    public string[] Tags { get; }
    public string[] Lemmas { get; }
    /// <summary>Lemmas, except that plural nouns keep their written form: lexicon phrases name them so ("hold talks with", "impose sanctions on").</summary>
    public string[] PluralForms { get; }
    public IReadOnlyList<MentionRef> Mentions { get; }
    public int Count => Words.Length;

    /// <summary>The event arguments read for a trigger token, computed once per sentence (EventArguments.Of).</summary>
    internal Dictionary<int, EventArguments> EventArguments { get; } = new();

    /// <summary>The mention covering token <paramref name="i"/>, or null.</summary>
    public MentionRef? MentionAt(int i) => i >= 0 && i < Count && _mentionAt[i] >= 0 ? Mentions[_mentionAt[i]] : null;

    /// <summary>The mention that ends exactly at token <paramref name="i"/> (its last token), or null.</summary>
    public MentionRef? MentionEndingAt(int i)
    {
        var m = MentionAt(i);
        return m is not null && m.EndToken - 1 == i ? m : null;
    }

    public MentionRef? MentionStartingAt(int i)
    {
        var m = MentionAt(i);
        return m is not null && m.FirstToken == i ? m : null;
    }

    public EntityType TypeOf(MentionRef m) => Context.Entities[m.Entity].Type;

    /// <summary>
    /// The first token from <paramref name="j"/> that a mention covers or <paramref name="skip"/> does not pass over (the
    /// determiners and adjectives before a name: "the new Ruritanian government"), stopping before <paramref name="end"/>.
    /// </summary>
    public int SkipFrom(int j, Func<int, bool> skip, int end = int.MaxValue)
    {
        while (j < Count && j < end && MentionAt(j) is null && skip(j)) j++;
        return j;
    }

    /// <summary>
    /// <see cref="SkipFrom"/> leftwards: the first token from <paramref name="j"/> down that a mention covers or
    /// <paramref name="skip"/> does not pass over (the words before a noun phrase), stopping at <paramref name="end"/>.
    /// </summary>
    public int SkipBack(int j, Func<int, bool> skip, int end = -1)
    {
        while (j >= 0 && j > end && MentionAt(j) is null && skip(j)) j--;
        return j;
    }

    /// <summary>The token positions before <paramref name="token"/>, nearest first (lazily: a caller's TakeWhile stops the walk).</summary>
    public static IEnumerable<int> Before(int token) => Enumerable.Range(0, token).Select(i => token - 1 - i);

    /// <summary>The mention starting at <see cref="SkipFrom"/>, or null.</summary>
    public MentionRef? MentionFrom(int j, Func<int, bool> skip, int end = int.MaxValue) => MentionStartingAt(SkipFrom(j, skip, end));

    /// <summary>A determiner or an adjective: what may stand before a name in its noun phrase.</summary>
    public bool IsDetOrAdj(int i) => IsDeterminer(i) || IsAdjective(i);

    public string Tag(int i) => i >= 0 && i < Count ? Tags[i] : "";
    public string Lemma(int i) => i >= 0 && i < Count ? Lemmas[i] : "";
    public string Lower(int i) => i >= 0 && i < Count ? (_lower ??= new string?[Count])[i] ??= Words[i].ToLowerInvariant() : "";
    private string?[]? _lower; // lower-cased words, filled as asked for

    /// <summary><see cref="Relations.EventArguments.PhraseWords"/> of a head, worked out once per view (every CAMEO pattern tried asks again).</summary>
    public IReadOnlySet<string> PhraseWords(int head)
    {
        _phraseWords ??= new Dictionary<int, HashSet<string>>();
        if (!_phraseWords.TryGetValue(head, out var words)) _phraseWords[head] = words = Relations.EventArguments.PhraseWords(this, head);
        return words;
    }
    private Dictionary<int, HashSet<string>>? _phraseWords;

    public bool IsVerb(int i) => Tag(i).StartsWith("VB", StringComparison.Ordinal);
    /// <summary>A verb form that can head a clause on its own (past, present, modal).</summary>
    public bool IsFinite(int i) => Tag(i) is "VBD" or "VBZ" or "VBP" or "MD";
    public bool IsNoun(int i) => Tag(i).StartsWith("NN", StringComparison.Ordinal);
    public bool IsAdjective(int i) => Tag(i).StartsWith("JJ", StringComparison.Ordinal);
    public bool IsAdverb(int i) => Tag(i).StartsWith("RB", StringComparison.Ordinal) || Lower(i) is "not" or "n't" or "never";
    public bool IsPreposition(int i) => Tag(i) is "IN" or "TO" && !IsComplementizer(i);
    public bool IsDeterminer(int i) => Tag(i) is "DT" or "PDT" or "PRP$" or "WP$";
    public bool IsComma(int i) => Words.Length > i && i >= 0 && Words[i] is "," or "\u2014" or "\u2013" or "--" or "(" or ")";
    public bool IsRelativePronoun(int i) => Tag(i) is "WDT" or "WP" or "WP$" || (Lower(i) is "which" or "who" or "whom" or "whose");
    public bool IsCoordinator(int i) => Lower(i) is "and" or "or" or "as well as";
    public bool IsComplementizer(int i) => Lower(i) is "that" && Tag(i) is "IN" || Lower(i) is "whether";
    public bool IsClauseBreak(int i) => Words[i] is ";" or ":" or "?" or "!" or "\"" or "\u201C" or "\u201D";

    /// <summary>Forms of "be", "become", "remain" used as copula or passive auxiliary.</summary>
    public bool IsBe(int i) => Lemma(i) is "be" || Lower(i) is "is" or "are" or "was" or "were" or "been" or "being" or "'s" && Tag(i) == "VBZ";
    public bool IsCopula(int i) => IsBe(i) || Lemma(i) is "become" or "remain";

    /// <summary>Tokens that may appear inside a noun phrase before its head: determiners, adjectives, numbers, nouns, possessive markers.</summary>
    public bool IsNpModifier(int i) =>
        IsDeterminer(i) || IsAdjective(i) || Tag(i) is "CD" or "POS" or "HYPH" or "NN" or "NNS" or "NNP" or "NNPS" or "VBN" or "VBG" && !IsFinite(i)
        || MentionAt(i) is not null;

    public TextSpan SpanOf(int first, int last) => new(Sentence.Tokens[first].Start, Sentence.Tokens[last].End);

    /// <summary>The document's text from token <paramref name="first"/> to token <paramref name="last"/> (inclusive).</summary>
    public string TextOf(int first, int last) => Context.Document.Text[Sentence.Tokens[first].Start..Sentence.Tokens[last].End];

    /// <summary>The words (or lemmas) from token <paramref name="first"/> to token <paramref name="last"/> (inclusive), joined by single spaces.</summary>
    public string WordsOf(int first, int last) => string.Join(' ', Words[first..(last + 1)]);
    public string LemmasOf(int first, int last) => string.Join(' ', Lemmas[first..(last + 1)]);

    private bool? _hasTree;

    /// <summary>Whether the sentence carries a dependency parse (computed once per view).</summary>
    public bool HasTree => _hasTree ??= Sentence.Tokens.Any(x => x.Deprel is not null);
}
