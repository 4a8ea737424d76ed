using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>A request the stub received.</summary>
internal sealed record StubRequest(HttpMethod Method, string Path, JObject? Body, string? Authorization)
{
    /// <summary>The statement text, from either endpoint's body shape.</summary>
    public string? Statement => (string?)Body?["statement"] ?? (string?)Body?["statements"]?[0]?["statement"];
    public JObject? Parameters => (Body?["parameters"] ?? Body?["statements"]?[0]?["parameters"]) as JObject;
    public JArray Rows => Parameters?["rows"] as JArray ?? new JArray();
}

/// <summary>
/// A stand-in for Neo4j's HTTP server, answering in the documented formats. It keeps a toy MERGE model (node ids,
/// relationship (start,type,end) triples) so the counters it returns behave like a real server's: a replayed batch
/// creates nothing. <see cref="Script"/> can replace the answer to the n-th statement (0-based, retries counted).
/// </summary>
internal sealed class StubNeo4j : HttpMessageHandler
{
    public static readonly JObject QueryApiDiscovery = JObject.Parse("""
        { "bolt_routing": "neo4j://localhost:7687", "query": "http://localhost:7474/db/{databaseName}/query/v2",
          "transaction": "http://localhost:7474/db/{databaseName}/tx", "bolt_direct": "bolt://localhost:7687",
          "neo4j_version": "5.26.0", "neo4j_edition": "community" }
        """);

    public static readonly JObject LegacyDiscovery = JObject.Parse("""
        { "bolt_routing": "neo4j://localhost:7687", "transaction": "http://localhost:7474/db/{databaseName}/tx",
          "bolt_direct": "bolt://localhost:7687", "neo4j_version": "4.4.30", "neo4j_edition": "community" }
        """);

    private static readonly Regex RelType = new(@"\[r:`(\w+)`\]", RegexOptions.CultureInvariant);

    public JObject? Discovery { get; init; } = QueryApiDiscovery;
    /// <summary>False: /query/v2 answers 404 like a server without the Query API.</summary>
    public bool HasQueryApi { get; init; } = true;
    public Func<int, StubRequest, HttpResponseMessage?>? Script { get; init; }

    public List<StubRequest> Requests { get; } = new();
    /// <summary>Statement requests that were answered with success, i.e. transactions the "server" committed.</summary>
    public List<StubRequest> Committed { get; } = new();
    public HashSet<string> NodeIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Relationships { get; } = new(StringComparer.Ordinal);
    private int _statements;

    public IEnumerable<StubRequest> StatementRequests => Requests.Where(r => r.Method == HttpMethod.Post);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var r = new StubRequest(request.Method, request.RequestUri!.AbsolutePath, text is null ? null : JObject.Parse(text),
            request.Headers.Authorization?.ToString());
        // Several loaders may share one stub (concurrent loads into one database): one request at a time, like a lock.
        lock (_gate) return Answer(request, r);
    }

    private readonly object _gate = new();

    private HttpResponseMessage Answer(HttpRequestMessage request, StubRequest r)
    {
        Requests.Add(r);
        if (request.Method == HttpMethod.Get)
            return Discovery is null ? Json(HttpStatusCode.NotFound, "") : Json(HttpStatusCode.OK, Discovery.ToString());
        bool legacy = r.Path.EndsWith("/tx/commit", StringComparison.Ordinal);
        if (!legacy && !HasQueryApi) return Json(HttpStatusCode.NotFound, "");
        var scripted = Script?.Invoke(_statements++, r);
        if (scripted is not null) return scripted;
        var counters = Apply(r);
        Committed.Add(r);
        return legacy
            ? Json(HttpStatusCode.OK, new JObject
            {
                ["results"] = new JArray(new JObject
                {
                    ["columns"] = new JArray(), ["data"] = new JArray(),
                    ["stats"] = new JObject
                    {
                        ["contains_updates"] = true, ["nodes_created"] = counters.Nodes, ["nodes_deleted"] = 0,
                        ["properties_set"] = counters.Props, ["relationships_created"] = counters.Rels, ["relationship_deleted"] = 0,
                        ["labels_added"] = counters.Nodes, ["labels_removed"] = 0, ["indexes_added"] = 0, ["indexes_removed"] = 0,
                        ["constraints_added"] = 0, ["constraints_removed"] = 0,
                    },
                }),
                ["errors"] = new JArray(),
            }.ToString())
            : Json(HttpStatusCode.Accepted, Success(counters.Nodes, counters.Rels, counters.Props));
    }

    private (int Nodes, int Rels, int Props) Apply(StubRequest r)
    {
        var text = r.Statement ?? "";
        int nodes = 0, rels = 0, props = 0;
        if (text.Contains("MERGE (n:", StringComparison.Ordinal))
            foreach (var row in r.Rows)
            {
                if (NodeIds.Add((string)row["id"]!)) nodes++;
                props += ((JObject)row["props"]!).Count + ((JObject)row["lists"]!).Count;
            }
        else if (text.Contains("MERGE (a)-[r:", StringComparison.Ordinal))
        {
            var type = RelType.Match(text).Groups[1].Value;
            foreach (var row in r.Rows)
            {
                if (Relationships.Add($"{row["start"]}|{type}|{row["end"]}")) rels++;
                props += ((JObject)row["props"]!).Count + ((JObject)row["lists"]!).Count;
            }
        }
        return (nodes, rels, props);
    }

    public static string Success(int nodesCreated = 0, int relationshipsCreated = 0, int propertiesSet = 0) => new JObject
    {
        ["data"] = new JObject { ["fields"] = new JArray(), ["values"] = new JArray() },
        ["counters"] = new JObject
        {
            ["containsUpdates"] = nodesCreated + relationshipsCreated + propertiesSet > 0, ["nodesCreated"] = nodesCreated,
            ["nodesDeleted"] = 0, ["propertiesSet"] = propertiesSet, ["relationshipsCreated"] = relationshipsCreated,
            ["relationshipsDeleted"] = 0, ["labelsAdded"] = nodesCreated, ["labelsRemoved"] = 0, ["indexesAdded"] = 0,
            ["indexesRemoved"] = 0, ["constraintsAdded"] = 0, ["constraintsRemoved"] = 0, ["containsSystemUpdates"] = false,
            ["systemUpdates"] = 0,
        },
        ["bookmarks"] = new JArray("FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"),
    }.ToString();

    public static string Error(string code, string message) =>
        new JObject { ["errors"] = new JArray(new JObject { ["code"] = code, ["message"] = message }) }.ToString();

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
