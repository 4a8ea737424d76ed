using System.Net;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j.Tests;

public sealed class LoaderTests
{
    private static Neo4jHttpTransport Transport(StubNeo4j stub, int batchSize = 1000, int attempts = 3) =>
        new(new Neo4jConnectionOptions("http://localhost:7474", "neo4j", "pw-12345678").WithBatchSize(batchSize), stub,
            new Neo4jRetryPolicy(attempts, delay: (_, _) => Task.CompletedTask, random: () => 0.5));

    [Test]
    public async Task Constraints_come_first_then_nodes_then_relationships_then_the_mentions_recount()
    {
        var graph = TestGraphs.Full();
        var stub = new StubNeo4j();
        using var t = Transport(stub);
        var result = await new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(graph);

        var texts = stub.StatementRequests.Select(r => r.Statement!).ToList();
        int schemaCount = Neo4jLoadPlan.ConstraintStatements().Count;
        Assert.That(texts.Take(schemaCount), Has.All.Contain("IF NOT EXISTS"));
        int firstRel = texts.FindIndex(s => s.Contains("MERGE (a)-[r:", StringComparison.Ordinal));
        int lastNode = texts.FindLastIndex(s => s.Contains("MERGE (n:", StringComparison.Ordinal));
        Assert.That(lastNode, Is.LessThan(firstRel), "every node exists before a relationship MATCHes it");
        Assert.That(texts[^1], Does.Contain("sum(m.count)"), "mention counts are recomputed last");
        Assert.That(result.Counters.NodesCreated, Is.EqualTo(graph.Nodes.Count));
        Assert.That(result.Counters.RelationshipsCreated, Is.EqualTo(graph.Edges.Count));
        Assert.That(result.BatchesCommitted, Is.EqualTo(result.BatchesTotal));
    }

    [Test]
    public void Statements_carry_values_only_as_parameters_and_quote_every_name()
    {
        var graph = TestGraphs.Full();
        var plan = Neo4jLoadPlan.Build(graph, TestGraphs.Schema);
        foreach (var b in plan.Batches)
        {
            foreach (var n in graph.Nodes)
            {
                Assert.That(b.Statement.Text, Does.Not.Contain(n.Id), "ids travel as parameters");
                Assert.That(b.Statement.Text, Does.Not.Contain(n.Name ?? "\u0000"), "names travel as parameters");
            }
            Assert.That(b.Statement.Parameters.Keys, Is.EqualTo(new[] { "rows" }));
        }
        var armed = plan.Batches.Single(b => b.Group.Contains("ArmedGroup", StringComparison.Ordinal)).Statement.Text;
        Assert.That(armed, Does.Contain("MERGE (n:`Entity` {id: row.id})").And.Contain("SET n:`Organization`:`ArmedGroup`"));
        Assert.That(armed, Does.Contain("n.`aliases` = CASE WHEN row.lists.`aliases` IS NULL THEN n.`aliases` ELSE [x IN coalesce(n.`aliases`, []) WHERE NOT x IN row.lists.`aliases`] + row.lists.`aliases` END"),
            "aliases are unioned without APOC; a row without aliases keeps the stored ones");
        var leads = plan.Batches.Single(b => b.Group == "LEADS").Statement.Text;
        Assert.That(leads, Does.Contain("MERGE (a)-[r:`LEADS`]->(b)"));
        Assert.That(leads, Does.Not.Contain("apoc."));
    }

    [Test]
    public void Labels_and_types_outside_the_ontology_are_refused()
    {
        var bad = new GraphSnapshot(new[] { TestGraphs.Entity("e:x:1", "X", new[] { "Entity", "Person`) DETACH DELETE n //" }) }, Array.Empty<GraphEdge>());
        Assert.Throws<ArgumentException>(() => Neo4jLoadPlan.Build(bad, TestGraphs.Schema));
        var a = TestGraphs.Entity("e:per:a", "A", new[] { "Entity", "Person" });
        var b = TestGraphs.Entity("e:per:b", "B", new[] { "Entity", "Person" });
        var badType = new GraphSnapshot(new[] { a, b }, new[] { TestGraphs.Edge("r:1", "HATES", a.Id, b.Id, "OPPOSES", "d:1", "s") });
        var e = Assert.Throws<ArgumentException>(() => Neo4jLoadPlan.Build(badType, TestGraphs.Schema))!;
        Assert.That(e.Message, Does.Contain("HATES"));
    }

    [Test]
    public void Batching_gives_one_request_per_batch_size_rows_per_group()
    {
        var graph = TestGraphs.Chain(2501); // 2501 Person nodes, 2500 MET_WITH relationships
        var plan = Neo4jLoadPlan.Build(graph, TestGraphs.Schema, 1000);
        Assert.That(plan.Batches.Count(b => b.Phase == Neo4jLoadPhase.Nodes), Is.EqualTo(3));
        Assert.That(plan.Batches.Count(b => b.Phase == Neo4jLoadPhase.Relationships), Is.EqualTo(3));
        Assert.That(plan.Batches.Sum(b => b.Rows), Is.EqualTo(2501 + 2500));
        Assert.That(plan.Batches.Max(b => b.Rows), Is.EqualTo(1000));
    }

    [Test]
    public async Task A_dropped_connection_that_comes_back_is_retried_and_each_batch_commits_once()
    {
        var graph = TestGraphs.Chain(50);
        int constraints = Neo4jLoadPlan.ConstraintStatements().Count;
        var stub = new StubNeo4j
        {
            // The third data batch loses its connection once, then goes through.
            Script = (n, _) => n == constraints + 2 ? throw new HttpRequestException("The response ended prematurely.", new IOException("reset")) : null,
        };
        using var t = Transport(stub, batchSize: 10);
        var result = await new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(graph);

        Assert.That(result.BatchesCommitted, Is.EqualTo(result.BatchesTotal));
        AssertEveryRowCommittedOnce(stub, graph);
        Assert.That(result.Counters.NodesCreated, Is.EqualTo(50));
    }

    [Test]
    public async Task An_interrupted_load_says_what_was_committed_and_resumes_without_duplicates()
    {
        var graph = TestGraphs.Chain(50); // 5 node batches + 5 relationship batches at batch size 10
        int constraints = Neo4jLoadPlan.ConstraintStatements().Count;
        bool serverDown = true;
        var stub = new StubNeo4j
        {
            // From the third data batch on, every connection drops until the "server" is back.
            Script = (n, _) => serverDown && n >= constraints + 2 ? throw new HttpRequestException("Connection reset by peer", new IOException("reset")) : null,
        };
        using (var t = Transport(stub, batchSize: 10))
        {
            var e = Assert.ThrowsAsync<Neo4jLoadInterruptedException>(() => new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(graph))!;
            Assert.That(e.BatchesCommitted, Is.EqualTo(2));
            Assert.That(e.BatchesTotal, Is.EqualTo(10));
            Assert.That(e.Committed.NodesCreated, Is.EqualTo(20));
            Assert.That(e.Message, Does.Contain("batch 3 of 10").And.Contain("batches 1-2 of 10 are committed").And.Contain("--resume-from 2"));
            Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.ConnectionLost));
        }
        serverDown = false;
        using (var t = Transport(stub, batchSize: 10))
        {
            var resumed = await new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(graph, new Neo4jLoadOptions { ResumeFromBatch = 2 });
            Assert.That(resumed.BatchesCommitted, Is.EqualTo(8));
            Assert.That(resumed.BatchesSkipped, Is.EqualTo(2));
            Assert.That(resumed.Counters.NodesCreated, Is.EqualTo(30));
        }
        AssertEveryRowCommittedOnce(stub, graph);
        Assert.That(stub.NodeIds, Has.Count.EqualTo(50));
        Assert.That(stub.Relationships, Has.Count.EqualTo(49));
    }

    [Test]
    public async Task Loading_twice_creates_nothing_the_second_time()
    {
        var graph = TestGraphs.Full();
        var stub = new StubNeo4j();
        using var t = Transport(stub);
        var loader = new Neo4jLoader(t, TestGraphs.Schema);
        await loader.LoadAsync(graph);
        var again = await loader.LoadAsync(graph);
        Assert.That(again.Counters.NodesCreated, Is.Zero);
        Assert.That(again.Counters.RelationshipsCreated, Is.Zero);
        Assert.That(again.NodesMerged, Is.EqualTo(graph.Nodes.Count));
    }

    [Test]
    public void Counted_properties_are_not_plain_sets_so_a_reload_cannot_double_them()
    {
        var plan = Neo4jLoadPlan.Build(TestGraphs.Full(), TestGraphs.Schema);
        var nodeBatch = plan.Batches.First(b => b.Phase == Neo4jLoadPhase.Nodes && b.Group.StartsWith(":Entity", StringComparison.Ordinal));
        var row = JObject.FromObject(((IEnumerable<object>)nodeBatch.Statement.Parameters["rows"]!).First());
        Assert.That(row["onCreate"]!["mentions"], Is.Not.Null, "mentions only set when the node is created...");
        Assert.That(row["props"]!["mentions"], Is.Null, "...never overwritten or added on a reload");
        var recount = plan.Batches.Single(b => b.Phase == Neo4jLoadPhase.Recount).Statement.Text;
        Assert.That(recount, Does.Contain("SET e.mentions = mentions, e.doc_count = docs"));
        var rel = plan.Batches.First(b => b.Group == "LEADS").Statement.Text;
        Assert.That(rel, Does.Contain("r.evidence_count + size(newOffsets)"), "evidence_count grows only by offsets not seen before");
    }

    [Test]
    public void Resume_from_beyond_the_plan_is_refused_before_anything_is_sent()
    {
        var stub = new StubNeo4j();
        using var t = Transport(stub);
        var e = Assert.ThrowsAsync<Neo4jException>(() => new Neo4jLoader(t, TestGraphs.Schema).LoadAsync(TestGraphs.Chain(5), new Neo4jLoadOptions { ResumeFromBatch = 99 }))!;
        Assert.That(e.Message, Does.Contain("resume-from 99"));
        Assert.That(stub.Requests, Is.Empty);
    }

    /// <summary>Across every committed request, each node id and relationship triple was written exactly once.</summary>
    private static void AssertEveryRowCommittedOnce(StubNeo4j stub, GraphSnapshot graph)
    {
        var nodeRows = stub.Committed.Where(r => r.Statement!.Contains("MERGE (n:", StringComparison.Ordinal))
            .SelectMany(r => r.Rows).Select(row => (string)row["id"]!).ToList();
        Assert.That(nodeRows, Is.EquivalentTo(graph.Nodes.Select(n => n.Id)), "every node committed exactly once");
        var relRows = stub.Committed.Where(r => r.Statement!.Contains("MERGE (a)-[r:", StringComparison.Ordinal))
            .SelectMany(r => r.Rows).Select(row => (string)row["id"]!).ToList();
        Assert.That(relRows, Is.EquivalentTo(graph.Edges.Select(e => e.Id)), "every relationship committed exactly once");
    }
}
