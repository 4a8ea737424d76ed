using System.Diagnostics;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>A failed input: where, and why.</summary>
public sealed record InputFailure(string Origin, string Reason);

/// <summary>What a build produced.</summary>
public sealed record GraphBuildResult(KnowledgeGraphModel Graph, BuildStatistics Statistics, IReadOnlyList<InputFailure> Failures, long Words, TimeSpan Elapsed);

/// <summary>
/// Reads inputs, analyses documents in parallel in fixed-size batches (so memory stays bounded on long JSONL streams)
/// and adds them to the graph in input order (so the output never depends on the thread count).
/// </summary>
public static class GraphBuild
{
    public const int BatchSize = 64;

    public static GraphBuildResult Run(IDocumentAnalyzer analyzer, OntologySchema schema, IReadOnlyList<string> inputs,
        InputOptions inputOptions, TextReader stdin, int threads, Action<InputFailure> onFailure, Progress? progress,
        CancellationToken cancellationToken = default, GraphLexicons? lexicons = null) =>
        Run(analyzer, schema, inputs, inputOptions, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin.ReadToEnd())),
            threads, onFailure, progress, cancellationToken, lexicons: lexicons);

    /// <summary>Builds the graph; <paramref name="onNote"/> hears about inputs skipped on purpose (our own output folders, links read twice).</summary>
    public static GraphBuildResult Run(IDocumentAnalyzer analyzer, OntologySchema schema, IReadOnlyList<string> inputs,
        InputOptions inputOptions, Func<Stream> openStdin, int threads, Action<InputFailure> onFailure, Progress? progress,
        CancellationToken cancellationToken = default, Action<InputFailure>? onNote = null, GraphLexicons? lexicons = null)
    {
        var reader = new InputReader(inputOptions, openStdin);
        return Run(analyzer, schema, reader, reader.Plan(inputs), threads, onFailure, progress, cancellationToken, onNote,
            () => new GraphBuilder(schema, lexicons));
    }

    /// <summary>Builds the graph of inputs already planned (the caller sized them for its progress bar).</summary>
    /// <param name="newBuilder">Makes the graph builder (default: one with the schema and default settings).</param>
    public static GraphBuildResult Run(IDocumentAnalyzer analyzer, OntologySchema schema, InputReader reader, InputPlan plan, int threads,
        Action<InputFailure> onFailure, Progress? progress, CancellationToken cancellationToken = default, Action<InputFailure>? onNote = null,
        Func<GraphBuilder>? newBuilder = null)
    {
        var clock = Stopwatch.StartNew();
        var builder = newBuilder?.Invoke() ?? new GraphBuilder(schema);
        var failures = new List<InputFailure>();
        var counts = Analyze(analyzer, reader, plan, InputPart.Whole, threads,
            (_, doc) => builder.Add(doc),
            (_, f) => { failures.Add(f); onFailure(f); },
            progress, cancellationToken, onNote);
        var graph = builder.Build();
        return new GraphBuildResult(graph, builder.Statistics, failures, counts.Words, clock.Elapsed);
    }

    /// <summary>What <see cref="Analyze"/> saw: the items of its part, and of those the documents, words and failures.</summary>
    public sealed record AnalyzeCounts(long InputItems, long Documents, long Failures, long Words);

    /// <summary>
    /// Reads the items of <paramref name="part"/> of a planned input in order (all of them for
    /// <see cref="InputPart.Whole"/>; a part's reader opens only the files the part meets), analyses them in parallel
    /// batches and hands the results over in input order: <paramref name="onDocument"/> and <paramref name="onFailure"/>
    /// get the item's 0-based position in the part.
    /// </summary>
    public static AnalyzeCounts Analyze(IDocumentAnalyzer analyzer, InputReader reader, InputPlan plan, InputPart part, int threads,
        Action<long, GraphDocument> onDocument, Action<long, InputFailure> onFailure,
        Progress? progress, CancellationToken cancellationToken = default, Action<InputFailure>? onNote = null)
    {
        long bytesDone = 0, words = 0, item = 0, documents = 0, failed = 0;
        var batch = new List<(long Item, InputItem Input)>(BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };

        void Fail(long at, string origin, string reason)
        {
            failed++;
            onFailure(at, new InputFailure(origin, reason));
        }

        void Flush()
        {
            var results = new (GraphDocument? Document, string? Error)[batch.Count];
            Parallel.For(0, batch.Count, parallel, i =>
            {
                var doc = batch[i].Input.Document;
                if (doc is null) return;
                try { results[i] = (GraphDocument.From(analyzer.Analyze(doc, cancellationToken)), null); }
                catch (UnsupportedDocumentException e) { results[i] = (null, e.Message); } // e.g. not English: skipped with its reason
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One article the analyser cannot handle must not stop the others.
                    results[i] = (null, "analysis failed: " + e.GetType().Name + ": " + e.Message);
                }
            });
            for (int i = 0; i < batch.Count; i++)
            {
                var (at, input) = batch[i];
                if (input.Error is not null) { Fail(at, input.Origin, input.Error); continue; }
                if (results[i].Error is not null) { Fail(at, input.Origin, results[i].Error!); continue; }
                onDocument(at, results[i].Document!);
                words += results[i].Document!.Words;
                documents++;
            }
            batch.Clear();
            progress?.Report(Interlocked.Read(ref bytesDone), (int)documents, (int)failed);
        }

        foreach (var input in reader.Read(plan, part, n => Interlocked.Add(ref bytesDone, n)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input.Note is not null) { onNote?.Invoke(new InputFailure(input.Origin, input.Note)); continue; }
            batch.Add((item, input));
            item++;
            if (batch.Count == BatchSize) Flush();
        }
        Flush();
        progress?.Report(bytesDone, (int)documents, (int)failed, force: true);
        return new AnalyzeCounts(item, documents, failed, words);
    }
}
