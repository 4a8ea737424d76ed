using KnowledgeGraph.Nlp.Tokenization;

namespace KnowledgeGraph.Nlp.Tests.Tokenization;

public sealed class SentenceSplitterTests
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr.", "Mrs.", "Dr.", "Gen.", "Maj.", "Dec.", "Jan.", "Sept.", "Lt.", "Col.", "St.", "Inc.", "etc.",
    };
    private static readonly HashSet<string> NeverFinal = new(StringComparer.Ordinal) { "Mr.", "Mrs.", "Dr.", "Gen.", "Maj.", "Lt.", "Col.", "St." };

    /// <summary>The tokenizer's words of <paramref name="text"/>, with the test's abbreviations.</summary>
    private static List<string> Words(string text) => new Tokenizer(Abbreviations).Tokenize(text, 0, text.Length).Select(t => t.Text).ToList();

    private static List<string> Split(string text)
    {
        var splitter = new SentenceSplitter(new Tokenizer(Abbreviations), NeverFinal);
        return splitter.Split(text).Select(s => s.TextOf(text)).ToList();
    }

    [Test]
    public void AbbreviationsInsideSentencesDoNotSplit()
    {
        var text = "Maj. Gen. Mamadou Diallo met Mr. Smith on Dec. 9 at the U.N. headquarters. The U.S. Army left.";
        Assert.That(Split(text), Is.EqualTo(new[]
        {
            "Maj. Gen. Mamadou Diallo met Mr. Smith on Dec. 9 at the U.N. headquarters.",
            "The U.S. Army left.",
        }));
    }

    [Test]
    public void TheShippedTechAbbreviationEndsASentenceButNotBeforeARank()
    {
        // "Tech." is a rank's ("Tech. Sgt.") and a school's last word ("Kessel Tech."): the shipped list lets it end a sentence
        var entries = KnowledgeGraph.Nlp.Lexicons.LexiconSet.Load().Abbreviations.Entries;
        var splitter = new SentenceSplitter(new Tokenizer(entries.Select(e => e.Form).ToHashSet(StringComparer.Ordinal)),
            entries.Where(e => !e.CanEndSentence).Select(e => e.Form).ToHashSet(StringComparer.Ordinal));
        const string text = "Daro Venn played football at Kessel Tech. The university announced his award. Tech. Sgt. Ana Moll spoke.";
        Assert.That(splitter.Split(text).Select(s => s.TextOf(text)), Is.EqualTo(new[]
        {
            "Daro Venn played football at Kessel Tech.", "The university announced his award.", "Tech. Sgt. Ana Moll spoke.",
        }));
    }

    [Test]
    public void SentenceEndingInAnAbbreviationSplitsBeforeACommonSentenceStart()
    {
        Assert.That(Split("Troops came from the U.S. They left in 2020."),
            Is.EqualTo(new[] { "Troops came from the U.S.", "They left in 2020." }));
    }

    [Test]
    public void ClosingQuotesStayWithTheirSentence()
    {
        var text = "“It was vast,” he said. “We stayed.” Then they left!";
        Assert.That(Split(text), Is.EqualTo(new[] { "“It was vast,” he said.", "“We stayed.”", "Then they left!" }));
    }

    [Test]
    public void LineBreaksEndSentencesSoHeadlinesStandAlone()
    {
        Assert.That(Split("Deadliest Mission Ever\nThe head of the mission declared it over."),
            Is.EqualTo(new[] { "Deadliest Mission Ever", "The head of the mission declared it over." }));
    }

    [Test]
    public void TokensKeepOffsetsAndSplitPossessivesAndNegation()
    {
        var text = "Mali’s army wasn't there; 10,689 left U.N. bases.";
        var tokens = new Tokenizer(Abbreviations).Tokenize(text, 0, text.Length);
        Assert.That(tokens.Select(t => t.Text), Is.EqualTo(new[] { "Mali", "’s", "army", "was", "n't", "there", ";", "10,689", "left", "U.N.", "bases", "." }));
        Assert.That(tokens.All(t => text[t.Start..t.End] == t.Text), Is.True);
    }

    [Test]
    public void APartysInitialBeforeAStatesDottedAbbreviationIsOneWordThatEndsNoSentence()
    {
        var text = "Senator Ana Ruiz (D-N.J.) and Senator Tom Vell (R-S.C.) spoke. They left.";
        var tokens = Words(text);
        Assert.That(tokens, Does.Contain("D-N.J.").And.Contain("R-S.C."));
        Assert.That(Split(text), Is.EqualTo(new[] { "Senator Ana Ruiz (D-N.J.) and Senator Tom Vell (R-S.C.) spoke.", "They left." }));
        // must not: a hyphenated word before a sentence's last initial still ends at its period
        Assert.That(Split("The plan was drafted by Plan-B. The crew left."), Has.Count.EqualTo(2));
    }

    [Test]
    public void ADottedAbbreviationAfterAHyphenStaysOneWordWithItsCompound()
    {
        // "Brazil-U.K.", "Franco-U.S.": the compound is one word, its periods end no sentence, no "K." or "S." is cut from it
        var text = "The Brazil-U.K. Trade Council met. A Franco-U.S. Summit Conference opened in Lyon. The Chile-U.S.A. Forum closed.";
        var tokens = Words(text);
        Assert.That(tokens, Does.Contain("Brazil-U.K.").And.Contain("Franco-U.S.").And.Contain("Chile-U.S.A."));
        Assert.That(tokens, Does.Not.Contain("S.").And.Not.Contain("K."));
        Assert.That(Split(text), Has.Count.EqualTo(3));
        // must not: a hyphenated word ending in one capital and a period before a new sentence still ends it
        Assert.That(Split("The plan was drafted by Plan-B. The crew left."), Has.Count.EqualTo(2));
    }

    [Test]
    public void DottedDegreeAbbreviationsStayOneWord()
    {
        // "Ph.D." after a name is a degree, one word (a "Ph" of its own would be read as a name); glued words are no such abbreviation
        var text = "Orla Venn, Ph.D., and Tam Ruse, M.Sc., met Mr.Smith at the U.S. office.";
        var tokens = Words(text);
        Assert.That(tokens, Does.Contain("Ph.D.").And.Contain("M.Sc.").And.Contain("U.S."));
        Assert.That(tokens, Does.Not.Contain("Ph").And.Not.Contain("Mr.Smith"));
        Assert.That(Split("She holds a Ph.D. in law. She left."), Is.EqualTo(new[] { "She holds a Ph.D. in law.", "She left." }));
    }

    [Test]
    public void HyphenatedWordsStayWhole()
    {
        var text = "French-led forces and a 13,000-strong state-funded group.";
        var tokens = new Tokenizer(Abbreviations).Tokenize(text, 0, text.Length).Select(t => t.Text);
        Assert.That(tokens, Is.EqualTo(new[] { "French-led", "forces", "and", "a", "13,000-strong", "state-funded", "group", "." }));
    }

    [Test]
    public void AHeadingGluedToItsParagraphBySpacesIsASentenceOfItsOwn()
    {
        Assert.That(Split("Ghana   More than 300 people left the coast."),
            Is.EqualTo(new[] { "Ghana", "More than 300 people left the coast." }));
        Assert.That(Split("Ghana\tFlooding closed the road."), Is.EqualTo(new[] { "Ghana", "Flooding closed the road." }));
    }

    [Test]
    public void TwoSpacesInsideANameOrAfterALowerCaseWordDoNotSplit()
    {
        Assert.That(Split("Ana  Ruiz met the  Navy team."), Is.EqualTo(new[] { "Ana  Ruiz met the  Navy team." }));
    }

    [Test]
    public void ADatelineIsASentenceOfItsOwn()
    {
        Assert.That(Split("PORT ALDWIN, Maine, June 3 -- The harbor reopened on Friday."),
            Is.EqualTo(new[] { "PORT ALDWIN, Maine, June 3 --", "The harbor reopened on Friday." }));
        Assert.That(Split("KESTREL POINT \u2014 Crews searched the bay."), Is.EqualTo(new[] { "KESTREL POINT \u2014", "Crews searched the bay." }));
    }

    [Test]
    public void ACapitalisedWordBeforeADashInsideASentenceIsNoDateline()
    {
        Assert.That(Split("The NATO summit - the first in years - ended."), Is.EqualTo(new[] { "The NATO summit - the first in years - ended." }));
    }

    [Test]
    public void CarriageReturnsAndUnicodeLineSeparatorsEndLines()
    {
        Assert.That(Split("Uganda\rPolice left.\u2028Troops came."), Is.EqualTo(new[] { "Uganda", "Police left.", "Troops came." }));
    }
}
