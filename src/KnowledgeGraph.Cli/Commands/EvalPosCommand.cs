using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg eval-pos</c>: accuracy of a POS model on a CoNLL-U file (by default the shipped model on the EWT test split).</summary>
public sealed class EvalPosCommand : ICommand
{
    public string Name => "eval-pos";
    public string Summary => "score the POS tagger and lemmatiser on a CoNLL-U file (UPOS, XPOS, lemma accuracy)";
    public string Help => """
        Usage: kg eval-pos [--data <file.conllu>] [--model <pos.bin>]

        Tags the words of every sentence (gold tokenisation, multi-word token lines skipped) and
        prints UPOS, XPOS and lemma accuracy over all words.

          --data    CoNLL-U file (default: <shared>/ud-english-ewt/en_ewt-ud-test.conllu)
          --model   POS model file (default: the shipped resources/models/pos.bin)
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ["data", "model"], []);
        var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "ud-english-ewt", "en_ewt-ud-test.conllu");
        var tagger = a.Value("model") is { } m ? PosTagger.Load(m) : NlpModels.LoadPos();
        var gold = ConlluReader.Read(data);
        var (u, x, l) = PosTrainer.Evaluate(tagger, gold);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(data)}: {gold.Count} sentences, {gold.Sum(s => s.Words.Length)} words; UPOS {u:F2}%  XPOS {x:F2}%  lemma {l:F2}%"));
        return 0;
    }
}
