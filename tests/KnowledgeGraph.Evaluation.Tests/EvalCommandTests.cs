using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Tests;

public sealed class EvalCommandTests
{
    private const string Text = "The Kurdish YPG fought Daesh in Raqqa.";

    private static (int Code, string Out, string Err) Run(EvalCommand command, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, TextReader.Null, stdoutIsTerminal: false);
        int code;
        try { code = command.Run(args, context); }
        catch (UsageException) { code = 2; }
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static EvalCommand WithFake() => new(_ => new FakeAnalyzer().Add(Text, d =>
    {
        var b = AnalysisBuilder.For(Text);
        int ypg = b.Entity("YPG", EntityType.Organization, "Kurdish YPG");
        int daesh = b.Entity("Daesh", EntityType.Organization, "Daesh");
        b.Entity("Raqqa", EntityType.Person, "Raqqa"); // wrong type: shows up as a miss and a false mention
        return b.Relation(ypg, daesh, "FIGHT", "FOUGHT").Build(d);
    }));

    private static string Sample(TempDir dir) => new Re3dSample().Doc("D", Text, DevSplit.Re3dTuneSource)
        .Entity("The Kurdish YPG", "Organisation").Entity("Daesh", "Organisation").Entity("Raqqa", "Location")
        .Relation("The Kurdish YPG", "fought", "Daesh", "FightingAgainst")
        .WriteTo(dir, "S");

    [Test]
    public void Re3dPrintsTablesAndMisses()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run(WithFake(), "re3d", "--data", Sample(dir), "--misses", "5");
        Assert.That(code, Is.EqualTo(0));
        // lenient: 3 gold, 3 predicted, 2 matches -> P = R = F1 = 0.667
        Assert.That(output, Does.Contain("Entities, lenient: overlapping spans, same type (headline)"));
        Assert.That(output, Does.Match(@"Entities, lenient:.*\n.*\n  all\s+0\.667\s+0\.667\s+0\.667\s+2\s+3\s+3"));
        Assert.That(output, Does.Match(@"Relations .*\n.*\n  all\s+1\.000\s+1\.000\s+1\.000\s+1\s+1\s+1"));
        Assert.That(output, Does.Contain("Missed gold mentions (lenient) (first 1 of 1)").And.Contain("'Raqqa'"));
        Assert.That(output, Does.Contain("[predicted Person 'Raqqa']"));
    }

    [Test]
    public void JsonReportIsTheSameWhateverTheThreadCount()
    {
        using var dir = new TempDir();
        var data = Sample(dir);
        var one = Path.Combine(dir.Path, "one.json");
        var two = Path.Combine(dir.Path, "two.json");
        Assert.That(Run(WithFake(), "re3d", "--data", data, "--out", one, "--threads", "1").Code, Is.EqualTo(0));
        Assert.That(Run(WithFake(), "re3d", "--data", data, "--out", two, "--threads", "2").Code, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
        Assert.That(File.ReadAllText(one), Does.Contain("\"HeadlineEntityVariant\": \"lenient\""));
    }

    [Test]
    public void PloverRunsOnAJsonlFile()
    {
        using var dir = new TempDir();
        var file = dir.Write("p.jsonl", "{\"id\": \"P1\", \"event\": \"FIGHT\", \"text\": " + Newtonsoft.Json.JsonConvert.ToString(Text)
            + ", \"source\": [\"Kurdish YPG\"], \"target\": [\"Daesh\"], \"eventText\": \"fought\", \"comment\": \"\"}\n");
        var (code, output, _) = Run(WithFake(), "plover", "--data", file);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("(c) full triple, all sentences         1.000  (1/1)"));
    }

    [Test]
    public void UnknownGoldSetIsAUsageError()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(new[] { "eval", "conll" }, new CliContext(stdout, stderr, TextReader.Null, false));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("unknown gold set 'conll'"));
    }

    [Test]
    public void MissingDataFolderIsAOneLineUserError()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "kg-missing-" + Guid.NewGuid().ToString("N"));
        var context = new CliContext(stdout, stderr, TextReader.Null, false);
        Assert.Throws<UserErrorException>(() => WithFake().Run(new[] { "re3d", "--data", missing }, context));
    }

    [Test]
    public void HelpNamesBothGoldSets()
    {
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "eval", "--help" }, new CliContext(stdout, TextWriter.Null, TextReader.Null, false));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.Contain("kg eval re3d").And.Contain("kg eval plover"));
    }
}
