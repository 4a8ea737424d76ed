namespace KnowledgeGraph.Cli.Tests;

/// <summary>The parser as a user meets it: kg analyze --tree and kg eval-parse.</summary>
public sealed class ParseCommandTests
{
    [Test]
    public void AnalyzeTreeShowsEachWordWithItsHeadAndRelation()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "article.txt");
        File.WriteAllText(file, "Rebels attacked the convoy.\n\nThe village was shelled by government forces.\n");
        var run = CliRunner.Run("analyze", file, "--tree");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("# sentence 0: Rebels attacked the convoy."));
        var lines = run.Out.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Split(l.Trim(), @"\s+")).ToList();
        // number, word, Penn tag, universal tag, lemma, head number, relation, head word
        Assert.That(lines, Has.Some.EqualTo(new[] { "1", "Rebels", "NNS", "NOUN", "rebel", "2", "nsubj", "attacked" }));
        Assert.That(lines, Has.Some.EqualTo(new[] { "2", "attacked", "VBD", "VERB", "attack", "0", "root", "ROOT" }));
        Assert.That(lines, Has.Some.EqualTo(new[] { "4", "convoy", "NN", "NOUN", "convoy", "2", "obj", "attacked" }));
        Assert.That(lines.Where(l => l.Length == 8 && l[1] == "forces").Select(l => l[6]), Is.EqualTo(new[] { "obl:agent" }));
        Assert.That(run.Out, Does.Contain("Entities ("), "the usual report follows the trees");
    }

    [Test]
    public void EvalParseScoresACoNllUFileWithPredictedAndGoldTags()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "mini.conllu");
        File.WriteAllText(file, """
            # text = Rebels attacked the convoy.
            1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
            2	attacked	attack	VERB	VBD	_	0	root	_	_
            3	the	the	DET	DT	_	4	det	_	_
            4	convoy	convoy	NOUN	NN	_	2	obj	_	_
            5	.	.	PUNCT	.	_	2	punct	_	_

            # text = They don't agree.
            1	They	they	PRON	PRP	_	4	nsubj	_	_
            2-3	don't	_	_	_	_	_	_	_	_
            2	do	do	AUX	VBP	_	4	aux	_	_
            3	n't	not	PART	RB	_	4	advmod	_	_
            4	agree	agree	VERB	VB	_	0	root	_	_
            5	.	.	PUNCT	.	_	4	punct	_	_

            """.Replace("\r\n", "\n"));
        var run = CliRunner.Run("eval-parse", "--data", file, "--relations", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("our predicted tags: UAS 100.00  LAS 100.00"), "10 syntactic words, the multiword token line is not one");
        Assert.That(run.Out, Does.Contain("10 words, 2 sentences"));
        Assert.That(run.Out, Does.Contain("gold tags:"));
        Assert.That(run.Out, Does.Match(@"nsubj\s+2\s+100\.00"));
    }

    [Test]
    public void EvalParseHelpAndMissingModel()
    {
        var help = CliRunner.Run("eval-parse", "--help");
        Assert.That(help.Out, Does.Contain("CoNLL 2018").And.Contain("--speed"));
        var dir = CliRunner.TempDir();
        var run = CliRunner.Run("eval-parse", "--model", Path.Combine(dir, "parse.bin"), "--data", Path.Combine(dir, "none.conllu"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("parse.bin").And.Contain("not found"));
    }
}
