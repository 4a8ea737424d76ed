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
    /// <summary>The evidence of one entity seen twice (two documents, or two clusters merged): support adds up.</summary>
    public static EntityEvidence? Combine(EntityEvidence? a, EntityEvidence? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        float margin = float.IsNaN(a.Margin) ? b.Margin : float.IsNaN(b.Margin) ? a.Margin : Math.Max(a.Margin, b.Margin);
        return new EntityEvidence(a.Gazetteer || b.Gazetteer, a.Rule || b.Rule, a.RecogniserOnly && b.RecogniserOnly, a.Canonical || b.Canonical,
            margin, a.AllSentenceInitial && b.AllSentenceInitial, a.OnlyInFirstSentence && b.OnlyInFirstSentence,
            a.RecogniserOtherType || b.RecogniserOtherType);
    }
}
