using System.Diagnostics;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;
using Newtonsoft.Json;

namespace KnowledgeGraph.Evaluation.Benchmarking;

/// <summary>What one measured build produced (the caller's build code path).</summary>
/// <param name="Graph">The built graph.</param>
/// <param name="Documents">Documents built.</param>
/// <param name="Words">Words analysed.</param>
/// <param name="Seconds">Wall-clock seconds of the build.</param>
/// <param name="Failures">Inputs that failed.</param>
public sealed record BuildOutcome(KnowledgeGraphModel Graph, int Documents, long Words, double Seconds, int Failures);

/// <summary>What one measured run (one child process) reports.</summary>
public sealed record BenchResult(int Threads, int Documents, long Words, long TextBytes, double LoadSeconds, double BuildSeconds,
    double ExportSeconds, double BuildCpuSeconds, long PeakAfterLoad, long PeakWorkingSet, long Allocated, long RetainedAfterLoad, long RetainedAfterBuild,
    int Entities, int Relationships, int Failures, string LoadAverage);

/// <summary>
/// Runs measured builds, each in its own child process so that peak memory belongs to that run alone. The child is
/// this program started again with arguments the caller names; it measures with <see cref="Measure"/> and prints the
/// result as one marked JSON line that <see cref="RunChild"/> reads back.
/// </summary>
public static class BenchRun
{
    private const string ResultMarker = "KG-BENCH-RESULT ";

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="arguments"/> (a child that calls <see cref="Measure"/>),
    /// and returns what it measured; a failed child is a <see cref="UserErrorException"/> naming <paramref name="what"/>.
    /// </summary>
    public static BenchResult RunChild(string file, IEnumerable<string> arguments, string what)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var p in arguments) psi.ArgumentList.Add(p);
        using var process = Process.Start(psi) ?? throw new UserErrorException($"{file}: cannot start the benchmark child process");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new UserErrorException($"{what}: the benchmark child failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
        return JsonConvert.DeserializeObject<BenchResult>(line[ResultMarker.Length..])!;
    }

    /// <summary>
    /// The child's side: loads the pipeline, runs <paramref name="build"/> (the real build code path) and
    /// <paramref name="export"/>, and writes the measurements to <paramref name="output"/> as one marked line.
    /// </summary>
    public static void Measure(string corpus, int threads, Func<ExtractionPipeline> load, Func<ExtractionPipeline, BuildOutcome> build,
        Action<KnowledgeGraphModel> export, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var pipeline = load();
        var loadSeconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        long retainedAfterLoad = GC.GetTotalMemory(forceFullCollection: true);
        self.Refresh();
        long peakAfterLoad = self.PeakWorkingSet64;

        var cpuBefore = self.TotalProcessorTime;
        var result = build(pipeline);
        // What the build keeps alive at the end (the graph and whatever it holds), measured before export.
        self.Refresh();
        var buildCpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        long retainedAfterBuild = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(pipeline); // or optimised code may let the models go before this measurement
        clock.Restart();
        export(result.Graph);
        var exportSeconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var snapshot = result.Graph.Snapshot;
        var r = new BenchResult(threads, result.Documents, result.Words, BenchCorpus.TextBytesOf(corpus), loadSeconds, result.Seconds,
            exportSeconds, buildCpu, peakAfterLoad, self.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true), retainedAfterLoad, retainedAfterBuild,
            snapshot.Nodes.Count(n => n.Labels.Contains(OntologySchema.EntityLabel)), result.Graph.Relationships.Count(), result.Failures, MachineInfo.LoadAverage());
        GC.KeepAlive(result);
        output.WriteLine(ResultMarker + JsonConvert.SerializeObject(r));
    }
}
