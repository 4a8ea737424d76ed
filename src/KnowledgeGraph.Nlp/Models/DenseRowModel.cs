using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// A <see cref="LinearModel"/> laid out for fast scoring of models with many classes. A row that votes for many
/// classes (a tag feature votes for most of the parser's moves) is stored dense and added with vector instructions;
/// short rows stay packed (weight, class) entries. The lookup table is compact, so more of it stays in cache: a
/// slot is 8 bytes (the key's upper 32 bits and a row reference; the lower bits choose the home slot) and the table
/// is filled up to 5/8. Two keys of the model sharing a home chain and upper half would be confused; with 64-bit
/// hashes that has odds of about one in ten thousand per million features, and it changes one weight row, not the
/// tree structure. Scores add each class's weights in key order, as <see cref="LinearModel"/> does. Immutable and thread-safe.
/// </summary>
internal sealed class DenseRowModel
{
    // Ref >= 0: packed entries from _entries[Ref] to the one flagged last; Ref < 0: dense row at _dense[(-Ref - 1) * Width].
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot { public uint Tag; public int Ref; }

    private readonly Slot[] _slots;   // Tag 0 = empty
    private readonly uint[] _entries;
    private readonly float[] _dense;
    private readonly int _mask;
    private readonly bool _wide; // dense rows are whole Vector512s (else whole Vector<float>s)

    public DenseRowModel(LinearModel model, int denseFrom) : this(model, denseFrom, wide: Vector512.IsHardwareAccelerated) { }

    /// <param name="wide">Add dense rows as <see cref="Vector512{T}"/> (16 floats) rather than <see cref="Vector{T}"/>: the
    /// public constructor chooses 512 bits where the processor has AVX-512; tests choose both, so the path a processor
    /// without AVX-512 takes is tested on any machine (512-bit vectors are emulated lane by lane where not accelerated).</param>
    internal DenseRowModel(LinearModel model, int denseFrom, bool wide)
    {
        ClassCount = model.ClassCount;
        _wide = wide;
        // Whole vectors of the widest kind the processor adds in one instruction (AVX-512: 16 floats; Vector<float> is
        // 8 there, as .NET keeps Vector<T> at 256 bits).
        int lanes = wide ? Vector512<float>.Count : Vector<float>.Count;
        Width = (ClassCount + lanes - 1) / lanes * lanes;
        int size = 16;
        while (size * 5 < model.RowCount * 8) size <<= 1;
        var slots = new Slot[size];
        _mask = size - 1;
        // sizes first, so both arrays are allocated once (a model is loaded on every run)
        int denseRows = 0, packed = 0;
        for (int r = 0; r < model.RowCount; r++)
        {
            int length = model.RowClasses(r).Length;
            if (length >= denseFrom) denseRows++; else packed += length;
        }
        var entries = new uint[packed];
        var dense = new float[(long)denseRows * Width];
        int nextEntry = 0, nextRow = 0;
        for (int r = 0; r < model.RowCount; r++)
        {
            var classes = model.RowClasses(r);
            var weights = model.RowWeights(r);
            int reference;
            if (classes.Length >= denseFrom)
            {
                reference = -nextRow - 1;
                var row = dense.AsSpan(nextRow++ * Width, Width);
                for (int k = 0; k < classes.Length; k++) row[classes[k]] = weights[k];
            }
            else
            {
                reference = nextEntry;
                for (int k = 0; k < classes.Length; k++) entries[nextEntry++] = PackedEntry.Pack(weights[k], classes[k], last: k == classes.Length - 1);
            }
            ulong key = model.RowKey(r);
            int s = Home(key);
            while (slots[s].Tag != 0) s = (s + 1) & _mask;
            slots[s] = new Slot { Tag = TagOf(key), Ref = reference };
        }
        _slots = slots;
        _entries = entries;
        _dense = dense;
    }

    public int ClassCount { get; }
    /// <summary>The length score buffers must have: the class count rounded up to a whole number of vectors.</summary>
    public int Width { get; }

    // Lane by lane, so every class's sum is the same whatever the vector width.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ReadOnlySpan<Vector512<float>> row, Span<Vector512<float>> scores)
    {
        for (int v = 0; v < scores.Length; v++) scores[v] += row[v];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ReadOnlySpan<Vector<float>> row, Span<Vector<float>> scores)
    {
        for (int v = 0; v < scores.Length; v++) scores[v] += row[v];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)(key & (ulong)_mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TagOf(ulong key) => (uint)(key >> 32) | 1u; // never 0 (empty)

    /// <summary>Adds the weights of every key to <paramref name="scores"/> (length <see cref="Width"/>), probing all keys first so cache misses overlap.</summary>
    public void AddScores(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        if (scores.Length != Width) throw new ArgumentException("score buffer must have Width elements", nameof(scores));
        var slots = _slots;
        var dense = _dense;
        int n = keys.Length;
        Span<int> refs = n <= 128 ? stackalloc int[n] : new int[n];
        // Pass 1: the home slot of every key (independent loads, so the cache misses overlap).
        float touch = 0;
        for (int f = 0; f < n; f++) touch += slots[Home(keys[f])].Tag;
        // Pass 2: finish the probes and touch each row found.
        for (int f = 0; f < n; f++)
        {
            uint tag = TagOf(keys[f]);
            int s = Home(keys[f]);
            refs[f] = int.MaxValue;
            while (true)
            {
                var slot = slots[s];
                if (slot.Tag == tag)
                {
                    refs[f] = slot.Ref;
                    // Touch the row now, so that its cache miss overlaps the other probes' instead of stalling pass 3.
                    touch += slot.Ref < 0 ? dense[(-slot.Ref - 1) * Width] : _entries[slot.Ref];
                    break;
                }
                if (slot.Tag == 0) break;
                s = (s + 1) & _mask;
            }
        }
        // Pass 3: accumulate in key order.
        var entries = _entries;
        bool wide = _wide;
        for (int f = 0; f < n; f++)
        {
            int r = refs[f];
            if (r == int.MaxValue) continue;
            if (r < 0)
            {
                var row = dense.AsSpan((-r - 1) * Width, Width);
                if (wide) Add(MemoryMarshal.Cast<float, Vector512<float>>(row), MemoryMarshal.Cast<float, Vector512<float>>(scores));
                else Add(MemoryMarshal.Cast<float, Vector<float>>(row), MemoryMarshal.Cast<float, Vector<float>>(scores));
            }
            else
            {
                while (true)
                {
                    var e = entries[r++];
                    scores[PackedEntry.Class(e)] += PackedEntry.Weight(e);
                    if (PackedEntry.IsLast(e)) break;
                }
            }
        }
        if (float.IsNaN(touch)) scores[0] += 0; // keeps the first-pass loads from being optimised away
    }
}
