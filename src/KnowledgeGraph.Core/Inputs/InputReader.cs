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

    /// <summary>Total bytes of the file inputs (for progress); stdin counts as 0.</summary>
    public static long TotalBytes(IEnumerable<string> inputs, InputOptions? options = null)
    {
        var reader = new InputReader(options ?? new InputOptions(), () => Stream.Null);
        long total = 0;
        foreach (var input in inputs)
        {
            if (input == "-") continue;
            var entry = reader._fs.Probe(input);
            if (entry.Kind == InputEntryKind.File) total += entry.Size;
            else if (entry.Kind == InputEntryKind.Directory)
                total += reader.Walk(input, new HashSet<string>(StringComparer.Ordinal)).Where(w => w.Entry.Kind == InputEntryKind.File && w.Item is null).Sum(w => w.Entry.Size);
        }
        return total;
    }

    /// <summary>Reads every input in order. <paramref name="bytesRead"/> is called with the size of each file as it is done.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> inputs, Action<long>? bytesRead = null)
    {
        var filesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                yield return ReadStdin();
                continue;
            }
            var entry = _fs.Probe(input);
            if (entry.Kind != InputEntryKind.Directory)
            {
                filesSeen.Add(entry.Identity);
                foreach (var item in ReadFile(input, entry, bytesRead)) yield return item;
                continue;
            }
            int used = 0;
            foreach (var (path, fileEntry, item) in Walk(input, filesSeen))
            {
                if (item is not null) { yield return item; if (item.Error is not null) used++; continue; }
                used++;
                foreach (var read in ReadFile(path, fileEntry, bytesRead)) yield return read;
            }
            if (used == 0) yield return InputItem.Fail(input, "folder has no .txt, .md or .jsonl files");
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
        if (ext == ".jsonl")
        {
            foreach (var item in ReadJsonLines(path)) yield return item;
        }
        else if (_options.TextExtensions.Contains(ext))
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

    private IEnumerable<InputItem> ReadJsonLines(string path)
    {
        Stream stream;
        string? openError = null;
        try { stream = _fs.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { stream = Stream.Null; openError = e.Message; }
        if (openError is not null) { yield return InputItem.Fail(path, "cannot read: " + openError); yield break; }
        using (stream)
        {
            // JSON escapes can make a line longer than the text it holds; the text itself is checked after parsing.
            var lines = new ByteLineReader(stream, 2 * _options.MaxArticleBytes + (1 << 16));
            int articles = 0;
            while (true)
            {
                ByteLine line;
                string? readError = null;
                try { if (!lines.Read(out line)) break; }
                catch (IOException e) { line = default; readError = "cannot read: " + e.Message; }
                if (readError is not null) { yield return InputItem.Fail(path, readError); yield break; }
                if (line.Number == 1 && TextDecoding.ByteOrderMark(line.Bytes) is { } mark && mark != "UTF-8")
                {
                    yield return InputItem.Fail(path, $"the file is {mark} (it starts with a {mark} byte-order mark); JSON lines must be UTF-8: convert it, e.g. iconv -f {mark} -t UTF-8");
                    yield break;
                }
                var origin = $"{path}:{line.Number}";
                if (line.TooLong) { articles++; yield return InputItem.Fail(origin, $"line is over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article"); continue; }
                var (text, error) = TextDecoding.DecodeLine(line.Bytes);
                if (error is not null) { articles++; yield return InputItem.Fail(origin, error); continue; }
                if (string.IsNullOrWhiteSpace(text)) continue;
                articles++;
                yield return ParseJsonLine(text, origin);
            }
            if (articles == 0) yield return InputItem.Fail(path, "empty file: no JSON lines");
        }
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
