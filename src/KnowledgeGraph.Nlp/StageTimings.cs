using System.Diagnostics;

namespace KnowledgeGraph.Nlp;

/// <summary>
/// Seconds spent per pipeline stage, summed over the documents analysed with it (for <c>kg bench --profile</c>).
/// Not thread-safe: give each thread its own.
/// </summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, double Seconds)> _stages = new();
    private readonly Stopwatch _clock = new();

    /// <summary>Stages in the order they first ran, with their total seconds.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Stages => _stages;

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
