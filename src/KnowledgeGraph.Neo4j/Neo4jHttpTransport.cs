using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j;

/// <summary>Which HTTP endpoint statements go to.</summary>
public enum Neo4jEndpointKind
{
    /// <summary>POST /db/{db}/query/v2 (Neo4j 5.19+/5.25+ and Aura).</summary>
    QueryApi,
    /// <summary>POST /db/{db}/tx/commit, the legacy transactional endpoint (4.x, 5.x; deprecated, not on Aura).</summary>
    Transactional,
}

/// <summary>What <c>GET /</c> said about the server.</summary>
public sealed record Neo4jServerInfo(string? Version, string? Edition, Neo4jEndpointKind Endpoint);

/// <summary>One Cypher statement with its parameters; values never go into the text.</summary>
public sealed record Neo4jStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public Neo4jStatement(string text) : this(text, new Dictionary<string, object?>()) { }
}

/// <summary>The records and write counters of one statement. Values are plain JSON (Query API plain-JSON format).</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Fields, IReadOnlyList<JArray> Rows, Neo4jCounters Counters);

/// <summary>
/// Runs Cypher on Neo4j over HTTP with HttpClient + Newtonsoft.Json. Discovers the server with <c>GET /</c>, prefers the
/// Query API and falls back to <c>/db/{db}/tx/commit</c>; a non-2xx status or a non-empty <c>errors</c> array is a
/// failure. Neo.TransientError.*, 5xx gateway errors, dropped connections and timeouts are retried with jittered
/// backoff; Neo.ClientError.* never is. Each statement is its own implicit transaction, so a failed request leaves
/// nothing half-written.
/// </summary>
public sealed class Neo4jHttpTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly Neo4jRetryPolicy _retry;
    private readonly Action<string>? _log;
    private Neo4jServerInfo? _server;
    private Neo4jEndpointKind _endpoint;
    private bool _connectedOnce;
    private int _requests;

    public Neo4jHttpTransport(Neo4jConnectionOptions options, HttpMessageHandler? handler = null,
        Neo4jRetryPolicy? retry = null, Action<string>? log = null)
    {
        Options = options;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // per-request timeout below, told apart from the caller's cancellation
        _retry = retry ?? new Neo4jRetryPolicy(options.MaxAttempts);
        _log = log;
    }

    public Neo4jConnectionOptions Options { get; }
    /// <summary>HTTP requests sent so far, retries and discovery included.</summary>
    public int Requests => Volatile.Read(ref _requests);
    public Neo4jServerInfo? Server => _server;

    /// <summary>Asks <c>GET /</c> which endpoints the server has (no authentication needed); cached.</summary>
    public async Task<Neo4jServerInfo> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null) return _server;
        var info = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Options.Uri) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } },
            InterpretDiscovery, "discovery", cancellationToken).ConfigureAwait(false);
        _endpoint = info.Endpoint;
        _server = info;
        Log($"connected to {Options.Uri} (Neo4j {info.Version ?? "?"} {info.Edition ?? ""}), using the {Describe(info.Endpoint)}");
        return info;
    }

    /// <summary>Runs one statement in its own transaction and returns its records and counters.</summary>
    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var endpoint = _endpoint;
            var outcome = await SendAsync(() => BuildRequest(statement, endpoint), (s, b) => InterpretQuery(s, b, endpoint),
                "statement", cancellationToken).ConfigureAwait(false);
            if (outcome is not null) return outcome;
            // A 404 from /query/v2 with no Neo4j error body: an older server without the Query API.
            _endpoint = Neo4jEndpointKind.Transactional;
            _server = _server! with { Endpoint = _endpoint };
            Log("the Query API answered 404; falling back to the transactional endpoint /db/{db}/tx/commit");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(Neo4jEndpointKind e) =>
        e == Neo4jEndpointKind.QueryApi ? "Query API (/db/{db}/query/v2)" : "transactional endpoint (/db/{db}/tx/commit)";

    private HttpRequestMessage BuildRequest(Neo4jStatement statement, Neo4jEndpointKind endpoint)
    {
        var db = Uri.EscapeDataString(Options.Database);
        var parameters = ToJson(statement.Parameters);
        JObject body;
        string path;
        if (endpoint == Neo4jEndpointKind.QueryApi)
        {
            path = $"db/{db}/query/v2";
            body = new JObject { ["statement"] = statement.Text, ["parameters"] = parameters, ["includeCounters"] = true };
        }
        else
        {
            path = $"db/{db}/tx/commit";
            body = new JObject
            {
                ["statements"] = new JArray(new JObject { ["statement"] = statement.Text, ["parameters"] = parameters, ["includeStats"] = true }),
            };
        }
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Uri, path))
        {
            Content = new StringContent(body.ToString(Formatting.None), new UTF8Encoding(false), "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (Options.HasPassword || Options.User.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Options.User + ":" + (Options.Password ?? ""))));
        return request;
    }

    /// <summary>
    /// Sends with retries. <paramref name="interpret"/> turns a response into a value or throws; a
    /// <see cref="Neo4jException"/> of kind TransientError or ConnectionLost is retried.
    /// </summary>
    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> makeRequest, Func<HttpStatusCode, string, T> interpret,
        string what, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            Neo4jException failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Options.RequestTimeout);
                using var request = makeRequest();
                Interlocked.Increment(ref _requests);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                _connectedOnce = true;
                return interpret(response.StatusCode, body);
            }
            catch (Neo4jException e) when (e.Kind is Neo4jFailureKind.TransientError or Neo4jFailureKind.ConnectionLost)
            {
                failure = e;
            }
            catch (HttpRequestException e)
            {
                failure = ConnectionFailure(e, e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                    or HttpRequestError.SecureConnectionError);
            }
            catch (IOException e)
            {
                failure = ConnectionFailure(e, false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new Neo4jException(Neo4jFailureKind.ConnectionLost,
                    Scrub($"Neo4j at {Options.Uri} did not answer within {Options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"), null, e);
            }
            if (attempt >= _retry.MaxAttempts)
            {
                if (failure.Kind == Neo4jFailureKind.Unreachable || !_connectedOnce && failure.Kind == Neo4jFailureKind.ConnectionLost)
                    throw new Neo4jException(Neo4jFailureKind.Unreachable,
                        Scrub($"cannot reach Neo4j at {Options.Uri} after {attempt} attempts: {failure.Message}. Is the server running and NEO4J_URI right?"),
                        failure.Code, failure);
                throw new Neo4jException(failure.Kind, Scrub($"{failure.Message} (gave up after {attempt} attempts)"), failure.Code, failure);
            }
            var wait = _retry.DelayAfter(attempt);
            Log($"{what} attempt {attempt}/{_retry.MaxAttempts} failed: {failure.Message}; retrying in {wait.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
            await _retry.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private Neo4jException ConnectionFailure(Exception e, bool cannotConnect)
    {
        var reason = OneLine(e.InnerException?.Message ?? e.Message);
        return cannotConnect
            ? new Neo4jException(Neo4jFailureKind.Unreachable, Scrub(reason), null, e)
            : new Neo4jException(Neo4jFailureKind.ConnectionLost, Scrub($"connection to Neo4j at {Options.Uri} was lost: {reason}"), null, e);
    }

    private Neo4jServerInfo InterpretDiscovery(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.Unauthorized) throw AuthFailure();
        if ((int)status >= 500) throw new Neo4jException(Neo4jFailureKind.ConnectionLost, $"Neo4j at {Options.Uri} answered HTTP {(int)status} to GET /");
        var o = TryParse(body);
        if (!IsSuccess(status) || o is null)
            // Not the discovery document (a proxy, or a server that hides it): try the Query API, fall back on 404.
            return new Neo4jServerInfo(null, null, Neo4jEndpointKind.QueryApi);
        var endpoint = o["query"] is not null || o["query_api"] is not null || o["transaction"] is null
            ? Neo4jEndpointKind.QueryApi : Neo4jEndpointKind.Transactional;
        return new Neo4jServerInfo((string?)o["neo4j_version"], (string?)o["neo4j_edition"], endpoint);
    }

    /// <summary>Returns null for "Query API missing" (404 without a Neo4j error), so the caller falls back.</summary>
    private Neo4jResult? InterpretQuery(HttpStatusCode status, string body, Neo4jEndpointKind endpoint)
    {
        if (status == HttpStatusCode.Unauthorized) throw AuthFailure();
        var o = TryParse(body);
        if (o?["errors"] is JArray { Count: > 0 } errors) throw Classify(errors[0] as JObject, status);
        if (status == HttpStatusCode.NotFound && endpoint == Neo4jEndpointKind.QueryApi) return null;
        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError)
            throw new Neo4jException(Neo4jFailureKind.ConnectionLost, $"Neo4j at {Options.Uri} answered HTTP {(int)status}");
        if (!IsSuccess(status))
            throw new Neo4jException(Neo4jFailureKind.Protocol, $"Neo4j at {Options.Uri} answered HTTP {(int)status} {OneLine(Truncate(body, 200))}");
        if (o is null)
            throw new Neo4jException(Neo4jFailureKind.Protocol, $"Neo4j at {Options.Uri} answered HTTP {(int)status} with a body that is not JSON");
        if (endpoint == Neo4jEndpointKind.QueryApi)
        {
            var data = o["data"] as JObject;
            var fields = (data?["fields"] as JArray)?.Select(f => (string)f!).ToList() ?? new List<string>();
            var rows = (data?["values"] as JArray)?.OfType<JArray>().ToList() ?? new List<JArray>();
            return new Neo4jResult(fields, rows, Neo4jCounters.FromJson(o["counters"] as JObject));
        }
        var result = (o["results"] as JArray)?.FirstOrDefault() as JObject;
        var columns = (result?["columns"] as JArray)?.Select(f => (string)f!).ToList() ?? new List<string>();
        var legacyRows = (result?["data"] as JArray)?.Select(d => d["row"] as JArray ?? new JArray()).ToList() ?? new List<JArray>();
        return new Neo4jResult(columns, legacyRows, Neo4jCounters.FromJson(result?["stats"] as JObject));
    }

    private Neo4jException AuthFailure() => new(Neo4jFailureKind.Authentication,
        Scrub($"Neo4j at {Options.Uri} refused user '{Options.User}': wrong user name or password (HTTP 401); set NEO4J_USERNAME and NEO4J_PASSWORD"),
        "Neo.ClientError.Security.Unauthorized");

    /// <summary>
    /// Transient by name but caused by a termination (a user's TERMINATE TRANSACTION, a killed query, a server
    /// shutting down): retrying would undo what the user asked for. Neo4j's drivers reclassify both as client errors
    /// and never retry them (neo4j-python-driver #742, neo4j-javascript-driver #945, neo4j-dotnet-driver #162); the
    /// 5.x server itself sends them as Neo.ClientError.Transaction.*.
    /// </summary>
    public static IReadOnlySet<string> NotRetriedTransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    };

    private Neo4jException Classify(JObject? error, HttpStatusCode status)
    {
        var code = (string?)error?["code"] ?? "";
        var message = Scrub(OneLine(Truncate((string?)error?["message"] ?? "", 300)));
        if (code == "Neo.ClientError.Security.Unauthorized") return AuthFailure();
        if (code == "Neo.ClientError.Database.DatabaseNotFound")
            return new Neo4jException(Neo4jFailureKind.DatabaseNotFound,
                Scrub($"database '{Options.Database}' does not exist on {Options.Uri} ({code}); create it or set NEO4J_DATABASE / --database"), code);
        if (NotRetriedTransientCodes.Contains(code))
            return new Neo4jException(Neo4jFailureKind.ClientError,
                $"Neo4j ended the transaction ({code}): {message}; someone terminated it (or the server is stopping), so kg does not retry, as Neo4j's own drivers do not", code);
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jFailureKind.TransientError, $"transient Neo4j error {code}: {message}", code);
        if (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jFailureKind.ClientError, $"Neo4j rejected the statement ({code}): {message}", code);
        if (code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jFailureKind.DatabaseError, $"Neo4j failed on the server ({code}): {message}", code);
        return new Neo4jException(Neo4jFailureKind.Protocol, $"Neo4j answered HTTP {(int)status} with error {code}: {message}", code);
    }

    private static bool IsSuccess(HttpStatusCode s) => (int)s >= 200 && (int)s < 300;

    private static JObject? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try { return JToken.Parse(body) as JObject; }
        catch (JsonException) { return null; }
    }

    private static string OneLine(string s) => string.Join(' ', s.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "...";

    /// <summary>Belt and braces: whatever a server or exception echoes, the password never reaches a message.</summary>
    private string Scrub(string s) =>
        string.IsNullOrEmpty(Options.Password) ? s : s.Replace(Options.Password, "***", StringComparison.Ordinal);

    private void Log(string line) => _log?.Invoke(Scrub(line));

    /// <summary>Converts parameter values (string, long, int, double, bool, lists, maps, null) to JSON.</summary>
    internal static JToken ToJson(object? value) => value switch
    {
        null => JValue.CreateNull(),
        string s => new JValue(s),
        long l => new JValue(l),
        int i => new JValue((long)i),
        double d => new JValue(d),
        bool b => new JValue(b),
        JToken t => t,
        IReadOnlyDictionary<string, object?> map => new JObject(map.Select(kv => new JProperty(kv.Key, ToJson(kv.Value)))),
        IEnumerable list => new JArray(list.Cast<object?>().Select(ToJson)),
        _ => throw new ArgumentException($"unsupported parameter type {value.GetType().Name}"),
    };
}
