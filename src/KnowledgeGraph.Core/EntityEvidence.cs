namespace KnowledgeGraph.Core;

/// <summary>
/// What the text offers as support for an entity: which finders named it and how sure the statistical recogniser was.
/// The graph turns it, with mention and document counts and relationship edges, into a node's <c>confidence</c>
/// (docs/entities.md, "Node confidence").
/// </summary>
/// <param name="Gazetteer">A gazetteer entry named it.</param>
/// <param name="Rule">A naming rule found it (organisation or place keyword head, acronym with its expansion, title before a person, surname).</param>
/// <param name="RecogniserOnly">Every mention that is not a pronoun came from the statistical recogniser (or coreference).</param>
/// <param name="Canonical">A mention stands for a canonical name a lexicon or rule gives (a demonym's country, an agent's actor).</param>
/// <param name="Margin">The recogniser's largest Viterbi margin over the entity's mentions (see <c>NerTagger.TagWithMargins</c>); NaN when it found none.</param>
/// <param name="AllSentenceInitial">Every name mention opens its sentence (where a capital letter says nothing).</param>
/// <param name="OnlyInFirstSentence">Every name mention is in the first sentence (the headline).</param>
/// <param name="RecogniserOtherType">The statistical recogniser read a name mention as a person, organisation or place other than the entity's type.</param>
public sealed record EntityEvidence(
    bool Gazetteer,
    bool Rule,
    bool RecogniserOnly,
    bool Canonical,
    float Margin,
    bool AllSentenceInitial,
    bool OnlyInFirstSentence,
    bool RecogniserOtherType = false)
{
    /// <summary>Where the entity's name mentions stand (lines, sentence openings, neighbouring words); null when not recorded.</summary>
    public MentionContext? Context { get; init; }

    /// <summary>The evidence of one entity seen twice (two documents, or two clusters merged): support adds up.</summary>
    public static EntityEvidence? Combine(EntityEvidence? a, EntityEvidence? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        float margin = float.IsNaN(a.Margin) ? b.Margin : float.IsNaN(b.Margin) ? a.Margin : Math.Max(a.Margin, b.Margin);
        return new EntityEvidence(a.Gazetteer || b.Gazetteer, a.Rule || b.Rule, a.RecogniserOnly && b.RecogniserOnly, a.Canonical || b.Canonical,
            margin, a.AllSentenceInitial && b.AllSentenceInitial, a.OnlyInFirstSentence && b.OnlyInFirstSentence,
            a.RecogniserOtherType || b.RecogniserOtherType) { Context = MentionContext.Combine(a.Context, b.Context) };
    }
}

/// <summary>
/// Where an entity's name mentions (names and acronyms) stand, counted over them: how many there are, how many open their
/// sentence, and how many sit on a line of each kind (the article's first line, a line in title case, a list item, the
/// dateline before an article's first dash, a reference line with a web address or a year in brackets, a line that ends
/// without sentence punctuation); the recogniser's margins summed over the mentions it found; and the words around the
/// first name mention of each article (universal part of speech and lower-cased word, before and after: "prev=ADP",
/// "nextw=said"), at most <see cref="MaxKeys"/> of them, sorted. Counts add up over articles (docs/entities.md, "Node confidence").
/// </summary>
public sealed record MentionContext(
    int Names,
    int Opening,
    int Headline,
    int TitleLine,
    int ListItem,
    int Dateline,
    int Citation,
    int Unpunctuated,
    float MarginSum,
    int MarginCount,
    IReadOnlyList<string> Keys)
{
    /// <summary>The most context keys of one kind ("prev", "prevw", "next", "nextw") an entity keeps: the ordinal first, so
    /// the set does not depend on the articles' order.</summary>
    public const int MaxKeysPerKind = 4;

    /// <summary>The most context keys an entity keeps.</summary>
    public const int MaxKeys = 4 * MaxKeysPerKind;

    /// <summary>The context of one entity seen twice: counts add up, keys join (bounded).</summary>
    public static MentionContext? Combine(MentionContext? a, MentionContext? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return new MentionContext(a.Names + b.Names, a.Opening + b.Opening, a.Headline + b.Headline, a.TitleLine + b.TitleLine,
            a.ListItem + b.ListItem, a.Dateline + b.Dateline, a.Citation + b.Citation, a.Unpunctuated + b.Unpunctuated,
            a.MarginSum + b.MarginSum, a.MarginCount + b.MarginCount, JoinKeys(a.Keys, b.Keys));
    }

    /// <summary><see cref="Bounded"/> of both lists; when one already holds the other and is bounded, that list itself (an
    /// entity met in many articles mostly meets the same keys again).</summary>
    private static IReadOnlyList<string> JoinKeys(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (IsBounded(a) && Holds(a, b)) return a;
        if (IsBounded(b) && Holds(b, a)) return b;
        return Bounded(a.Concat(b));
    }

    private static bool Holds(IReadOnlyList<string> all, IReadOnlyList<string> some)
    {
        foreach (var k in some)
        {
            bool found = false;
            foreach (var x in all) if (string.Equals(x, k, StringComparison.Ordinal)) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>Whether the keys are what <see cref="Bounded"/> returns for them: strictly ascending, at most
    /// <see cref="MaxKeysPerKind"/> of each kind.</summary>
    private static bool IsBounded(IReadOnlyList<string> keys)
    {
        int n = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            if (i > 0 && string.CompareOrdinal(keys[i - 1], keys[i]) >= 0) return false;
            n = i > 0 && SameKind(keys[i - 1], keys[i]) ? n + 1 : 1;
            if (n > MaxKeysPerKind) return false;
        }
        return true;
    }

    private static int KindLength(string key) => Math.Max(0, key.IndexOf('='));

    private static bool SameKind(string a, string b) => a.AsSpan(0, KindLength(a)).SequenceEqual(b.AsSpan(0, KindLength(b)));

    /// <summary>Keys sorted ordinally without repeats, at most <see cref="MaxKeysPerKind"/> of each kind (the text before '=').</summary>
    public static IReadOnlyList<string> Bounded(IEnumerable<string> keys)
    {
        var kept = new List<string>();
        string? previous = null;
        int n = 0;
        foreach (var k in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (previous is null || !SameKind(previous, k)) n = 0;
            previous = k;
            if (n++ < MaxKeysPerKind) kept.Add(k);
        }
        return kept;
    }
}
