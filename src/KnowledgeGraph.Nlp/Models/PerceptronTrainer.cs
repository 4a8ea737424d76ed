namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Averaged perceptron weights while training: dense rows (one float per class) for every feature that was ever
/// updated, with the running sum kept by the "w - u/c" trick so averaging costs nothing per step.
/// Single-threaded and deterministic: rows are created in update order, and <see cref="Finish"/> sorts by key.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly Dictionary<ulong, int> _rows = new();
    private float[] _w;
    private double[] _u;
    private int _count;

    public PerceptronTrainer(int classCount)
    {
        if (classCount is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(classCount));
        ClassCount = classCount;
        _w = new float[1024 * classCount];
        _u = new double[1024 * classCount];
    }

    public int ClassCount { get; }
    /// <summary>The number of updates steps so far (c in the averaging formula); call <see cref="Tick"/> once per example.</summary>
    public long Step { get; private set; } = 1;

    public void Tick() => Step++;

    /// <summary>Adds the current (not averaged) weights of <paramref name="key"/> to <paramref name="scores"/>.</summary>
    public void AddScores(ulong key, Span<float> scores)
    {
        if (!_rows.TryGetValue(key, out var r)) return;
        var row = _w.AsSpan(r * ClassCount, ClassCount);
        for (int c = 0; c < row.Length; c++) scores[c] += row[c];
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of (<paramref name="key"/>, <paramref name="cls"/>).</summary>
    public void Update(ulong key, int cls, float delta)
    {
        if (!_rows.TryGetValue(key, out var r))
        {
            r = _count++;
            _rows.Add(key, r);
            if ((long)_count * ClassCount > _w.Length)
            {
                Array.Resize(ref _w, _w.Length * 2);
                Array.Resize(ref _u, _u.Length * 2);
            }
        }
        int i = r * ClassCount + cls;
        _w[i] += delta;
        _u[i] += Step * (double)delta;
    }

    /// <summary>
    /// The averaged model. Weights whose magnitude is below <paramref name="pruneBelow"/> are dropped (they change
    /// almost no decision and make up most of the table); the rest are rounded to half precision, which is how
    /// they are stored, so a saved and reloaded model scores exactly like this one.
    /// </summary>
    public LinearModel Finish(float pruneBelow)
    {
        var keys = _rows.Keys.ToArray();
        Array.Sort(keys);
        var outKeys = new List<ulong>(keys.Length);
        var rowStart = new List<int> { 0 };
        var classes = new List<byte>();
        var weights = new List<float>();
        foreach (var k in keys)
        {
            int r = _rows[k];
            int before = classes.Count;
            for (int c = 0; c < ClassCount; c++)
            {
                int i = r * ClassCount + c;
                if (Averaged(_w[i], _u[i], Step, pruneBelow) is not { } h) continue;
                classes.Add((byte)c);
                weights.Add(h);
            }
            if (classes.Count == before) continue;
            outKeys.Add(k);
            rowStart.Add(classes.Count);
        }
        return new LinearModel(ClassCount, outKeys.ToArray(), rowStart.ToArray(), classes.ToArray(), weights.ToArray());
    }

    /// <summary>The averaged weight rounded to half precision (how it is stored), or null when it is pruned.</summary>
    internal static float? Averaged(float w, double u, long step, float pruneBelow)
    {
        var h = (float)(Half)(float)(w - u / step);
        return Math.Abs(h) < pruneBelow || h == 0f || float.IsInfinity(h) ? null : h;
    }
}
