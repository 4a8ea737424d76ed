using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Immutable sparse linear scorer: feature key -> (class, weight) pairs. Only features with a non-zero averaged
/// weight are stored, each row holding only the classes it votes for, so scoring costs one hash probe plus a few
/// adds per feature. Safe to share between threads (nothing is written after construction).
/// </summary>
public sealed class LinearModel
{
    private readonly ulong[] _keys;      // sorted, the canonical order written to files
    private readonly int[] _rowStart;    // row r spans [_rowStart[r], _rowStart[r+1])
    private readonly byte[] _classes;
    private readonly float[] _weights;
    // Runtime layout: one open-addressing slot (key, start, count) and contiguous (weight, class) entries,
    // so a lookup touches about two cache lines instead of five separate arrays.
    private readonly Slot[] _slots;       // key 0 = empty
    private readonly Entry[] _entries;
    private readonly int _mask;

    private struct Slot { public ulong Key; public int Start; public int Count; }
    private struct Entry { public float Weight; public int Class; }

    /// <summary>Builds a model from rows sorted by key (weights should already be Half-representable so a file round trip is exact).</summary>
    public LinearModel(int classCount, ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        if (classCount is < 1 or > 255) throw new InvalidDataException($"class count {classCount} out of range");
        if (rowStart.Length != keys.Length + 1 || rowStart[0] != 0 || rowStart[^1] != classes.Length || classes.Length != weights.Length)
            throw new InvalidDataException("inconsistent weight table");
        ClassCount = classCount;
        _keys = keys; _rowStart = rowStart; _classes = classes; _weights = weights;
        int size = 1;
        while (size < keys.Length * 2 + 2) size <<= 1;
        _mask = size - 1;
        _slots = new Slot[size];
        for (int r = 0; r < keys.Length; r++)
        {
            var k = keys[r];
            if (k == 0 || (r > 0 && keys[r - 1] >= k)) throw new InvalidDataException("feature keys not strictly increasing");
            if (rowStart[r + 1] < rowStart[r]) throw new InvalidDataException("negative row length");
            int s = (int)(k & (ulong)_mask);
            while (_slots[s].Key != 0) s = (s + 1) & _mask;
            _slots[s] = new Slot { Key = k, Start = rowStart[r], Count = rowStart[r + 1] - rowStart[r] };
        }
        _entries = new Entry[weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            if (classes[j] >= classCount) throw new InvalidDataException("class index out of range");
            _entries[j] = new Entry { Weight = weights[j], Class = classes[j] };
        }
    }

    public int ClassCount { get; }
    public int FeatureCount => _keys.Length;
    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of feature <paramref name="key"/> to <paramref name="scores"/> (unknown features add nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddScores(ulong key, Span<float> scores)
    {
        var slots = _slots;
        int s = (int)(key & (ulong)_mask);
        while (true)
        {
            ref readonly var slot = ref slots[s];
            if (slot.Key == key)
            {
                var row = _entries.AsSpan(slot.Start, slot.Count);
                foreach (ref readonly var e in row) scores[e.Class] += e.Weight;
                return;
            }
            if (slot.Key == 0) return;
            s = (s + 1) & _mask;
        }
    }

    /// <summary>Weight of one (feature, class) pair, 0 when absent.</summary>
    public float Weight(ulong key, int cls)
    {
        Span<float> tmp = stackalloc float[ClassCount];
        tmp.Clear();
        AddScores(key, tmp);
        return tmp[cls];
    }

    public void Write(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(_keys.Length);
        w.Write(_weights.Length);
        foreach (var k in _keys) w.Write(k);
        for (int r = 0; r < _keys.Length; r++) w.Write((byte)(_rowStart[r + 1] - _rowStart[r]));
        w.Write(_classes);
        foreach (var x in _weights) w.Write((Half)x);
    }

    public static LinearModel Read(BinaryReader r)
    {
        int classCount = r.ReadInt32();
        int n = r.ReadInt32();
        int m = r.ReadInt32();
        if (n < 0 || m < 0 || n > 50_000_000 || m > 200_000_000) throw new InvalidDataException("implausible table size");
        var keys = new ulong[n];
        for (int i = 0; i < n; i++) keys[i] = r.ReadUInt64();
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + r.ReadByte();
        var classes = r.ReadBytes(m);
        if (classes.Length != m) throw new EndOfStreamException();
        var weights = new float[m];
        for (int i = 0; i < m; i++) weights[i] = (float)r.ReadHalf();
        return new LinearModel(classCount, keys, rowStart, classes, weights);
    }
}
