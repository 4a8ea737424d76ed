using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Core.Inputs;

/// <summary>One thing read from the inputs: a document, or a failure with the path (and line) and the reason.</summary>
public sealed record InputItem(Document? Document, string Origin, string? Error)
{
    public static InputItem Ok(Document d, string origin) => new(d, origin, null);
    public static InputItem Fail(string origin, string reason) => new(null, origin, reason);
}

/// <summary>Options for reading inputs.</summary>
public sealed record InputOptions
{
    /// <summary>A single article larger than this (a .txt/.md file or a JSONL line's text) is refused.</summary>
    public long MaxArticleBytes { get; init; } = 10L * 1024 * 1024;
    /// <summary>Extensions read as plain text.</summary>
    public IReadOnlyList<string> TextExtensions { get; init; } = new[] { ".txt", ".md", ".text", ".markdown" };
}

/// <summary>
/// Reads articles from files, folders (recursively, in ordinal path order), JSONL files (one article per line:
/// <c>text</c>, optional <c>title</c>, <c>url</c>, <c>date</c>) and standard input (<c>-</c>). It never throws for a
/// bad input: each problem becomes an <see cref="InputItem"/> with the path and reason, and reading goes on.
/// JSONL is streamed line by line, so memory stays bounded whatever the file size.
/// </summary>
public sealed class InputReader
{
    private readonly InputOptions _options;
    private readonly TextReader _stdin;

    public InputReader(InputOptions options, TextReader stdin)
    {
        _options = options;
        _stdin = stdin;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Total bytes of the file inputs (for progress); stdin counts as 0.</summary>
    public static long TotalBytes(IEnumerable<string> inputs)
    {
        long total = 0;
        foreach (var input in inputs)
        {
            try
            {
                if (File.Exists(input)) total += new FileInfo(input).Length;
                else if (Directory.Exists(input))
                    total += EnumerateFolder(input).Sum(f => new FileInfo(f).Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return total;
    }

    private static IEnumerable<string> EnumerateFolder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(folder, "*", options).OrderBy(p => p, StringComparer.Ordinal);
    }

    /// <summary>Reads every input in order. <paramref name="bytesRead"/> is called with the size of each file as it is done.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> inputs, Action<long>? bytesRead = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var item in ReadStdin()) yield return item;
                continue;
            }
            if (Directory.Exists(input))
            {
                IEnumerable<string> files;
                string? error = null;
                try { files = EnumerateFolder(input).ToList(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { files = Array.Empty<string>(); error = e.Message; }
                if (error is not null) { yield return InputItem.Fail(input, "cannot read folder: " + error); continue; }
                int used = 0;
                foreach (var f in files)
                {
                    var ext = Path.GetExtension(f).ToLowerInvariant();
                    if (ext != ".jsonl" && !_options.TextExtensions.Contains(ext)) continue; // folders hold other files too
                    used++;
                    foreach (var item in ReadFile(f, bytesRead)) yield return item;
                }
                if (used == 0) yield return InputItem.Fail(input, "folder has no .txt, .md or .jsonl files");
                continue;
            }
            foreach (var item in ReadFile(input, bytesRead)) yield return item;
        }
    }

    private IEnumerable<InputItem> ReadFile(string path, Action<long>? bytesRead)
    {
        if (!File.Exists(path))
        {
            yield return InputItem.Fail(path, "no such file or folder");
            yield break;
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        long size = 0;
        try { size = new FileInfo(path).Length; } catch (IOException) { }
        if (ext == ".jsonl")
        {
            foreach (var item in ReadJsonLines(path)) yield return item;
        }
        else if (_options.TextExtensions.Contains(ext))
        {
            yield return ReadTextFile(path, size);
        }
        else
        {
            yield return InputItem.Fail(path, $"unknown extension '{(ext.Length == 0 ? "(none)" : ext)}': give .txt or .md files, .jsonl files, folders or '-' for standard input");
        }
        bytesRead?.Invoke(size);
    }

    private InputItem ReadTextFile(string path, long size)
    {
        if (size > _options.MaxArticleBytes)
            return InputItem.Fail(path, $"file is {size / (1024.0 * 1024):0.#} MB, over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article (raise it with --max-article-mb, or split it)");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return InputItem.Fail(path, "cannot read: " + e.Message); }
        var (text, error) = Decode(bytes);
        if (error is not null) return InputItem.Fail(path, error);
        return InputItem.Ok(Document.Create(text!, TitleOf(text!), path), path);
    }

    /// <summary>Decodes strict UTF-8; refuses empty, binary (NUL bytes) and invalid UTF-8 content with a reason.</summary>
    public static (string? Text, string? Error) Decode(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0) return (null, "binary file (contains NUL bytes), not text");
        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException e) { return (null, $"invalid UTF-8 at byte {e.Index}: save the file as UTF-8"); }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) return (null, "empty file: no text to read");
        return (text, null);
    }

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

    private IEnumerable<InputItem> ReadStdin()
    {
        string text;
        string? error = null;
        try { text = _stdin.ReadToEnd(); }
        catch (Exception e) when (e is IOException or DecoderFallbackException) { text = ""; error = "cannot read standard input: " + e.Message; }
        if (error is not null) { yield return InputItem.Fail("-", error); yield break; }
        if (string.IsNullOrWhiteSpace(text)) { yield return InputItem.Fail("-", "standard input is empty"); yield break; }
        yield return InputItem.Ok(Document.Create(text, TitleOf(text), "stdin"), "-");
    }

    private IEnumerable<InputItem> ReadJsonLines(string path)
    {
        StreamReader reader;
        string? openError = null;
        try { reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { reader = StreamReader.Null; openError = e.Message; }
        if (openError is not null) { yield return InputItem.Fail(path, "cannot read: " + openError); yield break; }
        using (reader)
        {
            int lineNo = 0;
            int articles = 0;
            while (true)
            {
                string? line;
                string? readError = null;
                try { line = reader.ReadLine(); }
                catch (DecoderFallbackException e) { line = null; readError = $"invalid UTF-8 after line {lineNo} (byte {e.Index} of the line): save the file as UTF-8"; }
                catch (IOException e) { line = null; readError = "cannot read: " + e.Message; }
                if (readError is not null) { yield return InputItem.Fail($"{path}:{lineNo + 1}", readError); yield break; }
                if (line is null) break;
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                articles++;
                yield return ParseJsonLine(line, $"{path}:{lineNo}", path);
            }
            if (articles == 0) yield return InputItem.Fail(path, "empty file: no JSON lines");
        }
    }

    private InputItem ParseJsonLine(string line, string origin, string path)
    {
        if (line.Length > _options.MaxArticleBytes)
            return InputItem.Fail(origin, $"line is over the {_options.MaxArticleBytes / (1024.0 * 1024):0.#} MB limit for one article");
        JObject o;
        try
        {
            using var jr = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            o = JObject.Load(jr);
            if (jr.Read() && jr.TokenType != JsonToken.Comment) return InputItem.Fail(origin, "malformed JSON line: text after the object");
        }
        catch (JsonException e) { return InputItem.Fail(origin, "malformed JSON line: " + e.Message); }
        var textToken = o["text"];
        if (textToken is null || textToken.Type != JTokenType.String)
            return InputItem.Fail(origin, "JSON line has no \"text\" string");
        var text = (string)textToken!;
        if (string.IsNullOrWhiteSpace(text)) return InputItem.Fail(origin, "\"text\" is empty");
        string? Str(string key) => o[key] is { Type: JTokenType.String } t ? (string?)t : null;
        var url = Str("url");
        return InputItem.Ok(Document.Create(text, Str("title") ?? TitleOf(text), url ?? origin, Str("date")), origin);
    }
}
