namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Averaged perceptron weights while training, like <see cref="PerceptronTrainer"/>, but storing only the
/// (feature, class) pairs that were ever updated. For models with many classes (the parser has one per move and
/// relation, about 150) dense rows would need gigabytes; an update touches two classes, so rows stay short.
/// Single-threaded and deterministic; <see cref="Finish"/> gives the same kind of <see cref="LinearModel"/>.
/// </summary>
public sealed class SparsePerceptronTrainer
{
    // Each feature's row is a contiguous segment of the entry arrays, so scoring reads memory in order; a full
    // segment moves to the end of the arrays with twice the room (at most half the space is ever wasted).
    private struct Row { public int Start; public int Count; public int Capacity; }
    private readonly Dictionary<ulong, int> _rowOf = new();
    private Row[] _rows = new Row[1 << 12];
    private int _rowCount;
    private byte[] _cls = new byte[1 << 16];
    private float[] _w = new float[1 << 16];
    private double[] _u = new double[1 << 16];
    private int _used;

    public SparsePerceptronTrainer(int classCount)
    {
        if (classCount is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(classCount));
        ClassCount = classCount;
    }

    public int ClassCount { get; }
    public long Step { get; private set; } = 1;
    /// <summary>How many (feature, class) weights exist.</summary>
    public long EntryCount { get; private set; }

    /// <summary>Call once per training example (c in the averaging formula).</summary>
    public void Tick() => Step++;

    /// <summary>Adds the current (not averaged) weights of <paramref name="key"/> to <paramref name="scores"/>.</summary>
    public void AddScores(ulong key, Span<float> scores)
    {
        if (!_rowOf.TryGetValue(key, out var r)) return;
        var row = _rows[r];
        var cls = _cls.AsSpan(row.Start, row.Count);
        var w = _w.AsSpan(row.Start, row.Count);
        for (int i = 0; i < cls.Length; i++) scores[cls[i]] += w[i];
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of (<paramref name="key"/>, <paramref name="cls"/>).</summary>
    public void Update(ulong key, int cls, float delta)
    {
        if (!_rowOf.TryGetValue(key, out var r))
        {
            r = _rowCount++;
            if (r == _rows.Length) Array.Resize(ref _rows, _rows.Length * 2);
            _rows[r] = new Row { Start = Allocate(2), Count = 0, Capacity = 2 };
            _rowOf.Add(key, r);
        }
        ref var row = ref _rows[r];
        int e = _cls.AsSpan(row.Start, row.Count).IndexOf((byte)cls);
        if (e < 0)
        {
            if (row.Count == row.Capacity)
            {
                int start = Allocate(row.Capacity * 2);
                Array.Copy(_cls, row.Start, _cls, start, row.Count);
                Array.Copy(_w, row.Start, _w, start, row.Count);
                Array.Copy(_u, row.Start, _u, start, row.Count);
                row.Start = start; row.Capacity *= 2;
            }
            e = row.Count++;
            _cls[row.Start + e] = (byte)cls; _w[row.Start + e] = 0; _u[row.Start + e] = 0;
            EntryCount++;
        }
        _w[row.Start + e] += delta;
        _u[row.Start + e] += Step * (double)delta;
    }

    private int Allocate(int size)
    {
        if (_used + size > _cls.Length)
        {
            int cap = Math.Max(_cls.Length * 2, _used + size);
            Array.Resize(ref _cls, cap); Array.Resize(ref _w, cap); Array.Resize(ref _u, cap);
        }
        int start = _used;
        _used += size;
        return start;
    }

    /// <summary>The averaged model, pruned and rounded exactly as <see cref="PerceptronTrainer.Finish"/> does.</summary>
    public LinearModel Finish(float pruneBelow)
    {
        var keys = _rowOf.Keys.ToArray();
        Array.Sort(keys);
        var outKeys = new List<ulong>(keys.Length);
        var rowStart = new List<int> { 0 };
        var classes = new List<byte>();
        var weights = new List<float>();
        var kept = new SortedDictionary<int, float>();
        foreach (var k in keys)
        {
            kept.Clear();
            var row = _rows[_rowOf[k]];
            for (int e = row.Start; e < row.Start + row.Count; e++)
                if (PerceptronTrainer.Averaged(_w[e], _u[e], Step, pruneBelow) is { } h) kept[_cls[e]] = h;
            if (kept.Count == 0) continue;
            foreach (var (c, h) in kept) { classes.Add((byte)c); weights.Add(h); }
            outKeys.Add(k);
            rowStart.Add(classes.Count);
        }
        return new LinearModel(ClassCount, outKeys.ToArray(), rowStart.ToArray(), classes.ToArray(), weights.ToArray());
    }
}
