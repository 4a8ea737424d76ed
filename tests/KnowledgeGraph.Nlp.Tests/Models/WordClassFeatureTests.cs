using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;
using KnowledgeGraph.Nlp.Tests.Parsing;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>
/// The tagger and the parser use word classes (<see cref="WordClusters"/>): an unseen word is tagged and attached
/// like the training words of its class, so two tables that put it in different classes give different analyses;
/// models without classes still write and read the earlier file formats.
/// </summary>
public sealed class WordClassFeatureTests
{
    internal const int NounLeaf = 0, VerbLeaf = WordClusters.LeafCount - 1;

    /// <summary>A table giving each word its leaf (the payload layout: count, sorted lower-case hashes, leaves).</summary>
    private static WordClusters Table(params (string Word, int Leaf)[] entries)
    {
        var sorted = entries.Select(e => (Key: FeatureHash.Lower(e.Word), e.Leaf)).OrderBy(e => e.Key).ToArray();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(sorted.Length);
            foreach (var e in sorted) w.Write(e.Key);
            foreach (var e in sorted) w.Write((ushort)e.Leaf);
        }
        ms.Position = 0;
        using var r = new BinaryReader(ms);
        return WordClusters.ReadPayload(r, "test classes");
    }

    private static readonly string[] Nouns = ["dog", "horse", "mouse", "pen", "lamp", "chair"];
    private static readonly string[] Verbs = ["run", "sleep", "jump", "sing", "walk", "read"];

    // One-word sentences ("Stop." / "A dog."): the context of nouns and verbs is the same, only the word tells them apart.
    internal static readonly TaggedSentence[] OneWord =
        [.. Nouns.Select(w => Sentence(w, "NN", "NOUN")), .. Verbs.Select(w => Sentence(w, "VB", "VERB"))];

    private static TaggedSentence Sentence(string word, string xpos, string upos) => new([word, "."], [xpos, "."], [upos, "PUNCT"], [word, "."]);

    internal static WordClusters TableWith(string unseen, int leafOfUnseen) =>
        Table([.. Nouns.Select(w => (w, NounLeaf)), .. Verbs.Select(w => (w, VerbLeaf)), (unseen, leafOfUnseen)]);

    [Test]
    public void AnUnseenWordIsTaggedLikeTheWordsOfItsClass()
    {
        // "zebu" shares no letters at either end with any training word, so only its class can decide its tag
        PosTagger Train(WordClusters table) => PosTrainer.Train(OneWord, new PosTrainingOptions(10, 3, DataName: "one-word", Clusters: table));
        var asNoun = Train(TableWith("zebu", NounLeaf));
        var asVerb = Train(TableWith("zebu", VerbLeaf));
        Assert.That(asNoun.Tag(["zebu", "."]).Xpos[0], Is.EqualTo("NN"));
        Assert.That(asVerb.Tag(["zebu", "."]).Xpos[0], Is.EqualTo("VB"));
        Assert.That(asNoun.Tag(["Zebu", "."]).Xpos[0], Is.EqualTo("NN"), "classes are looked up in lower case");
    }

    [Test]
    public void ATaggerWithClassesKeepsThemInItsFileAndOneWithoutIsWrittenAsBefore()
    {
        var table = TableWith("zebu", VerbLeaf);
        var with = PosTrainer.Train(OneWord, new PosTrainingOptions(10, 3, DataName: "one-word", Clusters: table));
        var loaded = PosTagger.FromBytes(with.ToBytes());
        Assert.That(FormatVersion(with.ToBytes()), Is.EqualTo(6));
        Assert.That(loaded.Clusters, Is.Not.Null);
        Assert.That(loaded.Clusters!.Leaf("zebu"), Is.EqualTo(VerbLeaf));
        Assert.That(loaded.ToBytes(), Is.EqualTo(with.ToBytes()));
        Assert.That(loaded.Tag(["zebu", "."]).Xpos[0], Is.EqualTo("VB"));

        // without classes: format 2, as every earlier tagger file (the shipped one up to now loads the same way)
        var without = TinyCorpus.TrainPos(10, folds: 0);
        Assert.That(FormatVersion(without.ToBytes()), Is.EqualTo(2));
        var reloaded = PosTagger.FromBytes(without.ToBytes());
        Assert.That(reloaded.Clusters, Is.Null);
        foreach (var s in TinyCorpus.Pos) Assert.That(reloaded.Tag(s.Words).Xpos, Is.EqualTo(s.Xpos));
    }

    private static readonly string[] Tools = ["fork", "spoon", "knife", "ladle", "spatula"];
    private static readonly string[] Foods = ["sauce", "cheese", "garlic", "basil", "pepper"];

    // "I ate pasta with a fork" (the tool: obl of the verb) against "... with sauce" (the food: nmod of the noun);
    // words and tags differ only in the last noun.
    private static TreebankSentence Pasta(string noun, bool tool) =>
        TreeAssert.Tree($"I/PRP/2/nsubj ate/VBD/0/root pasta/NN/2/obj with/IN/5/case {noun}/NN/{(tool ? 2 : 3)}/{(tool ? "obl" : "nmod")} ././2/punct");

    internal static readonly TreebankSentence[] PastaBank = [.. Tools.Select(n => Pasta(n, true)), .. Foods.Select(n => Pasta(n, false))];

    internal static WordClusters PastaTable(int leafOfUnseen) =>
        Table([.. Tools.Select(w => (w, NounLeaf)), .. Foods.Select(w => (w, VerbLeaf)), ("zebu", leafOfUnseen)]);

    internal static DependencyParser TrainParser(WordClusters? table) =>
        ParserTrainer.Train(PastaBank, new ParserTrainingOptions(Epochs: 15, MinLiftedCount: 1, PruneBelow: 0.01f, Clusters: table));

    [Test]
    public void AnUnseenWordIsAttachedLikeTheWordsOfItsClass()
    {
        string[] words = ["I", "ate", "pasta", "with", "zebu", "."], tags = ["PRP", "VBD", "NN", "IN", "NN", "."];
        var asTool = TrainParser(PastaTable(NounLeaf));
        var asFood = TrainParser(PastaTable(VerbLeaf));
        Assert.That(asTool.FeatureSet, Is.EqualTo(ParseFeatures.ClassFeatureSet));
        var tool = asTool.Parse(words, tags);
        var food = asFood.Parse(words, tags);
        Assert.That((tool.Heads[4], tool.Deprels[4]), Is.EqualTo((1, "obl")), "in the tools' class: attached to the verb");
        Assert.That((food.Heads[4], food.Deprels[4]), Is.EqualTo((2, "nmod")), "in the foods' class: attached to the noun");
    }

    [Test]
    public void AParserWithClassesKeepsThemInItsFileAndOneWithoutIsWrittenAsBefore()
    {
        var with = TrainParser(PastaTable(NounLeaf));
        var bytes = with.ToBytes();
        Assert.That(FormatVersion(bytes), Is.EqualTo(6));
        var loaded = DependencyParser.FromBytes(bytes);
        Assert.That(loaded.ToBytes(), Is.EqualTo(bytes));
        Assert.That(loaded.FeatureSet, Is.EqualTo(ParseFeatures.ClassFeatureSet));
        Assert.That(loaded.Parse(["I", "ate", "pasta", "with", "zebu", "."], ["PRP", "VBD", "NN", "IN", "NN", "."]).Heads[4], Is.EqualTo(1));

        // without classes: feature set 2 in a format-3 file, as the parse.bin files before word classes
        var without = TrainParser(null);
        Assert.That(FormatVersion(without.ToBytes()), Is.EqualTo(3));
        var reloaded = DependencyParser.FromBytes(without.ToBytes());
        Assert.That((reloaded.FeatureSet, reloaded.Clusters), Is.EqualTo((ParseFeatures.FeatureSet, (WordClusters?)null)));
        foreach (var s in PastaBank) Assert.That(reloaded.Parse(s.Words, s.Xpos).Heads, Is.EqualTo(s.Heads), string.Join(" ", s.Words));
    }

    [Test]
    public void AParserFileOfFeatureSetFourWithoutItsTableIsRefused()
    {
        // the same file as a set-4 model's, but its table flag says "no table": the weights would be scored without
        // the class templates they were trained with, so loading must fail with one line, not parse badly
        var with = TrainParser(PastaTable(NounLeaf));
        var bytes = with.ToBytes();
        int header = ModelFile.Build(DependencyParser.Kind, with.Description, _ => { }, 6).Length - 8;
        using var table = new MemoryStream();
        using (var w = new BinaryWriter(table, System.Text.Encoding.UTF8, leaveOpen: true)) WordClusters.WriteOptional(w, with.Clusters, ParseFeatures.ClassFeatureVersion);
        var weights = bytes.AsSpan(header, bytes.Length - 8 - header - (int)table.Length).ToArray();
        var stripped = ModelFile.Build(DependencyParser.Kind, with.Description, w => { w.Write(weights); w.Write(false); }, 6);
        Assert.That(() => DependencyParser.FromBytes(stripped), Throws.TypeOf<KnowledgeGraph.Core.ModelLoadException>().With.Message.Contains("without a word-class table"));
    }

    [Test]
    public void ClassTemplatesAreExtractedOnlyWithATable()
    {
        var c = new Configuration();
        var f = new ulong[ParseFeatures.MaxFeatures];
        var s = PastaBank[0];
        int Count(WordClusters? table)
        {
            var features = new ParseFeatures();
            features.Use(table);
            features.Load(s.Words, s.Xpos);
            c.Reset(s.Words.Length);
            return features.Extract(c, f);
        }
        Assert.That(Count(PastaTable(NounLeaf)) - Count(null), Is.EqualTo(18));
    }

    private static int FormatVersion(byte[] modelFile) => BitConverter.ToInt32(modelFile, 8);
}
