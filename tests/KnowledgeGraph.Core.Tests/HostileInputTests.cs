using System.Runtime.InteropServices;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Core.Tests;

/// <summary>Issue 13's hostile inputs at the reader: nothing lost, nothing hangs, every problem named where it is.</summary>
public sealed class HostileInputTests
{
    private static string TempDir() => InputReaderTests.TempDir();

    private static List<InputItem> Read(params string[] inputs) => Read(new InputOptions(), inputs);

    /// <summary>Reads on another thread, so a reader that blocks fails the test instead of hanging the run.</summary>
    private static List<InputItem> Read(InputOptions options, params string[] inputs)
    {
        var task = Task.Run(() => new InputReader(options, () => Stream.Null).Read(inputs).ToList());
        Assert.That(task.Wait(TimeSpan.FromSeconds(60)), Is.True, "reading the inputs blocked");
        return task.Result;
    }

    private static string Line(int i) => $"{{\"text\": \"Officials in Abidjan met delegation number {i} on Monday.\", \"title\": \"Doc {i}\"}}";

    [Test]
    public void One_invalid_byte_in_a_JSONL_file_costs_that_line_only_and_names_it()
    {
        var path = Path.Combine(TempDir(), "big.jsonl");
        using (var f = File.Create(path))
            for (int i = 1; i <= 3000; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(Line(i) + "\n");
                if (i == 1500) bytes[40] = 0xFF; // inside the text
                f.Write(bytes);
            }
        var items = Read(path);
        var failures = items.Where(i => i.Error is not null).ToList();
        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(failures[0].Origin, Is.EqualTo(path + ":1500"));
        Assert.That(failures[0].Error, Does.Contain("invalid UTF-8"));
        var titles = items.Where(i => i.Document is not null).Select(i => i.Document!.Title).ToList();
        Assert.That(titles, Has.Count.EqualTo(2999));
        Assert.That(titles, Does.Contain("Doc 1499").And.Contain("Doc 1501").And.Contain("Doc 3000"));
    }

    [Test]
    public void Line_numbers_stay_right_after_blank_lines_CRLF_and_a_byte_order_mark()
    {
        var path = Path.Combine(TempDir(), "crlf.jsonl");
        var text = "\uFEFF" + Line(1) + "\r\n\r\n{\"text\": 5}\r\n" + Line(4) + "\r\n";
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        var items = Read(path);
        Assert.That(items.Select(i => i.Origin), Is.EqualTo(new[] { path + ":1", path + ":3", path + ":4" }));
        Assert.That(items[1].Error, Does.Contain("no \"text\""));
        Assert.That(items[2].Document!.Title, Is.EqualTo("Doc 4"));
    }

    [Test]
    public void A_JSONL_line_over_the_limit_is_refused_without_losing_the_next_one()
    {
        var path = Path.Combine(TempDir(), "long.jsonl");
        File.WriteAllText(path, "{\"text\": \"" + new string('a', 200_000) + "\"}\n" + Line(2) + "\n");
        var items = Read(new InputOptions { MaxArticleBytes = 10_000 }, path);
        Assert.That(items[0].Origin, Is.EqualTo(path + ":1"));
        Assert.That(items[0].Error, Does.Contain("limit"));
        Assert.That(items[1].Document!.Title, Is.EqualTo("Doc 2"));
    }

    [Test]
    public void Byte_line_reader_splits_on_bytes_and_skips_long_lines_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("ab\r\n" + new string('x', 300_000) + "\ncd\n\nlast");
        var reader = new ByteLineReader(new MemoryStream(bytes), 1000);
        var lines = new List<(string, bool, int)>();
        while (reader.Read(out var l)) lines.Add((Encoding.UTF8.GetString(l.Bytes), l.TooLong, l.Number));
        Assert.That(lines, Is.EqualTo(new[] { ("ab", false, 1), ("", true, 2), ("cd", false, 3), ("", false, 4), ("last", false, 5) }));
    }

    [TestCase("utf-16LE")]
    [TestCase("utf-16BE")]
    [TestCase("utf-32LE")]
    [TestCase("utf-32BE")]
    public void UTF16_and_UTF32_with_a_byte_order_mark_are_decoded(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-16LE" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16BE" => new UnicodeEncoding(true, true),
            "utf-32LE" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        const string text = "Côte d'Ivoire signed the accord in Abidjan. 🙂";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        Assert.That(TextDecoding.Decode(bytes), Is.EqualTo(((string?)text, (string?)null)));
        var path = Path.Combine(TempDir(), "wide.txt");
        File.WriteAllBytes(path, bytes);
        Assert.That(Read(path).Single().Document!.Text, Is.EqualTo(text));
    }

    [Test]
    public void UTF16_without_a_mark_and_UTF16_JSON_lines_say_what_they_are_and_how_to_convert()
    {
        var noMark = Encoding.Unicode.GetBytes("The army moved north across the desert.");
        Assert.That(TextDecoding.Decode(noMark).Error, Does.Contain("UTF-16").And.Contain("iconv"));
        var path = Path.Combine(TempDir(), "wide.jsonl");
        File.WriteAllBytes(path, new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes(Line(1) + "\n")).ToArray());
        var item = Read(path).Single();
        Assert.That(item.Error, Does.Contain("UTF-16").And.Contain("iconv").And.Not.Contain("NUL"));
    }

    [Test]
    public void Standard_input_gets_the_checks_of_a_file()
    {
        InputItem Stdin(byte[] bytes, long max = 10 << 20) =>
            new InputReader(new InputOptions { MaxArticleBytes = max }, () => new MemoryStream(bytes)).Read(new[] { "-" }).Single();

        var random = new byte[8192];
        new Random(13).NextBytes(random);
        Assert.That(Stdin(random).Error, Does.Contain("standard input"));
        Assert.That(Stdin(Array.Empty<byte>()).Error, Does.Contain("empty"));
        Assert.That(Stdin(Encoding.UTF8.GetBytes(" \n ")).Error, Does.Contain("empty"));
        Assert.That(Stdin(new byte[] { 0x41, 0xC3, 0x28, 0x42 }).Error, Does.Contain("invalid UTF-8"));
        Assert.That(Stdin(Encoding.UTF8.GetBytes(new string('a', 5000)), max: 1000).Error, Does.Contain("limit"));
        var utf16 = new UnicodeEncoding(false, true);
        Assert.That(Stdin(utf16.GetPreamble().Concat(utf16.GetBytes("Troops left Gao.")).ToArray()).Document!.Text, Is.EqualTo("Troops left Gao."));
    }

    [DllImport("libc.so.6", EntryPoint = "mkfifo")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    private static string Fifo(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        if (MakeFifo(path, 0x1A4) != 0) Assert.Inconclusive("mkfifo failed");
        return path;
    }

    [Test]
    [Platform("Linux")]
    public void A_named_pipe_alone_or_in_a_folder_is_refused_and_never_opened()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "good.txt"), "Troops left Gao on Monday.");
        var pipe = Fifo(dir, "x.txt");
        var alone = Read(pipe).Single();
        Assert.That(alone.Error, Does.Contain("named pipe").And.Contain("not a regular file"));
        var inFolder = Read(dir);
        Assert.That(inFolder.Single(i => i.Error is not null).Origin, Is.EqualTo(pipe));
        Assert.That(inFolder.Count(i => i.Document is not null), Is.EqualTo(1));
        var device = Read("/dev/zero").Single();
        Assert.That(device.Error, Does.Contain("character device"));
    }

    [Test]
    public void Link_loops_end_and_every_file_is_read_once()
    {
        var dir = TempDir();
        var sub = Directory.CreateDirectory(Path.Combine(dir, "a", "b")).FullName;
        File.WriteAllText(Path.Combine(dir, "a", "one.txt"), "Troops left Gao on Monday.");
        File.WriteAllText(Path.Combine(sub, "two.txt"), "Rebels entered Kidal on Tuesday.");
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), Path.Combine(dir, "a"));       // a/b/up -> a
        Directory.CreateSymbolicLink(Path.Combine(sub, "self"), sub);                       // a/b/self -> a/b
        Directory.CreateSymbolicLink(Path.Combine(dir, "root"), dir);                       // root -> .
        File.CreateSymbolicLink(Path.Combine(dir, "again.txt"), Path.Combine(sub, "two.txt"));
        File.CreateSymbolicLink(Path.Combine(dir, "dangling.txt"), Path.Combine(dir, "nowhere.txt"));
        var items = Read(dir);
        var docs = items.Where(i => i.Document is not null).ToList();
        Assert.That(docs.Select(d => d.Document!.Text), Is.EquivalentTo(new[] { "Troops left Gao on Monday.", "Rebels entered Kidal on Tuesday." }));
        Assert.That(items.Where(i => i.Note is not null).Select(i => Path.GetFileName(i.Origin)), Is.EquivalentTo(new[] { "root", "up", "self", "again.txt" }),
            "each loop, and the second path to two.txt, is noted once");
        Assert.That(items.Single(i => i.Error is not null).Origin, Does.EndWith("dangling.txt"));
    }

    /// <summary>The real file system, except that listing some folders fails as it does without read permission.</summary>
    private sealed class LockedFolders(params string[] locked) : IInputFileSystem
    {
        public InputEntry Probe(string path) => PhysicalInputFileSystem.Instance.Probe(path);
        public IReadOnlyList<string> List(string directory) =>
            locked.Contains(Path.GetFullPath(directory)) ? throw new UnauthorizedAccessException($"Access to the path '{directory}' is denied.")
                : PhysicalInputFileSystem.Instance.List(directory);
        public Stream OpenRead(string path) => PhysicalInputFileSystem.Instance.OpenRead(path);
    }

    [Test]
    public void An_unreadable_subfolder_is_reported_and_the_rest_is_read()
    {
        var dir = TempDir();
        var locked = Directory.CreateDirectory(Path.Combine(dir, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "hidden.txt"), "Never read.");
        File.WriteAllText(Path.Combine(dir, "open.txt"), "Troops left Gao on Monday.");
        var items = Read(new InputOptions { FileSystem = new LockedFolders(locked) }, dir);
        var failure = items.Single(i => i.Error is not null);
        Assert.That(failure.Origin, Is.EqualTo(locked));
        Assert.That(failure.Error, Does.Contain("cannot read folder").And.Contain("denied"));
        Assert.That(items.Single(i => i.Document is not null).Document!.Text, Is.EqualTo("Troops left Gao on Monday."));
    }

    [Test]
    public void Output_folders_are_not_read_back_as_articles()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "article.txt"), "Troops left Gao on Monday.");
        var ours = Directory.CreateDirectory(Path.Combine(dir, "old-out")).FullName;
        File.WriteAllText(Path.Combine(ours, InputOptions.OutputManifestName), "{}");
        File.WriteAllText(Path.Combine(ours, "graph.jsonl"), "{\"type\":\"node\",\"id\":\"d:1\",\"labels\":[\"Document\"],\"properties\":{}}\n");
        var current = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        File.WriteAllText(Path.Combine(current, "graph.jsonl"), "{\"type\":\"node\"}\n");
        var items = Read(new InputOptions { ExcludedFolders = new[] { current } }, dir);
        Assert.That(items.Where(i => i.Error is not null), Is.Empty);
        Assert.That(items.Count(i => i.Document is not null), Is.EqualTo(1));
        Assert.That(items.Where(i => i.Note is not null).Select(i => i.Origin), Is.EquivalentTo(new[] { ours, current }));
    }

    [Test]
    public void Long_names_give_short_unique_ids_and_cut_titles()
    {
        var a = new string('a', 11_000) + " one";
        var b = new string('a', 11_000) + " two";
        var idA = Ids.Entity(EntityType.Organization, a);
        Assert.That(idA.Length, Is.LessThanOrEqualTo(6 + Ids.MaxSlugChars));
        Assert.That(idA, Is.Not.EqualTo(Ids.Entity(EntityType.Organization, b)));
        Assert.That(idA, Is.EqualTo(Ids.Entity(EntityType.Organization, a)), "stable");
        Assert.That(Ids.Entity(EntityType.Organization, "Wagner Group"), Is.EqualTo("e:org:wagner-group"), "short ids unchanged");
        var cut = Ids.CutIndexedText(new string('é', 5000))!;
        Assert.That(Encoding.UTF8.GetByteCount(cut), Is.LessThan(8000));
        Assert.That(cut, Does.EndWith("\u2026"));
        Assert.That(Ids.CutIndexedText("Short title"), Is.Null);
    }
}
