using KnowledgeGraph.Nlp.Tokenization;

namespace KnowledgeGraph.Nlp.Tests.Tokenization;

/// <summary>Which lines in capitals are sentences to recase word by word (Truecaser), and which are names to leave alone.</summary>
public sealed class TruecaserTests
{
    private static bool Capitals(string line) =>
        Truecaser.IsCapitalsSentence(new Tokenizer(new HashSet<string>()).Tokenize(line, 0, line.Length));

    [Test]
    public void AHeadlineInCapitalsWithAVerbOrPrepositionIsRecased()
    {
        Assert.That(Capitals("VALDORA PROTESTS THE RAID ON ITS EMBASSY"), Is.True);
        Assert.That(Capitals("THREE FERRIES SANK IN THE STORM"), Is.True);
    }

    [Test]
    public void ANameOrTitleInCapitalsAloneIsLeftAsWritten()
    {
        // a person's name, a body's name, a dateline: no word of a sentence among them
        Assert.That(Capitals("TOMAS QUILLER HARDWICK"), Is.False);
        Assert.That(Capitals("MINISTRY OF FOREIGN AFFAIRS"), Is.False);
        Assert.That(Capitals("PORT TALBEN, WESTMARCH"), Is.False);
        // a line with a small letter is no capitals line
        Assert.That(Capitals("Valdora protests the raid on its embassy"), Is.False);
        // two words are too few to tell
        Assert.That(Capitals("IN BRIEF"), Is.False);
    }
}
