using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KnowledgeGraph.Evaluation.Benchmarking;

/// <summary>What a benchmark report says about the machine it ran on (Linux /proc files when present).</summary>
public static class MachineInfo
{
    /// <summary>The 1, 5 and 15 minute load averages, or "n/a".</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    /// <summary>Whether an assembly was compiled with optimisations (Release).</summary>
    public static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>How the program's code is compiled: precompiled (a ReadyToRun image, as `dotnet publish -p:KgPrecompile=true` makes it) or
    /// jitted, and whether tiered compilation is off (docs/benchmarks.md, "Issue 9: the fixed JIT cost and ReadyToRun").</summary>
    public static string CodeGeneration(Assembly assembly)
    {
        bool precompiled = false;
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly.Location));
            precompiled = pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        catch (BadImageFormatException) { }
        catch (ArgumentException) { }
        var tiered = AppContext.GetData("System.Runtime.TieredCompilation") is not (false or "false" or "False");
        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is { } env) tiered = env != "0";
        return (precompiled ? "precompiled (ReadyToRun)" : "jitted (not precompiled)")
               + (tiered ? ", tiered compilation on" : ", tiered compilation off");
    }

    public static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    public static double RamGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1048576.0 / 1024;
    }

    /// <summary>One line: cores, CPU, RAM, OS.</summary>
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} logical cores ({CpuModel()}), {RamGiB():0.0} GiB RAM, {RuntimeInformation.OSDescription.Trim()}");
}
