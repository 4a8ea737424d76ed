using System.Text.RegularExpressions;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// Against a real Neo4j, when NEO4J_URI is set (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE as usual):
/// load, reload without duplicates, merge a second build, and run every query of queries.cypher. The test graph's
/// nodes are removed before and after.
/// </summary>
[NonParallelizable]
public sealed class IntegrationTests
{
    private Neo4jConnectionOptions _options = null!;

    [SetUp]
    public void RequireServer()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Neo4jConnectionOptions.UriVariable)))
            Assert.Ignore("NEO4J_URI not set: integration suite skipped");
        _options = Neo4jConnectionOptions.FromEnvironment();
    }

    [Test]
    public async Task Load_reload_merge_a_second_build_and_run_the_queries()
    {
        var graph = TestGraphs.Full();
        using var transport = new Neo4jHttpTransport(_options, log: line => TestContext.Out.WriteLine(line));
        var ids = graph.Nodes.Select(n => n.Id).ToList();
        await Cleanup(transport, ids);
        try
        {
            var loader = new Neo4jLoader(transport, TestGraphs.Schema);
            var first = await loader.LoadAsync(graph);
            Assert.That(first.Counters.NodesCreated, Is.EqualTo(graph.Nodes.Count));
            Assert.That(first.Counters.RelationshipsCreated, Is.EqualTo(graph.Edges.Count));

            var again = await loader.LoadAsync(graph);
            Assert.That((again.Counters.NodesCreated, again.Counters.RelationshipsCreated), Is.EqualTo((0L, 0L)), "reload creates nothing");
            Assert.That(await Count(transport, "MATCH (n) WHERE n.id IN $ids RETURN count(n)", ids), Is.EqualTo(graph.Nodes.Count));
            Assert.That(await Count(transport, "MATCH (n)-[r]->() WHERE n.id IN $ids RETURN count(r)", ids), Is.EqualTo(graph.Edges.Count));

            // A second build: one entity seen under a new alias, mentioned by another document.
            var person = graph.Nodes.First(n => n.Labels.Contains("Person"));
            var doc3 = TestGraphs.Document("d:00000000000000cc", "Third");
            var second = new GraphSnapshot(
                new[] { TestGraphs.Entity(person.Id, person.Name!, person.Labels, 5, "New Alias"), doc3 },
                new[] { TestGraphs.Mentions("r:m-second", doc3.Id, person.Id, 5) });
            ids.Add(doc3.Id);
            await loader.LoadAsync(second);
            await loader.LoadAsync(second);
            var check = await transport.RunAsync(new Neo4jStatement(
                "MATCH (e:Entity {id: $id}) RETURN e.aliases, e.mentions, e.doc_count", new Dictionary<string, object?> { ["id"] = person.Id }));
            var aliases = check.Rows[0][0]!.Select(a => (string)a!).ToList();
            Assert.That(aliases, Is.SupersetOf((IReadOnlyList<string>)person["aliases"]!).And.Contains("New Alias"), "aliases unioned");
            var expectedMentions = graph.Edges.Where(e => e.Type == "MENTIONS" && e.EndId == person.Id).Sum(e => (long)e["count"]!) + 5;
            Assert.That((long)check.Rows[0][1]!, Is.EqualTo(expectedMentions), "mentions = sum over documents, not doubled by the reload");

            foreach (var q in CypherScript.Split(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "graph-schema", "queries.cypher"))))
            {
                var parameters = Regex.Matches(q.Text, @"\$(\w+)").Select(m => m.Groups[1].Value).Distinct()
                    .ToDictionary(p => p, p => (object?)(p == "text" ? "plain~" : p is "object" or "to" ? graph.Node(graph.Edges[0].EndId)!.Name : graph.Node(graph.Edges[0].StartId)!.Name));
                var result = await transport.RunAsync(new Neo4jStatement(q.Text, parameters));
                TestContext.Out.WriteLine($"{q.Header.Split('\n')[0]} -> {result.Rows.Count} rows");
            }
        }
        finally
        {
            await Cleanup(transport, ids);
        }
    }

    [Test]
    public void Wrong_password_is_reported_as_such()
    {
        using var transport = new Neo4jHttpTransport(new Neo4jConnectionOptions(_options.Uri.ToString(), _options.User, "definitely-wrong-password", _options.Database));
        var e = Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.Authentication));
    }

    private static async Task<long> Count(Neo4jHttpTransport t, string query, List<string> ids) =>
        (long)(await t.RunAsync(new Neo4jStatement(query, new Dictionary<string, object?> { ["ids"] = ids }))).Rows[0][0]!;

    private static Task Cleanup(Neo4jHttpTransport t, List<string> ids) =>
        t.RunAsync(new Neo4jStatement("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", new Dictionary<string, object?> { ["ids"] = ids }));
}
