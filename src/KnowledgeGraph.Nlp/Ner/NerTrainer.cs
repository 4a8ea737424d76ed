using System.Globalization;
using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>Settings of an NER training run.</summary>
public sealed record NerTrainingOptions(int Epochs = NerTrainingOptions.DefaultEpochs, ulong Seed = 1, float PruneBelow = 0.05f, string DataName = "conll", int Folds = 2)
{
    public const int DefaultEpochs = 8;
}

/// <summary>
/// Trains a <see cref="NerTagger"/>. The second pass must learn from first-pass labels as noisy as those it will
/// see at run time, so the training documents' first-pass labels come from models trained on the other folds
/// (jackknifing); the shipped first pass is then trained on everything. Deterministic for data, options and seed.
/// </summary>
public static class NerTrainer
{
    private sealed record Sample(ulong[] Features, int[] Gold);

    /// <summary>
    /// Trains both passes; with <paramref name="clusters"/> the first-pass features include the word classes of the word
    /// and its neighbours and the model stores the table (format 6); without, the features and bytes are those of format 2.
    /// </summary>
    public static NerTagger Train(IReadOnlyList<ConllDocument> train, PosTagger pos, Gazetteer gazetteer, NerTrainingOptions options,
        Action<string>? log = null, IReadOnlyList<ConllDocument>? dev = null, WordClusters? clusters = null)
    {
        var docs = train.Select(d => Prepare(d, pos)).ToList();
        var gold = train.Select(d => d.Sentences.Select(s => Bilou.Encode(s.Tokens.Length, ConllEvaluator.Spans(s.Gold))).ToArray()).ToList();
        var f1 = docs.Select(d => NerFeatures.Extract(d, gazetteer, clusters)).ToList();
        int pass1 = NerFeatures.Pass1(clusters is not null);
        log?.Invoke($"NER: {docs.Count} documents, {train.Sum(d => d.Sentences.Count)} sentences prepared");

        // Jackknifed first-pass labels for the training documents.
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var samples = Samples(docs.Count, d => d % options.Folds != fold, f1, gold);
            var m = TrainModel(samples, pass1, options, options.Seed + (ulong)fold + 1, null);
            var tagger = new NerTagger(m, m, gazetteer, "", clusters);
            for (int d = 0; d < docs.Count; d++)
                if (d % options.Folds == fold) docs[d].FirstPass = tagger.FirstPassIds(docs[d]);
            log?.Invoke($"fold {fold + 1}/{options.Folds} first pass done");
        }
        var first = TrainModel(Samples(docs.Count, _ => true, f1, gold), pass1, options, options.Seed, null);
        log?.Invoke("first pass trained");
        var f2 = docs.Select((d, i) => NerFeatures.Merge(f1[i], NerFeatures.ExtractExtra(d, f1[i], pass1), pass1)).ToList();
        string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{options.DataName}: {train.Count} documents, {train.Sum(d => d.Sentences.Count)} sentences; POS from [{pos.Description}]; {gazetteer.Count} gazetteer phrases; two-pass structured averaged perceptron, BILOU, {options.Epochs} epochs, {options.Folds} folds, seed {options.Seed}, prune {options.PruneBelow}{(clusters is null ? "" : "; word classes [" + clusters.Description + "]")}");
        Action<int, LinearModel>? report = null;
        if (dev is not null && log is not null)
            report = (epoch, m) =>
            {
                var t = new NerTagger(first, m, gazetteer, "", clusters);
                log(string.Create(CultureInfo.InvariantCulture, $"second pass epoch {epoch}: dev F1 {Evaluate(t, pos, dev).Overall.F1:F2} (first pass alone {EvaluateFirst(t, pos, dev).Overall.F1:F2})"));
            };
        var second = TrainModel(Samples(docs.Count, _ => true, f2, gold), pass1 + NerFeatures.ExtraCount, options, options.Seed, report);
        return new NerTagger(first, second, gazetteer, Describe(), clusters);
    }

    private static NerDocument Prepare(ConllDocument d, PosTagger pos)
    {
        var words = d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList();
        var xpos = words.Select(w => (IReadOnlyList<string>)pos.Tag(w).Xpos).ToList();
        return new NerDocument(words, xpos);
    }

    private static List<Sample> Samples(int docCount, Func<int, bool> take, List<ulong[][]> feats, List<int[][]> gold)
    {
        var list = new List<Sample>();
        for (int d = 0; d < docCount; d++)
        {
            if (!take(d)) continue;
            for (int s = 0; s < feats[d].Length; s++) list.Add(new Sample(feats[d][s], gold[d][s]));
        }
        return list;
    }

    private static LinearModel TrainModel(List<Sample> samples, int count, NerTrainingOptions options, ulong seed, Action<int, LinearModel>? report)
    {
        const int L = Bilou.Count;
        var trainer = new PerceptronTrainer(L);
        var rng = new DeterministicRandom(seed);
        var order = Enumerable.Range(0, samples.Count).ToList();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var si in order)
            {
                var sample = samples[si];
                int n = sample.Gold.Length;
                var trans = NerTagger.Transitions((k, s) => trainer.AddScores(k, s));
                var emit = new float[n * L];
                for (int i = 0; i < n; i++)
                {
                    var sc = emit.AsSpan(i * L, L);
                    foreach (var k in sample.Features.AsSpan(i * count, count)) trainer.AddScores(k, sc);
                }
                var guess = NerTagger.Viterbi(emit, trans, n);
                for (int i = 0; i < n; i++)
                {
                    int g = sample.Gold[i], p = guess[i];
                    if (g != p)
                        foreach (var k in sample.Features.AsSpan(i * count, count)) { trainer.Update(k, g, 1); trainer.Update(k, p, -1); }
                    int gp = i > 0 ? sample.Gold[i - 1] : -1, pp = i > 0 ? guess[i - 1] : -1;
                    if (g != p || gp != pp)
                    {
                        trainer.Update(NerTagger.TransitionKey(gp), g, 1);
                        trainer.Update(NerTagger.TransitionKey(pp), p, -1);
                    }
                }
                trainer.Tick();
            }
            if (report is not null && (epoch % 4 == 0 || epoch == options.Epochs)) report(epoch, trainer.Finish(options.PruneBelow));
        }
        return trainer.Finish(options.PruneBelow);
    }

    /// <summary>Scores a tagger on gold CoNLL documents with conlleval's rules.</summary>
    public static ConllScore Evaluate(NerTagger tagger, PosTagger pos, IReadOnlyList<ConllDocument> gold) => Score(gold, d => tagger.TagIds(Prepare(d, pos)));

    private static ConllScore EvaluateFirst(NerTagger tagger, PosTagger pos, IReadOnlyList<ConllDocument> gold) => Score(gold, d => tagger.FirstPassIds(Prepare(d, pos)));

    private static ConllScore Score(IReadOnlyList<ConllDocument> gold, Func<ConllDocument, int[][]> tag)
    {
        var ev = new ConllEvaluator();
        foreach (var d in gold)
        {
            var pred = tag(d);
            for (int s = 0; s < d.Sentences.Count; s++)
            {
                var sent = d.Sentences[s];
                var guess = ConllEvaluator.ToTags(sent.Tokens.Length, Bilou.Decode(pred[s]), iob2: true);
                for (int i = 0; i < sent.Tokens.Length; i++) ev.Add(sent.Gold[i], guess[i]);
                ev.Boundary();
            }
        }
        return ev.Result();
    }
}
