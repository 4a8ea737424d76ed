using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp;

/// <summary>A mention placed on tokens: the mention, the entity it belongs to, and its token range in its sentence.</summary>
/// <param name="Mention">The mention (span, text, kind: name, acronym, demonym, descriptor, pronoun).</param>
/// <param name="Entity">Index into <see cref="AnalysisContext.Entities"/>.</param>
/// <param name="SentenceIndex">The sentence.</param>
/// <param name="FirstToken">Index of its first token in the sentence.</param>
/// <param name="EndToken">Index one past its last token in the sentence.</param>
public sealed record MentionRef(Mention Mention, int Entity, int SentenceIndex, int FirstToken, int EndToken);

/// <summary>
/// A document after tagging, entity detection and coreference: what relation extraction reads. Tokens carry
/// Penn tags (<see cref="Token.Tag"/>), universal tags and lemmas. Every mention, including descriptors ("the junta")
/// and pronouns resolved to their antecedent, points at its entity.
/// </summary>
public sealed class AnalysisContext
{
    private readonly IReadOnlyList<MentionRef>[] _bySentence;

    public AnalysisContext(Document document, IReadOnlyList<Sentence> sentences, IReadOnlyList<DocumentEntity> entities,
        IReadOnlyList<MentionRef> mentions, string? anchorDate)
    {
        Document = document;
        Sentences = sentences;
        Entities = entities;
        Mentions = mentions.OrderBy(m => m.SentenceIndex).ThenBy(m => m.FirstToken).ThenBy(m => m.EndToken).ToList();
        AnchorDate = anchorDate;
        var lists = new List<MentionRef>[sentences.Count];
        for (int i = 0; i < lists.Length; i++) lists[i] = new List<MentionRef>();
        foreach (var m in Mentions) lists[m.SentenceIndex].Add(m);
        _bySentence = lists;
    }

    public Document Document { get; }
    public IReadOnlyList<Sentence> Sentences { get; }
    public IReadOnlyList<DocumentEntity> Entities { get; }
    /// <summary>All mentions in text order.</summary>
    public IReadOnlyList<MentionRef> Mentions { get; }
    /// <summary>The document's date (ISO yyyy-MM-dd) when given, for resolving "on Dec. 9"; else null.</summary>
    public string? AnchorDate { get; }

    /// <summary>The mentions of one sentence, in token order.</summary>
    public IReadOnlyList<MentionRef> MentionsIn(int sentenceIndex) => _bySentence[sentenceIndex];

    /// <summary>Whether a sentence mentions two different entities (the least a relation between them needs).</summary>
    public bool NamesTwoEntities(int sentenceIndex) => _bySentence[sentenceIndex].Select(m => m.Entity).Distinct().Skip(1).Any();

    /// <summary>The mention covering token <paramref name="token"/> of a sentence, or null.</summary>
    public MentionRef? MentionAt(int sentenceIndex, int token)
    {
        foreach (var m in _bySentence[sentenceIndex])
            if (m.FirstToken <= token && token < m.EndToken) return m;
        return null;
    }

    public string SentenceText(int sentenceIndex) => Sentences[sentenceIndex].TextOf(Document.Text);

    private Dictionary<string, MentionRef>? _firstByText;

    /// <summary>
    /// The first mention (in text order) whose text is <paramref name="text"/>, ignoring case, or null: an index built
    /// once per document, so looking a name up costs the same in a long article as in a short one.
    /// </summary>
    public MentionRef? FirstMentionWithText(string text)
    {
        if (_firstByText is null)
        {
            _firstByText = new Dictionary<string, MentionRef>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in Mentions) _firstByText.TryAdd(m.Mention.Text, m);
        }
        return _firstByText.GetValueOrDefault(text);
    }
}
