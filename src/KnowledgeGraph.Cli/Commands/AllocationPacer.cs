namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// Asks for a young-generation collection whenever the process has allocated <c>budget</c> bytes since the last one.
/// The runtime sizes its young generation from the CPU cache (over 100 MiB on machines with a large L3 cache), which
/// for a merge, whose live data is small and whose garbage is large (every record parsed, every line written), is most
/// of its resident memory. A young collection of mostly garbage costs little; the output does not depend on it.
/// </summary>
public sealed class AllocationPacer : IDisposable
{
    private readonly long _budget;
    private readonly Timer _timer;
    private long _last;
    private int _busy;

    public AllocationPacer(long budget, TimeSpan? period = null)
    {
        _budget = budget;
        _last = GC.GetTotalAllocatedBytes(precise: false);
        var p = period ?? TimeSpan.FromMilliseconds(10);
        _timer = new Timer(_ => Tick(), null, p, p);
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1) return;
        try
        {
            long now = GC.GetTotalAllocatedBytes(precise: false);
            if (now - _last < _budget) return;
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _last = GC.GetTotalAllocatedBytes(precise: false);
        }
        finally { Volatile.Write(ref _busy, 0); }
    }

    public void Dispose() => _timer.Dispose();
}
