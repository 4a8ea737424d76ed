using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Entities;

namespace KnowledgeGraph.Nlp.Coreference;

/// <summary>
/// The mentions coreference works on, kept per sentence in text order, so that what a token's sentence holds is
/// found without walking the whole document (coreference stays linear in the document's length). Also keeps, per
/// entity, the texts of its non-pronoun mentions, and the mentions named with each gazetteer name, for the look-ups
/// that would otherwise scan every mention. Enumerates all mentions in text order.
/// </summary>
internal sealed class SentenceMentions : IEnumerable<ClusteredMention>
{
    private readonly List<ClusteredMention>[] _bySentence;
    private readonly Dictionary<int, Dictionary<string, int>> _textsOf = new();
    private readonly Dictionary<string, List<ClusteredMention>> _byCanonical = new(StringComparer.Ordinal);
    private readonly HashSet<ClusteredMention> _removed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _countryMentions = new(StringComparer.Ordinal);

    /// <param name="sentenceCount">Sentences in the document.</param>
    /// <param name="mentions">The named mentions, in text order.</param>
    public SentenceMentions(int sentenceCount, IEnumerable<ClusteredMention> mentions)
    {
        _bySentence = new List<ClusteredMention>[sentenceCount];
        for (int s = 0; s < sentenceCount; s++) _bySentence[s] = new List<ClusteredMention>();
        foreach (var m in mentions)
        {
            _bySentence[m.Mention.SentenceIndex].Add(m);
            Count(m, +1);
            if (m.Mention.Canonical is { } canonical)
            {
                if (!_byCanonical.TryGetValue(canonical, out var list)) _byCanonical[canonical] = list = new List<ClusteredMention>();
                list.Add(m);
            }
        }
    }

    /// <summary>Mentions looked at by antecedent searches (for <see cref="StageTimings"/>).</summary>
    public long Examined;

    /// <summary>The mentions of one sentence, in text order.</summary>
    public IReadOnlyList<ClusteredMention> In(int sentence) => _bySentence[sentence];

    /// <summary>Adds a mention after every mention of its sentence that starts at or before it.</summary>
    public void Insert(ClusteredMention m)
    {
        var list = _bySentence[m.Mention.SentenceIndex];
        int k = list.FindIndex(x => x.Mention.Span.Start > m.Mention.Span.Start);
        if (k < 0) list.Add(m); else list.Insert(k, m);
        Count(m, +1);
    }

    /// <summary>Removes the mentions of one sentence that match.</summary>
    public void RemoveIn(int sentence, Predicate<ClusteredMention> match)
    {
        var list = _bySentence[sentence];
        foreach (var m in list)
            if (match(m)) { Count(m, -1); _removed.Add(m); }
        list.RemoveAll(match);
    }

    /// <summary>Whether an entity has a non-pronoun mention whose text satisfies <paramref name="test"/>.</summary>
    public bool AnyTextOf(int cluster, Func<string, bool> test) =>
        _textsOf.TryGetValue(cluster, out var texts) && texts.Keys.Any(test);

    /// <summary>The first mention (in text order) named with a gazetteer name, or null.</summary>
    public ClusteredMention? FirstWithCanonical(string canonical) =>
        _byCanonical.TryGetValue(canonical, out var list) ? list.FirstOrDefault(m => !_removed.Contains(m)) : null;

    /// <summary>Named mentions per country (gazetteer name), for the document's dominant country.</summary>
    public IReadOnlyDictionary<string, int> CountryMentions => _countryMentions;

    private void Count(ClusteredMention m, int delta)
    {
        if (m.Mention.Kind == MentionKind.Pronoun) return;
        if (!_textsOf.TryGetValue(m.Cluster, out var texts)) _textsOf[m.Cluster] = texts = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = texts.GetValueOrDefault(m.Mention.Text) + delta;
        if (n > 0) texts[m.Mention.Text] = n; else texts.Remove(m.Mention.Text);
        if (m.Mention.FineType == "Country" && m.Mention.Canonical is { } country)
        {
            int c = _countryMentions.GetValueOrDefault(country) + delta;
            if (c > 0) _countryMentions[country] = c; else _countryMentions.Remove(country);
        }
    }

    public IEnumerator<ClusteredMention> GetEnumerator() => _bySentence.SelectMany(s => s).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
