using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// Requests a load really makes, counted by the stub server: optional properties (dates, attributed_to, confidence,
/// evidence_count, role) vary from edge to edge and node to node in real graphs, and must not split batches.
/// </summary>
public sealed class BatchGroupingTests
{
    private static KeyValuePair<string, object> P(string k, object v) => new(k, v);

    /// <summary>
    /// n relationships over <paramref name="types"/> types between 200 people, each with a different mix of the optional
    /// properties a build writes, and people with and without a role.
    /// </summary>
    private static GraphSnapshot Varied(int n, string[] types)
    {
        var people = Enumerable.Range(0, 200).Select(k =>
        {
            var p = TestGraphs.Entity($"e:per:p{k:d4}", $"Person {k}", new[] { "Entity", "Person" });
            return k % 3 == 0 ? p with { Properties = p.Properties.Append(P("role", "minister")).OrderBy(x => x.Key, StringComparer.Ordinal).ToList() } : p;
        }).ToList();
        var rng = new Random(10);
        var edges = new List<GraphEdge>();
        for (int i = 0; i < n; i++)
        {
            var props = new List<KeyValuePair<string, object>> { P("category", "CONSULT"), P("doc_ids", new[] { "d:1" }), P("evidence", new[] { $"S{i}." }) };
            if (rng.Next(2) == 0) props.Add(P("confidence", rng.NextDouble()));
            if (rng.Next(2) == 0) props.Add(P("evidence_count", 1L));
            if (rng.Next(2) == 0) props.Add(P("offsets", new[] { $"d:1:{i}-{i + 5}" }));
            if (rng.Next(3) == 0) props.Add(P("dates", new[] { "2024-01-02" }));
            if (rng.Next(4) == 0) props.Add(P("attributed_to", new[] { "officials" }));
            if (rng.Next(5) == 0) props.Add(P("asserted", false));
            props.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            int s = i % 200, o = (i / 200 + s + 1) % 200;
            edges.Add(new GraphEdge($"r:{i:x6}", types[i % types.Length], people[s].Id, people[o].Id, props));
        }
        return new GraphSnapshot(people, edges);
    }

    [Test]
    public async Task Relationships_with_different_optional_properties_share_requests_of_their_type()
    {
        string[] types = { "MET_WITH", "ALLIED_WITH", "OPPOSES" };
        var graph = Varied(10_000, types);
        var stub = new StubNeo4j();
        using var transport = new Neo4jHttpTransport(new Neo4jConnectionOptions("http://localhost:7474", "neo4j", "pw-12345678"), stub,
            new Neo4jRetryPolicy(3, delay: (_, _) => Task.CompletedTask, random: () => 0.5));
        var result = await new Neo4jLoader(transport, TestGraphs.Schema).LoadAsync(graph);

        int schema = Neo4jLoadPlan.ConstraintStatements().Count;
        // 10,000 relationships of 3 types: ceil(3,334/1000) + 2 * ceil(3,333/1000) = 12; 200 people of 1 label set: 1
        Assert.That(stub.Requests, Has.Count.EqualTo(1 + schema + 1 + 12), "discovery, schema, one node batch, 12 relationship batches");
        Assert.That(result.Requests, Is.EqualTo(stub.Requests.Count), "the load reports the requests it made");
        Assert.That(stub.Relationships, Has.Count.EqualTo(graph.Edges.Select(e => (e.StartId, e.Type, e.EndId)).Distinct().Count()));
        var relTexts = stub.StatementRequests.Select(r => r.Statement!).Where(t => t.Contains("MERGE (a)-[r:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.That(relTexts, Has.Count.EqualTo(3), "one statement text per type");
        Assert.That(relTexts, Has.All.Contain("CASE WHEN row.lists.`attributed_to` IS NULL THEN r.`attributed_to`"),
            "a row without a list keeps what is stored");
        Assert.That(relTexts, Has.All.Contain("WHEN row.confidence IS NULL THEN r.confidence"));
    }

    [Test]
    public async Task An_entitys_confidence_is_row_data_and_a_reload_keeps_the_larger_value()
    {
        var person = TestGraphs.Entity("e:per:ana-lind", "Ana Lind", new[] { "Entity", "Person" });
        person = person with { Properties = person.Properties.Append(P("confidence", 0.42)).OrderBy(x => x.Key, StringComparer.Ordinal).ToList() };
        var graph = new GraphSnapshot(new[] { person, TestGraphs.Entity("e:per:bo-dahl", "Bo Dahl", new[] { "Entity", "Person" }) }, Array.Empty<GraphEdge>());
        var stub = new StubNeo4j();
        using var transport = new Neo4jHttpTransport(new Neo4jConnectionOptions("http://localhost:7474", "neo4j", "pw-12345678"), stub);
        await new Neo4jLoader(transport, TestGraphs.Schema).LoadAsync(graph);

        var nodeRequest = stub.StatementRequests.Single(r => r.Statement!.Contains("MERGE (n:", StringComparison.Ordinal));
        Assert.That(nodeRequest.Statement, Does.Contain("n.confidence = CASE WHEN row.confidence IS NULL THEN n.confidence WHEN n.confidence IS NULL OR row.confidence > n.confidence"),
            "a second load never lowers a node's confidence, as for relationships");
        var rows = nodeRequest.Rows.Cast<Newtonsoft.Json.Linq.JObject>().ToDictionary(r => (string)r["id"]!);
        Assert.That((double)rows["e:per:ana-lind"]["confidence"]!, Is.EqualTo(0.42));
        Assert.That(rows["e:per:ana-lind"]["props"]!["confidence"], Is.Null, "not overwritten through props");
        Assert.That(rows["e:per:bo-dahl"]["confidence"], Is.Null, "a node without a confidence keeps what is stored");
    }

    [Test]
    public void The_dry_run_plan_is_what_the_load_sends()
    {
        var graph = TestGraphs.Full();
        var plan = Neo4jLoadPlan.Build(graph, TestGraphs.Schema);
        var stub = new StubNeo4j();
        using var transport = new Neo4jHttpTransport(new Neo4jConnectionOptions("http://localhost:7474", "neo4j", "pw-12345678"), stub);
        new Neo4jLoader(transport, TestGraphs.Schema).LoadAsync(graph).GetAwaiter().GetResult();
        Assert.That(stub.Requests, Has.Count.EqualTo(1 + plan.SchemaStatements.Count + plan.Batches.Count));
        // one request per relationship type present and per node label set: nothing splits them further
        Assert.That(plan.Batches.Count(b => b.Phase == Neo4jLoadPhase.Relationships), Is.EqualTo(graph.Edges.Select(e => e.Type).Distinct().Count()));
        Assert.That(plan.Batches.Count(b => b.Phase == Neo4jLoadPhase.Nodes), Is.EqualTo(graph.Nodes.Select(n => string.Join(":", n.Labels)).Distinct().Count()));
    }
}
