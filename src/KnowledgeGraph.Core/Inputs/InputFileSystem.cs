using System.Globalization;
using System.Runtime.InteropServices;

namespace KnowledgeGraph.Core.Inputs;

/// <summary>What a path is, after following symbolic links.</summary>
public enum InputEntryKind { Missing, File, Directory, Special }

/// <summary>
/// A probed path. <see cref="Identity"/> names the file itself (device and inode where the system tells them, else the
/// resolved path), so two paths reaching one file or folder through links compare equal. <see cref="Detail"/> says what
/// a special file is ("a named pipe (FIFO)") or why a path is missing.
/// </summary>
public readonly record struct InputEntry(InputEntryKind Kind, long Size, string Identity, string? Detail = null);

/// <summary>
/// The file-system calls the input reader makes, as a seam: tests substitute failures (an unreadable folder) that cannot
/// be produced portably, e.g. when tests run as root.
/// </summary>
public interface IInputFileSystem
{
    /// <summary>What <paramref name="path"/> is, following links. Never opens it and never throws.</summary>
    InputEntry Probe(string path);
    /// <summary>The full paths of the entries of a folder; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    IReadOnlyList<string> List(string directory);
    /// <summary>Opens a regular file for reading.</summary>
    Stream OpenRead(string path);
}

/// <summary>The real file system. On Linux, <c>statx</c> tells file types and inodes; elsewhere .NET's own calls.</summary>
public sealed class PhysicalInputFileSystem : IInputFileSystem
{
    public static PhysicalInputFileSystem Instance { get; } = new();

    public InputEntry Probe(string path)
    {
        if (OperatingSystem.IsLinux() && Statx.TryProbe(path, out var entry)) return entry;
        try
        {
            if (Directory.Exists(path)) return new InputEntry(InputEntryKind.Directory, 0, Resolved(new DirectoryInfo(path)));
            var info = new FileInfo(path);
            if (info.Exists) return new InputEntry(InputEntryKind.File, info.Length, Resolved(info));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { }
        return new InputEntry(InputEntryKind.Missing, 0, path);
    }

    private static string Resolved(FileSystemInfo info)
    {
        try { return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName; }
        catch (IOException) { return info.FullName; }
    }

    public IReadOnlyList<string> List(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 }).ToList();

    public Stream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>statx(2): one layout on every Linux architecture, unlike struct stat.</summary>
    private static class Statx
    {
        private const int AtFdCwd = -100;
        private const uint MaskBasic = 0x7ff;
        private const int ENOENT = 2, ENOTDIR = 20, ELOOP = 40;
        private static bool _unavailable;

        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Call(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        public static bool TryProbe(string path, out InputEntry entry)
        {
            entry = default;
            if (_unavailable) return false;
            var buffer = new byte[256];
            int rc;
            try { rc = Call(AtFdCwd, path, 0, MaskBasic, buffer); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return false;
            }
            if (rc != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                entry = new InputEntry(InputEntryKind.Missing, 0, path, errno switch
                {
                    ENOENT or ENOTDIR => "no such file or folder",
                    ELOOP => "a symbolic link loop (the link leads back to itself)",
                    _ => "cannot read: " + Marshal.GetPInvokeErrorMessage(errno),
                });
                return true;
            }
            int mode = BitConverter.ToUInt16(buffer, 28);
            long size = BitConverter.ToInt64(buffer, 40);
            ulong inode = BitConverter.ToUInt64(buffer, 32);
            uint devMajor = BitConverter.ToUInt32(buffer, 136), devMinor = BitConverter.ToUInt32(buffer, 140);
            var identity = string.Create(CultureInfo.InvariantCulture, $"{devMajor}:{devMinor}:{inode}");
            entry = (mode & 0xF000) switch
            {
                0x8000 => new InputEntry(InputEntryKind.File, size, identity),
                0x4000 => new InputEntry(InputEntryKind.Directory, 0, identity),
                0x1000 => new InputEntry(InputEntryKind.Special, 0, identity, "a named pipe (FIFO)"),
                0x2000 => new InputEntry(InputEntryKind.Special, 0, identity, "a character device"),
                0x6000 => new InputEntry(InputEntryKind.Special, 0, identity, "a block device"),
                0xC000 => new InputEntry(InputEntryKind.Special, 0, identity, "a socket"),
                _ => new InputEntry(InputEntryKind.Special, 0, identity, "a special file"),
            };
            return true;
        }
    }
}
