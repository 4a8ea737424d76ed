using System.Net;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j.Tests;

public sealed class TransportTests
{
    private const string Password = "s3cret-Pa55word";
    private readonly List<TimeSpan> _delays = new();
    private readonly List<string> _log = new();

    // NUnit shares one fixture instance between tests.
    [SetUp]
    public void Reset()
    {
        _delays.Clear();
        _log.Clear();
    }

    private static Neo4jConnectionOptions Options(string uri = "http://localhost:7474") => new(uri, "neo4j", Password, "news");

    private Neo4jHttpTransport Transport(StubNeo4j stub, int attempts = 4) =>
        new(Options(), stub, new Neo4jRetryPolicy(attempts, delay: (t, _) => { _delays.Add(t); return Task.CompletedTask; }, random: () => 0.5), _log.Add);

    [Test]
    public async Task Success_with_counters_uses_the_query_api_and_sends_values_only_as_parameters()
    {
        var stub = new StubNeo4j { Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Success(3, 2, 7)) };
        using var t = Transport(stub);
        var result = await t.RunAsync(new Neo4jStatement("MERGE (n:Entity {id: $id})", new Dictionary<string, object?> { ["id"] = "e:x" }));

        Assert.That(result.Counters, Is.EqualTo(new Neo4jCounters(NodesCreated: 3, RelationshipsCreated: 2, PropertiesSet: 7, LabelsAdded: 3)));
        Assert.That(t.Server!.Endpoint, Is.EqualTo(Neo4jEndpointKind.QueryApi));
        Assert.That(t.Server.Version, Is.EqualTo("5.26.0"));
        var post = stub.StatementRequests.Single();
        Assert.That(post.Path, Is.EqualTo("/db/news/query/v2"));
        Assert.That((bool)post.Body!["includeCounters"]!, Is.True);
        Assert.That((string)post.Parameters!["id"]!, Is.EqualTo("e:x"));
        Assert.That(post.Authorization, Does.StartWith("Basic "));
        Assert.That(stub.Requests[0].Method, Is.EqualTo(HttpMethod.Get), "discovery comes first");
        Assert.That(stub.Requests[0].Authorization, Is.Null, "discovery needs no credentials, so none are sent");
    }

    [Test]
    public async Task Records_are_returned_in_the_plain_json_shape()
    {
        var body = """{"data":{"fields":["name","n"],"values":[["Alice",42],["Bob",7]]},"counters":{"nodesCreated":0},"bookmarks":[]}""";
        var stub = new StubNeo4j { Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted, body) };
        using var t = Transport(stub);
        var result = await t.RunAsync(new Neo4jStatement("RETURN 1"));
        Assert.That(result.Fields, Is.EqualTo(new[] { "name", "n" }));
        Assert.That(result.Rows.Select(r => (string)r[0]!), Is.EqualTo(new[] { "Alice", "Bob" }));
    }

    [Test]
    public void A_202_with_an_errors_array_is_a_failure_and_a_client_error_is_not_retried()
    {
        var stub = new StubNeo4j
        {
            Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted,
                StubNeo4j.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN': expected 'RETURN'\n(line 1, column 1)")),
        };
        using var t = Transport(stub);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETRUN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.ClientError));
        Assert.That(e.Code, Is.EqualTo("Neo.ClientError.Statement.SyntaxError"));
        Assert.That(e.Message, Does.Contain("Invalid input 'RETRUN'").And.Not.Contain("\n"), "one line");
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(1), "a ClientError is never retried");
        Assert.That(_delays, Is.Empty);
    }

    [Test]
    public void Wrong_password_is_one_clear_line_without_the_password()
    {
        var stub = new StubNeo4j
        {
            Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Unauthorized,
                StubNeo4j.Error("Neo.ClientError.Security.Unauthorized", "Invalid username or password.")),
        };
        using var t = Transport(stub);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.Authentication));
        Assert.That(e.Message, Does.Contain("wrong user name or password").And.Contain("401").And.Not.Contain(Password));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(1), "authentication failures are not retried");
    }

    [Test]
    public async Task A_transient_error_is_retried_with_growing_jittered_backoff_then_succeeds()
    {
        var stub = new StubNeo4j
        {
            Script = (n, _) => n < 2
                ? StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire lock"))
                : null,
        };
        using var t = Transport(stub);
        var result = await t.RunAsync(new Neo4jStatement("UNWIND $rows AS row MERGE (n:`Entity` {id: row.id})",
            new Dictionary<string, object?> { ["rows"] = new[] { new Dictionary<string, object?> { ["id"] = "e:a", ["props"] = new Dictionary<string, object?>(), ["lists"] = new Dictionary<string, object?>() } } }));

        Assert.That(result.Counters.NodesCreated, Is.EqualTo(1));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(3));
        Assert.That(_delays, Has.Count.EqualTo(2));
        Assert.That(_delays[1], Is.GreaterThan(_delays[0]), "backoff grows");
        Assert.That(_log, Has.Some.Contains("Neo.TransientError.Transaction.DeadlockDetected"));
    }

    [Test]
    public void Transient_errors_stop_after_the_last_attempt()
    {
        var stub = new StubNeo4j
        {
            Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.TransientError.General.DatabaseUnavailable", "unavailable")),
        };
        using var t = Transport(stub, attempts: 3);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.TransientError));
        Assert.That(e.Message, Does.Contain("after 3 attempts"));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(3));
    }

    /// <summary>Terminated and LockClientStopped are "transient" by name but mean someone ended the transaction: like Neo4j's drivers, one attempt and stop.</summary>
    [TestCase("Neo.TransientError.Transaction.Terminated", "The transaction has been terminated.")]
    [TestCase("Neo.TransientError.Transaction.LockClientStopped", "The transaction has been terminated, no new locks can be acquired")]
    public void A_terminated_transaction_is_not_retried(string code, string message)
    {
        var stub = new StubNeo4j { Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error(code, message)) };
        using var t = Transport(stub, attempts: 5);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(1), "one request, no retry");
        Assert.That(_delays, Is.Empty);
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.ClientError));
        Assert.That(e.Code, Is.EqualTo(code));
        Assert.That(e.Message, Does.Contain(code).And.Contain("does not retry"));
    }

    [Test]
    public void Other_transaction_transient_errors_are_still_retried()
    {
        var stub = new StubNeo4j
        {
            Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.TransientError.Transaction.LockAcquisitionTimeout", "timed out")),
        };
        using var t = Transport(stub, attempts: 3);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.TransientError));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_server_with_only_the_legacy_endpoint_gets_tx_commit_and_its_stats_are_read()
    {
        var stub = new StubNeo4j { Discovery = StubNeo4j.LegacyDiscovery, HasQueryApi = false };
        using var t = Transport(stub);
        var rows = new[] { new Dictionary<string, object?> { ["id"] = "e:a", ["props"] = new Dictionary<string, object?> { ["name"] = "A" }, ["lists"] = new Dictionary<string, object?>() } };
        var result = await t.RunAsync(new Neo4jStatement("UNWIND $rows AS row MERGE (n:`Entity` {id: row.id})", new Dictionary<string, object?> { ["rows"] = rows }));

        var post = stub.StatementRequests.Single();
        Assert.That(post.Path, Is.EqualTo("/db/news/tx/commit"));
        Assert.That((bool)post.Body!["statements"]![0]!["includeStats"]!, Is.True);
        Assert.That(result.Counters.NodesCreated, Is.EqualTo(1));
        Assert.That(result.Counters.PropertiesSet, Is.EqualTo(1));
        Assert.That(t.Server!.Endpoint, Is.EqualTo(Neo4jEndpointKind.Transactional));
    }

    [Test]
    public async Task Without_a_discovery_document_a_404_from_the_query_api_falls_back_to_tx_commit()
    {
        var stub = new StubNeo4j { Discovery = null, HasQueryApi = false };
        using var t = Transport(stub);
        await t.RunAsync(new Neo4jStatement("RETURN 1"));
        await t.RunAsync(new Neo4jStatement("RETURN 2"));
        Assert.That(stub.StatementRequests.Select(r => r.Path), Is.EqualTo(new[] { "/db/news/query/v2", "/db/news/tx/commit", "/db/news/tx/commit" }),
            "the fallback is remembered");
    }

    [Test]
    public void Unknown_database_is_one_clear_line()
    {
        var stub = new StubNeo4j
        {
            Script = (_, _) => StubNeo4j.Json(HttpStatusCode.Accepted,
                StubNeo4j.Error("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'news'.")),
        };
        using var t = Transport(stub);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.DatabaseNotFound));
        Assert.That(e.Message, Does.Contain("database 'news' does not exist"));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(1));
    }

    [Test]
    public void An_unreachable_server_is_retried_then_reported_in_one_line()
    {
        var handler = new ThrowingHandler(() => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (localhost:7474)"));
        using var t = new Neo4jHttpTransport(Options(), handler,
            new Neo4jRetryPolicy(3, delay: (d, _) => { _delays.Add(d); return Task.CompletedTask; }, random: () => 0), _log.Add);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Kind, Is.EqualTo(Neo4jFailureKind.Unreachable));
        Assert.That(e.Message, Does.StartWith("cannot reach Neo4j at http://localhost:7474/").And.Contain("Connection refused"));
        Assert.That(handler.Calls, Is.EqualTo(3));
    }

    [Test]
    public void A_gateway_error_without_a_neo4j_body_is_retried()
    {
        var stub = new StubNeo4j { Script = (n, _) => n == 0 ? StubNeo4j.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>") : null };
        using var t = Transport(stub);
        Assert.DoesNotThrowAsync(() => t.RunAsync(new Neo4jStatement("RETURN 1")));
        Assert.That(stub.StatementRequests.Count(), Is.EqualTo(2));
    }

    [Test]
    public void The_password_never_appears_in_messages_logs_or_option_text()
    {
        // The server echoes the password back in its error message: the transport must still not show it.
        var stub = new StubNeo4j
        {
            Script = (n, _) => n == 0
                ? StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.TransientError.General.OutOfMemoryError", $"echo {Password}"))
                : StubNeo4j.Json(HttpStatusCode.Accepted, StubNeo4j.Error("Neo.ClientError.Statement.SyntaxError", $"bad token near '{Password}'")),
        };
        using var t = Transport(stub);
        var e = Assert.ThrowsAsync<Neo4jException>(() => t.RunAsync(new Neo4jStatement("RETURN 1")))!;
        Assert.That(e.Message, Does.Not.Contain(Password));
        Assert.That(e.ToString(), Does.Not.Contain(Password));
        Assert.That(_log, Is.Not.Empty);
        Assert.That(_log, Has.None.Contains(Password));
        Assert.That(Options().ToString(), Does.Not.Contain(Password).And.Contain("password=(set)"));

        var withUserInfo = new Neo4jConnectionOptions($"http://neo4j:{Password}@db.example:7474", "ignored", null);
        Assert.That(withUserInfo.ToString(), Does.Not.Contain(Password));
        Assert.That(withUserInfo.Uri.ToString(), Is.EqualTo("http://db.example:7474/"));
    }

    [Test]
    public void Backoff_is_exponential_capped_and_jittered()
    {
        var p = new Neo4jRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), random: () => 1.0);
        Assert.That(p.DelayAfter(1), Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(p.DelayAfter(2), Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(p.DelayAfter(10), Is.EqualTo(TimeSpan.FromSeconds(1)), "capped");
        var low = new Neo4jRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), random: () => 0.0);
        Assert.That(low.DelayAfter(2), Is.EqualTo(TimeSpan.FromMilliseconds(100)), "jitter spans half the step");
    }

    private sealed class ThrowingHandler(Func<Exception> make) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            throw make();
        }
    }
}
