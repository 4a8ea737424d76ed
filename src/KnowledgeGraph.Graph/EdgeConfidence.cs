using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>
/// A relationship edge's <c>confidence</c> and the gate on it. An edge aggregates every relation mention of its
/// (subject, type, object, asserted) in every document: the mentions are independent pieces of evidence, so the edge is
/// wrong only if every one of them is wrong, <c>1 - prod(1 - c_i)</c>, rounded to 4 decimals. A build leaves out the edges
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

    /// <summary>Adds one mention's confidence to the running product of disbeliefs (start with 1).</summary>
    public static double Disbelieve(double disbelief, double mentionConfidence) => disbelief * (1 - Math.Clamp(mentionConfidence, 0, 1));

    /// <summary>The edge's confidence from the product of its mentions' disbeliefs.</summary>
    public static double FromDisbelief(double disbelief) => Math.Round(1 - disbelief, 4);

    /// <summary>
    /// The analysis as a graph gated at <paramref name="minimum"/> would keep its relations: the relation mentions of each
    /// (subject, type, object, asserted) of the document whose combined confidence is below the minimum are left out (the
    /// edge a build of this document alone would leave out). Negated mentions, which make no edge, stay for the scorers.
    /// </summary>
    public static DocumentAnalysis Gate(DocumentAnalysis analysis, double minimum)
    {
        if (minimum <= 0 || analysis.Relations.Count == 0) return analysis;
        var disbelief = new Dictionary<(int, string, int, bool), double>();
        foreach (var r in analysis.Relations)
        {
            if (r.Negated) continue;
            var key = (r.Subject, r.Type, r.Object, r.Modality is not null);
            disbelief[key] = Disbelieve(disbelief.GetValueOrDefault(key, 1.0), r.Confidence);
        }
        var kept = analysis.Relations.Where(r => r.Negated || FromDisbelief(disbelief[(r.Subject, r.Type, r.Object, r.Modality is not null)]) >= minimum).ToList();
        return kept.Count == analysis.Relations.Count ? analysis : analysis with { Relations = kept };
    }
}
