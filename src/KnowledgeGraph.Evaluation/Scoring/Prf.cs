namespace KnowledgeGraph.Evaluation.Scoring;

/// <summary>
/// Counts behind precision, recall and F1. <see cref="MatchedPredicted"/> and <see cref="MatchedGold"/> are equal under
/// one-to-one matching; they differ only in one-sided tables (per-category precision, per-type recall).
/// Rates are 0 when their denominator is 0.
/// </summary>
public sealed record Prf(int Predicted, int Gold, int MatchedPredicted, int MatchedGold)
{
    public static Prf OneToOne(int predicted, int gold, int matched) => new(predicted, gold, matched, matched);

    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) =>
        new(a.Predicted + b.Predicted, a.Gold + b.Gold, a.MatchedPredicted + b.MatchedPredicted, a.MatchedGold + b.MatchedGold);

    public static Prf Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>Maximum one-to-one matching between gold and predicted items (Kuhn's augmenting paths; deterministic order).</summary>
public static class BipartiteMatcher
{
    /// <summary>
    /// Returns, for each gold index, the matched predicted index or -1. <paramref name="candidates"/> lists, for a gold
    /// index, the predicted indexes it may match, in order of preference.
    /// </summary>
    public static int[] Match(int goldCount, int predictedCount, Func<int, IReadOnlyList<int>> candidates)
    {
        var goldToPred = Enumerable.Repeat(-1, goldCount).ToArray();
        var predToGold = Enumerable.Repeat(-1, predictedCount).ToArray();
        var lists = Enumerable.Range(0, goldCount).Select(candidates).ToArray();
        for (int g = 0; g < goldCount; g++)
        {
            if (lists[g].Count == 0) continue;
            var visited = new bool[predictedCount];
            TryAugment(g, lists, visited, goldToPred, predToGold);
        }
        return goldToPred;
    }

    private static bool TryAugment(int g, IReadOnlyList<int>[] lists, bool[] visited, int[] goldToPred, int[] predToGold)
    {
        foreach (var p in lists[g])
        {
            if (visited[p]) continue;
            visited[p] = true;
            if (predToGold[p] < 0 || TryAugment(predToGold[p], lists, visited, goldToPred, predToGold))
            {
                goldToPred[g] = p;
                predToGold[p] = g;
                return true;
            }
        }
        return false;
    }
}
