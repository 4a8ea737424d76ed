using System.Globalization;
using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>Settings of a parser training run. Lifted relations seen fewer than <paramref name="MinLiftedCount"/> times are trained as their plain relation.
/// With <paramref name="Clusters"/> the parser uses feature set 4 (word classes) and stores the table.</summary>
public sealed record ParserTrainingOptions(int Epochs = 15, ulong Seed = 1, float PruneBelow = 0.05f, string DataName = "treebank",
    int MinLiftedCount = 20, string TagSource = "gold tags", IReadOnlyList<int>? ReportEpochs = null, int ExploreFrom = 2, double ExploreProbability = 0.9, int Beam = 1,
    WordClusters? Clusters = null);

/// <summary>
/// Trains a <see cref="DependencyParser"/> with the dynamic oracle (Goldberg and Nivre 2012): until epoch
/// <see cref="ParserTrainingOptions.ExploreFrom"/> training follows the oracle, from then on the model's own move with
/// probability <see cref="ParserTrainingOptions.ExploreProbability"/> (else the oracle's), and at every step the best-scoring move of least
/// cost is the one to learn, so the parser learns to recover from its own mistakes. Deterministic for a given
/// corpus, options and seed. The sentences' Xpos column is what the features see: give it predicted tags
/// (<see cref="Jackknife"/>) so training looks like run time. With <see cref="ParserTrainingOptions.Beam"/> above 1
/// the model is trained globally instead: a beam search over every sentence and one max-violation update per
/// sentence (<see cref="BeamSearch.Train"/>; Zhang and Nivre 2011, Huang, Fayong and Guo 2012), and the parser
/// decodes with the same beam.
/// </summary>
public static class ParserTrainer
{
    public static DependencyParser Train(IReadOnlyList<TreebankSentence> train, ParserTrainingOptions options, Action<string>? log = null,
        IReadOnlyList<TreebankSentence>? dev = null)
    {
        var (labels, trees) = Projectivise(train, options.MinLiftedCount);
        var system = DependencyParser.CreateSystem(labels);
        var trainer = new SparsePerceptronTrainer(system.MoveCount);
        var rng = new DeterministicRandom(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToList();
        var features = new ParseFeatures();
        features.Use(options.Clusters);
        var c = new Configuration();
        var f = new ulong[ParseFeatures.MaxFeatures];
        var scores = new float[system.MoveCount];
        var costs = new int[system.MoveCount];
        int beamWidth = options.Beam;
        if (beamWidth is < 1 or > DependencyParser.MaxBeam) throw new ArgumentOutOfRangeException(nameof(options), $"beam width {beamWidth} out of range");
        var beam = beamWidth > 1 ? new BeamSearch() : null;
        string Method() => beamWidth > 1
            ? $"beam {beamWidth}, max-violation updates with the dynamic oracle's zero-cost moves as gold"
            : string.Create(CultureInfo.InvariantCulture, $"dynamic oracle (the model's moves from epoch {options.ExploreFrom} with probability {options.ExploreProbability})");
        string Describe(int epochs) => string.Create(CultureInfo.InvariantCulture,
            $"{options.DataName}: {train.Count} sentences, {train.Sum(s => s.Words.Length)} words, {options.TagSource}; arc-hybrid, {Method()}, averaged perceptron, feature set {features.Set}, {epochs} epochs, seed {options.Seed}, prune {options.PruneBelow}; {labels.Length} relations (pseudo-projective, lifted relations seen {options.MinLiftedCount}+ times)");
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            long moves = 0, errors = 0;
            foreach (var si in order)
            {
                var s = train[si];
                var (heads, golds) = trees[si];
                features.Load(s.Words, s.Xpos);
                if (beam is not null)
                {
                    if (beam.Train(system, features, s.Words.Length, beamWidth, trainer, heads, golds)) errors++;
                    trainer.Tick();
                    moves++;
                    continue;
                }
                c.Reset(s.Words.Length);
                while (!c.IsTerminal)
                {
                    int nf = features.Extract(c, f);
                    Array.Clear(scores);
                    for (int k = 0; k < nf; k++) trainer.AddScores(f[k], scores);
                    int guess = system.BestValid(c, scores);
                    system.Costs(c, heads, golds, costs);
                    int best = BeamSearch.BestOfLeastCost(scores, costs);
                    if (costs[guess] > costs[best])
                    {
                        for (int k = 0; k < nf; k++) { trainer.Update(f[k], best, 1); trainer.Update(f[k], guess, -1); }
                        errors++;
                    }
                    trainer.Tick();
                    moves++;
                    bool explore = epoch >= options.ExploreFrom && (options.ExploreProbability >= 1.0 || rng.Next(1 << 20) < options.ExploreProbability * (1 << 20));
                    system.Apply(c, explore ? guess : best);
                }
            }
            log?.Invoke(beam is null
                ? string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {100.0 * errors / moves:F2}% of {moves:N0} moves not optimal, {trainer.EntryCount:N0} weights")
                : string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {100.0 * errors / moves:F2}% of {moves:N0} sentences updated, {trainer.EntryCount:N0} weights"));
            if (dev is not null && log is not null && options.ReportEpochs?.Contains(epoch) == true && epoch != options.Epochs)
                log($"epoch {epoch}: dev {ParseEvaluation.Score(dev, new DependencyParser(trainer.Finish(options.PruneBelow), labels, "", beamWidth, options.Clusters)).Summary}");
        }
        var parser = new DependencyParser(trainer.Finish(options.PruneBelow), labels, Describe(options.Epochs), beamWidth, options.Clusters);
        if (dev is not null && log is not null) log($"epoch {options.Epochs}: dev {ParseEvaluation.Score(dev, parser).Summary}");
        return parser;
    }

    /// <summary>
    /// The label table and, per sentence, the projective training tree in the transition system's terms (heads with
    /// the root at position n, label ids). Lifted labels seen fewer than <paramref name="minLifted"/> times fall back to the plain relation.
    /// </summary>
    public static (string[] Labels, (int[] Heads, int[] Labels)[] Trees) Projectivise(IReadOnlyList<TreebankSentence> train, int minLifted)
    {
        var lifted = train.Select(s => PseudoProjective.Lift(s.Heads, s.Deprels)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, l) in lifted) foreach (var x in l) counts[x] = counts.GetValueOrDefault(x) + 1;
        bool Keep(string l) => l.IndexOf(PseudoProjective.Marker, StringComparison.Ordinal) < 0 || counts[l] >= minLifted;
        var labels = counts.Keys.Where(Keep).Concat(counts.Keys.Select(PseudoProjective.Plain)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!labels.Contains(DependencyParser.RootRelation)) labels.Add(DependencyParser.RootRelation);
        // A move table of 255 classes holds 127 labels: keep the most frequent lifted ones.
        while (labels.Count > 127)
            labels.Remove(labels.Where(l => l.Contains(PseudoProjective.Marker, StringComparison.Ordinal)).OrderBy(l => counts[l]).ThenBy(l => l, StringComparer.Ordinal).First());
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var trees = lifted.Select(t =>
        {
            int n = t.Heads.Length;
            var h = t.Heads.Select(x => x < 0 ? n : x).ToArray();
            var l = t.Labels.Select(x => index.TryGetValue(x, out var i) ? i : index[PseudoProjective.Plain(x)]).ToArray();
            return (h, l);
        }).ToArray();
        return (labels.ToArray(), trees);
    }
}
