using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>The recogniser's span margins and the evidence each entity keeps (docs/entities.md, "Node confidence").</summary>
public sealed class NerMarginTests
{
    private static readonly Lazy<NlpModels> Models = new(() => NlpModels.LoadDefault());
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Load());

    /// <summary>Best score over every tag sequence BILOU allows that <paramref name="keep"/> accepts (the definition, by enumeration).</summary>
    private static float BruteBest(float[] emit, float[] trans, int n, Func<int[], bool> keep)
    {
        const int L = Bilou.Count;
        float best = float.NegativeInfinity;
        var tags = new int[n];
        void Walk(int i, int prev, float score)
        {
            if (i == n)
            {
                if (Bilou.CanEnd(prev) && keep(tags)) best = Math.Max(best, score);
                return;
            }
            for (int c = 0; c < L; c++)
            {
                if (!Bilou.Allowed(i == 0 ? -1 : prev, c)) continue;
                tags[i] = c;
                Walk(i + 1, c, score + trans[(i == 0 ? 0 : prev + 1) * L + c] + emit[i * L + c]);
            }
        }
        Walk(0, -1, 0);
        return best;
    }

    [Test]
    public void TheMarginIsTheBestPathAgainstTheBestPathWithoutTheSpanOrWithAnotherType()
    {
        const int L = Bilou.Count, n = 4;
        var random = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            var emit = Enumerable.Range(0, n * L).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var trans = Enumerable.Range(0, (L + 1) * L).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            for (int p = -1; p < L; p++)
                for (int c = 0; c < L; c++) if (!Bilou.Allowed(p, c)) trans[(p + 1) * L + c] = float.NegativeInfinity;
            var tags = NerTagger.Viterbi(emit, trans, n);
            var spans = Bilou.Decode(tags);
            float top = BruteBest(emit, trans, n, _ => true);
            foreach (var (span, margin) in NerTagger.SpanMargins(emit, trans, n, spans))
            {
                // the alternatives: the span's words all outside, or the same words as one span of another type
                bool Alternative(int[] t) =>
                    Enumerable.Range(span.Start, span.End - span.Start).All(i => t[i] == 0)
                    || Bilou.Decode(t).Any(s => s.Start == span.Start && s.End == span.End && s.Type != span.Type);
                float expected = top - BruteBest(emit, trans, n, Alternative);
                Assert.That(margin, Is.EqualTo(Math.Max(0, expected)).Within(1e-3), $"round {round}, span {span}");
            }
        }
    }

    [Test]
    public void MarginsComeWithTheSameSpansTheRecogniserTags()
    {
        string[][] doc =
        [
            ["Police", "said", "John", "Kowalski", "was", "arrested", "in", "Chicago", "."],
            ["Kowalski", "denied", "the", "charges", "before", "the", "Cook", "County", "court", "."],
        ];
        var xpos = doc.Select(s => (IReadOnlyList<string>)Models.Value.Pos.Tag(s).Xpos).ToList();
        var plain = Models.Value.Ner.Tag(doc, xpos);
        var scored = Models.Value.Ner.TagWithMargins(doc, xpos);
        Assert.That(scored.Select(s => s.Select(x => x.Span)), Is.EqualTo(plain));
        Assert.That(scored.SelectMany(s => s).Select(x => x.Margin), Is.All.GreaterThanOrEqualTo(0f).And.All.LessThan(float.PositiveInfinity));
    }

    [Test]
    public void AnEntityKeepsWhatSupportsIt()
    {
        var a = Pipeline.Value.Analyze(Document.Create(
            "On Monday, Talia Brennecke, the mayor of Oskarvale, met officials in Kenya. Officials said Brennecke had asked Kenya for help."));
        var kenya = a.Entities.Single(e => e.Name == "Kenya");
        Assert.That(kenya.Evidence!.Gazetteer, Is.True, "Kenya is a gazetteer entry");
        Assert.That(kenya.Evidence.RecogniserOnly, Is.False);
        var mayor = a.Entities.Single(e => e.Name == "Talia Brennecke");
        Assert.That(mayor.Evidence!.Gazetteer, Is.False, "no gazetteer lists her");
        Assert.That(float.IsNaN(mayor.Evidence.Margin), Is.False, "the recogniser found her, and says how sure it was");
        Assert.That(mayor.Evidence.AllSentenceInitial, Is.False, "her name stands inside its sentences");
        Assert.That(mayor.Evidence.OnlyInFirstSentence, Is.False, "the second sentence names her too");
        Assert.That(mayor.Evidence.RecogniserOtherType, Is.False, "the recogniser read her as the person she is");
    }

    // "Harlow met Dunmore officials": the recogniser's span over "Dunmore" says ORG; an entity the pipeline typed a place
    // remembers that the recogniser read its name as another type, one it typed an organisation does not, and a MISC
    // span names no type to disagree with.
    [TestCase(EntityType.Location, "ORG", true)]
    [TestCase(EntityType.Organization, "ORG", false)]
    [TestCase(EntityType.Location, "MISC", false)]
    public void AnEntityRemembersWhetherTheRecogniserReadItsNameAsAnotherType(EntityType type, string label, bool expected)
    {
        var tokens = new[] { new Token("Harlow", 0, 6), new Token("met", 7, 10), new Token("Dunmore", 11, 18), new Token("officials", 19, 28), new Token(".", 28, 29) };
        var sentence = new Sentence(0, new TextSpan(0, 29), tokens);
        var entity = new DocumentEntity(0, "Dunmore", type, Array.Empty<string>(), Array.Empty<string>(),
            new[] { new Mention(new TextSpan(11, 18), "Dunmore", 0, type, null, MentionKind.Name, "ner") }, new Dictionary<string, string>());
        var evidence = EntityConfidence.Attach(new[] { entity }, new[] { sentence }, new[] { new NerSpan(0, 2, 3, label, 12f) })[0].Evidence!;
        Assert.That(evidence.RecogniserOtherType, Is.EqualTo(expected));
        Assert.That(evidence.Margin, Is.EqualTo(12f), "the same span gives the margin");
    }
}
