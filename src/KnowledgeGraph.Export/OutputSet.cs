using System.Diagnostics;
using System.Security.Cryptography;
using KnowledgeGraph.Core.Inputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export;

/// <summary>One file of an output set: its name in the output folder and how to write it.</summary>
public sealed record OutputPart(string FileName, Action<Stream> Write)
{
    /// <summary>A text part: UTF-8 without a byte-order mark, \n line endings.</summary>
    public static OutputPart Text(string fileName, Action<TextWriter> write) => new(fileName, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });
}

/// <summary>
/// Publishes several files (graph.jsonl, graph.graphml, graph.cypher) as one set, so the folder never shows a new
/// graph.jsonl beside an old graph.cypher for good:
/// <list type="number">
/// <item>Stale staging folders of killed runs are cleaned first (see <see cref="Recover"/>).</item>
/// <item>Every file is written and flushed to disk in a hidden staging folder inside the output folder,
/// <c>.kg-staging-&lt;pid&gt;/</c> (same file system, so renames are atomic). The visible files are untouched.</item>
/// <item>Commit: the manifest (<c>kg-manifest.json</c>: each file's name, size and SHA-256) is renamed into the staging
/// folder. Before this point a kill leaves the old set as it was; the staging folder is debris.</item>
/// <item>Publish: each file is renamed over its old version, then the manifest; the staging folder is removed. A kill
/// in the middle leaves a committed staging folder, which the next run finishes (rolls forward) before anything else.</item>
/// </list>
/// On any exception or cancellation before the commit, the staging folder is removed. The visible
/// <c>kg-manifest.json</c> lets anyone check that the files in the folder belong together (<see cref="Verify"/>), and
/// tells folder walks that this is an output folder, not articles.
/// </summary>
public static class OutputSet
{
    public const string ManifestName = InputOptions.OutputManifestName;
    private const string StagingPrefix = ".kg-staging-";
    private const string Format = "kg-output-set/1";

    /// <summary>Writes and publishes <paramref name="parts"/> into <paramref name="outDir"/>. <paramref name="step"/> is told each step (tests stop there).</summary>
    public static void Publish(string outDir, IReadOnlyList<OutputPart> parts, CancellationToken cancellationToken = default, Action<string>? step = null)
    {
        Directory.CreateDirectory(outDir);
        Recover(outDir);
        var staging = Path.Combine(outDir, StagingPrefix + Environment.ProcessId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        bool committed = false;
        try
        {
            Directory.CreateDirectory(staging);
            var manifest = new JArray();
            foreach (var part in parts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(staging, part.FileName);
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    part.Write(stream);
                    stream.Flush(flushToDisk: true);
                }
                manifest.Add(Describe(path, part.FileName));
                step?.Invoke("wrote " + part.FileName);
            }
            cancellationToken.ThrowIfCancellationRequested();
            // the commit point: AtomicFile makes the manifest appear whole or not at all
            AtomicFile.WriteText(Path.Combine(staging, ManifestName),
                w => w.Write(new JObject { ["format"] = Format, ["files"] = manifest }.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
            committed = true;
            step?.Invoke("committed");
            RollForward(outDir, staging, step);
        }
        finally
        {
            if (!committed && Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Cleans what killed runs left in <paramref name="outDir"/>: a committed staging folder is rolled forward, an
    /// uncommitted one removed, and temporary files of <see cref="AtomicFile"/> removed; those of a run still alive are
    /// left alone.
    /// </summary>
    public static void Recover(string outDir)
    {
        if (!Directory.Exists(outDir)) return;
        foreach (var staging in Directory.GetDirectories(outDir, StagingPrefix + "*").OrderBy(d => d, StringComparer.Ordinal))
        {
            if (!int.TryParse(Path.GetFileName(staging)[StagingPrefix.Length..], out var pid) || IsOtherLiveRun(pid)) continue;
            if (File.Exists(Path.Combine(staging, ManifestName))) RollForward(outDir, staging, null);
            else Directory.Delete(staging, recursive: true);
        }
        foreach (var temp in Directory.GetFiles(outDir, ".*.tmp"))
            if (AtomicFile.OwnerOf(temp) is { } pid && !IsOtherLiveRun(pid)) File.Delete(temp);
    }

    /// <summary>
    /// Says why <paramref name="outDir"/> cannot take an output set (a file of that name, a folder that cannot be created
    /// or written), or null when it can: checked before any work, so an hour of analysis is not lost to a typo.
    /// The folder is created if missing.
    /// </summary>
    public static string? CheckWritable(string outDir)
    {
        if (File.Exists(outDir)) return $"--out '{outDir}' is a file, not a folder: give a folder name";
        try
        {
            Directory.CreateDirectory(outDir);
            var probe = Path.Combine(outDir, ".kg-write-test." + Environment.ProcessId + ".tmp");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write to --out '{outDir}': {e.Message}";
        }
    }

    /// <summary>Checks the files of <paramref name="outDir"/> against its manifest; returns what does not match (empty: a consistent set).</summary>
    public static IReadOnlyList<string> Verify(string outDir)
    {
        var manifestPath = Path.Combine(outDir, ManifestName);
        if (!File.Exists(manifestPath)) return new[] { $"{ManifestName} is missing" };
        var problems = new List<string>();
        foreach (var f in (JArray)JObject.Parse(File.ReadAllText(manifestPath))["files"]!)
        {
            var name = (string)f["name"]!;
            var path = Path.Combine(outDir, name);
            if (!File.Exists(path)) { problems.Add($"{name} is missing"); continue; }
            if (!JToken.DeepEquals(Describe(path, name), f)) problems.Add($"{name} is not the file the manifest lists");
        }
        return problems;
    }

    private static JObject Describe(string path, string name)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new JObject { ["name"] = name, ["bytes"] = new FileInfo(path).Length, ["sha256"] = hash };
    }

    /// <summary>Moves the files of a committed staging folder into place, then its manifest; idempotent, so a second try after a kill finishes the job.</summary>
    private static void RollForward(string outDir, string staging, Action<string>? step)
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(staging, ManifestName)));
        foreach (var f in (JArray)manifest["files"]!)
        {
            var name = Path.GetFileName((string)f["name"]!);
            var from = Path.Combine(staging, name);
            if (!File.Exists(from)) continue; // published before a kill
            File.Move(from, Path.Combine(outDir, name), overwrite: true);
            step?.Invoke("published " + name);
        }
        File.Move(Path.Combine(staging, ManifestName), Path.Combine(outDir, ManifestName), overwrite: true);
        Directory.Delete(staging, recursive: true);
    }

    private static bool IsOtherLiveRun(int pid)
    {
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            using var self = Process.GetCurrentProcess();
            return !p.HasExited && p.ProcessName == self.ProcessName;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { return false; }
    }
}
