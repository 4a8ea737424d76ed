using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>The recogniser's word-class features: used when the model has a table, stored in ner.bin, absent otherwise.</summary>
public sealed class NerWordClassTests
{
    // Word classes from made-up vectors: towns along one axis, given names along another, verbs along a third (one
    // vector per group, so each group stays one class down to the leaves).
    internal static WordClusters Classes()
    {
        string[][] groups = [["tromso", "bergen", "narvik", "quito", "lagos"], ["ingrid", "sigurd", "helga", "olaf", "maria"], ["spoke", "waited", "smiled"]];
        var words = new List<string>();
        var vectors = new List<float[]>();
        for (int g = 0; g < groups.Length; g++)
            foreach (var w in groups[g])
            {
                words.Add(w);
                var v = new float[3];
                v[g] = 3;
                vectors.Add(v);
            }
        return WordClusters.Derive(words, vectors.ToArray(), "tiny classes");
    }

    // Towns and people in the very same frames, so only the word's class can tell a new name's type.
    private static readonly string[] Lines =
    [
        ConllReader.DocStart + " -X- O O", "",
        "Tromso NNP I-NP I-LOC", "spoke VBD I-VP O", ". . O O", "",
        "Ingrid NNP I-NP I-PER", "spoke VBD I-VP O", ". . O O", "",
        ConllReader.DocStart + " -X- O O", "",
        "Bergen NNP I-NP I-LOC", "waited VBD I-VP O", ". . O O", "",
        "Sigurd NNP I-NP I-PER", "waited VBD I-VP O", ". . O O", "",
        ConllReader.DocStart + " -X- O O", "",
        "Narvik NNP I-NP I-LOC", "smiled VBD I-VP O", ". . O O", "",
        "Helga NNP I-NP I-PER", "smiled VBD I-VP O", ". . O O", "",
    ];

    internal static NerTagger Train(WordClusters? classes) =>
        NerTrainer.Train(ConllReader.Parse(Lines, "tiny"), TinyCorpus.TrainPos(), new Gazetteer([]), new NerTrainingOptions(6, 3, DataName: "tiny"), clusters: classes);

    internal static string? TypeOf(NerTagger ner, string name)
    {
        var spans = ner.Tag([new[] { name, "spoke", "." }], [new[] { "NNP", "VBD", "." }])[0];
        return spans.FirstOrDefault(s => s.Start == 0)?.Type;
    }

    [Test]
    public void AnUnseenNameTakesTheTypeOfTheWordsOfItsClass()
    {
        var ner = Train(Classes());
        Assert.That(TypeOf(ner, "Lagos"), Is.EqualTo("LOC"), "Lagos is in the class of the training towns");
        Assert.That(TypeOf(ner, "Olaf"), Is.EqualTo("PER"), "Olaf is in the class of the training given names");
        Assert.That(TypeOf(ner, "Quito"), Is.EqualTo("LOC"));
        Assert.That(TypeOf(ner, "Maria"), Is.EqualTo("PER"));
    }

    [Test]
    public void WithoutClassesTheUnseenNamesCannotBeTold()
    {
        var ner = Train(null);
        var types = new[] { "Lagos", "Quito", "Olaf", "Maria" }.Select(w => TypeOf(ner, w)).ToArray();
        Assert.That(types[..2].SequenceEqual(["LOC", "LOC"]) && types[2..].SequenceEqual(["PER", "PER"]), Is.False,
            "the frames are the same for towns and people, so a model without word classes must not tell them all apart");
    }

    [Test]
    public void TheTableIsStoredInTheModelFileAndAModelWithoutOneKeepsFormatTwo()
    {
        var with = Train(Classes());
        var bytes = with.ToBytes();
        Assert.That(BitConverter.ToInt32(bytes, 8), Is.EqualTo(6), "a model with word classes is written as format 6");
        var loaded = NerTagger.FromBytes(bytes);
        Assert.That(loaded.Clusters, Is.Not.Null);
        Assert.That(loaded.ToBytes(), Is.EqualTo(bytes));
        Assert.That(TypeOf(loaded, "Lagos"), Is.EqualTo("LOC"));
        Assert.That(TypeOf(loaded, "Olaf"), Is.EqualTo("PER"));

        var without = Train(null);
        var old = without.ToBytes();
        Assert.That(BitConverter.ToInt32(old, 8), Is.EqualTo(2), "a model without word classes is written as format 2, as before");
        var reloaded = NerTagger.FromBytes(old);
        Assert.That(reloaded.Clusters, Is.Null);
        foreach (var w in new[] { "Tromso", "Ingrid", "Lagos", "Olaf" }) Assert.That(TypeOf(reloaded, w), Is.EqualTo(TypeOf(without, w)));
    }
}
