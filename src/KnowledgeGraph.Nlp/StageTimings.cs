using System.Diagnostics;

namespace KnowledgeGraph.Nlp;

/// <summary>
/// Seconds spent per pipeline stage, summed over the documents analysed with it (for <c>kg bench --profile</c> and
/// <c>kg analyze --timings</c>), and counts of the work the stages with search windows did (name comparisons, mentions
/// looked at), which grow linearly with the text when the windows are bounded.
/// Not thread-safe: give each thread its own.
/// </summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, double Seconds)> _stages = new();
    private readonly List<(string Work, long Count)> _work = new();
    private readonly Stopwatch _clock = new();

    /// <summary>Stages in the order they first ran, with their total seconds.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Stages => _stages;

    /// <summary>Units of work by kind, in the order first counted, summed over documents.</summary>
    public IReadOnlyList<(string Work, long Count)> Work => _work;

    /// <summary>The count of one kind of work, 0 when none was counted.</summary>
    public long WorkOf(string work) => _work.FirstOrDefault(w => w.Work == work).Count;

    internal void Count(string work, long count)
    {
        int i = _work.FindIndex(w => w.Work == work);
        if (i < 0) _work.Add((work, count));
        else _work[i] = (work, _work[i].Count + count);
    }

    internal void Start() => _clock.Restart();

    /// <summary>Adds the time since the previous lap (or <see cref="Start"/>) to <paramref name="stage"/>.</summary>
    internal void Lap(string stage)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        _clock.Restart();
        int i = _stages.FindIndex(s => s.Stage == stage);
        if (i < 0) _stages.Add((stage, seconds));
        else _stages[i] = (stage, _stages[i].Seconds + seconds);
    }
}
