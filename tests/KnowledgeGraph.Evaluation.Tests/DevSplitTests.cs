using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Plover;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>The tune/check split of the dev sets: which document or record goes where, and that check-half misses stay hidden.</summary>
public sealed class DevSplitTests
{
    private const string Found = "The Kurdish YPG fought Daesh in Raqqa.";
    private const string Missed = "Turkey fought the PKK near Cizre.";

    // an analyzer that finds the fight in Found (with the given confidence) and nothing at all in Missed
    private static FakeAnalyzer Analyzer(double confidence = 0.9) => new FakeAnalyzer().Add(Found, d =>
    {
        var b = AnalysisBuilder.For(Found);
        int ypg = b.Entity("YPG", EntityType.Organization, "Kurdish YPG");
        int daesh = b.Entity("Daesh", EntityType.Organization, "Daesh");
        return b.Relation(ypg, daesh, "FIGHT", "FOUGHT", confidence: confidence).Build(d);
    });

    private static string Re3d(TempDir dir, string foundSource, string missedSource)
    {
        new Re3dSample().Doc("A", Found, foundSource).Entity("The Kurdish YPG", "Organisation").Entity("Daesh", "Organisation")
            .Relation("The Kurdish YPG", "fought", "Daesh", "FightingAgainst").WriteTo(dir, "one");
        new Re3dSample().Doc("B", Missed, missedSource).Entity("Turkey", "Location").Entity("the PKK", "Organisation")
            .Relation("Turkey", "fought", "the PKK", "FightingAgainst").WriteTo(dir, "two");
        return dir.Path;
    }

    private static string PloverLine(string id, string text, string source, string target) =>
        "{\"id\": \"" + id + "\", \"event\": \"FIGHT\", \"text\": " + Newtonsoft.Json.JsonConvert.ToString(text)
        + ", \"source\": [\"" + source + "\"], \"target\": [\"" + target + "\"], \"eventText\": \"fought\", \"comment\": \"\"}\n";

    // line 1 (odd: tune) is found, line 2 (even: check) is missed, line 3 (odd: tune) is missed
    private static string Plover(TempDir dir) => dir.Write("p.jsonl",
        PloverLine("P1", Found, "Kurdish YPG", "Daesh") + PloverLine("P2", Missed, "Turkey", "PKK") + PloverLine("P3", Missed, "Turkey", "PKK"));

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWith(0.9, args);

    private static (int Code, string Out, string Err) RunWith(double confidence, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var command = new EvalCommand(_ => Analyzer(confidence));
        int code;
        try { code = command.Run(args, new CliContext(stdout, stderr, TextReader.Null, stdoutIsTerminal: false)); }
        catch (UsageException) { code = 2; }
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Re3dCentcomIsTheTuneHalfAndEveryOtherSourceTheCheckHalf()
    {
        Assert.That(DevSplit.HalfOf(new Re3dDocument("a", "CENTCOM", "", "", null)), Is.EqualTo(DevHalf.Tune));
        Assert.That(DevSplit.HalfOf(new Re3dDocument("b", "US State Department", "", "", null)), Is.EqualTo(DevHalf.Check));
        Assert.That(DevSplit.HalfOf(new Re3dDocument("c", "Some other source", "", "", null)), Is.EqualTo(DevHalf.Check));
    }

    [Test]
    public void PloverOddLinesAreTuneAndEvenLinesCheck()
    {
        using var dir = new TempDir();
        var records = PloverReader.Read(Plover(dir));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(DevSplit.Select(records, DevHalf.Tune).Select(r => r.Id), Is.EqualTo(new[] { "P1", "P3" }));
        Assert.That(DevSplit.Select(records, DevHalf.Check).Select(r => r.Id), Is.EqualTo(new[] { "P2" }));
    }

    [Test]
    public void Re3dHalvesAreScoredSeparately()
    {
        using var dir = new TempDir();
        var corpus = Re3dReader.Read(Re3d(dir, "CENTCOM", "US State Department"));
        var halves = DevSplit.EvaluateRe3d(Analyzer(), corpus, 1);
        Assert.That(halves.Tune.Documents, Is.EqualTo(1));
        Assert.That(halves.Tune.Relations.Recall, Is.EqualTo(1.0));
        Assert.That(halves.Check.Documents, Is.EqualTo(1));
        Assert.That(halves.Check.Relations.Recall, Is.EqualTo(0.0));
        Assert.That(halves.All.Relations.Recall, Is.EqualTo(0.5));
    }

    [Test]
    public void EvalScoresOnlyTheEdgesTheDefaultBuildKeeps()
    {
        using var dir = new TempDir();
        var data = Re3d(dir, "CENTCOM", "US State Department");
        // the right edge has confidence 0.1: a build leaves it out by default, so the default eval does not count it
        var (_, gated, _) = RunWith(0.1, "re3d", "--data", data, "--misses", "0");
        Assert.That(gated, Does.Match(@"tune\s+1\s+\S+\s+0\.000\s+0\.000\s+0\.000"));
        var (_, all, _) = RunWith(0.1, "re3d", "--data", data, "--misses", "0", "--min-edge-confidence", "0");
        Assert.That(all, Does.Match(@"tune\s+1\s+\S+\s+1\.000\s+1\.000\s+1\.000"));
        // two mentions of one edge in a document add up as in the graph: 1 - 0.85 * 0.85 = 0.2775 clears 0.2
        var twice = new FakeAnalyzer().Add(Found, d =>
        {
            var b = AnalysisBuilder.For(Found);
            int ypg = b.Entity("YPG", EntityType.Organization, "Kurdish YPG");
            int daesh = b.Entity("Daesh", EntityType.Organization, "Daesh");
            return b.Relation(ypg, daesh, "FIGHT", "FOUGHT", confidence: 0.15).Relation(ypg, daesh, "FIGHT", "FOUGHT", confidence: 0.15).Build(d);
        });
        var halves = DevSplit.EvaluateRe3d(twice, Re3dReader.Read(data), 1, minEdgeConfidence: 0.2);
        Assert.That(halves.Tune.Relations.Recall, Is.EqualTo(1.0));
        Assert.That(DevSplit.EvaluateRe3d(twice, Re3dReader.Read(data), 1, minEdgeConfidence: 0.3).Tune.Relations.Recall, Is.EqualTo(0.0));
    }

    [Test]
    public void TheSweepPrintsBothHalvesAtEachThreshold()
    {
        using var dir = new TempDir();
        var (code, output, _) = RunWith(0.25, "re3d", "--data", Re3d(dir, "CENTCOM", "US State Department"), "--misses", "0", "--edge-confidence-sweep");
        Assert.That(code, Is.EqualTo(0));
        // the 0.25 edge is found up to the 0.2 gate and gone from 0.3 on
        Assert.That(output, Does.Match(@"0\.20\s+1\.000\s+1\.000\s+1\.000\s+1\s+0\.000"));
        Assert.That(output, Does.Match(@"0\.30\s+0\.000\s+0\.000\s+0\.000\s+0\s+0\.000"));
        using var pdir = new TempDir();
        var (pcode, pout, _) = RunWith(0.25, "plover", "--data", Plover(pdir), "--misses", "0", "--edge-confidence-sweep");
        Assert.That(pcode, Is.EqualTo(0));
        // tune: P1 found (1 of the 2 tune sentences) until the gate passes 0.25
        Assert.That(pout, Does.Match(@"0\.00\s+1\.000\s+0\.500\s+0\.667\s+1"));
        Assert.That(pout, Does.Match(@"0\.50\s+0\.000\s+0\.000\s+0\.000\s+0"));
    }

    [Test]
    public void Re3dPrintsBothHalvesAndOnlyTuneMisses()
    {
        using var dir = new TempDir();
        // the miss is in the check half: it must not be printed
        var (code, output, _) = Run("re3d", "--data", Re3d(dir, "CENTCOM", "US State Department"));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Match(@"tune\s+1\s+\S+\s+1\.000\s+1\.000\s+1\.000"));
        Assert.That(output, Does.Match(@"check\s+1\s+\S+\s+0\.000\s+0\.000\s+0\.000"));
        Assert.That(output, Does.Match(@"all\s+2\s+\S+\s+1\.000\s+0\.500\s+0\.667"));
        Assert.That(output, Does.Not.Contain("Cizre"));

        // the same miss in the tune half is printed
        using var dir2 = new TempDir();
        var (_, tuneOut, _) = Run("re3d", "--data", Re3d(dir2, "US State Department", "CENTCOM"));
        Assert.That(tuneOut, Does.Contain("Turkey fought the PKK near Cizre."));
    }

    [Test]
    public void CheckMissesNeedAnExplicitFlagThatWarns()
    {
        using var dir = new TempDir();
        var data = Re3d(dir, "CENTCOM", "US State Department");
        var (_, hidden, quiet) = Run("re3d", "--data", data, "--half", "check");
        Assert.That(hidden, Does.Not.Contain("Cizre"));
        Assert.That(quiet, Is.Empty);
        var (code, shown, warning) = Run("re3d", "--data", data, "--half", "check", "--show-check-misses");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(shown, Does.Contain("Turkey fought the PKK near Cizre."));
        Assert.That(warning, Does.Contain("do not read them while developing"));
    }

    [Test]
    public void PloverPrintsBothHalvesAndOnlyTuneMisses()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run("plover", "--data", Plover(dir), "--misses", "10");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Match(@"tune\s+2\s.*0\.500  \(1/2\)\s*\n"));
        Assert.That(output, Does.Match(@"check\s+1\s.*0\.000  \(0/1\)\s*\n"));
        Assert.That(output, Does.Match(@"all\s+3\s.*0\.333  \(1/3\)\s*\n"));
        Assert.That(output, Does.Contain("P3  FIGHT"));
        Assert.That(output, Does.Not.Contain("P2  FIGHT"));
        var (_, check, _) = Run("plover", "--data", Plover(dir), "--half", "check", "--show-check-misses");
        Assert.That(check, Does.Contain("P2  FIGHT"));
    }

    [Test]
    public void UnknownHalfIsAUsageError()
    {
        using var dir = new TempDir();
        Assert.That(Run("plover", "--data", Plover(dir), "--half", "dev").Code, Is.EqualTo(2));
    }
}
