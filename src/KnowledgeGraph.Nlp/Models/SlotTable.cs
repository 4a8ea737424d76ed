using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>A slot of an open-addressing table: its key, 0 for an empty slot.</summary>
internal interface IKeyedSlot
{
    ulong Key { get; }
}

/// <summary>
/// The open-addressing scheme the weight tables share (<see cref="LinearModel"/>, <see cref="PairedLinearModel"/>):
/// a power-of-two table at most half full, nonzero keys, linear probing from the key's home slot.
/// </summary>
internal static class SlotTable
{
    /// <summary>The table size for <paramref name="count"/> keys: a power of two above twice the count.</summary>
    public static int SizeFor(int count)
    {
        int size = 1;
        while (size < count * 2 + 2) size <<= 1;
        return size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Home(ulong key, int mask) => (int)(key & (ulong)mask);

    /// <summary>The empty slot where <paramref name="key"/> goes when inserted.</summary>
    public static int FreeSlot<TSlot>(TSlot[] slots, ulong key, int mask) where TSlot : struct, IKeyedSlot
    {
        int s = Home(key, mask);
        while (slots[s].Key != 0) s = (s + 1) & mask;
        return s;
    }

    /// <summary>The slot holding <paramref name="key"/>, probing from slot <paramref name="s"/>; -1 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find<TSlot>(TSlot[] slots, ulong key, int mask, int s) where TSlot : struct, IKeyedSlot
    {
        while (true)
        {
            var k = slots[s].Key;
            if (k == key) return s;
            if (k == 0) return -1;
            s = (s + 1) & mask;
        }
    }
}
