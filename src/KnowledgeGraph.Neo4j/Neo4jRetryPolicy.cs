namespace KnowledgeGraph.Neo4j;

/// <summary>
/// Jittered exponential backoff for transient errors and dropped connections. The delay and the random source are
/// injectable so tests run instantly and deterministically.
/// </summary>
public sealed class Neo4jRetryPolicy
{
    public Neo4jRetryPolicy(int maxAttempts = 5, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null, Func<double>? random = null)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), "at least one attempt");
        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(250);
        MaxDelay = maxDelay ?? TimeSpan.FromSeconds(15);
        Delay = delay ?? Task.Delay;
        Random = random ?? System.Random.Shared.NextDouble;
    }

    public int MaxAttempts { get; }
    public TimeSpan BaseDelay { get; }
    public TimeSpan MaxDelay { get; }
    public Func<TimeSpan, CancellationToken, Task> Delay { get; }
    public Func<double> Random { get; }

    /// <summary>
    /// The wait before attempt <paramref name="failedAttempt"/>+1: "equal jitter", half the exponential step plus a
    /// random half, so many loaders retrying at once spread out but never retry immediately.
    /// </summary>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        var step = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1));
        var r = Math.Clamp(Random(), 0, 1);
        return TimeSpan.FromMilliseconds(step / 2 + step / 2 * r);
    }
}
