using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg bench-nlp</c>: single-thread throughput of POS tagging plus NER, and model load time.</summary>
public sealed class NlpBenchCommand : ICommand
{
    public string Name => "bench-nlp";
    public string Summary => "measure POS+NER tokens per second on one thread, and model load time";
    public string Help => """
        Usage: kg bench-nlp [--data <conll file>] [--repeat N] [--models <dir>]

        Loads the models (timed), then tags every document of a CoNLL file (default: the shared
        conll2003/eng.train, about 200,000 tokens) N times (default 3) on one thread: POS tagging,
        then both NER passes. Prints tokens per second of wall time and per second of CPU time
        (the per-core figure, unaffected by other programs). Only the tokens are used, not the tags.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ["data", "repeat", "models"], []);
        var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "conll2003", "eng.train");
        int repeat = a.Int("repeat", 3, 1, 1000);
        var sw = Stopwatch.StartNew();
        var models = NlpModels.LoadDefault(a.Value("models"));
        var load = sw.Elapsed;
        var docs = ConllReader.Read(data).Select(d => d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList()).ToList();
        long tokensPerRun = docs.Sum(d => d.Sum(s => (long)s.Count));
        // Warm-up: let the JIT compile and tier up before timing.
        foreach (var d in docs.Take(50)) Run(models, d);
        var ci = CultureInfo.InvariantCulture;
        context.Out.WriteLine(string.Create(ci, $"models loaded in {load.TotalMilliseconds:F0} ms (pos {models.Pos.FeatureCount:N0} features, ner {models.Ner.FeatureCount:N0})"));
        double best = 0;
        for (int r = 1; r <= repeat; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            long entities = 0;
            foreach (var d in docs) entities += Run(models, d);
            var s = sw.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            var rate = tokensPerRun / cpu;
            best = Math.Max(best, rate);
            context.Out.WriteLine(string.Create(ci,
                $"run {r}: {tokensPerRun:N0} tokens, {s:F2} s wall ({tokensPerRun / s:N0} tokens/s), {cpu:F2} s CPU ({rate:N0} tokens per CPU-second), {entities:N0} entities"));
        }
        // Per stage: POS alone, then NER alone on the POS output, so a slowdown can be traced to one model.
        var allXpos = docs.Select(d => d.Select(s => (IReadOnlyList<string>)models.Pos.Tag(s).Xpos).ToList()).ToList();
        var posCpu = CpuSeconds(() => { foreach (var d in docs) foreach (var s in d) models.Pos.Tag(s); });
        var nerCpu = CpuSeconds(() => { for (int i = 0; i < docs.Count; i++) models.Ner.Tag(docs[i], allXpos[i]); });
        context.Out.WriteLine(string.Create(ci,
            $"stages: POS {posCpu:F2} s CPU ({tokensPerRun / posCpu:N0} tokens/s), NER {nerCpu:F2} s CPU ({tokensPerRun / nerCpu:N0} tokens/s)"));
        // CPU time, not wall time, is the per-core figure: on a busy machine the thread waits for a core.
        context.Out.WriteLine(string.Create(ci, $"best: {best:N0} tokens per CPU-second on one thread (POS + NER)"));
        return 0;
    }

    private static double CpuSeconds(Action action)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    }

    private static long Run(NlpModels m, List<IReadOnlyList<string>> doc)
    {
        var xpos = new List<IReadOnlyList<string>>(doc.Count);
        foreach (var s in doc) xpos.Add(m.Pos.Tag(s).Xpos);
        return m.Ner.Tag(doc, xpos).Sum(s => (long)s.Count);
    }
}
