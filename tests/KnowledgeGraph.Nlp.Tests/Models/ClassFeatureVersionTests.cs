using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>
/// A model with a word-class table records which class templates its weights were trained on (the class-feature
/// version of its kind, model file format 6). A file whose version this build does not extract, or a format-5 file
/// with a table (no version), is refused with one line saying how to retrain it; files without a table load as before.
/// </summary>
public sealed class ClassFeatureVersionTests
{
    /// <summary>One small model of each kind with a table, how to load it, and the version this build extracts.</summary>
    private sealed record Kind(string Name, byte[] File, string Description, WordClusters Table, int Version, Func<byte[], object> Load);

    private static IEnumerable<Kind> Kinds()
    {
        var ner = NerWordClassTests.Train(NerWordClassTests.Classes());
        yield return new("ner", ner.ToBytes(), ner.Description, ner.Clusters!, NerFeatures.ClassFeatureVersion, b => NerTagger.FromBytes(b));
        var pos = PosTrainer.Train(WordClassFeatureTests.OneWord,
            new PosTrainingOptions(10, 3, DataName: "one-word", Clusters: WordClassFeatureTests.TableWith("zebu", WordClassFeatureTests.NounLeaf)));
        yield return new("pos", pos.ToBytes(), pos.Description, pos.Clusters!, PosTagger.ClassFeatureVersion, b => PosTagger.FromBytes(b));
        var parse = WordClassFeatureTests.TrainParser(WordClassFeatureTests.PastaTable(WordClassFeatureTests.NounLeaf));
        yield return new("parse", parse.ToBytes(), parse.Description, parse.Clusters!, ParseFeatures.ClassFeatureVersion, b => DependencyParser.FromBytes(b));
    }

    /// <summary>The bytes of a table block as <see cref="WordClusters.WriteOptional"/> writes it.</summary>
    private static byte[] Block(Action<BinaryWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) write(w);
        return ms.ToArray();
    }

    /// <summary>The same model file with its table block replaced by <paramref name="block"/>, written as <paramref name="format"/>.</summary>
    private static byte[] WithBlock(Kind k, byte[] block, int format)
    {
        int header = ModelFile.Build(k.Name, k.Description, _ => { }, format).Length - 8;
        int tableLength = Block(w => WordClusters.WriteOptional(w, k.Table, k.Version)).Length;
        var weights = k.File.AsSpan(header, k.File.Length - 8 - header - tableLength).ToArray();
        return ModelFile.Build(k.Name, k.Description, w => { w.Write(weights); w.Write(block); }, format);
    }

    [Test]
    public void AModelWithATableIsFormatSixAndStoresTheVersionOfItsKindsClassTemplates()
    {
        foreach (var k in Kinds())
        {
            Assert.That(BitConverter.ToInt32(k.File, 8), Is.EqualTo(6), k.Name);
            Assert.That(k.Version, Is.EqualTo(1), k.Name);
            // the block after the weights: flag, the version, then the table's description and the table
            int tableLength = Block(w => WordClusters.WriteOptional(w, k.Table, k.Version)).Length;
            int at = k.File.Length - 8 - tableLength;
            Assert.That((k.File[at], BitConverter.ToInt32(k.File, at + 1)), Is.EqualTo(((byte)1, k.Version)), k.Name);
            Assert.That(WithBlock(k, Block(w => WordClusters.WriteOptional(w, k.Table, k.Version)), 6), Is.EqualTo(k.File), k.Name + ": the helper rebuilds the file");
            Assert.That(k.Load(k.File), Is.Not.Null);
        }
    }

    [Test]
    public void AnUnknownClassFeatureVersionIsRefusedWithOneLineSayingToRetrain()
    {
        foreach (var k in Kinds())
        {
            var later = WithBlock(k, Block(w => WordClusters.WriteOptional(w, k.Table, k.Version + 1)), 6);
            var e = Assert.Throws<ModelLoadException>(() => k.Load(later), k.Name);
            Assert.That(e!.Message, Does.Contain($"{k.Name} model uses word-class features version {k.Version + 1}, this build extracts version {k.Version}")
                .And.Contain($"retrain it with 'kg train {k.Name} --clusters shipped'"), k.Name);
            Assert.That(e.Message, Does.Not.Contain("\n"), k.Name);
        }
    }

    [Test]
    public void AFormatFiveTableHasNoVersionAndIsRefused()
    {
        // format 5 as it was written before the version existed: flag, description, table
        foreach (var k in Kinds())
        {
            var old = WithBlock(k, Block(w => { w.Write(true); w.Write(k.Table.Description); k.Table.WritePayload(w); }), 5);
            var e = Assert.Throws<ModelLoadException>(() => k.Load(old), k.Name);
            Assert.That(e!.Message, Does.Contain("has word classes but no class-feature version (format 5").And.Contain($"kg train {k.Name}"), k.Name);
            Assert.That(e.Message, Does.Not.Contain("\n"), k.Name);
        }
    }

    [Test]
    public void ModelsWithoutATableLoadAsBefore()
    {
        // a recogniser without classes: format 2 as every ner.bin before word classes; the same payload with a
        // "no table" flag in a format-5 or format-6 file reads the same model
        var without = NerWordClassTests.Train(null);
        var old = without.ToBytes();
        Assert.That(BitConverter.ToInt32(old, 8), Is.EqualTo(2));
        int header = ModelFile.Build(NerTagger.Kind, without.Description, _ => { }, 2).Length - 8;
        var payload = old.AsSpan(header, old.Length - 8 - header).ToArray();
        foreach (var format in new[] { 2, 5, 6 })
        {
            var bytes = format == 2 ? old : ModelFile.Build(NerTagger.Kind, without.Description, w => { w.Write(payload); w.Write(false); }, format);
            var loaded = NerTagger.FromBytes(bytes);
            Assert.That(loaded.Clusters, Is.Null, $"format {format}");
            Assert.That(loaded.ToBytes(), Is.EqualTo(old), $"format {format}: written back as format 2");
            foreach (var w in new[] { "Tromso", "Ingrid", "Lagos", "Olaf" })
                Assert.That(NerWordClassTests.TypeOf(loaded, w), Is.EqualTo(NerWordClassTests.TypeOf(without, w)), $"format {format}: {w}");
        }

        // the shipped tagger and parser have no table and keep their formats
        var posFile = File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.PosFile));
        var parseFile = File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.ParseFile));
        Assert.That((BitConverter.ToInt32(posFile, 8), BitConverter.ToInt32(parseFile, 8)), Is.EqualTo((2, 3)));
        Assert.That(NlpModels.LoadPos().Clusters, Is.Null);
        Assert.That(NlpModels.LoadParser().Clusters, Is.Null);
    }

    [Test]
    public void TheShippedRecogniserCarriesTheVersionThisBuildExtracts()
    {
        var file = File.ReadAllBytes(Path.Combine(NlpModels.DefaultDirectory, NlpModels.NerFile));
        Assert.That(BitConverter.ToInt32(file, 8), Is.EqualTo(6));
        var ner = NerTagger.FromBytes(file);
        Assert.That(ner.Clusters, Is.Not.Null);
        int tableLength = Block(w => WordClusters.WriteOptional(w, ner.Clusters, NerFeatures.ClassFeatureVersion)).Length;
        Assert.That(BitConverter.ToInt32(file, file.Length - 8 - tableLength + 1), Is.EqualTo(NerFeatures.ClassFeatureVersion));
        Assert.That(ner.ToBytes(), Is.EqualTo(file));
    }
}
