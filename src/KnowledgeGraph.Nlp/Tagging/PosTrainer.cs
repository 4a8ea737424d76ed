using System.Globalization;
using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>Settings of a POS training run.</summary>
public sealed record PosTrainingOptions(int Epochs = 10, ulong Seed = 1, float PruneBelow = 0.05f, string DataName = "treebank");

/// <summary>Trains a <see cref="PosTagger"/>: deterministic for a given corpus, options and seed.</summary>
public static class PosTrainer
{
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
        var tagDict = BuildTagDictionary(train, gold);
        var ambiguity = BuildAmbiguityClasses(train, gold);
        ulong[]? amb = null;

        var trainer = new PerceptronTrainer(labels.Count);
        var rng = new DeterministicRandom(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToList();
        var h = new WordHashes();
        var feats = new ulong[PosTagger.MaxFeatures];
        var scores = new float[labels.Count];
        var lemmatizer = Lemmatizer.Train(train);
        string Describe(int epochs) => string.Create(CultureInfo.InvariantCulture,
            $"{options.DataName}: {train.Count} sentences, {train.Sum(s => s.Words.Length)} words; averaged perceptron, {epochs} epochs, seed {options.Seed}, prune {options.PruneBelow}; labels XPOS+UPOS pairs");
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var si in order)
            {
                var s = train[si];
                h.Compute(s.Words);
                var ambs = PosTagger.AmbiguityClasses(h, ambiguity, ref amb);
                int p1 = -1, p2 = -1;
                for (int i = 0; i < s.Words.Length; i++)
                {
                    int g = gold[si][i];
                    if (!tagDict.TryGetValue(s.Words[i], out var guess))
                    {
                        int nf = PosTagger.Features(h, ambs, i, p1, p2, feats);
                        Array.Clear(scores);
                        for (int f = 0; f < nf; f++) trainer.AddScores(feats[f], scores);
                        guess = PosTagger.ArgMax(scores);
                        if (guess != g)
                        {
                            for (int f = 0; f < nf; f++) { trainer.Update(feats[f], g, 1); trainer.Update(feats[f], guess, -1); }
                        }
                        trainer.Tick();
                    }
                    if (guess == g) correct++;
                    total++;
                    p2 = p1; p1 = guess;
                }
            }
            var msg = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: train accuracy {100.0 * correct / total:F2}%");
            if (dev is not null && log is not null && (epoch == options.Epochs || epoch % 2 == 0))
            {
                var snapshot = new PosTagger(trainer.Finish(options.PruneBelow), xpos, upos, tagDict, ambiguity, lemmatizer, Describe(epoch));
                var (ua, xa, la) = Evaluate(snapshot, dev);
                msg += string.Create(CultureInfo.InvariantCulture, $"; dev UPOS {ua:F2}% XPOS {xa:F2}% lemma {la:F2}%");
            }
            log?.Invoke(msg);
        }
        return new PosTagger(trainer.Finish(options.PruneBelow), xpos, upos, tagDict, ambiguity, lemmatizer, Describe(options.Epochs));
    }

    /// <summary>Words seen at least 20 times with the same label at least 97% of the time (Honnibal's threshold).</summary>
    private static Dictionary<string, int> BuildTagDictionary(IReadOnlyList<TaggedSentence> train, List<int[]> gold)
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
            if (total >= 20 && best.Value >= 0.97 * total) dict[word] = best.Key;
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
