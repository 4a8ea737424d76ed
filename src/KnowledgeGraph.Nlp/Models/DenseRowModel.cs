using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// A <see cref="LinearModel"/> laid out for models with many classes: a row that votes for many classes (a tag
/// feature votes for most of the parser's moves) is stored dense and added with vector instructions; short rows
/// stay packed (weight, class) entries. Scores are bit-identical to <see cref="LinearModel.AddScores(ReadOnlySpan{ulong}, Span{float})"/>
/// (each class still sums its weights in key order; adding a zero changes nothing). Immutable and thread-safe.
/// </summary>
internal sealed class DenseRowModel
{
    // Count >= 0: packed entries [Start, Start + Count) of _entries; Count < 0: dense row at _dense[Start..Start + Width).
    private struct Slot : IKeyedSlot { public ulong Key { get; init; } public int Start; public int Count; }

    private readonly Slot[] _slots;
    private readonly uint[] _entries;
    private readonly float[] _dense;
    private readonly int _mask;

    public DenseRowModel(LinearModel model, int denseFrom)
    {
        ClassCount = model.ClassCount;
        Width = (ClassCount + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _slots = new Slot[SlotTable.SizeFor(model.RowCount)];
        _mask = _slots.Length - 1;
        var entries = new List<uint>();
        var dense = new List<float>();
        for (int r = 0; r < model.RowCount; r++)
        {
            var classes = model.RowClasses(r);
            var weights = model.RowWeights(r);
            Slot slot;
            if (classes.Length >= denseFrom)
            {
                slot = new Slot { Key = model.RowKey(r), Start = dense.Count, Count = -1 };
                var row = new float[Width];
                for (int k = 0; k < classes.Length; k++) row[classes[k]] = weights[k];
                dense.AddRange(row);
            }
            else
            {
                slot = new Slot { Key = model.RowKey(r), Start = entries.Count, Count = classes.Length };
                for (int k = 0; k < classes.Length; k++) entries.Add(PackedEntry.Pack(weights[k], classes[k], last: false));
            }
            _slots[SlotTable.FreeSlot(_slots, slot.Key, _mask)] = slot;
        }
        _entries = entries.ToArray();
        _dense = dense.ToArray();
    }

    public int ClassCount { get; }
    /// <summary>The length score buffers must have: the class count rounded up to a whole number of vectors.</summary>
    public int Width { get; }

    /// <summary>Adds the weights of every key to <paramref name="scores"/> (length <see cref="Width"/>), probing all keys first so cache misses overlap.</summary>
    public void AddScores(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        if (scores.Length != Width) throw new ArgumentException("score buffer must have Width elements", nameof(scores));
        var slots = _slots;
        int n = keys.Length;
        Span<int> start = n <= 128 ? stackalloc int[n] : new int[n];
        Span<int> count = n <= 128 ? stackalloc int[n] : new int[n];
        for (int f = 0; f < n; f++) start[f] = SlotTable.Home(keys[f], _mask);
        for (int f = 0; f < n; f++)
        {
            int s = SlotTable.Find(slots, keys[f], _mask, start[f]);
            if (s < 0) { start[f] = 0; count[f] = 0; continue; }
            start[f] = slots[s].Start;
            count[f] = slots[s].Count;
        }
        var vscores = MemoryMarshal.Cast<float, Vector<float>>(scores);
        for (int f = 0; f < n; f++)
        {
            if (count[f] < 0)
            {
                var row = MemoryMarshal.Cast<float, Vector<float>>(_dense.AsSpan(start[f], Width));
                for (int v = 0; v < vscores.Length; v++) vscores[v] += row[v];
            }
            else
                foreach (var e in _entries.AsSpan(start[f], count[f])) Add(scores, e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> scores, uint e) => scores[PackedEntry.Class(e)] += PackedEntry.Weight(e);
}
