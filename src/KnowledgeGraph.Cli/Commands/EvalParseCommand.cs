using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg eval-parse</c>: attachment scores of the dependency parser on a CoNLL-U file, with our predicted tags and with gold tags.</summary>
public sealed class EvalParseCommand : ICommand
{
    public string Name => "eval-parse";
    public string Summary => "score the dependency parser on a CoNLL-U file (UAS, LAS, per relation)";
    public string Help => """
        Usage: kg eval-parse [--data <file.conllu>] [--model <parse.bin>] [--pos-model <pos.bin>]
                             [--relations N] [--speed] [--repeat N] [--beam K]

        Tags the gold words of every sentence with our POS tagger, parses them, and prints UAS and
        LAS as the CoNLL 2018 evaluation script counts them (gold tokenisation, every syntactic word
        scored, punctuation included, multiword-token lines skipped; LAS compares the universal
        relation, without subtype), the LAS with subtypes ("nsubj:pass", "obl:agent"), and per
        relation: gold count, LAS recall (right head and relation), precision and F1. The same
        figures with gold tags follow, for reference.

          --data N         CoNLL-U file (default: <shared>/ud-english-ewt/en_ewt-ud-test.conllu)
          --model <f>      parser model (default: the shipped resources/models/parse.bin)
          --pos-model <f>  POS model for the predicted tags (default: the shipped pos.bin)
          --relations N    list relations seen at least N times in gold (default 20; 0 = none)
          --speed          also time the parser alone on one thread: tokens per CPU-second
          --repeat N       timing runs with --speed, the best is reported (default 3)
          --beam K         decode with a beam of K (default: the width the model file records; 1 = greedy)
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ["data", "model", "pos-model", "relations", "repeat", "beam"], ["speed"]);
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "ud-english-ewt", "en_ewt-ud-test.conllu");
        int minRelation = a.Int("relations", 20, 0);
        int repeat = a.Int("repeat", 3, 1, 1000);
        var parser = a.Value("model") is { } m ? DependencyParser.Load(m) : NlpModels.LoadParser();
        if (a.Value("beam") is not null) parser = parser.WithBeam(a.Int("beam", 1, 1, DependencyParser.MaxBeam));
        var tagger = a.Value("pos-model") is { } p ? PosTagger.Load(p) : NlpModels.LoadPos();
        var gold = ConlluReader.ReadTrees(data);
        var predictedTags = ParseEvaluation.WithPredictedTags(gold, tagger);
        var o = context.Out;
        var ci = CultureInfo.InvariantCulture;
        var predicted = ParseEvaluation.Score(predictedTags, parser);
        o.WriteLine($"{Path.GetFileName(data)}, {(parser.Beam > 1 ? $"beam {parser.Beam}" : "greedy")}, our predicted tags: {predicted.Summary}");
        var withGold = ParseEvaluation.Score(gold, parser);
        o.WriteLine($"{Path.GetFileName(data)}, gold tags:          {withGold.Summary}");
        if (minRelation > 0)
        {
            o.WriteLine();
            o.WriteLine("Per relation, predicted tags:");
            o.Write(predicted.RelationTable(minRelation));
        }
        if (a.Flag("speed"))
        {
            long tokens = gold.Sum(s => (long)s.Words.Length);
            foreach (var s in predictedTags.Take(200)) parser.Parse(s.Words, s.Xpos); // JIT warm-up
            double best = 0;
            for (int r = 1; r <= repeat; r++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                foreach (var s in predictedTags) parser.Parse(s.Words, s.Xpos);
                var wall = sw.Elapsed.TotalSeconds;
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                best = Math.Max(best, tokens / cpu);
                o.WriteLine(string.Create(ci, $"speed run {r}: {tokens:N0} tokens, {wall:F2} s wall, {cpu:F2} s CPU ({tokens / cpu:N0} tokens per CPU-second)"));
            }
            o.WriteLine(string.Create(ci, $"parser speed: {best:N0} tokens per CPU-second on one thread (best of {repeat}; tags given)"));
        }
        return 0;
    }
}
