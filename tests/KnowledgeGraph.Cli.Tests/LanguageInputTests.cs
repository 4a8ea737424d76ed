namespace KnowledgeGraph.Cli.Tests;

/// <summary>A document that is not English is skipped with one line naming it and why; the others are built.</summary>
public sealed class LanguageInputTests
{
    [Test]
    public void ARussianArticleIsSkippedWithOneLineAndExitCodeOne()
    {
        var dir = CliRunner.TempDir();
        var good = Path.Combine(dir, "good.txt");
        File.WriteAllText(good, "Rebels Attack Town\nThe Free Army attacked the town of Kosovo Polje on Monday, officials said.\n");
        var russian = Path.Combine(dir, "ru.txt");
        File.WriteAllText(russian, "Правительство Мали потребовало вывода миротворцев\nПравительство Мали заявило в пятницу, что миссия должна покинуть страну.\n");
        var outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run("build", good, russian, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.StartWith($"kg build: {russian}: not English").And.Contain("Cyrillic"));
        Assert.That(run.Out, Does.Contain("Documents: 1 built, 1 failed"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "graph.jsonl")), Does.Not.Contain("Правительство"));
    }
}
