using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Coreference;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Tokenization;

namespace KnowledgeGraph.Nlp.Tests.Linearity;

/// <summary>
/// Long and pathological articles stay linear: sentences are capped in tokens with exact offsets, and the stages that
/// search for names and antecedents do work proportional to the text (counted, never timed).
/// </summary>
public sealed class LongTextTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Load());

    private static SentenceSplitter Splitter() =>
        new(new Tokenizer(new HashSet<string>(StringComparer.Ordinal) { "Mr.", "Dec." }), new HashSet<string>(StringComparer.Ordinal) { "Mr." });

    /// <summary>Every sentence is within the cap, every token is the text at its offsets, and no token is lost or repeated.</summary>
    private static void AssertCappedAndExact(string text, IReadOnlyList<Sentence> sentences, int expectedTokens)
    {
        Assert.That(sentences.Max(s => s.Tokens.Count), Is.LessThanOrEqualTo(SentenceSplitter.MaxTokens));
        var tokens = sentences.SelectMany(s => s.Tokens).ToList();
        Assert.That(tokens, Has.Count.EqualTo(expectedTokens));
        for (int i = 0; i < tokens.Count; i++)
        {
            Assert.That(text[tokens[i].Start..tokens[i].End], Is.EqualTo(tokens[i].Text));
            if (i > 0) Assert.That(tokens[i].Start, Is.GreaterThanOrEqualTo(tokens[i - 1].End), "tokens in text order");
        }
        foreach (var s in sentences)
            Assert.That(s.Span, Is.EqualTo(new TextSpan(s.Tokens[0].Start, s.Tokens[^1].End)));
    }

    [Test]
    public void ATwoMegabyteLineWithNoSentenceEndIsCutIntoCappedSentencesWithExactOffsets()
    {
        var words = new[] { "troops", "moved", "along", "the", "river", "road", "toward", "three", "villages", "near", "the", "border" };
        var sb = new StringBuilder("Headline\n");
        int n = 0;
        while (sb.Length < 2 * 1024 * 1024) { sb.Append(words[n % words.Length]).Append(' '); n++; }
        var text = sb.ToString();
        var sentences = Splitter().Split(text);
        AssertCappedAndExact(text, sentences, n + 1);
        Assert.That(sentences.Count, Is.GreaterThanOrEqualTo(n / SentenceSplitter.MaxTokens));
    }

    [Test]
    public void PunctuationOnlyTextIsCutIntoCappedSentencesWithExactOffsets()
    {
        var text = string.Concat(Enumerable.Repeat("!?,;:()[] \u201C\u201D ", 60_000));
        var sentences = Splitter().Split(text);
        int expected = text.Count(c => !char.IsWhiteSpace(c));
        AssertCappedAndExact(text, sentences, expected);
    }

    [Test]
    public void ARunOnIsCutAtItsClauseBoundaries()
    {
        // 40 clauses of 10 tokens, joined by semicolons, on one line with no sentence end
        var clause = "the convoy reached the town and the crowd cheered loudly";
        var text = string.Join("; ", Enumerable.Repeat(clause, 40));
        var sentences = Splitter().Split(text);
        Assert.That(sentences.Count, Is.GreaterThan(1));
        foreach (var s in sentences.Take(sentences.Count - 1))
            Assert.That(s.Tokens[^1].Text, Is.EqualTo(";"), s.TextOf(text));
        AssertCappedAndExact(text, sentences, 40 * 10 + 39);
    }

    [Test]
    public void AnOrdinarySentenceIsNotCut()
    {
        var text = "The commander, who arrived on Monday, said the convoy would leave the base, cross the river and reach the capital by Friday.";
        Assert.That(Splitter().Split(text), Has.Count.EqualTo(1));
    }

    // An article of our own: people named in full and by surname, acronyms in brackets, descriptions and pronouns.
    private const string Article = """
        Rebels Seize Northern Town
        The Sahel Liberation Front (SLF) said on Tuesday that its fighters had seized the town of Kidal after two days of clashes with the army.
        Colonel Amadou Traore, who commands the garrison, told reporters that his men had withdrawn to the airport.
        Traore said the rebels had attacked from the north. He asked the government for reinforcements.
        The group has fought the Malian army since 2012, and the Front claims to speak for the region.
        The African Union Mission for Stability (AUMS) condemned the attack and said it would send observers.
        The mission has 4,000 soldiers in the country. Its commander, General Fatou Keita, met President Ibrahim Diallo in Bamako.
        Keita said the mission would protect civilians. Diallo thanked her and promised that the junta would hold elections.
        The junta took power in a coup in 2021. It expelled the French ambassador a year later.

        """;

    private static StageTimings Analyse(int copies)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < copies; i++) sb.Append(Article);
        var timings = new StageTimings();
        var analysis = Pipeline.Value.Analyze(Document.Create(sb.ToString()), timings);
        Assert.That(analysis.Entities, Is.Not.Empty);
        return timings;
    }

    [Test]
    public void ClusteringAndCoreferenceWorkGrowsLinearlyWithTheArticle()
    {
        // Before: every mention was compared with every earlier one (clustering) and every description searched all
        // earlier mentions (coreference), so doubling the article quadrupled the work. 40 copies are 440 sentences,
        // past the coreference window of 200.
        var small = Analyse(40);
        var large = Analyse(80);
        foreach (var work in new[] { EntityClusterer.ComparisonsWork, CorefResolver.MentionsWork })
        {
            long a = small.WorkOf(work), b = large.WorkOf(work);
            Assert.That(a, Is.GreaterThan(0), work);
            Assert.That((double)b / a, Is.LessThan(2.3), $"{work}: {a} for 40 copies, {b} for 80");
        }
    }

    [Test]
    public void ALongArticleKeepsWhatTheShortOneFinds()
    {
        // Bounding the windows must not lose the entities or their merging: what one copy finds, thirty copies find
        // (named once each: the surnames and acronyms still join their full names across the whole article).
        var one = Pipeline.Value.Analyze(Document.Create(Article));
        var many = Pipeline.Value.Analyze(Document.Create(string.Concat(Enumerable.Repeat(Article, 30))));
        Assert.That(many.Entities.Select(e => (e.Name, e.Type)), Is.SupersetOf(one.Entities.Select(e => (e.Name, e.Type))));
        Assert.That(many.Entities.Select(e => e.Name).Distinct().Count(), Is.EqualTo(many.Entities.Count), "each entity once");
    }
}
