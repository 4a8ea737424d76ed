using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>The models in resources/models, as the program loads them.</summary>
public sealed class ShippedModelTests
{
    private static readonly Lazy<NlpModels> Models = new(() => NlpModels.LoadDefault());

    [Test]
    public void TagsAPlainSentence()
    {
        var (xpos, upos) = Models.Value.Pos.Tag(["The", "president", "visited", "Paris", "on", "Monday", "."]);
        Assert.That(xpos, Is.EqualTo(new[] { "DT", "NN", "VBD", "NNP", "IN", "NNP", "." }));
        Assert.That(upos, Is.EqualTo(new[] { "DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT" }));
    }

    [Test]
    public void LemmatisesCommonForms()
    {
        var lem = Models.Value.Pos.Lemmatizer;
        Assert.That(lem.Lemma("visited", "VBD"), Is.EqualTo("visit"));
        Assert.That(lem.Lemma("children", "NNS"), Is.EqualTo("child"));
        Assert.That(lem.Lemma("was", "VBD"), Is.EqualTo("be"));
        Assert.That(lem.Lemma("Paris", "NNP"), Is.EqualTo("Paris"));
        Assert.That(lem.Lemma("reorganizations", "NNS"), Is.EqualTo("reorganization"), "unseen plural handled by suffix rules");
    }

    [Test]
    public void UnseenAdjectivesKeepTheirOwnLetters()
    {
        // A suffix rule rewrites only its suffix: a demonym the treebank never saw must not borrow the letters of one
        // it did ("romanian" once came out as "roIndian", learned from "Indian").
        var lem = Models.Value.Pos.Lemmatizer;
        foreach (var word in new[] { "Romanian", "Burkinabe", "Eritrean", "Malian", "Ivorian" })
            Assert.That(lem.Lemma(word, "JJ"), Is.EqualTo(word).IgnoreCase, word);
    }

    [Test]
    public void FindsPersonOrganisationAndLocation()
    {
        string[] words = ["Angela", "Merkel", "met", "the", "chief", "executive", "of", "Siemens", "in", "Berlin", "on", "Tuesday", "."];
        var spans = Models.Value.Ner.Tag([words], Models.Value.Pos);
        Assert.That(spans[0], Is.EqualTo(new[] { new EntitySpan(0, 2, "PER"), new EntitySpan(7, 8, "ORG"), new EntitySpan(9, 10, "LOC") }));
    }

    [Test]
    public void UsesTheSameNameElsewhereInTheDocument()
    {
        string[][] doc =
        [
            ["Police", "said", "John", "Kowalski", "was", "arrested", "in", "Chicago", "."],
            ["Kowalski", "denied", "the", "charges", "."],
        ];
        var spans = Models.Value.Ner.Tag(doc, Models.Value.Pos);
        Assert.That(spans[0], Does.Contain(new EntitySpan(2, 4, "PER")));
        Assert.That(spans[1], Does.Contain(new EntitySpan(0, 1, "PER")));
    }
}
