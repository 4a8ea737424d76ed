using System.Globalization;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// With KG_MEMORY_TRACE=1, prints at each stage of a build or merge the live managed heap (after a full collection)
/// and the process's working set to standard error: how the memory figures in docs/benchmarks.md were found.
/// </summary>
public static class MemoryTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("KG_MEMORY_TRACE") == "1";

    public static void Mark(TextWriter error, string stage)
    {
        if (!On) return;
        long live = GC.GetTotalMemory(forceFullCollection: true);
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {stage}: live heap {live / 1048576.0:0.0} MiB, working set {p.WorkingSet64 / 1048576.0:0.0} MiB, peak working set {p.PeakWorkingSet64 / 1048576.0:0.0} MiB, GC committed {info.TotalCommittedBytes / 1048576.0:0.0} MiB, gen0 budget {info.GenerationInfo[0].SizeAfterBytes / 1048576.0:0.0}"));
    }
}
