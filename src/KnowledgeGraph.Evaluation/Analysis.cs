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

    /// <summary>Longest context printed: a sentence longer than this is cut to a window around the span.</summary>
    private const int MaxContext = 320;

    /// <summary>The sentence holding <paramref name="span"/>, line breaks flattened, cut to a window around the span when long or when no sentence holds it.</summary>
    public static string Context(DocumentAnalysis? analysis, string text, TextSpan span)
    {
        var sentence = analysis?.Sentences.FirstOrDefault(s => s.Span.Overlaps(span) && s.Span.End <= text.Length);
        var window = sentence?.Span ?? new TextSpan(0, text.Length);
        if (window.Length > MaxContext)
        {
            int pad = Math.Max(40, (MaxContext - span.Length) / 2);
            window = new TextSpan(Math.Max(window.Start, span.Start - pad), Math.Min(window.End, span.End + pad));
        }
        var body = Flatten(text[window.Start..window.End]);
        bool cutStart = sentence is null ? window.Start > 0 : window.Start > sentence.Span.Start;
        bool cutEnd = sentence is null ? window.End < text.Length : window.End < sentence.Span.End;
        return (cutStart ? "..." : "") + body + (cutEnd ? "..." : "");
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
