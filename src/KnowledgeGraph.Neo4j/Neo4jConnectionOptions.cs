using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Neo4j;

/// <summary>
/// Where and how to reach Neo4j over HTTP. The password is held but never shown: it is not in <see cref="ToString"/>,
/// not in any exception message and not in any log line.
/// </summary>
public sealed class Neo4jConnectionOptions
{
    public const string UriVariable = "NEO4J_URI";
    public const string UserVariable = "NEO4J_USERNAME";
    public const string PasswordVariable = "NEO4J_PASSWORD";
    public const string DatabaseVariable = "NEO4J_DATABASE";
    public const string DefaultUri = "http://localhost:7474";
    public const string DefaultUser = "neo4j";
    public const string DefaultDatabase = "neo4j";
    public const int DefaultBatchSize = 1000;

    public Neo4jConnectionOptions(string uri, string user, string? password, string database = DefaultDatabase)
    {
        if (string.IsNullOrWhiteSpace(database)) throw new UserErrorException("Neo4j database name is empty");
        var (normalized, uriUser, uriPassword) = NormalizeUri(uri);
        Uri = normalized;
        User = uriUser ?? user;
        Password = uriPassword ?? password;
        Database = database;
    }

    /// <summary>The HTTP(S) base address, without user information (e.g. http://localhost:7474/).</summary>
    public Uri Uri { get; }
    public string User { get; }
    public string Database { get; }
    /// <summary>Rows per UNWIND request. 1000 keeps a request well under a megabyte for our rows.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
    /// <summary>Time allowed for one HTTP request before it counts as a dropped connection and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Attempts per request, the first included, for transient errors and dropped connections.</summary>
    public int MaxAttempts { get; init; } = 5;

    internal string? Password { get; }

    /// <summary>A copy with another batch size (the password is carried over, not exposed).</summary>
    public Neo4jConnectionOptions WithBatchSize(int batchSize) =>
        batchSize < 1 ? throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1")
        : new Neo4jConnectionOptions(this) { BatchSize = batchSize, RequestTimeout = RequestTimeout, MaxAttempts = MaxAttempts };

    private Neo4jConnectionOptions(Neo4jConnectionOptions other)
    {
        Uri = other.Uri;
        User = other.User;
        Password = other.Password;
        Database = other.Database;
    }
    public bool HasPassword => !string.IsNullOrEmpty(Password);

    /// <summary>
    /// Builds options from Neo4j's own variables (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE); explicit
    /// arguments win over the environment. The password only ever comes from a variable (by default NEO4J_PASSWORD),
    /// never from the command line, so it does not end up in shell history or process listings.
    /// </summary>
    public static Neo4jConnectionOptions FromEnvironment(string? uri = null, string? user = null, string? database = null,
        string passwordVariable = PasswordVariable, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new Neo4jConnectionOptions(
            uri ?? NonEmpty(environment(UriVariable)) ?? DefaultUri,
            user ?? NonEmpty(environment(UserVariable)) ?? DefaultUser,
            environment(passwordVariable),
            database ?? NonEmpty(environment(DatabaseVariable)) ?? DefaultDatabase);
    }

    /// <summary>
    /// Accepts http(s)://host[:port] and also the Bolt-style addresses people keep in NEO4J_URI
    /// (neo4j://, bolt://, neo4j+s://, bolt+s://, +ssc), mapping them to the HTTP port of the same host:
    /// plain schemes to http on 7474, TLS schemes to https on 443 for Aura hosts and 7473 otherwise.
    /// </summary>
    public static (Uri Uri, string? User, string? Password) NormalizeUri(string uri)
    {
        if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed))
            throw new UserErrorException($"'{Redact(uri)}' is not a valid Neo4j address; expected e.g. {DefaultUri}");
        string scheme = parsed.Scheme.ToLowerInvariant();
        bool tls;
        switch (scheme)
        {
            case "http": tls = false; break;
            case "https": tls = true; break;
            case "neo4j" or "bolt": tls = false; break;
            case "neo4j+s" or "bolt+s" or "neo4j+ssc" or "bolt+ssc": tls = true; break;
            default: throw new UserErrorException($"'{Redact(uri)}': unsupported scheme '{parsed.Scheme}'; use http://host:7474 or https://host");
        }
        int port = parsed.Port;
        if (scheme is not ("http" or "https"))
            port = tls ? (parsed.Host.EndsWith(".neo4j.io", StringComparison.OrdinalIgnoreCase) ? 443 : 7473) : 7474;
        var builder = new UriBuilder(tls ? "https" : "http", parsed.Host, port, parsed.AbsolutePath.TrimEnd('/') + "/");
        string? user = null, password = null;
        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            var parts = parsed.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) password = Uri.UnescapeDataString(parts[1]);
        }
        return (builder.Uri, user, password);
    }

    /// <summary>An address safe to print: user information removed.</summary>
    internal static string Redact(string uri)
    {
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? uri[..(scheme + 3)] + "***@" + uri[(at + 1)..] : uri;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Uri} user={User} database={Database} password={(HasPassword ? "(set)" : "(none)")} batch={BatchSize}");
}
