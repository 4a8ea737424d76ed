using System.Diagnostics;
using System.Globalization;
using System.Net;
using KnowledgeGraph.Core;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// The two ways a sharded corpus reaches Neo4j (docs/scaling.md): the merged graph through neo4j-admin CSV (or one
/// kg load), or one kg load per shard's own graph, all at once into the same database. Measured against the stub
/// server: requests, retries and time are printed (the figures in docs/scaling.md come from this test's output),
/// and the concurrent loads, with deadlocks injected, must leave the database with the merged graph's nodes and
/// relationships, no more and no fewer.
/// </summary>
public sealed class BulkPathsTests
{
    private const int Documents = 2000, Shards = 4, DeadlockEvery = 9;

    private static Neo4jHttpTransport Transport(StubNeo4j stub) =>
        new(new Neo4jConnectionOptions("http://localhost:7474", "neo4j", "pw-12345678"), stub,
            new Neo4jRetryPolicy(5, delay: (_, _) => Task.CompletedTask, random: () => 0.5));

    /// <summary>
    /// A synthetic corpus: each document names 4 of 1,500 entities (a few very common, as in news) and states 3
    /// relations among them, so most entities and many edges get documents from several shards.
    /// </summary>
    private static IEnumerable<GraphDocument> Corpus()
    {
        var types = new[] { "ALLIED_WITH", "MET_WITH", "CRITICIZED", "VISITED" };
        for (int d = 0; d < Documents; d++)
        {
            var picks = new[] { d % 7, 7 + d * 13 % 300, 307 + d * 31 % 1193, 7 + (d + 5) * 17 % 300 }.Distinct().ToList();
            var entities = picks.Select(p => new GraphDocumentEntity(
                p < 7 ? $"Country {p}" : $"Person {p}", EntityType.Person, Array.Empty<string>(), new[] { p < 7 ? $"Country {p}" : $"Person {p}" }, 1 + d % 3,
                Array.Empty<KeyValuePair<string, string>>())).ToList();
            var relations = new List<GraphDocumentRelation>();
            for (int k = 0; k + 1 < entities.Count && relations.Count < 3; k++)
            {
                var type = types[(d + k) % types.Length];
                relations.Add(new GraphDocumentRelation(k, k + 1, type, TestGraphs.Schema.Type(type)!.Category,
                    $"Sentence {k} of document {d}.", 40 * k, 40 * k + 30, type.ToLowerInvariant(), 0.5 + k * 0.1, null, false, null, null));
            }
            var id = "d:" + d.ToString("x16", CultureInfo.InvariantCulture);
            yield return new GraphDocument(id, $"Document {d}", null, null, 500, 80, entities, relations);
        }
    }

    private static GraphSnapshot Build(IEnumerable<GraphDocument> docs)
    {
        var b = new GraphBuilder(TestGraphs.Schema);
        foreach (var d in docs) b.Add(d);
        return b.Build().Snapshot;
    }

    [Test]
    public async Task Concurrent_per_shard_loads_with_deadlocks_end_with_the_merged_graphs_nodes_and_relationships()
    {
        var docs = Corpus().ToList();
        var merged = Build(docs);
        var shardGraphs = Enumerable.Range(1, Shards)
            .Select(i => Build(docs.Where((_, k) => k % Shards == i - 1))).ToList(); // any partition of the documents will do

        // Path A: the merged graph in one kg load.
        var single = new StubNeo4j();
        var clock = Stopwatch.StartNew();
        Neo4jLoadResult one;
        using (var t = Transport(single)) one = await new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(merged);
        var singleTime = clock.Elapsed;
        int expectedSingle = 1 + Neo4jLoadPlan.ConstraintStatements().Count + Neo4jLoadPlan.Build(merged, TestGraphs.Schema).Batches.Count;
        Assert.That(single.Requests, Has.Count.EqualTo(expectedSingle), "one discovery, the constraints, one request per batch");

        // Path B: one kg load per shard graph, all at once, against one database that answers every 9th statement
        // with a deadlock (the error Neo4j gives when two transactions MERGE the same nodes in another order).
        int deadlocks = 0;
        var shared = new StubNeo4j
        {
            Script = (n, r) => n % DeadlockEvery == DeadlockEvery - 1 && r.Statement!.Contains("UNWIND", StringComparison.Ordinal)
                ? Deadlock(ref deadlocks) : null,
        };
        clock.Restart();
        var transports = shardGraphs.Select(_ => Transport(shared)).ToList();
        var results = await Task.WhenAll(shardGraphs.Select((g, i) => Task.Run(() => new Neo4jLoader(transports[i], TestGraphs.Schema).LoadAsync(g))));
        var concurrentTime = clock.Elapsed;
        foreach (var t in transports) t.Dispose();

        Assert.That(deadlocks, Is.GreaterThan(0), "the test did inject deadlocks");
        Assert.That(results.Sum(r => r.BatchesCommitted), Is.EqualTo(results.Sum(r => r.BatchesTotal)), "every batch committed in the end");
        Assert.That(shared.NodeIds, Is.EquivalentTo(single.NodeIds), "the same nodes as loading the merged graph");
        Assert.That(shared.Relationships, Is.EquivalentTo(single.Relationships), "the same relationships: MERGE met the shards' copies");
        int shardRows = shardGraphs.Sum(g => g.Nodes.Count + g.Edges.Count);
        Assert.That(shardRows, Is.GreaterThan(merged.Nodes.Count + merged.Edges.Count), "shards repeat shared entities and edges");
        int expectedConcurrent = shardGraphs.Sum(g => 1 + Neo4jLoadPlan.ConstraintStatements().Count + Neo4jLoadPlan.Build(g, TestGraphs.Schema).Batches.Count) + deadlocks;
        Assert.That(shared.Requests, Has.Count.EqualTo(expectedConcurrent), "each deadlock costs exactly one retried request");

        // Path C: neo4j-admin CSV of the merged graph: no request at all, files for the offline importer.
        var dir = Path.Combine(Path.GetTempPath(), "kg-bulk-" + Guid.NewGuid().ToString("N"));
        clock.Restart();
        var csv = Neo4jAdminCsv.WriteDirectory(merged, dir);
        var csvTime = clock.Elapsed;
        long csvBytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
        Directory.Delete(dir, true);
        Assert.That(csv.NodeFiles.Concat(csv.RelationshipFiles), Is.Not.Empty);

        var ic = CultureInfo.InvariantCulture;
        TestContext.Out.WriteLine(string.Create(ic, $"corpus: {Documents} documents, {Shards} shards; merged graph {merged.Nodes.Count} nodes, {merged.Edges.Count} relationships; shard graphs together {shardRows} rows"));
        TestContext.Out.WriteLine("| path | requests | of which deadlock retries | rows sent | time against the stub |");
        TestContext.Out.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        TestContext.Out.WriteLine(string.Create(ic, $"| merged graph, one kg load | {single.Requests.Count} | 0 | {merged.Nodes.Count + merged.Edges.Count} | {singleTime.TotalMilliseconds:0} ms |"));
        TestContext.Out.WriteLine(string.Create(ic, $"| {Shards} concurrent kg loads, one per shard | {shared.Requests.Count} | {deadlocks} | {shardRows} | {concurrentTime.TotalMilliseconds:0} ms |"));
        TestContext.Out.WriteLine(string.Create(ic, $"| merged graph, neo4j-admin CSV | 0 | 0 | {merged.Nodes.Count + merged.Edges.Count} | {csvTime.TotalMilliseconds:0} ms to write {csvBytes / 1024} KiB |"));
    }

    private static HttpResponseMessage Deadlock(ref int count)
    {
        count++;
        return StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.TransientError.Transaction.DeadlockDetected",
            "ForsetiClient[1] can't acquire ExclusiveLock{owner=ForsetiClient[2]} on NODE(42), because holders of that lock are waiting for ForsetiClient[1]."));
    }
}
