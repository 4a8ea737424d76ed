using KnowledgeGraph.Export;

namespace KnowledgeGraph.Export.Tests;

/// <summary>
/// The three outputs are one set: a kill at any point leaves either the old set or (after the next run's recovery) the
/// new one, never a mix, and no debris. A kill is simulated by copying the folder as it is at a step of the publish:
/// that copy is exactly what kill -9 at that instant would leave on disk.
/// </summary>
public sealed class OutputSetTests
{
    private static readonly string[] Names = { "graph.jsonl", "graph.graphml", "graph.cypher" };

    private static string TempDir()
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tmp", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static OutputPart[] Set(string version) =>
        Names.Select(n => OutputPart.Text(n, w => w.Write($"{n} of build {version}\n"))).ToArray();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyFolder(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private static string[] Versions(string dir) => Names.Select(n => File.ReadAllText(Path.Combine(dir, n)).Split(' ')[^1].Trim()).ToArray();

    private static string[] Entries(string dir) => Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Publishes build 2 over build 1 and copies the folder when <paramref name="atStep"/> is reached.</summary>
    private static string KilledAt(string atStep)
    {
        var root = TempDir();
        var outDir = Path.Combine(root, "out");
        OutputSet.Publish(outDir, Set("1"));
        var killed = Path.Combine(root, "killed");
        OutputSet.Publish(outDir, Set("2"), step: s => { if (s == atStep) CopyFolder(outDir, killed); });
        Assert.That(Directory.Exists(killed), Is.True, $"step '{atStep}' was reached");
        Assert.That(Versions(outDir), Is.All.EqualTo("2"), "the uninterrupted publish finished");
        return killed;
    }

    [TestCase("wrote graph.jsonl")]
    [TestCase("wrote graph.graphml")]
    [TestCase("wrote graph.cypher")]
    public void A_kill_between_writes_leaves_the_old_set_intact_and_the_next_run_removes_the_debris(string step)
    {
        var killed = KilledAt(step);
        Assert.That(Versions(killed), Is.All.EqualTo("1"));
        Assert.That(OutputSet.Verify(killed), Is.Empty, "the old files still match the old manifest");
        OutputSet.Recover(killed);
        Assert.That(Versions(killed), Is.All.EqualTo("1"));
        Assert.That(Entries(killed), Is.EqualTo(new[] { "graph.cypher", "graph.graphml", "graph.jsonl", "kg-manifest.json" }));
    }

    [TestCase("committed")]
    [TestCase("published graph.jsonl")]
    [TestCase("published graph.graphml")]
    public void A_kill_during_the_publish_is_finished_by_the_next_run(string step)
    {
        var killed = KilledAt(step);
        OutputSet.Recover(killed);
        Assert.That(Versions(killed), Is.All.EqualTo("2"));
        Assert.That(OutputSet.Verify(killed), Is.Empty);
        Assert.That(Entries(killed), Is.EqualTo(new[] { "graph.cypher", "graph.graphml", "graph.jsonl", "kg-manifest.json" }));
    }

    [Test]
    public void A_mixed_folder_is_caught_by_the_manifest()
    {
        var killed = KilledAt("published graph.jsonl");
        Assert.That(Versions(killed), Is.EqualTo(new[] { "2", "1", "1" }), "the state a kill leaves before recovery");
        Assert.That(OutputSet.Verify(killed), Has.Some.Contain("graph.jsonl"));
    }

    [Test]
    public void A_failure_or_cancellation_while_writing_removes_the_staging_folder_and_keeps_the_old_set()
    {
        var outDir = Path.Combine(TempDir(), "out");
        OutputSet.Publish(outDir, Set("1"));
        var failing = Set("2");
        failing[1] = new OutputPart("graph.graphml", _ => throw new IOException("No space left on device"));
        Assert.Throws<IOException>(() => OutputSet.Publish(outDir, failing));
        Assert.That(Versions(outDir), Is.All.EqualTo("1"));
        Assert.That(Entries(outDir), Is.EqualTo(new[] { "graph.cypher", "graph.graphml", "graph.jsonl", "kg-manifest.json" }));

        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => OutputSet.Publish(outDir, Set("3"), cancel.Token, s => { if (s == "wrote graph.jsonl") cancel.Cancel(); }));
        Assert.That(Versions(outDir), Is.All.EqualTo("1"));
        Assert.That(Entries(outDir), Is.EqualTo(new[] { "graph.cypher", "graph.graphml", "graph.jsonl", "kg-manifest.json" }));
    }

    [Test]
    public void Output_checks_refuse_a_file_and_a_folder_below_a_file()
    {
        var file = Path.Combine(TempDir(), "f");
        File.WriteAllText(file, "x");
        Assert.That(OutputSet.CheckWritable(file), Does.Contain("is a file"));
        Assert.That(OutputSet.CheckWritable(Path.Combine(file, "sub")), Does.Contain("cannot write"));
        Assert.That(OutputSet.CheckWritable(Path.Combine(Path.GetDirectoryName(file)!, "new")), Is.Null);
    }
}
