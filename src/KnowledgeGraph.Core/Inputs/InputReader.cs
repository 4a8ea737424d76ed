using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Inputs;

/// <summary>
/// One thing read from the inputs: a document, a failure (path, line and reason), or a note about something skipped on
/// purpose (an output folder of ours, a file already read through another link).
/// </summary>
public sealed record InputItem(Document? Document, string Origin, string? Error, string? Note = null)
{
    public static InputItem Ok(Document d, string origin) => new(d, origin, null);
    public static InputItem Fail(string origin, string reason) => new(null, origin, reason);
    public static InputItem Skip(string origin, string note) => new(null, origin, null, note);
}

/// <summary>Options for reading inputs.</summary>
public sealed record InputOptions
{
    /// <summary>A folder holding this file was written by kg build: folder walks skip it rather than read our own output back.</summary>
    public const string OutputManifestName = "kg-manifest.json";

    /// <summary>A single article larger than this (a .txt/.md file, standard input or a JSONL line's text) is refused.</summary>
    public long MaxArticleBytes { get; init; } = 10L * 1024 * 1024;
    /// <summary>Extensions read as plain text.</summary>
    public IReadOnlyList<string> TextExtensions { get; init; } = new[] { ".txt", ".md", ".text", ".markdown" };
    /// <summary>Folders never read (the build's own output folder, which may sit inside an input folder).</summary>
    public IReadOnlyList<string> ExcludedFolders { get; init; } = Array.Empty<string>();
    /// <summary>Where files are probed, listed and opened; tests substitute failures here.</summary>
    public IInputFileSystem FileSystem { get; init; } = PhysicalInputFileSystem.Instance;
}

/// <summary>
/// Reads articles from files, folders (recursively, in ordinal path order), JSONL files (one article per line:
/// <c>text</c>, optional <c>title</c>, <c>url</c>, <c>date</c>) and standard input (<c>-</c>). It never throws for a
/// bad input: each problem becomes an <see cref="InputItem"/> with the path and reason, and reading goes on.
/// Only regular files are opened (a named pipe could block forever); folder walks follow links but enter each folder
/// and read each file once, whatever the links. JSONL is split into lines as bytes and each line decoded on its own, so
/// a bad byte costs one line; memory stays bounded whatever the file size.
/// </summary>
public sealed class InputReader
{
    private readonly InputOptions _options;
    private readonly Func<Stream> _openStdin;
    private readonly IInputFileSystem _fs;

    /// <summary>Reads standard input as bytes from <paramref name="openStdin"/>, with the same checks as a file.</summary>
    public InputReader(InputOptions options, Func<Stream> openStdin)
    {
        _options = options;
        _openStdin = openStdin;
        _fs = options.FileSystem;
    }

    /// <summary>Standard input given as text (it is checked as its UTF-8 bytes).</summary>
    public InputReader(InputOptions options, TextReader stdin)
        : this(options, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()))) { }

    /// <summary>
    /// What reading <paramref name="inputs"/> will read, in order, without opening a file: every file with its size and
    /// its offset in the input laid end to end, and the items met on the way (missing paths, unreadable folders, notes).
    /// Folders are walked here, once.
    /// </summary>
    public InputPlan Plan(IEnumerable<string> inputs)
    {
        var entries = new List<InputPlan.Step>();
        var filesSeen = new HashSet<string>(StringComparer.Ordinal);
        long offset = 0;
        int argument = 0;
        foreach (var input in inputs)
        {
            argument++;
            if (input == "-")
            {
                entries.Add(new InputPlan.Step(argument, "-", "-", default, null, offset, 0, Stdin: true));
                continue;
            }
            var entry = _fs.Probe(input);
            if (entry.Kind != InputEntryKind.Directory)
            {
                filesSeen.Add(entry.Identity);
                long size = entry.Kind == InputEntryKind.File ? entry.Size : 0;
                entries.Add(new InputPlan.Step(argument, input, Path.GetFileName(input), entry, null, offset, size));
                offset += size;
                continue;
            }
            int used = 0;
            foreach (var (path, fileEntry, item) in Walk(input, filesSeen))
            {
                var name = Path.GetRelativePath(input, path).Replace('\\', '/');
                if (item is not null)
                {
                    if (item.Error is not null) used++;
                    entries.Add(new InputPlan.Step(argument, path, name, fileEntry, item, offset, 0));
                    continue;
                }
                used++;
                long size = fileEntry.Kind == InputEntryKind.File ? fileEntry.Size : 0;
                entries.Add(new InputPlan.Step(argument, path, name, fileEntry, null, offset, size));
                offset += size;
            }
            if (used == 0)
                entries.Add(new InputPlan.Step(argument, input, "", default, InputItem.Fail(input, "folder has no .txt, .md or .jsonl files"), offset, 0));
        }
        return new InputPlan(entries, offset);
    }

    /// <summary>Reads every input in order. <paramref name="bytesRead"/> is called with the size of each file as it is done.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> inputs, Action<long>? bytesRead = null) =>
        Read(Plan(inputs), InputPart.Whole, bytesRead);

    /// <summary>
    /// Reads the items of <paramref name="part"/> of a planned input, in order (see <see cref="InputPart"/>): files
    /// before and after the part are not opened; in a JSONL file the part begins at, the lines before it are passed
    /// over as bytes (counted, so every line keeps its number, never decoded), and reading stops at the first line that
    /// starts after the part. A file's own failures (cannot be opened, not UTF-8, no lines) are the part's that holds
    /// its first byte. Standard input is read by the part its place falls in.
    /// </summary>
    public IEnumerable<InputItem> Read(InputPlan plan, InputPart part, Action<long>? bytesRead = null)
    {
        long total = plan.TotalBytes;
        foreach (var e in plan.Entries)
        {
            bool ownsStart = part.Owns(e.Offset, total);
            if (e.Stdin)
            {
                if (ownsStart) yield return ReadStdin();
                continue;
            }
            if (e.Item is not null)
            {
                if (ownsStart) yield return e.Item;
                continue;
            }
            if (e.Probe.Kind == InputEntryKind.File && Path.GetExtension(e.Path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                if (ownsStart || part.Meets(e.Offset, e.Offset + e.Size, total))
                    foreach (var item in ReadJsonLines(e.Path, e.Offset, part, total, ownsStart)) yield return item;
                if (ownsStart) bytesRead?.Invoke(e.Probe.Size);
                continue;
            }
            if (ownsStart)
                foreach (var item in ReadFile(e.Path, e.Probe, bytesRead)) yield return item;
        }
    }

    private bool IsArticleFile(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext == ".jsonl" || _options.TextExtensions.Contains(ext);
    }

    /// <summary>
    /// The article files below <paramref name="root"/> in ordinal path order, each with its probe, and the items to report
    /// on the way (unreadable folders, special files, link loops, our own output folders), each at its path's place.
    /// Hidden entries (names starting with '.') are skipped, as are files and folders other than articles.
    /// </summary>
    private List<(string Path, InputEntry Entry, InputItem? Item)> Walk(string root, HashSet<string> filesSeen)
    {
        var found = new List<(string Path, InputEntry Entry, InputItem? Item)>();
        var excluded = new HashSet<string>(_options.ExcludedFolders.Select(f => _fs.Probe(f)).Where(e => e.Kind == InputEntryKind.Directory).Select(e => e.Identity), StringComparer.Ordinal);
        var dirsSeen = new Dictionary<string, string>(StringComparer.Ordinal) { [_fs.Probe(root).Identity] = root };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IReadOnlyList<string> entries;
            try { entries = _fs.List(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                found.Add((dir, default, InputItem.Fail(dir, "cannot read folder: " + e.Message)));
                continue;
            }
            if (entries.Any(p => Path.GetFileName(p) == InputOptions.OutputManifestName))
            {
                found.Add((dir, default, InputItem.Skip(dir, $"skipped: a kg build output folder (it holds {InputOptions.OutputManifestName}), not articles")));
                continue;
            }
            var subfolders = new List<string>();
            foreach (var path in entries.OrderBy(p => p, StringComparer.Ordinal))
            {
                if (Path.GetFileName(path).StartsWith('.')) continue;
                var entry = _fs.Probe(path);
                if (entry.Kind == InputEntryKind.Directory)
                {
                    if (excluded.Contains(entry.Identity))
                        found.Add((path, default, InputItem.Skip(path, "skipped: the output folder of this build")));
                    else if (dirsSeen.TryGetValue(entry.Identity, out var first))
                        found.Add((path, default, InputItem.Skip(path, $"skipped: a link to {first}, already read (a link loop or a second path to one folder)")));
                    else
                    {
                        dirsSeen[entry.Identity] = path;
                        subfolders.Add(path);
                    }
                    continue;
                }
                if (!IsArticleFile(path)) continue; // folders hold other files too
                found.Add((path, entry, null));
            }
            // depth first in name order, so which of two paths to one folder is read does not depend on the listing order
            for (int i = subfolders.Count - 1; i >= 0; i--) pending.Push(subfolders[i]);
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        // Files reached twice through links: the first in path order is read, later ones are noted.
        for (int i = 0; i < found.Count; i++)
        {
            var (path, entry, item) = found[i];
            if (item is not null || entry.Kind != InputEntryKind.File) continue;
            if (!filesSeen.Add(entry.Identity))
                found[i] = (path, entry, InputItem.Skip(path, "skipped: the same file as one already read (through a link)"));
        }
        return found;
    }

    private IEnumerable<InputItem> ReadFile(string path, InputEntry entry, Action<long>? bytesRead)
    {
        switch (entry.Kind)
        {
            case InputEntryKind.Missing:
                yield return InputItem.Fail(path, entry.Detail ?? "no such file or folder");
                yield break;
            case InputEntryKind.Special:
                yield return InputItem.Fail(path, $"{entry.Detail}, not a regular file: refused, since reading it could block forever");
                yield break;
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        // JSONL files never come here: Read(plan, part) gives them to ReadJsonLines line by line
        if (_options.TextExtensions.Contains(ext))
        {
            yield return ReadTextFile(path, entry.Size);
        }
        else
        {
            yield return InputItem.Fail(path, $"unknown extension '{(ext.Length == 0 ? "(none)" : ext)}': give .txt or .md files, .jsonl files, folders or '-' for standard input");
        }
        bytesRead?.Invoke(entry.Size);
    }

    private string OverLimit(string what, long size) =>
        $"{what} is {size / (1024.0 * 1024):0.#} MB, over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article (raise it with --max-article-mb, or split it)";

    private InputItem ReadTextFile(string path, long size)
    {
        if (size > _options.MaxArticleBytes) return InputItem.Fail(path, OverLimit("file", size));
        byte[] bytes;
        try
        {
            using var stream = _fs.OpenRead(path);
            bytes = ReadCapped(stream, _options.MaxArticleBytes, out var over);
            if (over) return InputItem.Fail(path, OverLimit("file", bytes.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return InputItem.Fail(path, "cannot read: " + e.Message); }
        var (text, error) = TextDecoding.Decode(bytes);
        if (error is not null) return InputItem.Fail(path, error);
        return InputItem.Ok(Document.Create(text!, TitleOf(text!), path), path);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; <paramref name="over"/> says there was more.</summary>
    private static byte[] ReadCapped(Stream stream, long max, out bool over)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max) { over = true; return buffer.ToArray(); }
        }
        over = false;
        return buffer.ToArray();
    }

    /// <summary>Decodes one article (UTF-8, or UTF-16/32 with a byte-order mark); refuses empty, binary and invalid text with a reason.</summary>
    public static (string? Text, string? Error) Decode(byte[] bytes) => TextDecoding.Decode(bytes);

    /// <summary>The first line when it looks like a headline (short, not ending in a full stop); "# " markdown headings included.</summary>
    public static string? TitleOf(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('#').Trim();
            if (line.Length == 0) continue;
            return line.Length <= 200 && !line.EndsWith('.') ? line : null;
        }
        return null;
    }

    /// <summary>Standard input is one article, read as bytes and checked like a file: size, binary data, encoding, empty.</summary>
    private InputItem ReadStdin()
    {
        byte[] bytes;
        try
        {
            using var stream = _openStdin();
            bytes = ReadCapped(stream, _options.MaxArticleBytes, out var over);
            if (over) return InputItem.Fail("-", $"standard input is over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article (raise it with --max-article-mb, or split it)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException) { return InputItem.Fail("-", "cannot read standard input: " + e.Message); }
        if (bytes.Length == 0) return InputItem.Fail("-", "standard input is empty");
        var (text, error) = TextDecoding.Decode(bytes);
        if (error is not null) return InputItem.Fail("-", "standard input: " + error.Replace("binary file", "binary data", StringComparison.Ordinal).Replace("empty file", "empty", StringComparison.Ordinal).Replace("save the file", "give text", StringComparison.Ordinal));
        return InputItem.Ok(Document.Create(text!, TitleOf(text!), "stdin"), "-");
    }

    /// <summary>
    /// The lines of a JSONL file that start in <paramref name="part"/>; <paramref name="fileOffset"/> is where the file
    /// begins in the input laid end to end. <paramref name="ownsStart"/>: this part holds the file's first byte, so it
    /// reports the file's own failures.
    /// </summary>
    private IEnumerable<InputItem> ReadJsonLines(string path, long fileOffset, InputPart part, long total, bool ownsStart)
    {
        Stream stream;
        string? openError = null;
        try { stream = _fs.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { stream = Stream.Null; openError = e.Message; }
        if (openError is not null)
        {
            if (ownsStart) yield return InputItem.Fail(path, "cannot read: " + openError);
            yield break;
        }
        using (stream)
        {
            // JSON escapes can make a line longer than the text it holds; the text itself is checked after parsing.
            var lines = new ByteLineReader(stream, 2 * _options.MaxArticleBytes + (1 << 16));
            long start = part.Start(total) - fileOffset, end = part.End(total);
            end = end == long.MaxValue ? long.MaxValue : end - fileOffset;
            string? mark = null, readError = null;
            try
            {
                mark = TextDecoding.ByteOrderMark(lines.PeekFirstLine(4));
                if (mark is null or "UTF-8" && start > 0) lines.SkipTo(start);
            }
            catch (IOException e) { readError = "cannot read: " + e.Message; }
            if (readError is not null) { yield return InputItem.Fail(path, readError); yield break; }
            if (mark is not null && mark != "UTF-8")
            {
                if (ownsStart)
                    yield return InputItem.Fail(path, $"the file is {mark} (it starts with a {mark} byte-order mark); JSON lines must be UTF-8: convert it, e.g. iconv -f {mark} -t UTF-8");
                yield break;
            }
            int articles = 0;
            while (true)
            {
                ByteLine line;
                try { if (!lines.Read(out line)) break; }
                catch (IOException e) { line = default; readError = "cannot read: " + e.Message; }
                if (readError is not null) { yield return InputItem.Fail(path, readError); yield break; }
                if (line.Start >= end)
                {
                    // past the part: only the part holding the file's start, having found no article, looks further
                    // (without reporting anything) to tell an empty file from one whose articles are in other parts
                    if (!ownsStart || articles > 0) break;
                    if (IsArticleLine(line)) { articles++; break; }
                    continue;
                }
                var origin = $"{path}:{line.Number}";
                if (line.TooLong) { articles++; yield return InputItem.Fail(origin, $"line is over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article"); continue; }
                var (text, error) = TextDecoding.DecodeLine(line.Bytes);
                if (error is not null) { articles++; yield return InputItem.Fail(origin, error); continue; }
                if (string.IsNullOrWhiteSpace(text)) continue;
                articles++;
                yield return ParseJsonLine(text, origin);
            }
            if (articles == 0 && ownsStart) yield return InputItem.Fail(path, "empty file: no JSON lines");
        }
    }

    /// <summary>A line that a build counts as an article (read or failed), not a blank one.</summary>
    private static bool IsArticleLine(ByteLine line)
    {
        if (line.TooLong) return true;
        var (text, error) = TextDecoding.DecodeLine(line.Bytes);
        return error is not null || !string.IsNullOrWhiteSpace(text);
    }

    private InputItem ParseJsonLine(string line, string origin)
    {
        JObject o;
        try
        {
            using var jr = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            o = JObject.Load(jr);
            if (jr.Read() && jr.TokenType != JsonToken.Comment) return InputItem.Fail(origin, "malformed JSON line: text after the object");
        }
        catch (JsonException e) { return InputItem.Fail(origin, "malformed JSON line: " + e.Message); }
        var textToken = o["text"];
        if (textToken is null || textToken.Type != JTokenType.String)
            return InputItem.Fail(origin, "JSON line has no \"text\" string");
        var text = (string)textToken!;
        if (string.IsNullOrWhiteSpace(text)) return InputItem.Fail(origin, "\"text\" is empty");
        if (text.Contains('\0', StringComparison.Ordinal)) return InputItem.Fail(origin, "\"text\" holds binary data (NUL characters)");
        long bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > _options.MaxArticleBytes) return InputItem.Fail(origin, OverLimit("\"text\"", bytes));
        string? Str(string key) => o[key] is { Type: JTokenType.String } t ? (string?)t : null;
        var url = Str("url");
        return InputItem.Ok(Document.Create(text, Str("title") ?? TitleOf(text), url ?? origin, Str("date")), origin);
    }
}

/// <summary>
/// An input as it will be read, before reading it: the files in order with their sizes and their offsets in the input
/// laid end to end (<see cref="InputPart"/> splits it by these), and the items met on the way.
/// </summary>
public sealed class InputPlan
{
    /// <param name="Argument">1-based position of the command-line input it comes from.</param>
    /// <param name="Name">What identifies it across machines: the path below its folder argument, or a file argument's name.</param>
    internal sealed record Step(int Argument, string Path, string Name, InputEntry Probe, InputItem? Item, long Offset, long Size, bool Stdin = false);

    internal InputPlan(IReadOnlyList<Step> entries, long totalBytes)
    {
        Entries = entries;
        TotalBytes = totalBytes;
    }

    internal IReadOnlyList<Step> Entries { get; }

    /// <summary>Bytes of all files together (standard input counts 0).</summary>
    public long TotalBytes { get; }

    /// <summary>
    /// A hash of what is read in which order: per entry its argument's position, its name (below a folder argument, or a
    /// file argument's own name: not where the corpus is mounted), what it is and its size. Two machines that plan the
    /// same input in the same order agree; a file added, removed, renamed, reordered or changed in size changes it.
    /// </summary>
    public string Fingerprint()
    {
        using var h = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var e in Entries)
        {
            var kind = e.Stdin ? "stdin" : e.Item is { Error: not null } ? "failed" : e.Item is not null ? "note" : e.Probe.Kind.ToString();
            h.AppendData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Argument}\t{kind}\t{e.Name}\t{e.Size}\n")));
        }
        return Convert.ToHexStringLower(h.GetHashAndReset())[..32];
    }
}
