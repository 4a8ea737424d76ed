using System.Runtime.InteropServices;
using System.Text;
using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Export;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Issue 13 end to end: each hostile case gives one clear line and the right exit code, never a stack trace or a hang.</summary>
public sealed class HostileInputCliTests
{
    private const string GoodArticle = "Rebels Attack Town\nThe Free Army attacked the town of Kosovo Polje on Monday, officials said.\n";

    private static string[] ErrorLines(CliRun run) => run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static void AssertNoCrash(CliRun run)
    {
        Assert.That(run.Error, Does.Not.Contain("internal error").And.Not.Contain("   at "), "no exception escapes");
        Assert.That(run.ExitCode, Is.AnyOf(0, 1, 2));
    }

    private static int DocumentNodes(string outDir) =>
        File.ReadLines(Path.Combine(outDir, "graph.jsonl")).Count(l => l.StartsWith("{\"type\":\"node\"", StringComparison.Ordinal) && l.Contains("\"labels\":[\"Document\"]", StringComparison.Ordinal));

    /// <summary>Counts what the build touches, to show the output folder is checked before any input is read.</summary>
    private sealed class CountingFileSystem : IInputFileSystem
    {
        public int Calls;
        public InputEntry Probe(string path) { Calls++; return PhysicalInputFileSystem.Instance.Probe(path); }
        public IReadOnlyList<string> List(string directory) { Calls++; return PhysicalInputFileSystem.Instance.List(directory); }
        public Stream OpenRead(string path) { Calls++; return PhysicalInputFileSystem.Instance.OpenRead(path); }
    }

    private static CliContext Context(IInputFileSystem fs, CancellationToken cancel = default) =>
        new(new StringWriter(), new StringWriter(), TextReader.Null, false) { FileSystem = fs, Cancellation = cancel };

    [Test]
    public void Out_naming_a_file_or_an_unwritable_folder_is_refused_before_any_input_is_read()
    {
        var dir = CliRunner.TempDir();
        var input = Path.Combine(dir, "a.txt");
        File.WriteAllText(input, GoodArticle);
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "x");
        foreach (var outDir in new[] { file, Path.Combine(file, "below") })
        {
            var fs = new CountingFileSystem();
            var run = CliRunner.Run(Context(fs), "build", input, "--out", outDir);
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(ErrorLines(run), Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.Contain(outDir));
            Assert.That(fs.Calls, Is.Zero, "no input was touched, so no analysis ran");
        }
        Assert.That(File.ReadAllText(file), Is.EqualTo("x"));
    }

    [Test]
    public void Random_bytes_on_standard_input_are_refused_and_UTF16_is_read()
    {
        var bytes = new byte[8192];
        new Random(8).NextBytes(bytes);
        var outDir = Path.Combine(CliRunner.TempDir(), "out");
        var run = CliRunner.RunWithStdinBytes(bytes, "build", "-", "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(ErrorLines(run).Single(), Does.StartWith("kg build: -: standard input"));
        Assert.That(run.Out, Does.Contain("Documents: 0 built, 1 failed"));

        var utf16 = new UnicodeEncoding(false, true);
        run = CliRunner.RunWithStdinBytes(utf16.GetPreamble().Concat(utf16.GetBytes(GoodArticle)).ToArray(), "build", "-", "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(File.ReadAllText(Path.Combine(outDir, "graph.jsonl")), Does.Contain("Rebels Attack Town"));
    }

    [Test]
    public void An_unreadable_subfolder_gives_a_line_and_exit_code_1()
    {
        var dir = CliRunner.TempDir();
        var locked = Directory.CreateDirectory(Path.Combine(dir, "in", "locked")).FullName;
        File.WriteAllText(Path.Combine(dir, "in", "a.txt"), GoodArticle);
        File.WriteAllText(Path.Combine(locked, "b.txt"), "Troops left Gao on Monday.");
        var fs = new LockedFolder(locked);
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run(Context(fs), "build", Path.Combine(dir, "in"), "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(ErrorLines(run).Single(), Does.Contain(locked).And.Contain("cannot read folder"));
        Assert.That(DocumentNodes(outDir), Is.EqualTo(1));
    }

    private sealed class LockedFolder(string locked) : IInputFileSystem
    {
        public InputEntry Probe(string path) => PhysicalInputFileSystem.Instance.Probe(path);
        public IReadOnlyList<string> List(string directory) => Path.GetFullPath(directory) == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{directory}' is denied.") : PhysicalInputFileSystem.Instance.List(directory);
        public Stream OpenRead(string path) => PhysicalInputFileSystem.Instance.OpenRead(path);
    }

    [DllImport("libc.so.6", EntryPoint = "mkfifo")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [Test]
    [Platform("Linux")]
    public void A_named_pipe_called_x_txt_is_refused_without_hanging()
    {
        var dir = CliRunner.TempDir();
        var pipe = Path.Combine(dir, "x.txt");
        Assert.That(MakeFifo(pipe, 0x1A4), Is.Zero);
        File.WriteAllText(Path.Combine(dir, "good.txt"), GoodArticle);
        var task = Task.Run(() => CliRunner.Run("build", pipe, dir, "--out", Path.Combine(CliRunner.TempDir(), "out")));
        Assert.That(task.Wait(TimeSpan.FromSeconds(120)), Is.True, "the build blocked on the pipe");
        var run = task.Result;
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(ErrorLines(run), Has.Length.EqualTo(2).And.All.Contain(pipe + ": a named pipe (FIFO), not a regular file"));
        Assert.That(run.Out, Does.Contain("Documents: 1 built, 2 failed"));
    }

    [Test]
    public void An_output_folder_inside_the_input_folder_is_not_read_back()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), GoodArticle);
        var outDir = Path.Combine(dir, "out");
        var first = CliRunner.Run("build", dir, "--out", outDir);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        var firstGraph = File.ReadAllText(Path.Combine(outDir, "graph.jsonl"));
        // built again into another folder: the first output folder is recognised by its manifest
        var second = CliRunner.Run("build", dir, "--out", Path.Combine(dir, "out2"));
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Error, Does.Contain(outDir + ": skipped: a kg build output folder"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "out2", "graph.jsonl")), Is.EqualTo(firstGraph));
    }

    [Test]
    public void A_bad_byte_in_a_JSONL_input_costs_one_document()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "news.jsonl");
        var lines = Enumerable.Range(1, 200).Select(i => Encoding.UTF8.GetBytes($"{{\"text\": \"Officials in Abidjan met delegation {i}.\", \"title\": \"T{i}\"}}\n")).ToList();
        lines[99][20] = 0xC0;
        File.WriteAllBytes(path, lines.SelectMany(b => b).ToArray());
        var run = CliRunner.Run("build", path, "--out", Path.Combine(dir, "out"), "--threads", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(ErrorLines(run).Single(), Does.StartWith($"kg build: {path}:100: invalid UTF-8"));
        Assert.That(run.Out, Does.Contain("Documents: 199 built, 1 failed"));
    }

    private const string GoodGraph = """
        {"type":"node","id":"e:per:a","labels":["Entity","Person"],"properties":{"name":"A","mentions":1}}
        {"type":"node","id":"e:per:b","labels":["Entity","Person"],"properties":{"name":"B","mentions":1}}
        {"type":"relationship","id":"r:1","label":"MET_WITH","start":{"id":"e:per:a","labels":["Entity","Person"]},"end":{"id":"e:per:b","labels":["Entity","Person"]},"properties":{"category":"CONSULT","confidence":0.5}}
        """;

    [TestCase("label", "\"labels\":[\"Entity\",\"Person\"]", "\"labels\":[\"Entity\",\"Wizard\"]", 1, "label 'Wizard' is not in the ontology")]
    [TestCase("type", "\"label\":\"MET_WITH\"", "\"label\":\"HATES\"", 3, "relationship type 'HATES' is not in the ontology")]
    [TestCase("empty key", "\"mentions\":1}}", "\"\":1}}", 1, "empty key")]
    [TestCase("bad key", "\"mentions\":1}}", "\"a b\":1}}", 1, "not a plain identifier")]
    [TestCase("int64", "\"mentions\":1}}", "\"mentions\":99999999999999999999999}}", 1, "outside the 64-bit range")]
    [TestCase("not UTF-8", "\"name\":\"A\"", "\"name\":\"\u00ff\u00fe\"", 1, "invalid UTF-8")]
    [TestCase("dates", "\"name\":\"A\"", "\"name\":\"2024-01-02T10:00:00\",\"when\":{\"a\":1}", 1, "unsupported JSON type Object")]
    public void Load_and_export_name_the_file_and_line_of_a_hand_edited_graph(string what, string find, string replace, int line, string reason)
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "graph.jsonl");
        int at = GoodGraph.IndexOf(find, StringComparison.Ordinal);
        var text = GoodGraph[..at] + replace + GoodGraph[(at + find.Length)..];
        // "not UTF-8": the two characters stand for the raw bytes 0xFF 0xFE
        var bytes = what == "not UTF-8" ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bytes);
        foreach (var args in new[]
        {
            new[] { "export", path, "--format", "graphml", "--out", Path.Combine(dir, "x") },
            new[] { "export", path, "--format", "cypher", "--out", Path.Combine(dir, "x") },
            new[] { "export", path, "--format", "neo4j-admin", "--out", Path.Combine(dir, "x") },
            new[] { "load", path, "--uri", "http://127.0.0.1:9", "--dry-run" },
            new[] { "load", path, "--uri", "http://127.0.0.1:9" },
        })
        {
            var run = CliRunner.Run(args);
            AssertNoCrash(run);
            Assert.That(run.ExitCode, Is.EqualTo(1), string.Join(' ', args) + "\n" + run.Error);
            Assert.That(ErrorLines(run).Single(), Does.Contain($"{path}:{line}: ").And.Contain(reason), string.Join(' ', args));
        }
    }

    [Test]
    public void The_good_graph_loads_in_a_dry_run_and_exports()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "graph.jsonl");
        File.WriteAllText(path, GoodGraph);
        var run = CliRunner.Run("load", path, "--dry-run");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("2 nodes, 1 relationships -> ").And.Contain("1 relationship batches (1 types)"));
        Assert.That(CliRunner.Run("export", path, "--format", "cypher", "--out", Path.Combine(dir, "x")).ExitCode, Is.Zero);
    }

    [TestCase("ftp://graph.local")]
    [TestCase("http://")]
    [TestCase("not a uri")]
    public void An_invalid_Neo4j_address_is_a_usage_error(string uri)
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "graph.jsonl");
        File.WriteAllText(path, GoodGraph);
        var run = CliRunner.Run("load", path, "--uri", uri);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(ErrorLines(run), Has.Length.EqualTo(1));
        var input = Path.Combine(dir, "a.txt");
        File.WriteAllText(input, GoodArticle);
        var fs = new CountingFileSystem();
        var build = CliRunner.Run(Context(fs), "build", input, "--out", Path.Combine(dir, "out"), "--neo4j", "--uri", uri);
        Assert.That(build.ExitCode, Is.EqualTo(2), build.Error);
        Assert.That(fs.Calls, Is.Zero, "checked before the analysis");
    }

    [Test]
    public void Export_help_and_the_README_say_the_same_about_the_Cypher_script()
    {
        var help = CliRunner.Run("export", "--help").Out;
        var readme = File.ReadAllLines(Path.Combine(CliRunner.RepoRoot(), "README.md")).Single(l => l.StartsWith("| `graph.cypher` |", StringComparison.Ordinal));
        Assert.That(readme, Does.Contain("parameter-free").And.Contain("MERGE"));
        Assert.That(help, Does.Contain("no parameters").And.Contain("MERGE statement per node and relationship"));
        Assert.That(help, Does.Not.Contain("parameterised"));
    }

    [Test]
    public void Stale_debris_of_a_killed_run_is_cleaned_by_the_next_build()
    {
        var dir = CliRunner.TempDir();
        var outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        const int deadPid = int.MaxValue - 7; // no such process
        var staging = Directory.CreateDirectory(Path.Combine(outDir, $".kg-staging-{deadPid}")).FullName;
        File.WriteAllText(Path.Combine(staging, "graph.jsonl"), "half");
        File.WriteAllText(Path.Combine(outDir, $".graph.jsonl.{deadPid}.tmp"), "half");
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var run = CliRunner.RunWithStdin(GoodArticle, "build", "-", "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "graph.jsonl", "graph.graphml", "graph.cypher", "kg-manifest.json", "notes.txt" }));
        Assert.That(OutputSet.Verify(outDir), Is.Empty);
    }

    [Test]
    public void A_cancelled_build_exits_130_and_leaves_the_old_set_and_no_temporary_files()
    {
        var dir = CliRunner.TempDir();
        var outDir = Path.Combine(dir, "out");
        Assert.That(CliRunner.RunWithStdin(GoodArticle, "build", "-", "--out", outDir).ExitCode, Is.Zero);
        var before = GraphFiles.Names.Select(n => File.ReadAllText(Path.Combine(outDir, n))).ToList();
        var input = Path.Combine(dir, "b.txt");
        File.WriteAllText(input, "Troops left Gao on Monday.");
        var run = CliRunner.Run(Context(PhysicalInputFileSystem.Instance, new CancellationToken(canceled: true)), "build", input, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(130));
        Assert.That(GraphFiles.Names.Select(n => File.ReadAllText(Path.Combine(outDir, n))), Is.EqualTo(before));
        Assert.That(Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName), Has.None.StartWith("."));
    }

    [Test]
    public void A_title_too_long_for_a_Neo4j_index_is_cut_and_kept_whole_beside()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "long.jsonl");
        var title = string.Concat(Enumerable.Repeat("Very long headline about the siege of Kidal ", 250));
        File.WriteAllText(path, Newtonsoft.Json.JsonConvert.SerializeObject(new { text = GoodArticle, title }) + "\n");
        var outDir = Path.Combine(dir, "out");
        Assert.That(CliRunner.Run("build", path, "--out", outDir).ExitCode, Is.Zero);
        var doc = Export.ApocJsonLines.ReadFile(Path.Combine(outDir, "graph.jsonl")).Nodes.Single(n => n.Labels[0] == "Document");
        var cut = (string)doc["title"]!;
        Assert.That(Encoding.UTF8.GetByteCount(cut), Is.LessThan(8000));
        Assert.That(cut, Does.EndWith("\u2026"));
        Assert.That(title, Does.StartWith(cut[..^1]));
        Assert.That(doc["full_title"], Is.EqualTo(title));
    }
}
