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
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var builder = new GraphBuilder(schema);
        var failures = new List<InputFailure>();
        long bytesDone = 0, words = 0;
        int documents = 0;
        var reader = new InputReader(inputOptions, stdin);
        var batch = new List<InputItem>(BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };

        void Fail(string origin, string reason)
        {
            var f = new InputFailure(origin, reason);
            failures.Add(f);
            onFailure(f);
        }

        void Flush()
        {
            var results = new (DocumentAnalysis? Analysis, string? Error)[batch.Count];
            Parallel.For(0, batch.Count, parallel, i =>
            {
                var doc = batch[i].Document;
                if (doc is null) return;
                try { results[i] = (analyzer.Analyze(doc, cancellationToken), null); }
                catch (UnsupportedDocumentException e) { results[i] = (null, e.Message); } // e.g. not English: skipped with its reason
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One article the analyser cannot handle must not stop the others.
                    results[i] = (null, "analysis failed: " + e.GetType().Name + ": " + e.Message);
                }
            });
            for (int i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                if (item.Error is not null) { Fail(item.Origin, item.Error); continue; }
                if (results[i].Error is not null) { Fail(item.Origin, results[i].Error!); continue; }
                builder.Add(results[i].Analysis!);
                words += results[i].Analysis!.Sentences.Sum(s => (long)s.Tokens.Count(t => char.IsLetterOrDigit(t.Text[0])));
                documents++;
            }
            batch.Clear();
            progress?.Report(Interlocked.Read(ref bytesDone), documents, failures.Count);
        }

        foreach (var item in reader.Read(inputs, n => Interlocked.Add(ref bytesDone, n)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(item);
            if (batch.Count == BatchSize) Flush();
        }
        Flush();
        progress?.Report(bytesDone, documents, failures.Count, force: true);
        var graph = builder.Build();
        return new GraphBuildResult(graph, builder.Statistics, failures, words, clock.Elapsed);
    }
}
