using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Evaluation.Plover;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Evaluation;

/// <summary>Which half of a dev set a report covers.</summary>
public enum DevHalf
{
    /// <summary>re3d CENTCOM documents; PLOVER records on odd (1-based) line numbers. Its misses may be read.</summary>
    Tune,
    /// <summary>re3d US State Department documents (and any other source); PLOVER records on even lines. Its misses are not read while developing.</summary>
    Check,
    /// <summary>Both halves together.</summary>
    All,
}

/// <summary>Reports of one dev set scored three ways: the tune half, the check half and the whole.</summary>
public sealed record SplitReports<T>(T Tune, T Check, T All)
{
    public T Of(DevHalf half) => half switch { DevHalf.Tune => Tune, DevHalf.Check => Check, _ => All };
}

/// <summary>
/// The generalisation discipline of the dev sets (docs/evaluation.md): each is split into a tune half, whose misses a
/// developer may read, and a check half, whose misses are not read; a change counts when the check half improves.
/// </summary>
public static class DevSplit
{
    /// <summary>re3d source of the tune half (the <c>sourceName</c> of its documents).</summary>
    public const string Re3dTuneSource = "CENTCOM";
    /// <summary>re3d source of the check half. Documents of any other source also go to the check half, never to tune.</summary>
    public const string Re3dCheckSource = "US State Department";

    public static DevHalf Parse(string? value) => value switch
    {
        null or "all" => DevHalf.All,
        "tune" => DevHalf.Tune,
        "check" => DevHalf.Check,
        _ => throw new ArgumentException($"unknown half '{value}'; use tune, check or all"),
    };

    public static string Name(DevHalf half) => half switch { DevHalf.Tune => "tune", DevHalf.Check => "check", _ => "all" };

    public static DevHalf HalfOf(Re3dDocument document) =>
        string.Equals(document.Source, Re3dTuneSource, StringComparison.Ordinal) ? DevHalf.Tune : DevHalf.Check;

    /// <summary>Odd 1-based line numbers of the JSONL file are the tune half, even ones the check half.</summary>
    public static DevHalf HalfOf(PloverRecord record) => record.Line % 2 == 1 ? DevHalf.Tune : DevHalf.Check;

    private static bool In(DevHalf half, DevHalf of) => half == DevHalf.All || half == of;

    /// <summary>The documents of one half with their annotations (rejects counted for the whole corpus).</summary>
    public static Re3dCorpus Select(Re3dCorpus corpus, DevHalf half)
    {
        if (half == DevHalf.All) return corpus;
        var ids = corpus.Documents.Where(d => HalfOf(d) == half).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return corpus with
        {
            Documents = corpus.Documents.Where(d => ids.Contains(d.Id)).ToList(),
            Entities = corpus.Entities.Where(e => ids.Contains(e.DocumentId)).ToList(),
            Relations = corpus.Relations.Where(r => ids.Contains(r.DocumentId)).ToList(),
        };
    }

    /// <summary>
    /// Analyses every document once and scores the tune half, the check half and the whole, counting only the relations
    /// of edges at or above <paramref name="minEdgeConfidence"/> (<see cref="EdgeConfidence.Gate"/>; 0 counts all).
    /// </summary>
    public static SplitReports<Re3dReport> EvaluateRe3d(IDocumentAnalyzer analyzer, Re3dCorpus corpus, int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default, double minEdgeConfidence = 0) =>
        ScoreRe3d(corpus, Analysis.AnalyzeAll(analyzer, Re3dEvaluator.Documents(corpus), maxDegreeOfParallelism, cancellationToken), minEdgeConfidence);

    /// <summary>Scores analyses (in corpus order) of both halves and the whole, edges gated at <paramref name="minEdgeConfidence"/>.</summary>
    public static SplitReports<Re3dReport> ScoreRe3d(Re3dCorpus corpus, IReadOnlyList<DocumentAnalysis> analyses, double minEdgeConfidence = 0)
    {
        var gated = analyses.Select(a => EdgeConfidence.Gate(a, minEdgeConfidence)).ToList();
        Re3dReport Score(DevHalf half)
        {
            var keep = Enumerable.Range(0, corpus.Documents.Count).Where(i => In(half, HalfOf(corpus.Documents[i]))).ToList();
            return Re3dEvaluator.Score(Select(corpus, half), keep.Select(i => gated[i]).ToList());
        }
        return new SplitReports<Re3dReport>(Score(DevHalf.Tune), Score(DevHalf.Check), Score(DevHalf.All));
    }

    /// <summary>Analyses every sentence once and scores the tune half, the check half and the whole, edges gated as in <see cref="EvaluateRe3d"/>.</summary>
    public static SplitReports<PloverReport> EvaluatePlover(IDocumentAnalyzer analyzer, IReadOnlyList<PloverRecord> records,
        int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default, double minEdgeConfidence = 0) =>
        ScorePlover(records, AnalyzePlover(analyzer, records, maxDegreeOfParallelism, cancellationToken), minEdgeConfidence);

    /// <summary>Each PLOVER sentence analysed as its own document, in record order.</summary>
    public static IReadOnlyList<DocumentAnalysis> AnalyzePlover(IDocumentAnalyzer analyzer, IReadOnlyList<PloverRecord> records,
        int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default) =>
        Analysis.AnalyzeAll(analyzer, records.Select(r => Document.Create(r.Text, r.Id, r.Id)).ToList(), maxDegreeOfParallelism, cancellationToken);

    /// <summary>Scores analyses (in record order) of both halves and the whole, edges gated at <paramref name="minEdgeConfidence"/>.</summary>
    public static SplitReports<PloverReport> ScorePlover(IReadOnlyList<PloverRecord> records, IReadOnlyList<DocumentAnalysis> analyses, double minEdgeConfidence = 0)
    {
        var gated = analyses.Select(a => EdgeConfidence.Gate(a, minEdgeConfidence)).ToList();
        PloverReport Score(DevHalf half)
        {
            var keep = Enumerable.Range(0, records.Count).Where(i => In(half, HalfOf(records[i]))).ToList();
            return PloverEvaluator.Score(Select(records, half), keep.Select(i => gated[i]).ToList());
        }
        return new SplitReports<PloverReport>(Score(DevHalf.Tune), Score(DevHalf.Check), Score(DevHalf.All));
    }

    /// <summary>The report without the misses, false edges and per-sentence results of check-half documents.</summary>
    public static Re3dReport WithoutCheckMisses(Re3dReport report, Re3dCorpus corpus)
    {
        var tune = corpus.Documents.Where(d => HalfOf(d) == DevHalf.Tune).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return report with
        {
            EntityErrors = report.EntityErrors.Where(e => tune.Contains(e.DocumentId)).ToList(),
            RelationErrors = report.RelationErrors.Where(e => tune.Contains(e.DocumentId)).ToList(),
        };
    }

    /// <summary>The records of one half, in file order.</summary>
    public static IReadOnlyList<PloverRecord> Select(IReadOnlyList<PloverRecord> records, DevHalf half) =>
        records.Where(r => In(half, HalfOf(r))).ToList();

    /// <summary>
    /// The report of <paramref name="half"/> without the per-sentence results of check-half records (they show its misses).
    /// <paramref name="records"/> is the whole record list the halves were taken from.
    /// </summary>
    public static PloverReport WithoutCheckMisses(PloverReport report, IReadOnlyList<PloverRecord> records, DevHalf half)
    {
        var scored = Select(records, half);
        if (scored.Count != report.Results.Count) throw new ArgumentException($"{report.Results.Count} results for {scored.Count} records of the {Name(half)} half", nameof(report));
        return report with { Results = report.Results.Where((_, i) => HalfOf(scored[i]) == DevHalf.Tune).ToList() };
    }
}
