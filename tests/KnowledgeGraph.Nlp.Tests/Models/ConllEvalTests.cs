using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Nlp.Tests.Models;

public sealed class ConllEvalTests
{
    [Test]
    public void ScoresAHandMadeExampleAsConllevalDoes()
    {
        // Gold in IOB1, guesses in IOB2. Gold chunks: PER[0,2) ORG[3,4) ORG[4,5) LOC[5,6) = 4.
        // Guessed chunks: PER[0,2) LOC[2,3) ORG[3,4) ORG[4,5) = 4; correct: PER, ORG, ORG = 3.
        // Exact tag matches: b, e = 2 of 6 tokens (I-PER vs B-PER counts as a different tag).
        var ev = new ConllEvaluator();
        ev.Add("I-PER", "B-PER");
        ev.Add("I-PER", "I-PER");
        ev.Add("O", "B-LOC");
        ev.Add("I-ORG", "B-ORG");
        ev.Add("B-ORG", "B-ORG");
        ev.Add("I-LOC", "O");
        ev.Boundary();
        var r = ev.Result();
        Assert.That((r.Overall.Gold, r.Overall.Found, r.Overall.Correct), Is.EqualTo((4, 4, 3)));
        Assert.That(r.Overall.F1, Is.EqualTo(75.0).Within(1e-9));
        Assert.That(r.ByType["ORG"].F1, Is.EqualTo(100.0));
        Assert.That(r.ByType["LOC"], Is.EqualTo(new ChunkCounts(1, 1, 0)));
        Assert.That(r.ByType["PER"], Is.EqualTo(new ChunkCounts(1, 1, 1)));
        var report = r.Report();
        Assert.That(report, Does.StartWith("processed 6 tokens with 4 phrases; found: 4 phrases; correct: 3.\n"));
        Assert.That(report, Does.Contain("accuracy:  33.33%; precision:  75.00%; recall:  75.00%; FB1:  75.00\n"));
        Assert.That(report, Does.Contain("              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n"));
    }

    [Test]
    public void ReadsIob1AndIob2Chunks()
    {
        Assert.That(ConllEvaluator.Spans(["I-PER", "I-PER", "B-PER", "O", "I-LOC"]),
            Is.EqualTo(new[] { new EntitySpan(0, 2, "PER"), new EntitySpan(2, 3, "PER"), new EntitySpan(4, 5, "LOC") }));
        Assert.That(ConllEvaluator.Spans(["B-ORG", "I-ORG", "B-ORG", "I-MISC"]),
            Is.EqualTo(new[] { new EntitySpan(0, 2, "ORG"), new EntitySpan(2, 3, "ORG"), new EntitySpan(3, 4, "MISC") }));
        var spans = new[] { new EntitySpan(0, 2, "PER"), new EntitySpan(2, 3, "PER"), new EntitySpan(4, 5, "LOC") };
        Assert.That(ConllEvaluator.ToTags(5, spans, iob2: false), Is.EqualTo(new[] { "I-PER", "I-PER", "B-PER", "O", "I-LOC" }));
        Assert.That(ConllEvaluator.ToTags(5, spans, iob2: true), Is.EqualTo(new[] { "B-PER", "I-PER", "B-PER", "O", "B-LOC" }));
    }

    [Test]
    public void ReaderSplitsDocumentsAndSentences()
    {
        var docs = ConllReader.Parse(TinyCorpus.NerLines, "tiny");
        Assert.That(docs, Has.Count.EqualTo(2));
        Assert.That(docs[0].StartsWithDocStart, Is.True);
        Assert.That(docs[0].Sentences.Select(s => s.Tokens.Length), Is.EqualTo(new[] { 5, 6 }));
        Assert.That(docs[1].Sentences[0].Gold[5], Is.EqualTo("I-MISC"));
    }
}
