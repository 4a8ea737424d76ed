using System.Diagnostics;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j;

/// <summary>Progress after each committed batch.</summary>
public sealed record Neo4jLoadProgress(int BatchesDone, int BatchesTotal, Neo4jLoadPhase Phase, string Group, Neo4jCounters SoFar);

/// <summary>Options of one load beyond the connection.</summary>
public sealed record Neo4jLoadOptions
{
    /// <summary>Skip the first N data batches (already committed by an interrupted load of the same file and batch size).</summary>
    public int ResumeFromBatch { get; init; }
    /// <summary>Run graph-schema/constraints.cypher first (IF NOT EXISTS, so harmless when they exist).</summary>
    public bool CreateConstraints { get; init; } = true;
}

/// <summary>What a load did, from the server's own counters.</summary>
public sealed record Neo4jLoadResult(
    Neo4jCounters Counters, int BatchesCommitted, int BatchesSkipped, int BatchesTotal, int SchemaStatements,
    int Requests, int Nodes, int Relationships, Neo4jServerInfo Server, TimeSpan Elapsed)
{
    /// <summary>Nodes in the graph that already existed in the database (merged rather than created).</summary>
    public long NodesMerged => Math.Max(0, Nodes - Counters.NodesCreated);
    public long RelationshipsMerged => Math.Max(0, Relationships - Counters.RelationshipsCreated);
}

/// <summary>
/// Loads a <see cref="GraphSnapshot"/> into Neo4j over HTTP: constraints first, then batched UNWIND ... MERGE
/// statements (see <see cref="CypherTemplates"/> for the merge rules). Each batch is its own transaction; if one
/// fails for good the load stops with <see cref="Neo4jLoadInterruptedException"/> saying how many batches are
/// committed, and <see cref="Neo4jLoadOptions.ResumeFromBatch"/> continues from there.
/// </summary>
public sealed class Neo4jLoader
{
    private readonly Neo4jHttpTransport _transport;
    private readonly OntologySchema _schema;

    public Neo4jLoader(Neo4jHttpTransport transport, OntologySchema schema)
    {
        _transport = transport;
        _schema = schema;
    }

    /// <summary>One-call load for <c>kg load</c> and <c>kg build --neo4j</c>.</summary>
    public static async Task<Neo4jLoadResult> LoadAsync(GraphSnapshot graph, OntologySchema schema, Neo4jConnectionOptions options,
        IProgress<Neo4jLoadProgress>? progress = null, CancellationToken cancellationToken = default,
        Neo4jLoadOptions? loadOptions = null, Action<string>? log = null)
    {
        using var transport = new Neo4jHttpTransport(options, log: log);
        return await new Neo4jLoader(transport, schema).LoadAsync(graph, loadOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Neo4jLoadResult> LoadAsync(GraphSnapshot graph, Neo4jLoadOptions? loadOptions = null,
        IProgress<Neo4jLoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        loadOptions ??= new Neo4jLoadOptions();
        var clock = Stopwatch.StartNew();
        var plan = Neo4jLoadPlan.Build(graph, _schema, _transport.Options.BatchSize);
        if (loadOptions.ResumeFromBatch < 0 || loadOptions.ResumeFromBatch > plan.Batches.Count)
            throw new Neo4jException(Neo4jFailureKind.ClientError,
                $"resume-from {loadOptions.ResumeFromBatch} is outside 0..{plan.Batches.Count} (this graph makes {plan.Batches.Count} batches at batch size {_transport.Options.BatchSize})");
        var server = await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var total = Neo4jCounters.Zero;
        int schemaCount = 0;
        if (loadOptions.CreateConstraints)
        {
            foreach (var s in plan.SchemaStatements)
            {
                try { total = total.Add((await _transport.RunAsync(s, cancellationToken).ConfigureAwait(false)).Counters); }
                catch (Neo4jException e) when (e is not Neo4jLoadInterruptedException)
                {
                    throw new Neo4jLoadInterruptedException(
                        $"{e.Message} (while creating constraints and indexes; no data batch was sent)", e, loadOptions.ResumeFromBatch, plan.Batches.Count, total);
                }
                schemaCount++;
            }
        }
        int done = loadOptions.ResumeFromBatch;
        foreach (var batch in plan.Batches.Skip(loadOptions.ResumeFromBatch))
        {
            Neo4jResult result;
            try { result = await _transport.RunAsync(batch.Statement, cancellationToken).ConfigureAwait(false); }
            catch (Neo4jException e)
            {
                var committed = done == 0 ? "no batch is committed" : $"batches 1-{done} of {plan.Batches.Count} are committed";
                throw new Neo4jLoadInterruptedException(
                    $"load stopped at batch {batch.Index + 1} of {plan.Batches.Count} ({batch.Phase.ToString().ToLowerInvariant()} {batch.Group}): {e.Message}. " +
                    $"{committed}; rerun with --resume-from {done} to continue (a full rerun is also safe: every statement MERGEs)",
                    e, done, plan.Batches.Count, total);
            }
            total = total.Add(result.Counters);
            done++;
            progress?.Report(new Neo4jLoadProgress(done, plan.Batches.Count, batch.Phase, batch.Group, total));
        }
        return new Neo4jLoadResult(total, done - loadOptions.ResumeFromBatch, loadOptions.ResumeFromBatch, plan.Batches.Count,
            schemaCount, _transport.Requests, plan.NodeCount, plan.RelationshipCount, _transport.Server ?? server, clock.Elapsed);
    }
}
