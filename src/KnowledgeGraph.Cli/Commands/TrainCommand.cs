using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg train pos|ner</c>: retrains a shipped model from the shared data; the same data and seed give the same bytes.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "train the POS tagger or NER model (reproduces the shipped models)";
    public string Help => """
        Usage: kg train pos|ner [--data <path>] [--out <dir>] [--epochs N] [--seed S] [--dev <path>]

        Trains a model and writes <out>/pos.bin or <out>/ner.bin. With the defaults the result is
        byte-identical to the model shipped in resources/models.

          pos   averaged perceptron tagger on UD English EWT; --data is the train .conllu
                (default: <shared>/ud-english-ewt/en_ewt-ud-train.conllu); --dev defaults to the dev split.
          ner   structured averaged perceptron (BILOU, Viterbi) on CoNLL-2003; --data is eng.train
                (default: <shared>/conll2003/eng.train); --dev defaults to eng.testa. Needs pos.bin
                (from --pos-model, else the shipped one) and the gazetteers (<shared>/gazetteers).

        Options:
          --out <dir>      output folder (default: current folder)
          --epochs N       training passes (default: pos 8, ner 8)
          --seed S         shuffling seed (default 1)
          --pos-model <f>  POS model used for NER features (default: the shipped pos.bin)
          --gazetteers <d> gazetteer source folder for NER (default: <shared>/gazetteers)
          --no-dev         do not report dev figures while training
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ["data", "out", "epochs", "seed", "dev", "pos-model", "gazetteers"], ["no-dev"]);
        if (a.Positionals.Count != 1 || a.Positionals[0] is not ("pos" or "ner"))
            throw new UsageException("say what to train: 'pos' or 'ner'");
        var outDir = a.Value("out") ?? ".";
        Directory.CreateDirectory(outDir);
        var seed = (ulong)a.Int("seed", 1, 0);
        var sw = Stopwatch.StartNew();
        void Log(string m) => context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{sw.Elapsed.TotalSeconds,6:F1}s] {m}"));
        string path;
        if (a.Positionals[0] == "pos")
        {
            var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "ud-english-ewt", "en_ewt-ud-train.conllu");
            var devPath = a.Flag("no-dev") ? null : a.Value("dev") ?? SiblingOrNull(data, "en_ewt-ud-dev.conllu");
            var train = ConlluReader.Read(data);
            var dev = devPath is null ? null : ConlluReader.Read(devPath);
            var options = new PosTrainingOptions(a.Int("epochs", 8, 1, 1000), seed, DataName: DataName(data));
            var tagger = PosTrainer.Train(train, options, Log, dev);
            path = Path.Combine(outDir, "pos.bin");
            tagger.Save(path);
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
            var options = new NerTrainingOptions(a.Int("epochs", NerTrainingOptions.DefaultEpochs, 1, 1000), seed, DataName: DataName(data));
            var ner = NerTrainer.Train(train, pos, gazetteer, options, Log, dev);
            path = Path.Combine(outDir, "ner.bin");
            ner.Save(path);
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB) in {sw.Elapsed.TotalSeconds:F1} s"));
        return 0;
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
