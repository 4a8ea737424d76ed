using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// Jackknifed tags for training the parser on tags as wrong as those it will see: the treebank is cut into k folds
/// (sentence i in fold i mod k), a tagger is trained on the other k-1 folds and tags the held-out one. Deterministic:
/// each fold's tagger has its own fixed seed, whatever order the folds are trained in.
/// </summary>
public static class Jackknife
{
    public static List<TreebankSentence> Tag(IReadOnlyList<TreebankSentence> train, int folds, PosTrainingOptions options, Action<string>? log = null)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "jackknifing needs at least 2 folds");
        var result = new TreebankSentence[train.Count];
        var tagged = train.Select(s => s.Tagged).ToList();
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, fold =>
        {
            var rest = tagged.Where((_, i) => i % folds != fold).ToList();
            var tagger = PosTrainer.Train(rest, options with { Seed = options.Seed + (ulong)fold });
            long right = 0, total = 0;
            for (int i = fold; i < train.Count; i += folds)
            {
                var (x, u) = tagger.Tag(train[i].Words);
                result[i] = train[i] with { Xpos = x, Upos = u };
                for (int k = 0; k < x.Length; k++) if (x[k] == train[i].Xpos[k]) right++;
                total += x.Length;
            }
            log?.Invoke(FormattableString.Invariant($"jackknife fold {fold + 1}/{folds}: XPOS {100.0 * right / total:F2}% on the held-out fold"));
        });
        return result.ToList();
    }
}
