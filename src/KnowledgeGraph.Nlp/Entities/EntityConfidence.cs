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
    public static List<DocumentEntity> Attach(IReadOnlyList<DocumentEntity> entities, IReadOnlyList<Sentence> sentences, IReadOnlyList<NerSpan> ner)
    {
        var bySentence = ner.Where(n => !float.IsNaN(n.Margin)).ToLookup(n => n.Sentence);
        return entities.Select(e => e with { Evidence = Evidence(e, sentences, bySentence) }).ToList();
    }

    internal static EntityEvidence Evidence(DocumentEntity e, IReadOnlyList<Sentence> sentences, ILookup<int, NerSpan> ner)
    {
        float margin = float.NaN;
        bool otherType = false;
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
                    if (MentionFinder.RecogniserType(n.Label) is { } t && t != e.Type) otherType = true;
                }
            }
        }
        var named = e.Mentions.Where(m => m.Kind is MentionKind.Name or MentionKind.Acronym).ToList();
        // a recogniser mention retyped by its context ("near X") is still the recogniser's; an entity with no mention
        // of its own (a community of several) is no recogniser guess
        var own = e.Mentions.Where(m => m.Kind != MentionKind.Pronoun).ToList();
        return new EntityEvidence(
            Gazetteer: e.Mentions.Any(m => m.Source == "gazetteer"),
            Rule: e.Mentions.Any(m => m.Source is "rule" or "surname"),
            RecogniserOnly: own.Count > 0 && own.All(m => m.Source is "ner" or "ner+context" or EntityClusterer.GuessedAcronymSource or "coref"),
            Canonical: e.Mentions.Any(m => m.Canonical is not null),
            Margin: float.IsNaN(margin) ? margin : MathF.Round(margin, 2),
            AllSentenceInitial: named.Count > 0 && named.All(m => OpensSentence(sentences[m.SentenceIndex], m)),
            OnlyInFirstSentence: named.Count > 0 && named.All(m => m.SentenceIndex == 0),
            RecogniserOtherType: otherType);
    }

    /// <summary>Whether the mention is the sentence's first word (bullets and quotation marks before it do not count).</summary>
    private static bool OpensSentence(Sentence s, Mention m) =>
        s.Tokens.FirstOrDefault(t => char.IsLetterOrDigit(t.Text[0])) is { } first && first.Start == m.Span.Start;
}
