using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Parsing;

/// <summary>The shipped parse.bin, as the program loads it, on sentences of our own and on EWT.</summary>
public sealed class ShippedParserTests
{
    /// <summary>The shipped parser and tagger, loaded once for every parsing test class.</summary>
    internal static readonly Lazy<DependencyParser> Parser = new(() => NlpModels.LoadParser());
    internal static readonly Lazy<PosTagger> Tagger = new(() => NlpModels.LoadPos());

    /// <summary>Tags and parses a sentence given as space-separated tokens (Penn Treebank tokenisation).</summary>
    private static (string[] Words, DependencyTree Tree) Parse(string sentence)
    {
        var words = sentence.Split(' ');
        var tree = Parser.Value.Parse(words, Tagger.Value.Tag(words).Xpos);
        Assert.That(TreeAssert.TreeProblem(tree.Heads), Is.Null);
        return (words, tree);
    }

    /// <summary>Asserts the arc dependent -relation-> head, naming words by their text (first occurrence).</summary>
    private static void AssertArc((string[] Words, DependencyTree Tree) p, string dependent, string relation, string head)
    {
        int d = Array.IndexOf(p.Words, dependent);
        Assert.That(d, Is.GreaterThanOrEqualTo(0), dependent);
        var actualHead = p.Tree.Heads[d] < 0 ? "ROOT" : p.Words[p.Tree.Heads[d]];
        var shown = string.Join(" ", p.Words.Select((w, i) => $"{w}<-{p.Tree.Deprels[i]}-{(p.Tree.Heads[i] < 0 ? "ROOT" : p.Words[p.Tree.Heads[i]])}"));
        Assert.That((actualHead, p.Tree.Deprels[d]), Is.EqualTo((head, relation)), shown);
    }

    [Test]
    public void TransitiveVerbHasSubjectAndObject()
    {
        var p = Parse("The rebels attacked the convoy near the border .");
        AssertArc(p, "attacked", "root", "ROOT");
        AssertArc(p, "rebels", "nsubj", "attacked");
        AssertArc(p, "convoy", "obj", "attacked");
    }

    [Test]
    public void PassiveHasPassiveSubjectAndAgent()
    {
        var p = Parse("The village was shelled by government forces on Sunday .");
        AssertArc(p, "village", "nsubj:pass", "shelled");
        AssertArc(p, "was", "aux:pass", "shelled");
        AssertArc(p, "forces", "obl:agent", "shelled");
        AssertArc(p, "by", "case", "forces");
    }

    [Test]
    public void RelativeClauseAttachesToItsNoun()
    {
        var p = Parse("The minister who resigned last week criticised the army .");
        AssertArc(p, "resigned", "acl:relcl", "minister");
        AssertArc(p, "minister", "nsubj", "criticised");
    }

    [Test]
    public void PossessiveAttachesToThePossessedNoun()
    {
        var p = Parse("Mali 's government expelled the French ambassador .");
        AssertArc(p, "Mali", "nmod:poss", "government");
        AssertArc(p, "'s", "case", "Mali");
        AssertArc(p, "government", "nsubj", "expelled");
    }

    [Test]
    public void PhrasalVerbParticle()
    {
        // A particle before the object; not "pulled out of the town", where EWT mostly makes "out" a case marker
        // of "town" (81 of 84 "out of" in train), so neither compound:prt nor advmod is its convention.
        var p = Parse("The army pulled out its troops .");
        AssertArc(p, "out", "compound:prt", "pulled");
        AssertArc(p, "troops", "obj", "pulled");
    }

    [Test]
    [Ignore("known failure of the shipped models: the tagger reads 'executive' as JJ and 'called' as VBN, and the parse follows the tags")]
    public void PossessiveBeforeACompoundTitleAndAParticle()
    {
        var p = Parse("The company 's chief executive called off the meeting .");
        AssertArc(p, "company", "nmod:poss", "executive");
        AssertArc(p, "off", "compound:prt", "called");
        AssertArc(p, "meeting", "obj", "called");
    }

    [Test]
    public void CoordinatedVerbsAndNouns()
    {
        var p = Parse("Soldiers arrested the mayor and closed the bridge and the port .");
        AssertArc(p, "closed", "conj", "arrested");
        AssertArc(p, "port", "conj", "bridge");
        AssertArc(p, "mayor", "obj", "arrested");
    }

    [Test]
    public void EveryParseIsATreeEvenForLongAndOddInput()
    {
        var tokens = Enumerable.Range(0, 600).Select(i => i % 7 == 6 ? "," : i % 3 == 0 ? "the" : "talks").ToArray();
        var tree = Parser.Value.Parse(tokens, Tagger.Value.Tag(tokens).Xpos);
        Assert.That(TreeAssert.TreeProblem(tree.Heads), Is.Null);
        Assert.That(Parser.Value.Parse([], []).Count, Is.Zero);
        var one = Parser.Value.Parse(["Hello"], ["UH"]);
        Assert.That(one.Heads, Is.EqualTo(new[] { -1 }));
        Assert.That(one.Deprels, Is.EqualTo(new[] { "root" }));
    }

    [Test]
    public void ParsingInParallelGivesTheSameTrees()
    {
        var dev = ConlluReader.ReadTrees(TreeAssert.RequireEwt("dev")).Take(400).ToList();
        var serial = dev.Select(s => Parser.Value.Parse(s.Words, s.Xpos)).ToList();
        var parallel = new DependencyTree[dev.Count];
        Parallel.For(0, dev.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Parser.Value.Parse(dev[i].Words, dev[i].Xpos));
        for (int i = 0; i < dev.Count; i++)
        {
            Assert.That(parallel[i].Heads, Is.EqualTo(serial[i].Heads));
            Assert.That(parallel[i].Deprels, Is.EqualTo(serial[i].Deprels));
        }
    }

    [Test]
    public void EwtTestScoresStayAboveTheFloor()
    {
        var test = ConlluReader.ReadTrees(TreeAssert.RequireEwt("test"));
        var scores = ParseEvaluation.Score(ParseEvaluation.WithPredictedTags(test, Tagger.Value), Parser.Value);
        TestContext.Out.WriteLine(scores.Summary);
        foreach (var s in test.Take(300))
            Assert.That(TreeAssert.TreeProblem(Parser.Value.Parse(s.Words, s.Xpos).Heads), Is.Null);
        // Floors a little under the measured figures (docs/models.md): a regression fails here.
        Assert.That(scores.Uas, Is.GreaterThan(FloorUas));
        Assert.That(scores.Las, Is.GreaterThan(FloorLas));
    }

    // measured 86.03 / 83.32 with the shipped tagger (docs/models.md)
    private const double FloorUas = 85.5, FloorLas = 82.8;

    [Test]
    public void MissingOrCorruptModelIsOneLineError()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-parse-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var missing = Assert.Throws<ModelLoadException>(() => NlpModels.LoadParser(dir));
            Assert.That(missing!.Message, Does.Contain("parse.bin").And.Contain("not found"));
            Assert.That(missing.Message, Does.Not.Contain("\n"));
            var bytes = File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.ParseFile));
            bytes[bytes.Length / 2] ^= 0x21;
            File.WriteAllBytes(Path.Combine(dir, NlpModels.ParseFile), bytes);
            var corrupt = Assert.Throws<ModelLoadException>(() => NlpModels.LoadParser(dir));
            Assert.That(corrupt!.Message, Does.Contain("parse.bin").And.Contain("corrupt"));
            Assert.That(corrupt.Message, Does.Not.Contain("\n"));
            File.WriteAllBytes(Path.Combine(dir, NlpModels.ParseFile), File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.PosFile)));
            var wrongKind = Assert.Throws<ModelLoadException>(() => NlpModels.LoadParser(dir));
            Assert.That(wrongKind!.Message, Does.Contain("expected a parse model"));
            // A parse model of format 2 (the first parser's templates) must not load and score garbage.
            File.WriteAllBytes(Path.Combine(dir, NlpModels.ParseFile), WithFormatVersion(File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.ParseFile)), 2));
            var old = Assert.Throws<ModelLoadException>(() => NlpModels.LoadParser(dir));
            Assert.That(old!.Message, Does.Contain("parse.bin").And.Contain("feature set 1").And.Contain("kg train parse"));
            Assert.That(old.Message, Does.Not.Contain("\n"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The model file with another format version in its header and a valid checksum (FNV-1a over all but the last 8 bytes).</summary>
    private static byte[] WithFormatVersion(byte[] bytes, int version)
    {
        var b = (byte[])bytes.Clone();
        BitConverter.GetBytes(version).CopyTo(b, 8);
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < b.Length - 8; i++) { h ^= b[i]; h *= 1099511628211UL; }
        BitConverter.GetBytes(h).CopyTo(b, b.Length - 8);
        return b;
    }
}
