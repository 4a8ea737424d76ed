using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Models;

public sealed class ModelTrainingTests
{
    [Test]
    public void PosTrainingIsDeterministic()
    {
        var a = TinyCorpus.TrainPos().ToBytes();
        var b = TinyCorpus.TrainPos().ToBytes();
        Assert.That(b, Is.EqualTo(a), "two trainings on the same data with the same seed must give the same model file");
    }

    [Test]
    public void PosModelLearnsTinyCorpusAndSurvivesSaveLoad()
    {
        // The greedy first pass memorises six sentences. (The second pass is trained on tags from models that saw
        // only half of them, so on a corpus this small it is not expected to reproduce them all.)
        var tagger = TinyCorpus.TrainPos(10, folds: 0);
        var loaded = PosTagger.FromBytes(tagger.ToBytes());
        foreach (var s in TinyCorpus.Pos)
        {
            var original = tagger.Tag(s.Words);
            var reloaded = loaded.Tag(s.Words);
            Assert.That(reloaded.Xpos, Is.EqualTo(original.Xpos));
            Assert.That(reloaded.Upos, Is.EqualTo(original.Upos));
            Assert.That(original.Xpos, Is.EqualTo(s.Xpos), "a training sentence should be tagged as in training");
        }
        Assert.That(loaded.Lemmatizer.Lemma("mice", "NNS"), Is.EqualTo("mouse"));
        Assert.That(loaded.Lemmatizer.Lemma("Dogs", "NNS"), Is.EqualTo("dog"));
    }

    [Test]
    public void TwoPassPosModelSurvivesSaveLoad()
    {
        var tagger = TinyCorpus.TrainPos(10, folds: 2);
        var loaded = PosTagger.FromBytes(tagger.ToBytes());
        Assert.That(loaded.ToBytes(), Is.EqualTo(tagger.ToBytes()));
        foreach (var s in TinyCorpus.Pos)
        {
            Assert.That(loaded.Tag(s.Words).Xpos, Is.EqualTo(tagger.Tag(s.Words).Xpos));
            Assert.That(loaded.Tag(s.Words).Upos, Is.EqualTo(tagger.Tag(s.Words).Upos));
        }
    }

    [Test]
    public void NerTrainingIsDeterministicAndSurvivesSaveLoad()
    {
        var pos = TinyCorpus.TrainPos();
        var a = TinyCorpus.TrainNer(pos);
        var b = TinyCorpus.TrainNer(pos);
        Assert.That(b.ToBytes(), Is.EqualTo(a.ToBytes()));

        var loaded = NerTagger.FromBytes(a.ToBytes());
        var doc = new List<IReadOnlyList<string>> { new[] { "Anna", "Berg", "visited", "Oslo", "." }, new[] { "Peter", "flew", "to", "Rome", "." } };
        var expected = a.Tag(doc, pos);
        var actual = loaded.Tag(doc, pos);
        Assert.That(actual.Select(s => s.ToArray()), Is.EqualTo(expected.Select(s => s.ToArray())));
        Assert.That(expected[0], Does.Contain(new EntitySpan(3, 4, "LOC")), "a training sentence should be tagged as in training");
    }

    [Test]
    public void CorruptOrMissingModelFilesGiveModelLoadException()
    {
        var bytes = TinyCorpus.TrainPos().ToBytes();
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x5A;
        Assert.Throws<ModelLoadException>(() => PosTagger.FromBytes(flipped));
        Assert.Throws<ModelLoadException>(() => PosTagger.FromBytes(bytes[..(bytes.Length / 3)]));
        Assert.Throws<ModelLoadException>(() => PosTagger.FromBytes([]));
        var wrongKind = Assert.Throws<ModelLoadException>(() => NerTagger.FromBytes(bytes));
        Assert.That(wrongKind!.Message, Does.Contain("expected a ner model"));

        var dir = Path.Combine(Path.GetTempPath(), "kg-model-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var missing = Assert.Throws<ModelLoadException>(() => NlpModels.LoadDefault(dir));
            Assert.That(missing!.Message, Does.Contain("pos.bin").And.Contain("not found"));
            File.WriteAllBytes(Path.Combine(dir, "pos.bin"), flipped);
            var corrupt = Assert.Throws<ModelLoadException>(() => NlpModels.LoadDefault(dir));
            Assert.That(corrupt!.Message, Does.Contain("corrupt"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
