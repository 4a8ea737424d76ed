using System.Globalization;

namespace KnowledgeGraph.Export;

/// <summary>
/// Writes a file under a temporary name in the same folder (<c>.NAME.PID.tmp</c>) and renames it into place when done,
/// so a crash never leaves a half-written output file. The temporary file is removed on any exception; one left by a
/// killed process is removed by the next <see cref="OutputSet.Recover"/>.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes UTF-8 text without a byte-order mark and with \n line endings.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, OutputPart.Text(path, write).Write);

    /// <summary>The process id in a temporary name of ours (<c>.NAME.PID.tmp</c>), or null for any other file.</summary>
    public static int? OwnerOf(string tempPath)
    {
        var name = Path.GetFileName(tempPath);
        if (!name.StartsWith('.') || !name.EndsWith(".tmp", StringComparison.Ordinal)) return null;
        var stem = name[..^4];
        var dot = stem.LastIndexOf('.');
        return dot > 0 && int.TryParse(stem[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
