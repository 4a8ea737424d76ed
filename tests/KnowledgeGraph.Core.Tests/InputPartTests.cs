using System.Text;
using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Core.Tests;

/// <summary>
/// Issue 14: <c>kg build --shard i/n</c> reads only its part of the input (byte ranges of the files laid end to end),
/// and the parts together read exactly what one whole build reads, item for item, in the same order.
/// </summary>
public sealed class InputPartTests
{
    private static string Line(int i, int pad = 0) =>
        $"{{\"text\": \"Officials in Abidjan met delegation number {i} on Monday.{new string(' ', pad)}\", \"title\": \"Doc {i}\"}}";

    /// <summary>A corpus with every kind of item the reader knows, in files of different sizes.</summary>
    private static string[] HostileCorpus(string dir)
    {
        var jsonl = Path.Combine(dir, "news.jsonl");
        using (var f = File.Create(jsonl))
        {
            f.Write(new byte[] { 0xEF, 0xBB, 0xBF });
            for (int i = 1; i <= 60; i++)
            {
                byte[] bytes = i switch
                {
                    7 => Encoding.UTF8.GetBytes("{\"text\": \"a line cut short\n"),
                    13 => Encoding.UTF8.GetBytes("\r\n"),
                    14 => Encoding.UTF8.GetBytes("   \n"),
                    21 => Encoding.UTF8.GetBytes("{\"text\": \"" + new string('x', 3000) + "\"}\n"), // over the limit below
                    _ => Encoding.UTF8.GetBytes(Line(i, pad: i * 7 % 90) + (i % 3 == 0 ? "\r\n" : "\n")),
                };
                if (i == 33) bytes[30] = 0xFF;
                f.Write(bytes);
            }
            f.Write(Encoding.UTF8.GetBytes(Line(61))); // no line break at the end
        }
        var folder = Directory.CreateDirectory(Path.Combine(dir, "folder")).FullName;
        for (int i = 0; i < 9; i++)
            File.WriteAllText(Path.Combine(folder, $"{i:00}.txt"), $"Headline {i}\n\n" + string.Concat(Enumerable.Repeat($"Troops left Gao on day {i}. ", 1 + i * 5)));
        File.WriteAllText(Path.Combine(folder, "04a.txt"), "");
        File.WriteAllText(Path.Combine(folder, "05a.jsonl"), "");
        File.WriteAllText(Path.Combine(folder, "06a.jsonl"), "\n  \n\n\r\n" + new string(' ', 500) + "\n\n");
        File.WriteAllBytes(Path.Combine(folder, "07a.jsonl"), new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes(Line(1) + "\n" + Line(2) + "\n")).ToArray());
        File.WriteAllText(Path.Combine(folder, "08a.jsonl"), "\n\n\n" + Line(99) + "\n");
        return new[] { jsonl, Path.Combine(dir, "missing.jsonl"), folder, jsonl };
    }

    private static readonly InputOptions Options = new() { MaxArticleBytes = 2000 };

    private static List<string> Describe(IEnumerable<InputItem> items) =>
        items.Select(i => $"{i.Origin} | {i.Error} | {i.Note} | {i.Document?.Id}").ToList();

    [Test]
    public void The_parts_together_read_what_the_whole_input_reads_item_for_item_for_any_n()
    {
        var inputs = HostileCorpus(InputReaderTests.TempDir());
        var reader = new InputReader(Options, () => Stream.Null);
        var whole = Describe(reader.Read(inputs));
        Assert.That(whole.Count(d => d.Contains(" | invalid UTF-8", StringComparison.Ordinal)), Is.EqualTo(2), "the corpus has its broken lines (news.jsonl is given twice)");
        Assert.That(whole.Count(d => d.Contains("malformed JSON line", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(whole.Count(d => d.Contains("empty file", StringComparison.Ordinal)), Is.EqualTo(3), "the empty .txt, the empty and the blank .jsonl");
        Assert.That(whole.Count(d => d.Contains("UTF-16", StringComparison.Ordinal)), Is.EqualTo(1));

        var plan = reader.Plan(inputs);
        foreach (var n in Enumerable.Range(1, 40))
        {
            var parts = Enumerable.Range(1, n).Select(i => Describe(reader.Read(plan, new InputPart(i, n)))).ToList();
            Assert.That(parts.SelectMany(p => p).ToList(), Is.EqualTo(whole), $"n = {n}: the parts in order are the whole input");
        }
    }

    [Test]
    public void A_broken_line_is_reported_by_the_part_it_starts_in_only()
    {
        var path = Path.Combine(InputReaderTests.TempDir(), "two-halves.jsonl");
        var lines = Enumerable.Range(1, 100).Select(i => Line(i)).ToArray();
        lines[4] = "{\"text\": \"cut short in the first half";
        lines[94] = "{\"text\": \"cut short in the second half";
        File.WriteAllLines(path, lines);
        var reader = new InputReader(new InputOptions(), () => Stream.Null);
        var plan = reader.Plan(new[] { path });
        var first = reader.Read(plan, new InputPart(1, 2)).ToList();
        var second = reader.Read(plan, new InputPart(2, 2)).ToList();
        Assert.That(first.Where(i => i.Error is not null).Select(i => i.Origin), Is.EqualTo(new[] { path + ":5" }));
        Assert.That(second.Where(i => i.Error is not null).Select(i => i.Origin), Is.EqualTo(new[] { path + ":95" }), "the true line number, counted past the first half");
        Assert.That(first.Count + second.Count, Is.EqualTo(100));
        Assert.That(first.Count, Is.InRange(45, 55), "half the bytes, about half the lines");
    }

    [Test]
    public void A_part_opens_only_the_files_its_bytes_meet_and_stops_at_its_end()
    {
        var dir = InputReaderTests.TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(dir, "articles")).FullName;
        for (int i = 0; i < 8; i++)
            File.WriteAllText(Path.Combine(folder, $"{i}.txt"), $"Headline {i}\n\n" + new string('a', 1000) + " Troops left Gao.");
        var big = Path.Combine(dir, "big.jsonl");
        File.WriteAllLines(big, Enumerable.Range(1, 8000).Select(i => Line(i, pad: 20)));

        var fs = new CountingFileSystem();
        var reader = new InputReader(new InputOptions { FileSystem = fs }, () => Stream.Null);
        var plan = reader.Plan(new[] { folder });
        var items = reader.Read(plan, new InputPart(2, 4)).ToList();
        Assert.That(items.Select(i => Path.GetFileName(i.Origin)), Is.EqualTo(new[] { "2.txt", "3.txt" }));
        Assert.That(fs.Opened.Select(Path.GetFileName), Is.EqualTo(new[] { "2.txt", "3.txt" }), "no other file is opened");

        fs.Opened.Clear();
        plan = reader.Plan(new[] { big });
        long size = new FileInfo(big).Length;
        var firstQuarter = reader.Read(plan, new InputPart(1, 4)).ToList();
        Assert.That(fs.BytesRead, Is.LessThan(size / 4 + (1 << 16) + 200), "the first part stops reading after its last line");
        Assert.That(firstQuarter.Last().Document!.Title, Is.Not.EqualTo("Doc 8000"));
    }

    [Test]
    public void The_plan_fingerprint_ignores_where_the_corpus_is_mounted_and_sees_what_changes()
    {
        var a = InputReaderTests.TempDir();
        var inputs = HostileCorpus(a);
        var reader = new InputReader(Options, () => Stream.Null);
        string Print(string[] i) => reader.Plan(i).Fingerprint();
        var b = InputReaderTests.TempDir();
        var copied = HostileCorpus(b);
        Assert.That(Print(copied), Is.EqualTo(Print(inputs)), "the same files at another path");
        Assert.That(Print(inputs.Reverse().ToArray()), Is.Not.EqualTo(Print(inputs)), "another order");
        File.AppendAllText(Path.Combine(b, "folder", "03.txt"), " More.");
        Assert.That(Print(copied), Is.Not.EqualTo(Print(inputs)), "a file that changed size");
        File.Move(Path.Combine(b, "folder", "03.txt"), Path.Combine(b, "folder", "03b.txt"));
        Assert.That(Print(copied), Is.Not.EqualTo(Print(inputs)), "a renamed file");
    }

    [Test]
    public void Byte_ranges_tile_the_input_whatever_n()
    {
        foreach (var total in new long[] { 0, 1, 7, 1000, long.MaxValue / 2 })
            foreach (var n in new[] { 1, 2, 3, 7, 64 })
            {
                var parts = Enumerable.Range(1, n).Select(i => new InputPart(i, n)).ToList();
                Assert.That(parts[0].Start(total), Is.Zero);
                for (int i = 1; i < n; i++) Assert.That(parts[i].Start(total), Is.EqualTo(parts[i - 1].End(total)));
                Assert.That(parts.Count(p => p.Owns(total, total)), Is.EqualTo(1), "an item at the very end has one owner: the last part");
                Assert.That(parts[^1].Owns(total, total), Is.True);
            }
    }

    private sealed class CountingFileSystem : IInputFileSystem
    {
        public List<string> Opened { get; } = new();
        public long BytesRead;
        public InputEntry Probe(string path) => PhysicalInputFileSystem.Instance.Probe(path);
        public IReadOnlyList<string> List(string directory) => PhysicalInputFileSystem.Instance.List(directory);
        public Stream OpenRead(string path)
        {
            Opened.Add(path);
            return new Counting(PhysicalInputFileSystem.Instance.OpenRead(path), this);
        }

        private sealed class Counting(Stream inner, CountingFileSystem owner) : Stream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = inner.Read(buffer, offset, count);
                owner.BytesRead += n;
                return n;
            }
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => inner.Length;
            public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
        }
    }
}
