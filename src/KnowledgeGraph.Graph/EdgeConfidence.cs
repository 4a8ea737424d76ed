using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>
/// A relationship edge's <c>confidence</c> and the gate on it. An edge aggregates every relation mention of its
/// (subject, type, object, asserted) in every document: the mentions are independent pieces of evidence, so the edge is
/// wrong only if every one of them is wrong, <c>1 - prod(1 - c_i)</c>, rounded to 4 decimals; doubted mentions count once,
/// by their maximum (<see cref="Belief"/>). A build leaves out the edges
/// whose confidence is below <see cref="GraphBuilder.MinEdgeConfidence"/> (default <see cref="DefaultMinimum"/>;
/// docs/relations.md, "Confidence").
/// </summary>
public static class EdgeConfidence
{
    /// <summary>
    /// The default gate of <c>kg build</c>, <c>kg merge</c> and <c>kg eval</c>: edges below it are left out. Chosen on the
    /// re3d and PLOVER tune halves and the hand-judged development edges (docs/relations.md); 0 keeps every edge.
    /// </summary>
    public const double DefaultMinimum = 0.2;

    /// <summary>
    /// The running evidence of one edge (start with <see cref="None"/>): the product of the disbeliefs of its independent
    /// mentions, and the highest confidence of its doubted ones (<see cref="RelationMention.Doubted"/>): a misreading repeated
    /// is no second piece of evidence, so doubted mentions count once, by their maximum.
    /// </summary>
    public readonly record struct Belief(double Disbelief, double Doubted)
    {
        public static Belief None => new(1, 0);

        /// <summary>Adds one mention's confidence.</summary>
        public Belief Add(double mentionConfidence, bool doubted)
        {
            double c = Math.Clamp(mentionConfidence, 0, 1);
            return doubted ? this with { Doubted = Math.Max(Doubted, c) } : this with { Disbelief = Disbelief * (1 - c) };
        }

        /// <summary>The edge's confidence: <c>1 - prod(1 - c_i) * (1 - max doubted)</c>, rounded to 4 decimals.</summary>
        public double Confidence => Math.Round(1 - Disbelief * (1 - Doubted), 4);
    }

    /// <summary>
    /// The analysis as a graph gated at <paramref name="minimum"/> would keep its relations: the relation mentions of each
    /// (subject, type, object, asserted) of the document whose combined confidence is below the minimum are left out (the
    /// edge a build of this document alone would leave out). Negated mentions, which make no edge, stay for the scorers.
    /// </summary>
    public static DocumentAnalysis Gate(DocumentAnalysis analysis, double minimum)
    {
        if (minimum <= 0 || analysis.Relations.Count == 0) return analysis;
        var belief = new Dictionary<(int, string, int, bool), Belief>();
        foreach (var r in analysis.Relations)
        {
            if (r.Negated) continue;
            var key = (r.Subject, r.Type, r.Object, r.Modality is not null);
            belief[key] = belief.GetValueOrDefault(key, Belief.None).Add(r.Confidence, r.Doubted);
        }
        var kept = analysis.Relations.Where(r => r.Negated || belief[(r.Subject, r.Type, r.Object, r.Modality is not null)].Confidence >= minimum).ToList();
        return kept.Count == analysis.Relations.Count ? analysis : analysis with { Relations = kept };
    }
}
