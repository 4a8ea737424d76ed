namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// kg train refuses an option that means nothing for the model it trains (it would be ignored silently) and an
/// option given twice, with one line before any training starts; its help says which option applies to which model.
/// </summary>
public sealed class TrainOptionsTests
{
    private static void AssertUsageError(string[] args, string fragment)
    {
        var run = CliRunner.Run(["train", .. args]);
        Assert.That(run.ExitCode, Is.EqualTo(2), string.Join(" ", args) + "\n" + run.Out + run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.Contain(fragment), string.Join(" ", args));
        Assert.That(run.Out, Does.Not.Contain("wrote"), "nothing was trained");
    }

    [Test]
    public void PosClustersIsOnlyForTheParsersTaggers()
    {
        var dir = CliRunner.TempDir();
        AssertUsageError(["pos", "--pos-clusters", "shipped", "--out", dir], "option '--pos-clusters' applies to 'kg train parse', not to 'kg train pos'");
        AssertUsageError(["ner", "--pos-clusters", "shipped", "--out", dir], "not to 'kg train ner'");
        AssertUsageError(["clusters", "--pos-clusters", "shipped", "--out", dir], "not to 'kg train clusters'");
        // a parser on gold tags trains no tagger, so the taggers' classes mean nothing
        AssertUsageError(["parse", "--pos-clusters", "shipped", "--folds", "0", "--out", dir], "'--folds 0' trains on gold tags without a tagger");
    }

    [Test]
    public void ClustersIsNotForTheClusterTableItself()
    {
        AssertUsageError(["clusters", "--clusters", "shipped", "--embeddings", "x.json", "--out", CliRunner.TempDir()],
            "option '--clusters' applies to 'kg train pos|ner|parse', not to 'kg train clusters'");
    }

    [Test]
    public void OtherModelsOptionsAreRefusedToo()
    {
        var dir = CliRunner.TempDir();
        AssertUsageError(["pos", "--beam", "4", "--out", dir], "option '--beam' applies to 'kg train parse', not to 'kg train pos'");
        AssertUsageError(["ner", "--prune", "0.1", "--out", dir], "option '--prune' applies to 'kg train pos|parse', not to 'kg train ner'");
        AssertUsageError(["parse", "--pos-model", "pos.bin", "--out", dir], "option '--pos-model' applies to 'kg train ner', not to 'kg train parse'");
        AssertUsageError(["ner", "--embeddings", "x.json", "--out", dir], "not to 'kg train ner'");
    }

    [Test]
    public void AnOptionGivenTwiceIsRefused()
    {
        var dir = CliRunner.TempDir();
        AssertUsageError(["ner", "--clusters", "none", "--clusters", "shipped", "--out", dir], "option '--clusters' is given 2 times; give it once");
        AssertUsageError(["parse", "--pos-clusters", "none", "--pos-clusters", "shipped", "--out", dir], "option '--pos-clusters' is given 2 times");
    }

    [Test]
    public void HelpSaysWhichOptionAppliesToWhichModel()
    {
        var run = CliRunner.Run("train", "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        string Line(string option) => run.Out.Split('\n').Single(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.That(Line("--clusters <f>"), Does.Contain("[pos, ner, parse]"));
        Assert.That(Line("--pos-clusters <f>"), Does.Contain("[parse]"));
        Assert.That(Line("--pos-model <f>"), Does.Contain("[ner]"));
        Assert.That(Line("--embeddings <f>"), Does.Contain("[clusters]"));
        Assert.That(Line("--out <dir>"), Does.Contain("[pos, ner, parse, clusters]"));
        Assert.That(run.Out, Does.Contain("needs --folds of 2 or more"));
    }
}
