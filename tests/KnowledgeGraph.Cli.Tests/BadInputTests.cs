using System.Text;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Each kind of bad input gets one clear line with its path and reason, and the good inputs are still built.</summary>
public sealed class BadInputTests
{
    private const string GoodArticle = "Rebels Attack Town\nThe Free Army attacked the town of Kosovo Polje on Monday, officials said.\n";

    private static (CliRun Run, string Out) BuildWithGoodAnd(string badPath)
    {
        var dir = CliRunner.TempDir();
        var good = Path.Combine(dir, "good.txt");
        File.WriteAllText(good, GoodArticle);
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", good, badPath, "--out", outDir);
        return (run, outDir);
    }

    private static void AssertFailedButGoodBuilt(CliRun run, string outDir, string path, string reasonFragment)
    {
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.Contain(path).And.Contain(reasonFragment));
        Assert.That(run.Out, Does.Contain("Documents: 1 built, 1 failed"));
        var jsonl = File.ReadAllLines(Path.Combine(outDir, "graph.jsonl"));
        Assert.That(jsonl.Count(l => l.StartsWith("{\"type\":\"node\"", StringComparison.Ordinal) && l.Contains("\"labels\":[\"Document\"]", StringComparison.Ordinal)), Is.EqualTo(1), "the good article is in the graph");
    }

    [Test]
    public void EmptyFile()
    {
        var path = Path.Combine(CliRunner.TempDir(), "empty.txt");
        File.WriteAllText(path, "  \n");
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "empty");
    }

    [Test]
    public void BinaryFile()
    {
        var path = Path.Combine(CliRunner.TempDir(), "image.txt");
        File.WriteAllBytes(path, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3 });
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "binary");
    }

    [Test]
    public void InvalidUtf8()
    {
        var path = Path.Combine(CliRunner.TempDir(), "latin1.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Côte d'Ivoire signed the accord in Abidjan."));
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "invalid UTF-8");
    }

    [Test]
    public void FiftyMegabyteFile()
    {
        var path = Path.Combine(CliRunner.TempDir(), "huge.txt");
        using (var f = new FileStream(path, FileMode.Create))
        {
            var line = Encoding.UTF8.GetBytes("The army moved north again and again across the desert.\n");
            long written = 0;
            while (written < 50L * 1024 * 1024) { f.Write(line); written += line.Length; }
        }
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "MB limit");
    }

    [Test]
    public void UnknownExtension()
    {
        var path = Path.Combine(CliRunner.TempDir(), "article.pdf");
        File.WriteAllText(path, "%PDF-1.4 not really");
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "unknown extension '.pdf'");
    }

    [Test]
    public void MissingPath()
    {
        var path = Path.Combine(CliRunner.TempDir(), "nowhere", "missing.txt");
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "no such file");
    }

    [Test]
    public void UnreadableFile()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // Root reads any file whatever its mode, so a directory named like a file stands in for an unreadable one.
            var dirAsFile = Path.Combine(CliRunner.TempDir(), "locked.txt");
            Directory.CreateDirectory(dirAsFile);
            var (r, o) = BuildWithGoodAnd(dirAsFile);
            AssertFailedButGoodBuilt(r, o, dirAsFile, "folder has no");
            return;
        }
        var path = Path.Combine(CliRunner.TempDir(), "secret.txt");
        File.WriteAllText(path, GoodArticle);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        var (run, outDir) = BuildWithGoodAnd(path);
        AssertFailedButGoodBuilt(run, outDir, path, "cannot read");
    }

    [Test]
    public void MalformedJsonLineFailsAloneAndTheOtherLinesAreBuilt()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "articles.jsonl");
        File.WriteAllText(path,
            "{\"text\": \"The Free Army attacked Kosovo Polje.\", \"title\": \"One\"}\n" +
            "{\"text\": \"broken\n" +
            "{\"title\": \"no text\"}\n" +
            "{\"text\": \"Officials in Abidjan met the delegation.\", \"url\": \"https://example.org/2\", \"date\": \"2024-01-02\"}\n");
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", path, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), run.Error);
        Assert.That(lines[0], Does.Contain(path + ":2").And.Contain("malformed JSON"));
        Assert.That(lines[1], Does.Contain(path + ":3").And.Contain("no \"text\""));
        Assert.That(run.Out, Does.Contain("Documents: 2 built, 2 failed"));
        var jsonl = File.ReadAllText(Path.Combine(outDir, "graph.jsonl"));
        Assert.That(jsonl, Does.Contain("https://example.org/2").And.Contain("2024-01-02"));
    }

    [Test]
    public void UsageErrorsExitWithTwo()
    {
        Assert.That(CliRunner.Run("build").ExitCode, Is.EqualTo(2));
        Assert.That(CliRunner.Run("build", "x.txt", "--bogus").ExitCode, Is.EqualTo(2));
        var reader = CliRunner.Run("build", "x.txt", "--relations", "tree");
        Assert.That(reader.ExitCode, Is.EqualTo(2));
        Assert.That(reader.Error, Does.Contain("unknown relation reader 'tree'"));
        Assert.That(CliRunner.Run("frobnicate").ExitCode, Is.EqualTo(2));
        Assert.That(CliRunner.Run("build", "x.txt", "--threads", "zero").Error, Does.Contain("--threads"));
    }

    [Test]
    public void AllGoodInputsExitWithZeroAndStdinWorks()
    {
        var outDir = Path.Combine(CliRunner.TempDir(), "out");
        var run = CliRunner.RunWithStdin(GoodArticle, "build", "-", "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(outDir, "graph.jsonl")), Does.Contain("Rebels Attack Town"));
    }

    [Test]
    public void NoTemporaryFilesAreLeftBehind()
    {
        var outDir = Path.Combine(CliRunner.TempDir(), "out");
        CliRunner.RunWithStdin(GoodArticle, "build", "-", "--out", outDir);
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Has.None.EndsWith(".tmp"));
    }
}
