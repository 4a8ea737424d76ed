using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron part-of-speech tagger (after Honnibal's tagger, with more features).
/// Each label is a (Penn tag, universal tag) pair, so one pass gives both. Frequent words that always carry the
/// same pair in training skip the model. Immutable and thread-safe; load it once with <see cref="Load"/> or
/// <see cref="NlpModels.LoadDefault"/>.
/// </summary>
public sealed class PosTagger
{
    public const string Kind = "pos";
    internal const int MaxFeatures = 64;
    [ThreadStatic] private static WordHashes? t_hashes;
    [ThreadStatic] private static ulong[]? t_amb;
    private static readonly ulong UnknownClass = FeatureHash.Text("<unk-class>");

    private readonly LinearModel _model;
    private readonly Lazy<DenseRowModel> _scorer; // the first model laid out for scoring (same sums); built on the first one-pass tagging
    private readonly LinearModel? _second;
    private readonly PairedLinearModel? _both;
    [ThreadStatic] private static ulong[]? t_feats;
    [ThreadStatic] private static float[]? t_scores2;
    [ThreadStatic] private static WordScoreCache? t_wordSums;
    private readonly string[] _xpos;
    private readonly string[] _upos;
    private readonly Dictionary<string, int> _tagDict;
    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly WordClusters? _clusters;

    internal PosTagger(LinearModel model, LinearModel? second, string[] xpos, string[] upos, Dictionary<string, int> tagDict, Dictionary<ulong, ulong> ambiguity, Lemmatizer lemmatizer, string description,
        WordClusters? clusters = null)
    {
        _ambiguity = ambiguity;
        _clusters = clusters;
        if (xpos.Length != model.ClassCount || upos.Length != model.ClassCount) throw new InvalidDataException("label table does not match weights");
        if (second is not null)
        {
            if (second.ClassCount != model.ClassCount) throw new InvalidDataException("second-pass label count does not match");
            _second = second;
            _both = new PairedLinearModel(model, second);
        }
        foreach (var c in tagDict.Values) if ((uint)c >= (uint)xpos.Length) throw new InvalidDataException("tag dictionary label out of range");
        _scorer = new(() => new DenseRowModel(model, denseFrom: 16));
        _model = model; _xpos = xpos; _upos = upos; _tagDict = tagDict; Lemmatizer = lemmatizer; Description = description;
    }

    /// <summary>Lemmas for the words this tagger tags (same training data).</summary>
    public Lemmatizer Lemmatizer { get; }
    /// <summary>Training data and settings, from the model file header.</summary>
    public string Description { get; }
    public int FeatureCount => _model.FeatureCount;
    public int WeightCount => _model.WeightCount;
    /// <summary>The word classes whose features this tagger was trained with (stored in its file), or null.</summary>
    public WordClusters? Clusters => _clusters;

    /// <summary>Tags one sentence of words (Penn Treebank tokenisation): Penn tags and universal tags, one per word.</summary>
    public (string[] Xpos, string[] Upos) Tag(IReadOnlyList<string> words)
    {
        var ids = TagIds(words);
        var x = new string[ids.Length]; var u = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++) { x[i] = _xpos[ids[i]]; u[i] = _upos[ids[i]]; }
        return (x, u);
    }

    internal int[] TagIds(IReadOnlyList<string> words) => _second is null ? FirstPass(words) : BothPasses(words);

    /// <summary>Greedy left-to-right pass with the first model only.</summary>
    internal int[] FirstPass(IReadOnlyList<string> words)
    {
        var h = t_hashes ??= new WordHashes();
        h.Clusters = _clusters;
        h.Compute(words);
        var amb = AmbiguityClasses(h, _ambiguity, ref t_amb);
        var result = new int[words.Count];
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        var scorer = _scorer.Value;
        Span<float> scores = stackalloc float[scorer.Width];
        var cache = WordScoreCache.For(ref t_wordSums, this, scorer.Width);
        int wordOnly = WordOnlyCount + (_clusters is null ? 0 : ClusterWordOnlyCount);
        int p1 = -1, p2 = -1;
        for (int i = 0; i < result.Length; i++)
        {
            if (!_tagDict.TryGetValue(words[i], out var best))
            {
                int nf = Features(h, amb, i, p1, p2, feats);
                // The word's own features come first (WordOnlyCount): their sums are kept per word and copied after.
                var sums = cache.Get(words[i]);
                if (sums.IsEmpty)
                {
                    scores.Clear();
                    scorer.AddScores(feats[..wordOnly], scores);
                    scores.CopyTo(cache.Add(words[i]));
                }
                else sums.CopyTo(scores);
                scorer.AddScores(feats[wordOnly..nf], scores);
                best = ArgMax(scores[.._model.ClassCount]);
            }
            result[i] = best;
            p2 = p1; p1 = best;
        }
        return result;
    }

    /// <summary>
    /// First pass as in <see cref="FirstPass"/>, then a second pass that also sees the first pass's tags of the
    /// following words. The second model's features are the first pass's (same keys, so one probe scores both)
    /// plus <see cref="ExtraFeatures"/> right-context ones.
    /// </summary>
    private int[] BothPasses(IReadOnlyList<string> words)
    {
        int n = words.Count, C = _model.ClassCount;
        var h = t_hashes ??= new WordHashes();
        h.Clusters = _clusters;
        h.Compute(words);
        var amb = AmbiguityClasses(h, _ambiguity, ref t_amb);
        var result = new int[n];
        if (t_scores2 is null || t_scores2.Length < n * C) t_scores2 = new float[Math.Max(n, 64) * C];
        var scores2 = t_scores2;
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[C];
        int p1 = -1, p2 = -1;
        ulong dictMask = 0; // bit i set: word i (i < 64) came from the tag dictionary; longer sentences re-check the dictionary
        for (int i = 0; i < n; i++)
        {
            if (!_tagDict.TryGetValue(words[i], out var best))
            {
                int nf = Features(h, amb, i, p1, p2, feats);
                scores.Clear();
                var s2 = scores2.AsSpan(i * C, C);
                s2.Clear();
                _both!.AddScores(feats[..nf], scores, s2);
                best = ArgMax(scores);
            }
            else if (i < 64) dictMask |= 1UL << i;
            result[i] = best;
            p2 = p1; p1 = best;
        }
        var first = t_feats is { } tf && tf.Length >= n ? tf : (t_feats = new ulong[Math.Max(n, 64)]);
        for (int i = 0; i < n; i++) first[i] = (ulong)result[i];
        for (int i = 0; i < n; i++)
        {
            bool inDict = i < 64 ? (dictMask & (1UL << i)) != 0 : _tagDict.ContainsKey(words[i]);
            if (inDict) continue;
            int nf = ExtraFeatures(h, first, n, i, feats);
            var s2 = scores2.AsSpan(i * C, C);
            _second!.AddScores(feats[..nf], s2);
            result[i] = ArgMax(s2);
        }
        return result;
    }

    /// <summary>
    /// Second-pass features of word <paramref name="i"/> from the first pass's tags (<paramref name="tags"/>, as
    /// integers): the tags of the next two words and of the neighbours, alone and with the word.
    /// </summary>
    internal static int ExtraFeatures(WordHashes h, ReadOnlySpan<ulong> tags, int n, int i, Span<ulong> f)
    {
        int j = i + WordHashes.Pad;
        static ulong Tag(ReadOnlySpan<ulong> tags, int n, int k) => FeatureHash.Int(k < 0 ? -1 : k >= n ? -2 : (int)tags[k]);
        ulong own = Tag(tags, n, i), n1 = Tag(tags, n, i + 1), n2 = Tag(tags, n, i + 2), p1 = Tag(tags, n, i - 1);
        int c = 0;
        f[c++] = FeatureHash.Key(60, n1);
        f[c++] = FeatureHash.Key(61, n2);
        f[c++] = FeatureHash.Key(62, n1, n2);
        f[c++] = FeatureHash.Key(63, p1, n1);
        f[c++] = FeatureHash.Key(64, h.Norm[j], n1);
        f[c++] = FeatureHash.Key(65, h.Suffix[2][j], n1);
        f[c++] = FeatureHash.Key(66, own);
        f[c++] = FeatureHash.Key(67, own, n1);
        f[c++] = FeatureHash.Key(68, h.Norm[j + 1], n1);
        f[c++] = FeatureHash.Key(69, own, h.Norm[j]);
        return c;
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>How many of the first <see cref="Features"/> depend on the word's characters alone (bias, forms, affixes, shape).</summary>
    internal const int WordOnlyCount = 11;
    /// <summary>How many word-class features of the word alone follow the first <see cref="WordOnlyCount"/> when the hashes have word classes.</summary>
    internal const int ClusterWordOnlyCount = 3;
    /// <summary>
    /// The version of the word-class templates of <see cref="Features"/> (45-51), stored in every pos.bin with a table
    /// and checked on load. Change it whenever those templates change (levels, neighbours, conjunctions, template
    /// numbers) or <see cref="WordClusters.ClassKey"/> does. 1: the word's class at levels 4 and 6, its level-6 class
    /// with its last three letters, the level-4 classes of the previous and next words, the previous tag with the
    /// word's level-4 class, the word's and the next word's level-4 classes together.
    /// </summary>
    public const int ClassFeatureVersion = 1;


    /// <summary>The features of word <paramref name="i"/> given the two previous predicted labels (-1 before the sentence).</summary>
    internal static int Features(WordHashes h, ulong[] amb, int i, int p1, int p2, Span<ulong> f)
    {
        int j = i + WordHashes.Pad;
        ulong t1 = FeatureHash.Int(p1), t2 = FeatureHash.Int(p2);
        int n = 0;
        f[n++] = FeatureHash.Key(0, 0);
        f[n++] = FeatureHash.Key(1, h.Norm[j]);
        f[n++] = FeatureHash.Key(2, h.Exact[j]);
        f[n++] = FeatureHash.Key(3, h.Suffix[0][j]);
        f[n++] = FeatureHash.Key(4, h.Suffix[1][j]);
        f[n++] = FeatureHash.Key(5, h.Suffix[2][j]);
        f[n++] = FeatureHash.Key(6, h.Suffix[3][j]);
        f[n++] = FeatureHash.Key(7, h.Prefix[0][j]);
        f[n++] = FeatureHash.Key(8, h.Prefix[1][j]);
        f[n++] = FeatureHash.Key(9, h.Prefix[2][j]);
        f[n++] = FeatureHash.Key(10, h.Shape[j]);
        bool classes = h.Clusters is not null;
        if (classes)
        {
            // word classes (Koo, Carreras and Collins 2008): the word's own, coarse and fine, and the fine one with the word's suffix
            f[n++] = FeatureHash.Key(45, h.Class(j, 4));
            f[n++] = FeatureHash.Key(46, h.Class(j, 6));
            f[n++] = FeatureHash.Key(47, h.Class(j, 6), h.Suffix[2][j]);
        }
        f[n++] = FeatureHash.Key(11, t1);
        f[n++] = FeatureHash.Key(12, t2);
        f[n++] = FeatureHash.Key(13, t1, t2);
        f[n++] = FeatureHash.Key(14, t1, h.Norm[j]);
        f[n++] = FeatureHash.Key(15, h.Norm[j - 1]);
        f[n++] = FeatureHash.Key(16, h.Suffix[2][j - 1]);
        f[n++] = FeatureHash.Key(17, h.Norm[j - 2]);
        f[n++] = FeatureHash.Key(18, h.Norm[j + 1]);
        f[n++] = FeatureHash.Key(19, h.Suffix[2][j + 1]);
        f[n++] = FeatureHash.Key(20, h.Norm[j + 2]);
        f[n++] = FeatureHash.Key(21, h.ShortShape[j - 1]);
        f[n++] = FeatureHash.Key(22, h.ShortShape[j + 1]);
        f[n++] = FeatureHash.Key(23, h.Norm[j - 1], h.Norm[j]);
        f[n++] = FeatureHash.Key(24, h.Norm[j], h.Norm[j + 1]);
        f[n++] = FeatureHash.Key(25, t1, h.Norm[j + 1]);
        f[n++] = FeatureHash.Key(26, FeatureHash.Int(i == 0 ? 1 : 0), h.ShortShape[j]);
        f[n++] = FeatureHash.Key(27, h.Suffix[1][j + 1]);
        f[n++] = FeatureHash.Key(28, t1, h.Suffix[2][j]);
        f[n++] = FeatureHash.Key(29, amb[j]);
        f[n++] = FeatureHash.Key(30, amb[j + 1]);
        f[n++] = FeatureHash.Key(31, amb[j + 2]);
        f[n++] = FeatureHash.Key(32, t1, amb[j + 1]);
        f[n++] = FeatureHash.Key(33, amb[j], amb[j + 1]);
        f[n++] = FeatureHash.Key(34, h.Norm[j], amb[j + 1]);
        f[n++] = FeatureHash.Key(35, amb[j - 1], amb[j]);
        f[n++] = FeatureHash.Key(36, h.Exact[j - 1]);
        f[n++] = FeatureHash.Key(37, h.Exact[j + 1]);
        f[n++] = FeatureHash.Key(38, h.ShortShape[j - 1], h.ShortShape[j], h.ShortShape[j + 1]);
        f[n++] = FeatureHash.Key(39, h.Suffix[2][j], h.ShortShape[j]);
        f[n++] = FeatureHash.Key(40, h.Norm[j - 1], h.Norm[j + 1]);
        f[n++] = FeatureHash.Key(41, t1, amb[j]);
        if (classes)
        {
            // the neighbours' classes, a stand-in for the unknown tags to the right like the ambiguity classes
            f[n++] = FeatureHash.Key(48, h.Class(j - 1, 4));
            f[n++] = FeatureHash.Key(49, h.Class(j + 1, 4));
            f[n++] = FeatureHash.Key(50, t1, h.Class(j, 4));
            f[n++] = FeatureHash.Key(51, h.Class(j, 4), h.Class(j + 1, 4));
        }
        return n;
    }

    /// <summary>
    /// The ambiguity class of each word (which labels it took in training, by normalised form): a cheap stand-in
    /// for the not-yet-predicted tags of the words to the right.
    /// </summary>
    internal static ulong[] AmbiguityClasses(WordHashes h, Dictionary<ulong, ulong> ambiguity, ref ulong[]? buffer)
    {
        int len = h.Count + 2 * WordHashes.Pad;
        if (buffer is null || buffer.Length < len) buffer = new ulong[Math.Max(64, len)];
        for (int j = 0; j < len; j++)
            buffer[j] = j < WordHashes.Pad || j >= h.Count + WordHashes.Pad ? h.Norm[j] : ambiguity.GetValueOrDefault(h.Norm[j], UnknownClass);
        return buffer;
    }

    /// <summary>The model file bytes (deterministic: the same model always gives the same bytes).</summary>
    public byte[] ToBytes() => ModelFile.Build(Kind, Description, w =>
    {
        ModelFile.WriteStrings(w, _xpos);
        ModelFile.WriteStrings(w, _upos);
        var words = _tagDict.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        w.Write(words.Count);
        foreach (var word in words) { w.Write(word); w.Write((byte)_tagDict[word]); }
        var amb = _ambiguity.Keys.Order().ToList();
        w.Write(amb.Count);
        foreach (var k in amb) { w.Write(k); w.Write(_ambiguity[k]); }
        _model.Write(w);
        w.Write(_second is not null);
        _second?.Write(w);
        Lemmatizer.Write(w);
        // a tagger with word classes ends with their class-feature version and table (format 6); one without is written as before
        if (_clusters is not null) WordClusters.WriteOptional(w, _clusters, ClassFeatureVersion);
    }, version: _clusters is null ? 2 : ModelFile.ClassTableVersion);

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <summary>Loads a tagger; a missing or corrupt file raises <see cref="KnowledgeGraph.Core.ModelLoadException"/>.</summary>
    public static PosTagger Load(string path) => ModelFile.Load(path, Kind, Read);

    public static PosTagger FromBytes(byte[] bytes, string name = "pos model") => ModelFile.Parse(bytes, name, Kind, Read);

    private static PosTagger Read(BinaryReader r, string description, int version)
    {
        var xpos = ModelFile.ReadStrings(r);
        var upos = ModelFile.ReadStrings(r);
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("implausible tag dictionary size");
        var dict = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) dict[r.ReadString()] = r.ReadByte();
        int na = r.ReadInt32();
        if (na < 0 || na > 10_000_000) throw new InvalidDataException("implausible ambiguity table size");
        var amb = new Dictionary<ulong, ulong>(na);
        for (int i = 0; i < na; i++) amb[r.ReadUInt64()] = r.ReadUInt64();
        var model = LinearModel.Read(r);
        var second = r.ReadBoolean() ? LinearModel.Read(r) : null;
        var lem = Lemmatizer.Read(r);
        var clusters = WordClusters.ReadOptional(r, version, Kind, ClassFeatureVersion);
        return new PosTagger(model, second, xpos, upos, dict, amb, lem, description, clusters);
    }
}
