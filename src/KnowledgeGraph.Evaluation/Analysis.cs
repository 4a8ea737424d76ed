using System.Text;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation;

/// <summary>Runs an analyzer over documents in parallel; results come back in input order, so reports are deterministic.</summary>
public static class Analysis
{
    public static IReadOnlyList<DocumentAnalysis> AnalyzeAll(IDocumentAnalyzer analyzer, IReadOnlyList<Document> documents,
        int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var results = new DocumentAnalysis[documents.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, documents.Count, options, i =>
        {
            var analysis = analyzer.Analyze(documents[i], cancellationToken);
            if (!ReferenceEquals(analysis.Document, documents[i]) && analysis.Document.Text != documents[i].Text)
                throw new InvalidOperationException($"the analyzer returned an analysis of a different text for document {documents[i].Id}");
            results[i] = analysis;
        });
        return results;
    }

    /// <summary>Every mention the analysis reports, from its mention list and its entities, once per (span, type), in text order.</summary>
    public static IReadOnlyList<Mention> AllMentions(DocumentAnalysis analysis) =>
        analysis.Mentions.Concat(analysis.Entities.SelectMany(e => e.Mentions))
            .GroupBy(m => (m.Span, m.Type)).Select(g => g.First())
            .OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End).ThenBy(m => m.Type).ToList();

    /// <summary>The sentence holding <paramref name="span"/>, with line breaks flattened, or a window around it when no sentence does.</summary>
    public static string Context(DocumentAnalysis? analysis, string text, TextSpan span)
    {
        var sentence = analysis?.Sentences.FirstOrDefault(s => s.Span.Overlaps(span) || s.Span.Contains(span));
        TextSpan window = sentence is not null && sentence.Span.End <= text.Length
            ? sentence.Span
            : new TextSpan(Math.Max(0, span.Start - 80), Math.Min(text.Length, span.End + 80));
        return Flatten(text[window.Start..window.End]);
    }

    public static string Flatten(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
