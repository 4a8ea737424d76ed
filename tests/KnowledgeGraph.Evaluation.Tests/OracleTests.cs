using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>
/// Feeds the harness re3d's own annotations as if a pipeline had produced them: every score must then be 1.
/// This catches offset, mapping, direction and de-duplication mistakes in the harness on the real dev data.
/// </summary>
public sealed class OracleTests
{
    private sealed class OracleAnalyzer(Re3dCorpus corpus) : IDocumentAnalyzer
    {
        public DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default)
        {
            var doc = corpus.Documents.Single(d => d.Text == document.Text);
            var spans = corpus.Entities.Where(e => e.DocumentId == doc.Id).GroupBy(e => e.Span)
                .Select(g => g.OrderByDescending(e => e.Confidence).ThenBy(e => e.Type, StringComparer.Ordinal).First())
                .Where(e => Re3dMapping.CoarseOf(e.Type) is not null).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
            var entities = spans.Select((e, i) =>
            {
                var type = Re3dMapping.CoarseOf(e.Type)!.Value;
                var kind = Re3dEvaluator.IsPronoun(e.Value) ? MentionKind.Pronoun : MentionKind.Name;
                var mention = new Mention(e.Span, doc.Text[e.Span.Start..e.Span.End], 0, type, null, kind, "oracle");
                return new DocumentEntity(i, e.Value, type, Array.Empty<string>(), new[] { e.Value }, new[] { mention }, new Dictionary<string, string>());
            }).ToList();
            var whole = new TextSpan(0, doc.Text.Length);
            var relations = new List<RelationMention>();
            var seen = new HashSet<(string, TextSpan, TextSpan)>();
            foreach (var r in corpus.Relations.Where(r => r.DocumentId == doc.Id))
            {
                var map = Re3dMapping.Relation(r.Type);
                int s = spans.FindIndex(e => e.Span == r.SourceSpan), o = spans.FindIndex(e => e.Span == r.TargetSpan);
                if (map is null || !map.Scored || s < 0 || o < 0) continue;
                if (!seen.Add((r.Type, r.SourceSpan, r.TargetSpan)) || (map.Symmetric && seen.Contains((r.Type, r.TargetSpan, r.SourceSpan)) && r.SourceSpan != r.TargetSpan))
                    continue;
                relations.Add(new RelationMention(s, o, map.Categories[0], map.Categories[0], 0, doc.Text, whole, r.Trigger, r.TriggerSpan, 1));
            }
            return new DocumentAnalysis(document, new[] { new Sentence(0, whole, Array.Empty<Token>()) },
                entities.SelectMany(e => e.Mentions).ToList(), entities, relations);
        }
    }

    [Test]
    public void GoldAnnotationsScorePerfectly()
    {
        var shared = DataPaths.FindSharedData();
        var dir = shared is null ? null : Path.Combine(shared, "re3d-dev");
        if (dir is null || !Directory.Exists(dir)) Assert.Ignore("shared data re3d-dev not found (set KG_SHARED_DATA)");
        var corpus = Re3dReader.Read(dir!);

        var report = Re3dEvaluator.Evaluate(new OracleAnalyzer(corpus), corpus, maxDegreeOfParallelism: 2);

        Assert.That(report.GoldMentionsScored, Is.GreaterThan(1000));
        Assert.That(report.GoldRelationsScored, Is.GreaterThan(200));
        foreach (var e in report.Entities)
        {
            Assert.That(e.Overall.Precision, Is.EqualTo(1.0), e.Variant);
            Assert.That(e.Overall.Recall, Is.EqualTo(1.0), e.Variant);
        }
        Assert.That((report.Relations.Precision, report.Relations.Recall), Is.EqualTo((1.0, 1.0)));
        Assert.That(report.RelationsUnlabelled.F1, Is.EqualTo(1.0));
    }
}
