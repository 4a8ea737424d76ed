using System.Runtime.CompilerServices;
using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// Features of a parser configuration, after Zhang and Nivre (2011) adapted to arc-hybrid: words and tags of the
/// top three stack words and the first three buffer words, their pairs and triples, the distance between s0 and
/// b0, valencies (how many dependents a word has on each side), the words, tags and relations of the leftmost and
/// rightmost dependents and of the second ones (third order), and the sets of relations already attached; the
/// second buffer word paired with b0, s0 and s1. Feature set 2 (84 templates): the first set's 87 without seven
/// word-pair variants that gave nothing on EWT dev (s0w+b0w and its word/word-tag mixes, s1w+s0w, s1w+b0w, and the
/// word pairs by distance), plus four b1 templates (+0.2 UAS on dev). Feature set 4: set 2 plus 18 word-class
/// templates (<see cref="WordClusters"/>; Koo, Carreras and Collins 2008): the classes of s0, b0, s1 and b1 at levels 2
/// and 4 (16 and 256 classes), alone and with the word's tag, and the level-2 class pairs s0-b0 and s1-s0;
/// docs/models.md has the figures.
/// Word and tag hashes are computed once per sentence (<see cref="Load"/>), so extracting features allocates nothing.
/// Reused from sentence to sentence; not thread-safe (one per thread).
/// </summary>
public sealed class ParseFeatures
{
    /// <summary>
    /// The number of this template set, stored in model files: a model trained with other templates would load but
    /// score garbage, so a mismatch is a load error. 1: the 87 templates of the first parser; 2 and 4
    /// (<see cref="ClassFeatureSet"/>): see the class summary. Set 3 (ambiguity classes) was an experiment never shipped.
    /// </summary>
    public const int FeatureSet = 2;
    /// <summary>Feature set 2 plus word-class templates; needs a <see cref="WordClusters"/> table.</summary>
    public const int ClassFeatureSet = 4;
    /// <summary>
    /// The version of feature set 4's word-class templates, stored in every parse.bin with a table beside the feature
    /// set and checked on load. Change it whenever those templates change (levels, which words, conjunctions) or
    /// <see cref="WordClusters.ClassKey"/> does. 1: the classes of s0, b0, s1 and b1 at levels 2 and 4, alone and with
    /// the word's tag, and the level-2 class pairs s0-b0 and s1-s0.
    /// </summary>
    public const int ClassFeatureVersion = 1;
    public const int MaxFeatures = 128;
    private static readonly ulong RootMark = FeatureHash.Text("<root>");
    private static readonly ulong NoneMark = FeatureHash.Text("<none>");

    // Index N is the root, N + 1 "no word".
    private ulong[] _w = new ulong[64], _p = new ulong[64], _wp = new ulong[64];
    // word classes (feature set 4): a coarse one (level 2, 16 classes) and a finer one (level 4, 256 classes), each alone and mixed with the tag
    private ulong[] _cA = new ulong[64], _cB = new ulong[64], _cAp = new ulong[64], _cBp = new ulong[64];
    private int _n;
    private WordClusters? _clusters;

    /// <summary>Which templates <see cref="Extract"/> computes: <see cref="FeatureSet"/>, or <see cref="ClassFeatureSet"/> with a table.</summary>
    public int Set { get; private set; } = FeatureSet;

    /// <summary>Selects the template set (a parser's, before each sentence): word classes are used exactly when <paramref name="clusters"/> is given.</summary>
    public void Use(WordClusters? clusters)
    {
        _clusters = clusters;
        Set = clusters is null ? FeatureSet : ClassFeatureSet;
    }

    /// <summary>Hashes the words (normalised lower case) and Penn tags of a sentence.</summary>
    public void Load(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        int n = words.Count;
        _n = n;
        if (_w.Length < n + 2)
        {
            int cap = Math.Max(n + 2, _w.Length * 2);
            _w = new ulong[cap]; _p = new ulong[cap]; _wp = new ulong[cap];
            _cA = new ulong[cap]; _cB = new ulong[cap]; _cAp = new ulong[cap]; _cBp = new ulong[cap];
        }
        for (int i = 0; i < n; i++)
        {
            _w[i] = WordHashes.NormHash(words[i]);
            _p[i] = FeatureHash.Text(tags[i]);
            _wp[i] = FeatureHash.Mix(_w[i] ^ (_p[i] * 0x9E3779B97F4A7C15UL));
        }
        _w[n] = _p[n] = _wp[n] = RootMark;
        _w[n + 1] = _p[n + 1] = _wp[n + 1] = NoneMark;
        if (_clusters is null) return;
        for (int i = 0; i < n; i++)
        {
            int leaf = _clusters.Leaf(words[i]);
            _cA[i] = WordClusters.ClassKey(leaf, 2);
            _cB[i] = WordClusters.ClassKey(leaf, 4);
            _cAp[i] = FeatureHash.Mix(_cA[i] ^ (_p[i] * 0x9E3779B97F4A7C15UL));
            _cBp[i] = FeatureHash.Mix(_cB[i] ^ (_p[i] * 0x9E3779B97F4A7C15UL));
        }
        _cA[n] = _cB[n] = _cAp[n] = _cBp[n] = RootMark;
        _cA[n + 1] = _cB[n + 1] = _cAp[n + 1] = _cBp[n + 1] = NoneMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int At(int x) => x < 0 ? _n + 1 : x;

    private static ulong Lab(Configuration c, int x) => FeatureHash.Int(x < 0 ? -1 : c.Label[x]);

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0) return FeatureHash.Int(-1);
        int d = Math.Abs(b - a);
        return FeatureHash.Int(d < 5 ? d : d < 10 ? 5 : 6);
    }

    private static ulong Count(int v) => FeatureHash.Int(Math.Min(v, 6));

    /// <summary>Writes the feature keys of <paramref name="c"/> into <paramref name="f"/>; returns how many.</summary>
    public int Extract(Configuration c, Span<ulong> f)
    {
        int s0 = c.S(0), s1 = c.S(1), s2 = c.S(2), b0 = c.Buf(0), b1 = c.Buf(1), b2 = c.Buf(2);
        int s0L = s0 < 0 ? -1 : c.Left1[s0], s0L2 = s0 < 0 ? -1 : c.Left2[s0];
        int s0R = s0 < 0 ? -1 : c.Right1[s0], s0R2 = s0 < 0 ? -1 : c.Right2[s0];
        int b0L = b0 < 0 ? -1 : c.Left1[b0], b0L2 = b0 < 0 ? -1 : c.Left2[b0];
        int s1L = s1 < 0 ? -1 : c.Left1[s1], s1R = s1 < 0 ? -1 : c.Right1[s1];
        int i0 = At(s0), i1 = At(s1), i2 = At(s2), j0 = At(b0), j1 = At(b1), j2 = At(b2);
        ulong s0w = _w[i0], s0p = _p[i0], s0wp = _wp[i0];
        ulong s1w = _w[i1], s1p = _p[i1], s1wp = _wp[i1];
        ulong b0w = _w[j0], b0p = _p[j0], b0wp = _wp[j0];
        ulong b1w = _w[j1], b1p = _p[j1], b1wp = _wp[j1];
        ulong s0Lp = _p[At(s0L)], s0Rp = _p[At(s0R)], b0Lp = _p[At(b0L)], s1Rp = _p[At(s1R)];
        ulong d = Distance(s0, b0 == _n ? -1 : b0), d1 = Distance(s1, s0);
        ulong s0vl = s0 < 0 ? NoneMark : Count(c.LeftCount[s0]), s0vr = s0 < 0 ? NoneMark : Count(c.RightCount[s0]);
        ulong b0vl = b0 < 0 ? NoneMark : Count(c.LeftCount[b0]);
        ulong s1vl = s1 < 0 ? NoneMark : Count(c.LeftCount[s1]), s1vr = s1 < 0 ? NoneMark : Count(c.RightCount[s1]);
        ulong s0ls = s0 < 0 ? NoneMark : c.LeftLabels[s0], s0rs = s0 < 0 ? NoneMark : c.RightLabels[s0];
        ulong b0ls = b0 < 0 ? NoneMark : c.LeftLabels[b0];
        int k = 0;
        // single words
        f[k++] = FeatureHash.Key(1, s0w);
        f[k++] = FeatureHash.Key(2, s0p);
        f[k++] = FeatureHash.Key(3, s0wp);
        f[k++] = FeatureHash.Key(4, s1w);
        f[k++] = FeatureHash.Key(5, s1p);
        f[k++] = FeatureHash.Key(6, s1wp);
        f[k++] = FeatureHash.Key(7, b0w);
        f[k++] = FeatureHash.Key(8, b0p);
        f[k++] = FeatureHash.Key(9, b0wp);
        f[k++] = FeatureHash.Key(10, b1w);
        f[k++] = FeatureHash.Key(11, b1p);
        f[k++] = FeatureHash.Key(12, b1wp);
        f[k++] = FeatureHash.Key(13, _w[j2]);
        f[k++] = FeatureHash.Key(14, _p[j2]);
        f[k++] = FeatureHash.Key(15, _p[i2]);
        // pairs
        f[k++] = FeatureHash.Key(16, s0wp, b0wp);
        f[k++] = FeatureHash.Key(19, s0wp, b0p);
        f[k++] = FeatureHash.Key(20, s0p, b0wp);
        f[k++] = FeatureHash.Key(22, s0p, b0p);
        f[k++] = FeatureHash.Key(23, b0p, b1p);
        f[k++] = FeatureHash.Key(24, s1wp, s0wp);
        f[k++] = FeatureHash.Key(26, s1p, s0p);
        f[k++] = FeatureHash.Key(27, s1wp, s0p);
        f[k++] = FeatureHash.Key(28, s1p, s0wp);
        f[k++] = FeatureHash.Key(30, s1p, b0p);
        // triples of tags
        f[k++] = FeatureHash.Key(31, b0p, b1p, _p[j2]);
        f[k++] = FeatureHash.Key(32, s0p, b0p, b1p);
        f[k++] = FeatureHash.Key(33, s1p, s0p, b0p);
        f[k++] = FeatureHash.Key(34, s0p, s0Lp, b0p);
        f[k++] = FeatureHash.Key(35, s0p, s0Rp, b0p);
        f[k++] = FeatureHash.Key(36, s0p, b0p, b0Lp);
        f[k++] = FeatureHash.Key(37, _p[i2], s1p, s0p);
        f[k++] = FeatureHash.Key(38, s1p, s1Rp, s0p);
        f[k++] = FeatureHash.Key(39, s1p, s0p, s0Lp);
        // distance
        f[k++] = FeatureHash.Key(40, s0w, d);
        f[k++] = FeatureHash.Key(41, s0p, d);
        f[k++] = FeatureHash.Key(42, b0w, d);
        f[k++] = FeatureHash.Key(43, b0p, d);
        f[k++] = FeatureHash.Key(45, s0p, b0p, d);
        f[k++] = FeatureHash.Key(46, s1p, s0p, d1);
        // valency
        f[k++] = FeatureHash.Key(48, s0w, s0vr);
        f[k++] = FeatureHash.Key(49, s0p, s0vr);
        f[k++] = FeatureHash.Key(50, s0w, s0vl);
        f[k++] = FeatureHash.Key(51, s0p, s0vl);
        f[k++] = FeatureHash.Key(52, b0w, b0vl);
        f[k++] = FeatureHash.Key(53, b0p, b0vl);
        f[k++] = FeatureHash.Key(54, s1p, s1vr);
        f[k++] = FeatureHash.Key(55, s1p, s1vl);
        // dependents: word, tag, relation
        f[k++] = FeatureHash.Key(56, _w[At(s0L)]);
        f[k++] = FeatureHash.Key(57, s0Lp);
        f[k++] = FeatureHash.Key(58, Lab(c, s0L));
        f[k++] = FeatureHash.Key(59, _w[At(s0R)]);
        f[k++] = FeatureHash.Key(60, s0Rp);
        f[k++] = FeatureHash.Key(61, Lab(c, s0R));
        f[k++] = FeatureHash.Key(62, _w[At(b0L)]);
        f[k++] = FeatureHash.Key(63, b0Lp);
        f[k++] = FeatureHash.Key(64, Lab(c, b0L));
        f[k++] = FeatureHash.Key(65, s1Rp);
        f[k++] = FeatureHash.Key(66, Lab(c, s1R));
        f[k++] = FeatureHash.Key(67, _p[At(s1L)]);
        f[k++] = FeatureHash.Key(68, Lab(c, s1L));
        // third order: second dependents
        f[k++] = FeatureHash.Key(69, _w[At(s0L2)]);
        f[k++] = FeatureHash.Key(70, _p[At(s0L2)]);
        f[k++] = FeatureHash.Key(71, Lab(c, s0L2));
        f[k++] = FeatureHash.Key(72, _w[At(s0R2)]);
        f[k++] = FeatureHash.Key(73, _p[At(s0R2)]);
        f[k++] = FeatureHash.Key(74, Lab(c, s0R2));
        f[k++] = FeatureHash.Key(75, _w[At(b0L2)]);
        f[k++] = FeatureHash.Key(76, _p[At(b0L2)]);
        f[k++] = FeatureHash.Key(77, Lab(c, b0L2));
        f[k++] = FeatureHash.Key(78, s0p, s0Lp, _p[At(s0L2)]);
        f[k++] = FeatureHash.Key(79, s0p, s0Rp, _p[At(s0R2)]);
        f[k++] = FeatureHash.Key(80, b0p, b0Lp, _p[At(b0L2)]);
        // relation sets
        f[k++] = FeatureHash.Key(81, s0w, s0rs);
        f[k++] = FeatureHash.Key(82, s0p, s0rs);
        f[k++] = FeatureHash.Key(83, s0w, s0ls);
        f[k++] = FeatureHash.Key(84, s0p, s0ls);
        f[k++] = FeatureHash.Key(85, b0w, b0ls);
        f[k++] = FeatureHash.Key(86, b0p, b0ls);
        f[k++] = FeatureHash.Key(87, s1p, s0p, s0rs);
        // the next buffer word with b0, s0 and s1 (feature set 2)
        f[k++] = FeatureHash.Key(93, b0w, b1w);
        f[k++] = FeatureHash.Key(94, b0wp, b1p);
        f[k++] = FeatureHash.Key(95, s0w, b1p);
        f[k++] = FeatureHash.Key(96, s1p, s0p, b1p);
        if (Set != ClassFeatureSet) return k;
        // word classes of s0, b0, s1 and b1 (feature set 4)
        f[k++] = FeatureHash.Key(101, _cA[i0]);
        f[k++] = FeatureHash.Key(102, _cB[i0]);
        f[k++] = FeatureHash.Key(103, _cAp[i0]);
        f[k++] = FeatureHash.Key(104, _cBp[i0]);
        f[k++] = FeatureHash.Key(105, _cA[j0]);
        f[k++] = FeatureHash.Key(106, _cB[j0]);
        f[k++] = FeatureHash.Key(107, _cAp[j0]);
        f[k++] = FeatureHash.Key(108, _cBp[j0]);
        f[k++] = FeatureHash.Key(109, _cA[i1]);
        f[k++] = FeatureHash.Key(110, _cB[i1]);
        f[k++] = FeatureHash.Key(111, _cAp[i1]);
        f[k++] = FeatureHash.Key(112, _cBp[i1]);
        f[k++] = FeatureHash.Key(113, _cA[j1]);
        f[k++] = FeatureHash.Key(114, _cB[j1]);
        f[k++] = FeatureHash.Key(115, _cAp[j1]);
        f[k++] = FeatureHash.Key(116, _cBp[j1]);
        f[k++] = FeatureHash.Key(117, _cA[i0], _cA[j0]);
        f[k++] = FeatureHash.Key(118, _cA[i1], _cA[i0]);
        return k;
    }
}
