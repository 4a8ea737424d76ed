using System.Globalization;

namespace KnowledgeGraph.Evaluation.Benchmarking;

/// <summary>One row of a benchmark report: the size asked for, the corpus, the fastest run and the range of build times.</summary>
public sealed record BenchRow(double Mb, BenchCorpus.Stats Corpus, BenchResult Result, double Min, double Max);

/// <summary>Markdown tables of benchmark results, as docs/benchmarks.md shows them.</summary>
public static class BenchReport
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>The header: command, machine, runtime.</summary>
    public static void WriteHeader(TextWriter o, string command, bool optimized, string? codeGeneration = null)
    {
        o.WriteLine("## kg build throughput and memory");
        o.WriteLine();
        o.WriteLine($"Command: `{command}`  ");
        o.WriteLine($"Machine: {MachineInfo.Describe()}  ");
        o.WriteLine($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(optimized ? "Release" : "Debug (unoptimised: use -c Release for real figures)")} build of kg{(codeGeneration is null ? "" : ", " + codeGeneration)}  ");
    }

    /// <summary>One table of runs over one kind of text.</summary>
    public static void WriteCorpusTable(TextWriter o, string title, string text, IReadOnlyList<BenchRow> rows, IReadOnlyList<string> identity)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine($"### {title}");
        o.WriteLine();
        o.WriteLine($"Text: {text}.");
        o.WriteLine();
        o.WriteLine("| text (MiB) | articles | words | threads | build (s) | words/s | docs/s | MiB/s | CPU (s) | words per CPU-s | load (s) | export (s) | peak WS after load (MiB) | peak WS (MiB) | graph retained (MiB) | allocated (MiB) | entities | relationships | load average after |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (_, _, r, min, max) in rows)
        {
            var s = Math.Max(r.BuildSeconds, 1e-9);
            var spread = max > min ? string.Create(ic, $" ({min:0.00}-{max:0.00})") : "";
            o.WriteLine(string.Create(ic,
                $"| {r.TextBytes / Megabyte:0.00} | {r.Documents} | {r.Words} | {r.Threads} | {r.BuildSeconds:0.00}{spread} | {r.Words / s:0} | {r.Documents / s:0.0} | {r.TextBytes / Megabyte / s:0.000} | {r.BuildCpuSeconds:0.00} | {r.Words / Math.Max(r.BuildCpuSeconds, 1e-9):0} | {r.LoadSeconds:0.00} | {r.ExportSeconds:0.00} | {r.PeakAfterLoad / Megabyte:0} | {r.PeakWorkingSet / Megabyte:0} | {(r.RetainedAfterBuild - r.RetainedAfterLoad) / Megabyte:0.0} | {r.Allocated / Megabyte:0} | {r.Entities} | {r.Relationships} | {r.LoadAverage} |"));
        }
        o.WriteLine();
        foreach (var line in identity) o.WriteLine("- " + line);
        WriteLinearity(o, rows.Where(x => x.Result.Threads == 1).ToList());
        var failed = rows.Sum(x => x.Result.Failures);
        if (failed > 0) o.WriteLine($"Warning: {failed} article(s) failed to build.");
    }

    /// <summary>One table of single long articles, each built on one thread: CPU and peak memory per MiB.</summary>
    public static void WriteLongArticleTable(TextWriter o, IReadOnlyList<BenchRow> rows)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine("### One long article");
        o.WriteLine();
        o.WriteLine("Text: one article of news prose (the seed article(s) and the re3d documents one after the other, repeated to the size), built on one thread.");
        o.WriteLine();
        o.WriteLine("| article (MiB) | words | build (s) | CPU (s) | CPU-s per MiB | peak WS (MiB) | peak WS after load (MiB) | allocated (MiB) | entities | relationships | load average after |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (_, _, r, min, max) in rows)
        {
            var spread = max > min ? string.Create(ic, $" ({min:0.00}-{max:0.00})") : "";
            o.WriteLine(string.Create(ic,
                $"| {r.TextBytes / Megabyte:0.00} | {r.Words} | {r.BuildSeconds:0.00}{spread} | {r.BuildCpuSeconds:0.00} | {r.BuildCpuSeconds / (r.TextBytes / Megabyte):0.00} | {r.PeakWorkingSet / Megabyte:0} | {r.PeakAfterLoad / Megabyte:0} | {r.Allocated / Megabyte:0} | {r.Entities} | {r.Relationships} | {r.LoadAverage} |"));
        }
        WriteLinearity(o, rows);
        var failed = rows.Sum(x => x.Result.Failures);
        if (failed > 0) o.WriteLine($"Warning: {failed} article(s) failed to build.");
    }

    /// <summary>The notes under the tables: what each column means.</summary>
    public static void WriteNotes(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("Build time covers reading the JSONL, analysing every article and merging the graph (as `kg build` reports it); " +
            "load is reading models and lexicons; export writes graph.jsonl, graph.graphml and graph.cypher. " +
            "Peak WS is the child process's peak working set (Process.PeakWorkingSet64, one process per row); " +
            "graph retained is the managed heap after a full collection at the end of the build (the graph alive) minus the same after loading the pipeline. " +
            "CPU is the process's user+system time during the build (all threads, GC and JIT included): words per CPU-second hardly depends on what else the machine runs, " +
            "while wall-clock figures do (the load average, from /proc/loadavg, says how busy the machine was). " +
            "With --repeat, each row is the fastest of the runs (other work on a shared machine only slows a run down), the range of build times in brackets.");
    }

    private static void WriteLinearity(TextWriter o, IReadOnlyList<BenchRow> one)
    {
        if (one.Count < 2) return;
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine("Linearity (1 thread): " + string.Join("; ", one.Select(x => string.Create(ic,
            $"{x.Result.TextBytes / Megabyte:0.00} MiB in {x.Result.BuildSeconds:0.00} s wall, {x.Result.BuildCpuSeconds:0.00} s CPU = {x.Result.BuildCpuSeconds / (x.Result.TextBytes / Megabyte):0.00} CPU-s/MiB, peak {x.Result.PeakWorkingSet / Megabyte:0} MiB"))));
    }
}
