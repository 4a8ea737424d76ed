using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Two <see cref="LinearModel"/>s scored together over the same feature keys: one hash probe gives both models'
/// rows. The NER second pass reuses every first-pass feature, so this halves its table lookups (the cost that
/// dominates tagging). Scores are bit-identical to scoring each model on its own, key by key in the same order.
/// Immutable and thread-safe.
/// </summary>
internal sealed class PairedLinearModel
{
    // Slot: key (0 = empty) and the start of each model's row in _entries (-1 = no row); rows end at a flagged entry.
    private struct Slot : IKeyedSlot { public ulong Key { get; init; } public int StartA; public int StartB; }

    private readonly Slot[] _slots;
    private readonly uint[] _entries;
    private readonly int _mask;

    public PairedLinearModel(LinearModel a, LinearModel b)
    {
        var keys = new List<ulong>(Math.Max(a.RowCount, b.RowCount));
        var rowA = new List<int>(); var rowB = new List<int>();
        int i = 0, j = 0;
        while (i < a.RowCount || j < b.RowCount)
        {
            ulong ka = i < a.RowCount ? a.RowKey(i) : ulong.MaxValue, kb = j < b.RowCount ? b.RowKey(j) : ulong.MaxValue;
            bool takeA = i < a.RowCount && ka <= kb, takeB = j < b.RowCount && kb <= ka;
            keys.Add(takeA ? ka : kb);
            rowA.Add(takeA ? i++ : -1);
            rowB.Add(takeB ? j++ : -1);
        }
        _slots = new Slot[SlotTable.SizeFor(keys.Count)];
        _mask = _slots.Length - 1;
        var entries = new List<uint>();
        for (int r = 0; r < keys.Count; r++)
        {
            int sa = rowA[r] < 0 ? -1 : Append(entries, a.RowClasses(rowA[r]), a.RowWeights(rowA[r]));
            int sb = rowB[r] < 0 ? -1 : Append(entries, b.RowClasses(rowB[r]), b.RowWeights(rowB[r]));
            _slots[SlotTable.FreeSlot(_slots, keys[r], _mask)] = new Slot { Key = keys[r], StartA = sa, StartB = sb };
        }
        _entries = entries.ToArray();
    }

    private static int Append(List<uint> entries, ReadOnlySpan<byte> classes, ReadOnlySpan<float> weights)
    {
        int start = entries.Count;
        for (int k = 0; k < classes.Length; k++) entries.Add(PackedEntry.Pack(weights[k], classes[k], last: k == classes.Length - 1));
        return start;
    }

    /// <summary>Adds model A's weights of <paramref name="keys"/> to <paramref name="scoresA"/> and model B's to <paramref name="scoresB"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> keys, Span<float> scoresA, Span<float> scoresB)
    {
        var slots = _slots;
        var entries = _entries;
        int n = keys.Length;
        Span<int> startA = n <= 128 ? stackalloc int[n] : new int[n];
        Span<int> startB = n <= 128 ? stackalloc int[n] : new int[n];
        // Pass 1: home-slot probe of every key; independent loads, so the cache misses overlap.
        for (int f = 0; f < n; f++)
        {
            int s = SlotTable.Home(keys[f], _mask);
            startA[f] = s;
            startB[f] = slots[s].Key == keys[f] ? 1 : 0;
        }
        // Pass 2: finish the probes and touch the rows so their misses overlap as well.
        float touch = 0;
        for (int f = 0; f < n; f++)
        {
            int s = startA[f];
            if (startB[f] == 0)
            {
                s = SlotTable.Find(slots, keys[f], _mask, s);
                if (s < 0) { startA[f] = -1; startB[f] = -1; continue; }
            }
            ref readonly var slot = ref slots[s];
            startA[f] = slot.StartA;
            startB[f] = slot.StartB;
            touch += PackedEntry.Weight(entries[Math.Max(slot.StartA, slot.StartB)]);
        }
        // Pass 3: accumulate in key order.
        for (int f = 0; f < n; f++)
        {
            Accumulate(entries, startA[f], scoresA);
            Accumulate(entries, startB[f], scoresB);
        }
        if (float.IsNaN(touch)) scoresA[0] += 0; // keeps the touching loads from being optimised away
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(uint[] entries, int p, Span<float> scores)
    {
        if (p < 0) return;
        while (true)
        {
            var e = entries[p++];
            scores[PackedEntry.Class(e)] += PackedEntry.Weight(e);
            if (PackedEntry.IsLast(e)) return;
        }
    }
}
