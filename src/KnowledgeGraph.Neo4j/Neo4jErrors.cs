using KnowledgeGraph.Core;

namespace KnowledgeGraph.Neo4j;

/// <summary>What kind of failure a Neo4j request ended with; decides between retrying and stopping.</summary>
public enum Neo4jFailureKind
{
    /// <summary>401: wrong user name or password.</summary>
    Authentication,
    /// <summary>No connection could be made (DNS, refused, TLS) even after retries.</summary>
    Unreachable,
    /// <summary>Neo.ClientError.Database.DatabaseNotFound.</summary>
    DatabaseNotFound,
    /// <summary>Any other Neo.ClientError.*: the request is wrong and retrying cannot help.</summary>
    ClientError,
    /// <summary>Neo.TransientError.* still failing after the last attempt.</summary>
    TransientError,
    /// <summary>Neo.DatabaseError.*: a server-side failure.</summary>
    DatabaseError,
    /// <summary>The connection dropped or timed out and kept doing so.</summary>
    ConnectionLost,
    /// <summary>A response that is not what the HTTP API documents (non-2xx without errors, not JSON).</summary>
    Protocol,
}

/// <summary>
/// A Neo4j failure the user can act on, as one line. Messages never contain the password.
/// </summary>
public class Neo4jException : UserErrorException
{
    public Neo4jException(Neo4jFailureKind kind, string message, string? code = null, Exception? inner = null)
        : base(message, inner!)
    {
        Kind = kind;
        Code = code;
    }

    public Neo4jFailureKind Kind { get; }
    /// <summary>The Neo4j status code (e.g. Neo.ClientError.Statement.SyntaxError) when the server sent one.</summary>
    public string? Code { get; }
}

/// <summary>
/// A load stopped part-way. Batches before <see cref="BatchesCommitted"/> are committed in Neo4j; rerunning with
/// resume-from set to that number continues without duplicates (every statement MERGEs, so even a full rerun is safe).
/// </summary>
public sealed class Neo4jLoadInterruptedException : Neo4jException
{
    public Neo4jLoadInterruptedException(string message, Neo4jException cause, int batchesCommitted, int batchesTotal, Neo4jCounters committed)
        : base(cause.Kind, message, cause.Code, cause)
    {
        BatchesCommitted = batchesCommitted;
        BatchesTotal = batchesTotal;
        Committed = committed;
    }

    public int BatchesCommitted { get; }
    public int BatchesTotal { get; }
    /// <summary>Server counters summed over the committed batches.</summary>
    public Neo4jCounters Committed { get; }
}
