using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>A handful of hand-written sentences: enough to train tiny models in milliseconds.</summary>
internal static class TinyCorpus
{
    private static TaggedSentence S(string text)
    {
        // "word/XPOS/UPOS/lemma" items separated by spaces.
        var items = text.Split(' ').Select(t => t.Split('/')).ToArray();
        return new TaggedSentence(items.Select(i => i[0]).ToArray(), items.Select(i => i[1]).ToArray(),
            items.Select(i => i[2]).ToArray(), items.Select(i => i[3]).ToArray());
    }

    public static readonly TaggedSentence[] Pos =
    [
        S("The/DT/DET/the dog/NN/NOUN/dog barks/VBZ/VERB/bark ./././."),
        S("A/DT/DET/a cat/NN/NOUN/cat sleeps/VBZ/VERB/sleep ./././."),
        S("The/DT/DET/the dogs/NNS/NOUN/dog barked/VBD/VERB/bark loudly/RB/ADV/loudly ./././."),
        S("Anna/NNP/PROPN/Anna visited/VBD/VERB/visit Rome/NNP/PROPN/Rome yesterday/NN/NOUN/yesterday ./././."),
        S("Cats/NNS/NOUN/cat chased/VBD/VERB/chase the/DT/DET/the mice/NNS/NOUN/mouse ./././."),
        S("Peter/NNP/PROPN/Peter works/VBZ/VERB/work in/IN/ADP/in Oslo/NNP/PROPN/Oslo ./././."),
    ];

    public static readonly string[] NerLines =
    [
        ConllReader.DocStart + " -X- O O", "",
        "Anna NNP I-NP I-PER", "Berg NNP I-NP I-PER", "visited VBD I-VP O", "Oslo NNP I-NP I-LOC", ". . O O", "",
        "Berg VBD I-VP I-PER", "works VBZ I-VP O", "for IN I-PP O", "Acme NNP I-NP I-ORG", "Corp NNP I-NP I-ORG", ". . O O", "",
        ConllReader.DocStart + " -X- O O", "",
        "Peter NNP I-NP I-PER", "flew VBD I-VP O", "to TO I-PP O", "Rome NNP I-NP I-LOC", "with IN I-PP O", "Italian JJ I-NP I-MISC", "friends NNS I-NP O", ". . O O", "",
    ];

    /// <summary>Trains on <see cref="Pos"/>; <paramref name="folds"/> 0 = first pass only, 2 = with the jackknifed right-context pass (as shipped).</summary>
    public static PosTagger TrainPos(int epochs = 5, int folds = 2) => PosTrainer.Train(Pos, new PosTrainingOptions(epochs, 7, DataName: "tiny", Folds: folds));

    public static Gazetteer Gazetteer()
    {
        var d = new Dictionary<ulong, byte> { [Ner.Gazetteer.PhraseHash([FeatureHash.Lower("Oslo")])] = 1 };
        return new Gazetteer(d);
    }

    public static NerTagger TrainNer(PosTagger pos) =>
        NerTrainer.Train(ConllReader.Parse(NerLines, "tiny"), pos, Gazetteer(), new NerTrainingOptions(4, 3, DataName: "tiny"));
}
