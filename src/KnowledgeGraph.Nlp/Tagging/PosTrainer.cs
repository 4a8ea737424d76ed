using System.Globalization;
using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>Settings of a POS training run. <paramref name="Folds"/> &gt;= 2 adds a second (right-context) pass trained on jackknifed first-pass tags; 0 trains one pass.
/// <paramref name="Clusters"/>: word classes whose features the tagger uses (stored in the model), or null for none.</summary>
public sealed record PosTrainingOptions(int Epochs = 10, ulong Seed = 1, float PruneBelow = 0.05f, string DataName = "treebank", int Folds = 0, int DictMinCount = 20,
    WordClusters? Clusters = null);

/// <summary>
/// Trains a <see cref="PosTagger"/>: deterministic for a given corpus, options and seed. The second pass must learn
/// from first-pass tags as wrong as those it will see at run time, so the training sentences' first-pass tags come
/// from models trained on the other folds (jackknifing); the shipped first pass is trained on everything.
/// </summary>
public static class PosTrainer
{
    private sealed record Setup(IReadOnlyList<TaggedSentence> Train, List<int[]> Gold, int LabelCount, Dictionary<string, int> TagDict, Dictionary<ulong, ulong> Ambiguity);

    public static PosTagger Train(IReadOnlyList<TaggedSentence> train, PosTrainingOptions options, Action<string>? log = null, IReadOnlyList<TaggedSentence>? dev = null)
    {
        var labelSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train) for (int i = 0; i < s.Words.Length; i++) labelSet.Add(s.Xpos[i] + "\t" + s.Upos[i]);
        var labels = labelSet.ToList();
        if (labels.Count > 255) throw new InvalidOperationException("too many tag pairs");
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var xpos = labels.Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]).ToArray();
        var upos = labels.Select(l => l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]).ToArray();
        var gold = train.Select(s => s.Words.Select((_, i) => labelIndex[s.Xpos[i] + "\t" + s.Upos[i]]).ToArray()).ToList();
        var setup = new Setup(train, gold, labels.Count, BuildTagDictionary(train, gold, options.DictMinCount), BuildAmbiguityClasses(train, gold));
        var lemmatizer = Lemmatizer.Train(train);
        PosTagger Make(LinearModel first, LinearModel? second, string description) =>
            new(first, second, xpos, upos, setup.TagDict, setup.Ambiguity, lemmatizer, description, options.Clusters);
        string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{options.DataName}: {train.Count} sentences, {train.Sum(s => s.Words.Length)} words; averaged perceptron, {options.Epochs} epochs, seed {options.Seed}, prune {options.PruneBelow}; labels XPOS+UPOS pairs; {(options.Folds >= 2 ? $"second right-context pass on {options.Folds}-fold jackknifed tags" : "one pass")}{(options.Clusters is null ? "" : $"; word classes ({options.Clusters.Count} words)")}");

        var all = Enumerable.Range(0, train.Count).ToArray();
        bool twoPass = options.Folds >= 2;
        // The full first pass and the fold models are independent (each deterministic), so they train in parallel.
        var jobs = new List<Func<LinearModel>> { () => TrainPass(setup, all, null, options, options.Seed) };
        if (twoPass)
            for (int fold = 0; fold < options.Folds; fold++)
            {
                int f = fold;
                jobs.Add(() => TrainPass(setup, all.Where(i => i % options.Folds != f).ToArray(), null, options, options.Seed + (ulong)f + 1));
            }
        var models = new LinearModel[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, k => models[k] = jobs[k]());
        var first = models[0];
        log?.Invoke(twoPass ? $"first pass and {options.Folds} fold models trained" : "first pass trained");
        if (dev is not null && log is not null) Report(log, "first pass", Make(first, null, ""), dev);
        if (!twoPass) return Make(first, null, Describe());

        var jack = new int[train.Count][];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var t = Make(models[fold + 1], null, "");
            for (int i = fold; i < train.Count; i += options.Folds) jack[i] = t.FirstPass(train[i].Words);
        }
        var second = TrainPass(setup, all, jack, options, options.Seed);
        var tagger = Make(first, second, Describe());
        if (dev is not null && log is not null) Report(log, "both passes", tagger, dev);
        return tagger;
    }

    private static void Report(Action<string> log, string what, PosTagger t, IReadOnlyList<TaggedSentence> dev)
    {
        var (ua, xa, la) = Evaluate(t, dev);
        log(string.Create(CultureInfo.InvariantCulture, $"{what}: dev UPOS {ua:F2}% XPOS {xa:F2}% lemma {la:F2}%"));
    }

    /// <summary>
    /// Trains one pass on sentences <paramref name="indices"/>. Without <paramref name="firstTags"/>: the greedy first
    /// pass (previous tags are its own predictions). With them: the second pass, whose features are computed from
    /// the given first-pass tags exactly as <see cref="PosTagger"/> computes them at run time.
    /// </summary>
    private static LinearModel TrainPass(Setup setup, int[] indices, int[][]? firstTags, PosTrainingOptions options, ulong seed)
    {
        var trainer = new PerceptronTrainer(setup.LabelCount);
        var rng = new DeterministicRandom(seed);
        var order = indices.ToList();
        var h = new WordHashes { Clusters = options.Clusters };
        ulong[]? amb = null;
        var feats = new ulong[PosTagger.MaxFeatures * 2];
        var scores = new float[setup.LabelCount];
        var tags = new ulong[256];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var si in order)
            {
                var s = setup.Train[si];
                int n = s.Words.Length;
                h.Compute(s.Words);
                var ambs = PosTagger.AmbiguityClasses(h, setup.Ambiguity, ref amb);
                var jt = firstTags?[si];
                if (jt is not null)
                {
                    if (tags.Length < n) tags = new ulong[n * 2];
                    for (int i = 0; i < n; i++) tags[i] = (ulong)jt[i];
                }
                int p1 = -1, p2 = -1;
                for (int i = 0; i < n; i++)
                {
                    int g = setup.Gold[si][i];
                    if (!setup.TagDict.TryGetValue(s.Words[i], out var guess))
                    {
                        int nf = PosTagger.Features(h, ambs, i, p1, p2, feats);
                        if (jt is not null) nf += PosTagger.ExtraFeatures(h, tags, n, i, feats.AsSpan(nf));
                        Array.Clear(scores);
                        for (int f = 0; f < nf; f++) trainer.AddScores(feats[f], scores);
                        guess = PosTagger.ArgMax(scores);
                        if (guess != g)
                        {
                            for (int f = 0; f < nf; f++) { trainer.Update(feats[f], g, 1); trainer.Update(feats[f], guess, -1); }
                        }
                        trainer.Tick();
                    }
                    p2 = p1;
                    p1 = jt is not null ? jt[i] : guess;
                }
            }
        }
        return trainer.Finish(options.PruneBelow);
    }

    /// <summary>Words seen at least <paramref name="minCount"/> times (default 20) with the same label at least 97% of the time (Honnibal's threshold).</summary>
    private static Dictionary<string, int> BuildTagDictionary(IReadOnlyList<TaggedSentence> train, List<int[]> gold, int minCount)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (int si = 0; si < train.Count; si++)
            for (int i = 0; i < train[si].Words.Length; i++)
            {
                if (!counts.TryGetValue(train[si].Words[i], out var d)) counts[train[si].Words[i]] = d = new();
                d[gold[si][i]] = d.GetValueOrDefault(gold[si][i]) + 1;
            }
        var dict = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, d) in counts)
        {
            int total = d.Values.Sum();
            var best = d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First();
            if (total >= minCount && best.Value >= 0.97 * total) dict[word] = best.Key;
        }
        return dict;
    }

    /// <summary>Normalised word -> hash of the labels it carries at least 5% of the time, for words seen at least 3 times.</summary>
    private static Dictionary<ulong, ulong> BuildAmbiguityClasses(IReadOnlyList<TaggedSentence> train, List<int[]> gold)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        var h = new WordHashes();
        for (int si = 0; si < train.Count; si++)
        {
            h.Compute(train[si].Words);
            for (int i = 0; i < train[si].Words.Length; i++)
            {
                var key = h.Norm[i + WordHashes.Pad];
                if (!counts.TryGetValue(key, out var d)) counts[key] = d = new();
                d[gold[si][i]] = d.GetValueOrDefault(gold[si][i]) + 1;
            }
        }
        var result = new Dictionary<ulong, ulong>();
        foreach (var (key, d) in counts)
        {
            int total = d.Values.Sum();
            if (total < 3) continue;
            ulong sig = 0x5EED;
            foreach (var label in d.Where(kv => kv.Value >= 0.05 * total).Select(kv => kv.Key).Order()) sig = FeatureHash.Mix(sig ^ (ulong)(label + 1));
            result[key] = sig;
        }
        return result;
    }

    /// <summary>UPOS, XPOS and lemma accuracy (percent) on gold sentences.</summary>
    public static (double Upos, double Xpos, double Lemma) Evaluate(PosTagger tagger, IReadOnlyList<TaggedSentence> gold)
    {
        long u = 0, x = 0, l = 0, n = 0;
        foreach (var s in gold)
        {
            var (xp, up) = tagger.Tag(s.Words);
            for (int i = 0; i < s.Words.Length; i++)
            {
                if (xp[i] == s.Xpos[i]) x++;
                if (up[i] == s.Upos[i]) u++;
                if (tagger.Lemmatizer.Lemma(s.Words[i], xp[i]) == s.Lemmas[i]) l++;
                n++;
            }
        }
        return (100.0 * u / n, 100.0 * x / n, 100.0 * l / n);
    }
}
