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
    // Runtime layout: one open-addressing slot (key, start, count) and contiguous packed entries (see
    // PackedEntry), so a lookup touches about two cache lines instead of five separate arrays.
    private readonly Slot[] _slots;       // key 0 = empty
    private readonly uint[] _entries;
    private readonly int _mask;

    private struct Slot : IKeyedSlot { public ulong Key { get; init; } public int Start; public int Count; }

    /// <summary>Builds a model from rows sorted by key (weights should already be Half-representable so a file round trip is exact).</summary>
    public LinearModel(int classCount, ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        if (classCount is < 1 or > 255) throw new InvalidDataException($"class count {classCount} out of range");
        if (rowStart.Length != keys.Length + 1 || rowStart[0] != 0 || rowStart[^1] != classes.Length || classes.Length != weights.Length)
            throw new InvalidDataException("inconsistent weight table");
        ClassCount = classCount;
        _keys = keys; _rowStart = rowStart; _classes = classes; _weights = weights;
        _slots = new Slot[SlotTable.SizeFor(keys.Length)];
        _mask = _slots.Length - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            var k = keys[r];
            if (k == 0 || (r > 0 && keys[r - 1] >= k)) throw new InvalidDataException("feature keys not strictly increasing");
            if (rowStart[r + 1] < rowStart[r]) throw new InvalidDataException("negative row length");
            _slots[SlotTable.FreeSlot(_slots, k, _mask)] = new Slot { Key = k, Start = rowStart[r], Count = rowStart[r + 1] - rowStart[r] };
        }
        _entries = new uint[weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            if (classes[j] >= classCount) throw new InvalidDataException("class index out of range");
            _entries[j] = PackedEntry.Pack(weights[j], classes[j], last: false);
        }
    }

    public int ClassCount { get; }

    /// <summary>The stored rows in key order: key, classes and weights (for building combined lookup tables).</summary>
    internal int RowCount => _keys.Length;
    internal ulong RowKey(int r) => _keys[r];
    internal ReadOnlySpan<byte> RowClasses(int r) => _classes.AsSpan(_rowStart[r], _rowStart[r + 1] - _rowStart[r]);
    internal ReadOnlySpan<float> RowWeights(int r) => _weights.AsSpan(_rowStart[r], _rowStart[r + 1] - _rowStart[r]);
    public int FeatureCount => _keys.Length;
    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of feature <paramref name="key"/> to <paramref name="scores"/> (unknown features add nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddScores(ulong key, Span<float> scores)
    {
        int s = SlotTable.Find(_slots, key, _mask, SlotTable.Home(key, _mask));
        if (s < 0) return;
        ref readonly var slot = ref _slots[s];
        foreach (var e in _entries.AsSpan(slot.Start, slot.Count)) scores[PackedEntry.Class(e)] += PackedEntry.Weight(e);
    }

    /// <summary>
    /// Adds the weights of every key in <paramref name="keys"/> to <paramref name="scores"/>; same result as calling
    /// <see cref="AddScores(ulong, Span{float})"/> per key in order. The table is far larger than the CPU cache, so a
    /// lookup is one or two cache misses: probing all keys first in a loop without data-dependent branches lets the
    /// processor overlap those misses instead of waiting for them one at a time.
    /// </summary>
    public void AddScores(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        int n = keys.Length;
        Span<int> start = n <= 128 ? stackalloc int[n] : new int[n];
        Span<int> count = n <= 128 ? stackalloc int[n] : new int[n];
        // Pass 1: first probe of every key (independent loads). Most keys are found or missed in their home slot.
        for (int f = 0; f < n; f++)
        {
            int s = SlotTable.Home(keys[f], _mask);
            ref readonly var slot = ref slots[s];
            start[f] = s;
            count[f] = slot.Key == keys[f] ? 1 : 0;
        }
        // Pass 2: resolve rows (continuing the probe for keys not in their home slot, whose lines are now cached),
        // touching each row's first entry so those misses overlap too.
        float touch = 0;
        for (int f = 0; f < n; f++)
        {
            int s = start[f];
            if (count[f] == 0)
            {
                s = SlotTable.Find(slots, keys[f], _mask, s);
                if (s < 0) { start[f] = 0; continue; }
            }
            ref readonly var slot = ref slots[s];
            start[f] = slot.Start;
            count[f] = slot.Count;
            touch += PackedEntry.Weight(entries[slot.Start]);
        }
        // Pass 3: accumulate in key order (the same float additions, in the same order, as the one-key method).
        for (int f = 0; f < n; f++)
        {
            foreach (var e in entries.AsSpan(start[f], count[f])) scores[PackedEntry.Class(e)] += PackedEntry.Weight(e);
        }
        if (float.IsNaN(touch)) scores[0] += 0; // keeps the touching loads from being optimised away
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

/// <summary>
/// A (weight, class) pair in 32 bits. Weights are half-precision values widened to float, whose low 13 mantissa
/// bits are always zero; those bits hold the class (8 bits) and an end-of-row flag. Halving the entry size keeps
/// more of the weight tables in cache, which is what tagging speed depends on.
/// </summary>
internal static class PackedEntry
{
    private const uint LowMask = 0x1FFF;
    private const uint LastFlag = 0x100;

    public static uint Pack(float weight, int cls, bool last)
    {
        var bits = BitConverter.SingleToUInt32Bits(weight);
        if ((bits & LowMask) != 0 || (uint)cls > 255) throw new InvalidDataException("weight is not half-precision or class out of range");
        return bits | (uint)cls | (last ? LastFlag : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Weight(uint e) => BitConverter.UInt32BitsToSingle(e & ~LowMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Class(uint e) => (int)(e & 0xFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLast(uint e) => (e & LastFlag) != 0;
}
