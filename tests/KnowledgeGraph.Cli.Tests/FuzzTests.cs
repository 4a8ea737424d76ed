using System.Text;
using CsCheck;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// Property tests over random inputs, run in-process: whatever bytes arrive as files, as JSON lines or on standard
/// input, no exception escapes, the exit code is 0, 1 or 2, every problem is one "kg build: ..." line, and every good
/// document is in the graph. A few dozen cases per property keep the suite fast; each run draws new ones (CsCheck prints
/// the seed of a failure, so it can be replayed).
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Sentences =
    {
        "The Free Army attacked the town of Kosovo Polje on Monday, officials said.",
        "Officials in Abidjan met the delegation from Ghana.",
        "Troops of Mali left Gao on Tuesday after talks with France.",
        "Rebels entered Kidal after a long siege, the United Nations said.",
    };

    private static string GoodText(int k) => $"{Sentences[k % Sentences.Length]} Report number {k} followed.";

    /// <summary>A JSONL line: good (Some index) or broken in one of the ways files break.</summary>
    private static readonly Gen<byte[]> BrokenLine = Gen.OneOf(
        Gen.Byte.Array[1, 400].Select(b => b.Where(x => x != (byte)'\n').ToArray()),
        Gen.Int[0, 50].Select(i => Encoding.UTF8.GetBytes("{\"text\": \"" + GoodText(i))),
        Gen.Int[0, 50].Select(i =>
        {
            var b = Encoding.UTF8.GetBytes($"{{\"text\": \"{GoodText(i)}\"}}");
            b[12 + i % 20] = 0xFF;
            return b;
        }),
        Gen.Const(Encoding.UTF8.GetBytes("{\"title\": \"no text\"}")),
        Gen.Const(Encoding.UTF8.GetBytes("{\"text\": \"\\u0000\\ud800 null and a lone surrogate\"}")),
        Gen.Const(Encoding.UTF8.GetBytes("[1, 2, 3]")),
        Gen.Const(Encoding.UTF8.GetBytes("{\"text\": 12}")));

    private sealed record Case(byte[][] RandomFiles, bool[] LineIsGood, byte[][] Broken, byte[] Stdin)
    {
        public override string ToString() =>
            $"{RandomFiles.Length} random files ({string.Join(",", RandomFiles.Select(f => f.Length))} bytes), " +
            $"{LineIsGood.Count(g => g)} good and {LineIsGood.Count(g => !g)} broken lines, {Stdin.Length} bytes on stdin";
    }

    private static readonly Gen<Case> Cases =
        from files in Gen.Byte.Array[0, 1500].Array[0, 3]
        from good in Gen.Bool.Array[1, 12]
        from broken in BrokenLine.Array[12]
        from stdin in Gen.Byte.Array[0, 3000]
        select new Case(files, good, broken, stdin);

    private static void AssertWellBehaved(CliRun run)
    {
        Assert.That(run.ExitCode, Is.AnyOf(0, 1, 2), run.Error);
        Assert.That(run.Error, Does.Not.Contain("internal error").And.Not.Contain("   at "), "no exception escapes");
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.That(line, Does.StartWith("kg build: "));
    }

    [Test]
    public void Random_files_lines_and_standard_input_never_crash_and_lose_no_good_document()
    {
        Cases.Sample(c =>
        {
            var dir = CliRunner.TempDir();
            var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
            for (int i = 0; i < c.RandomFiles.Length; i++) File.WriteAllBytes(Path.Combine(input, $"random{i}.txt"), c.RandomFiles[i]);
            File.WriteAllText(Path.Combine(input, "good.txt"), "Good file\n" + GoodText(99));
            var expected = new List<string> { "Good file" };
            using (var jsonl = File.Create(Path.Combine(input, "lines.jsonl")))
                for (int i = 0; i < c.LineIsGood.Length; i++)
                {
                    if (c.LineIsGood[i])
                    {
                        jsonl.Write(Encoding.UTF8.GetBytes($"{{\"text\": \"{GoodText(i)}\", \"title\": \"Good line {i}\"}}"));
                        expected.Add($"Good line {i}");
                    }
                    else jsonl.Write(c.Broken[i]);
                    jsonl.WriteByte((byte)'\n');
                }
            var outDir = Path.Combine(dir, "out");
            var run = CliRunner.RunWithStdinBytes(c.Stdin, "build", input, "-", "--out", outDir, "--threads", "1");
            AssertWellBehaved(run);
            Assert.That(run.ExitCode, Is.Not.EqualTo(2));
            var graph = File.ReadAllText(Path.Combine(outDir, "graph.jsonl"));
            foreach (var title in expected)
                Assert.That(graph, Does.Contain($"\"title\":\"{title}\""), $"{title} is in the graph");
        }, iter: 12, threads: 1, print: c => c.ToString());
    }

    private static readonly string[] Labels = { "Entity", "Person", "Organization", "Document", "Wizard", "" };
    private static readonly string[] Keys = { "name", "mentions", "", "a b", "role", "x" };

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.Const("\"text\""), Gen.Const("12"), Gen.Const("99999999999999999999999"), Gen.Const("1.5e308"), Gen.Const("true"),
        Gen.Const("null"), Gen.Const("[\"a\", 1, null]"), Gen.Const("{\"k\": 1}"), Gen.Const("\"2024-01-02T10:00:00Z\""));

    private static readonly Gen<string> GraphLine = Gen.OneOf(
        from labels in Gen.Int[0, Labels.Length - 1].Array[0, 3]
        from key in Gen.Int[0, Keys.Length - 1]
        from value in Value
        from id in Gen.Int[0, 3]
        select $"{{\"type\":\"node\",\"id\":\"n{id}\",\"labels\":[{string.Join(",", labels.Select(l => $"\"{Labels[l]}\""))}],\"properties\":{{\"{Keys[key]}\":{value}}}}}",
        from type in Gen.OneOf(Gen.Const("MET_WITH"), Gen.Const("MENTIONS"), Gen.Const("HATES"))
        from s in Gen.Int[0, 4]
        from o in Gen.Int[0, 4]
        from value in Value
        select $"{{\"type\":\"relationship\",\"id\":\"r{s}{o}\",\"label\":\"{type}\",\"start\":{{\"id\":\"n{s}\"}},\"end\":{{\"id\":\"n{o}\"}},\"properties\":{{\"confidence\":{value}}}}}",
        Gen.Const("{\"type\":\"relationship\",\"start\":\"n1\"}"),
        Gen.String[0, 40]);

    [Test]
    public void Random_graph_lines_give_a_graph_or_one_line_naming_the_bad_line()
    {
        GraphLine.Array[1, 8].Sample(lines =>
        {
            var dir = CliRunner.TempDir();
            var path = Path.Combine(dir, "graph.jsonl");
            File.WriteAllLines(path, lines);
            foreach (var args in new[]
            {
                new[] { "export", path, "--format", "graphml", "--out", Path.Combine(dir, "x") },
                new[] { "export", path, "--format", "neo4j-admin", "--out", Path.Combine(dir, "y") },
                new[] { "export", path, "--format", "cypher", "--out", Path.Combine(dir, "z") },
                new[] { "load", path, "--dry-run" },
            })
            {
                var run = CliRunner.Run(args);
                Assert.That(run.ExitCode, Is.AnyOf(0, 1), string.Join(' ', args) + "\n" + run.Error);
                Assert.That(run.Error, Does.Not.Contain("internal error").And.Not.Contain("   at "), "no exception escapes");
                if (run.ExitCode == 1)
                    Assert.That(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(), Does.Contain(path), string.Join(' ', args));
            }
        }, iter: 60, threads: 1, print: l => string.Join("\n", l));
    }
}
