using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>
/// BILOU label set: 0 = O, then for each type t (in <see cref="Types"/> order) B, I, L, U = 1 + 4t .. 4 + 4t.
/// </summary>
internal static class Bilou
{
    public static readonly string[] Types = ["LOC", "MISC", "ORG", "PER"];
    public const int Count = 17;
    public static int Type(int tag) => (tag - 1) / 4;
    public static int Part(int tag) => (tag - 1) % 4; // 0 B, 1 I, 2 L, 3 U

    /// <summary>Whether <paramref name="cur"/> may follow <paramref name="prev"/> (-1 = sentence start).</summary>
    public static bool Allowed(int prev, int cur)
    {
        bool open = prev > 0 && Part(prev) is 0 or 1;
        if (!open) return cur == 0 || Part(cur) is 0 or 3;
        return cur > 0 && Type(cur) == Type(prev) && Part(cur) is 1 or 2;
    }

    public static bool CanEnd(int tag) => tag == 0 || Part(tag) is 2 or 3;

    public static int[] Encode(int length, IEnumerable<EntitySpan> spans)
    {
        var tags = new int[length];
        foreach (var s in spans)
        {
            int t = Array.IndexOf(Types, s.Type);
            if (t < 0) continue;
            if (s.End - s.Start == 1) { tags[s.Start] = 4 + 4 * t; continue; }
            tags[s.Start] = 1 + 4 * t;
            for (int i = s.Start + 1; i < s.End - 1; i++) tags[i] = 2 + 4 * t;
            tags[s.End - 1] = 3 + 4 * t;
        }
        return tags;
    }

    public static List<EntitySpan> Decode(ReadOnlySpan<int> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        for (int i = 0; i < tags.Length; i++)
        {
            int t = tags[i];
            if (t == 0) { start = -1; continue; }
            switch (Part(t))
            {
                case 0: start = i; break;
                case 2: if (start >= 0) spans.Add(new EntitySpan(start, i + 1, Types[Type(t)])); start = -1; break;
                case 3: spans.Add(new EntitySpan(i, i + 1, Types[Type(t)])); start = -1; break;
            }
        }
        return spans;
    }
}

/// <summary>A document prepared for feature extraction: words, Penn tags, and (for the second pass) first-pass labels.</summary>
internal sealed class NerDocument(IReadOnlyList<IReadOnlyList<string>> words, IReadOnlyList<IReadOnlyList<string>> xpos)
{
    public IReadOnlyList<IReadOnlyList<string>> Words { get; } = words;
    public IReadOnlyList<IReadOnlyList<string>> Xpos { get; } = xpos;
    public int[][]? FirstPass { get; set; }
}

/// <summary>
/// Feature extraction for the NER model: a fixed number of feature keys per token (inactive features use a
/// "none" value of their template, so every token has the same count and the arrays need no per-token lengths).
/// </summary>
internal static class NerFeatures
{
    /// <summary>First-pass features per token of a model without word classes (ner.bin format 2).</summary>
    public const int Pass1Count = 42;
    /// <summary>The first keys of a token's first-pass features depend on its characters alone (bias, forms, shapes, affixes).</summary>
    public const int WordOnlyCount = 5 + 2 * WordHashes.MaxAffix;
    /// <summary>Word-class features of the word itself (a model with a <see cref="WordClusters"/> table): kept among the word-only keys.</summary>
    public const int ClusterWordCount = 3;
    /// <summary>Word-class features of the neighbours (a model with a table).</summary>
    public const int ClusterContextCount = 2;
    /// <summary>
    /// The version of the word-class templates (<see cref="ClusterWordFeatures"/>, <see cref="ClusterContextFeatures"/>),
    /// stored in every ner.bin with a table and checked on load. Change it whenever those templates change (which
    /// levels, which neighbours, which conjunctions, their template numbers) or <see cref="WordClusters.ClassKey"/> does.
    /// 1: the word's class at levels 4 and 6, its level-6 class with its short shape, the level-4 classes of the
    /// previous and the next word.
    /// </summary>
    public const int ClassFeatureVersion = 1;

    /// <summary>First-pass features per token, with or without word classes.</summary>
    public static int Pass1(bool clusters) => clusters ? Pass1Count + ClusterWordCount + ClusterContextCount : Pass1Count;
    /// <summary>How many of a token's first keys depend on its characters alone.</summary>
    public static int WordOnly(bool clusters) => clusters ? WordOnlyCount + ClusterWordCount : WordOnlyCount;
    private static readonly ulong None = FeatureHash.Text("<none>");

    private static bool IsUpperInitial(string w) => w.Length > 0 && char.IsUpper(w[0]);
    private static bool IsLowerWord(string w) => w.Length > 0 && char.IsLower(w[0]);

    private static bool AllCaps(IReadOnlyList<string> words)
    {
        int letters = 0;
        foreach (var w in words)
            foreach (var c in w)
            {
                if (char.IsLower(c)) return false;
                if (char.IsLetter(c)) letters++;
            }
        return letters > 3;
    }

    /// <summary>Per lower-cased word of a document: bit 1 = seen lower-case, bit 2 = seen capitalised inside a normal sentence.</summary>
    public static Dictionary<ulong, int> CaseEvidence(NerDocument doc)
    {
        var d = new Dictionary<ulong, int>();
        foreach (var s in doc.Words)
        {
            bool caps = AllCaps(s);
            for (int i = 0; i < s.Count; i++)
            {
                var w = s[i];
                int bit = IsLowerWord(w) ? 1 : IsUpperInitial(w) && i > 0 && !caps ? 2 : 0;
                if (bit == 0) continue;
                var k = FeatureHash.Lower(w);
                d[k] = d.GetValueOrDefault(k) | bit;
            }
        }
        return d;
    }

    /// <summary>Per lower-cased word: how often the first pass labelled it with each type anywhere in the document.</summary>
    private static Dictionary<ulong, int[]> LabelEvidence(NerDocument doc)
    {
        var d = new Dictionary<ulong, int[]>();
        var fp = doc.FirstPass!;
        for (int s = 0; s < doc.Words.Count; s++)
            for (int i = 0; i < doc.Words[s].Count; i++)
            {
                int t = fp[s][i];
                if (t == 0) continue;
                var k = FeatureHash.Lower(doc.Words[s][i]);
                if (!d.TryGetValue(k, out var c)) d[k] = c = new int[Bilou.Types.Length];
                c[Bilou.Type(t)]++;
            }
        return d;
    }

    public const int ExtraCount = 5;

    /// <summary>
    /// The second pass's extra features (first-pass labels of this word elsewhere in the document and of its
    /// neighbours): result[s] has words*<see cref="ExtraCount"/> keys. The second pass also uses all first-pass features.
    /// </summary>
    public static ulong[][] ExtractExtra(NerDocument doc, ulong[][] pass1, int pass1Count) => ExtractExtra(doc, pass1, pass1Count, 4);

    /// <summary>
    /// <see cref="ExtractExtra(NerDocument, ulong[][], int)"/> given each token's short-shape key at
    /// <c>keys[s][i * stride + offset]</c> (the first-pass features, or the short-shape keys alone).
    /// </summary>
    public static ulong[][] ExtractExtra(NerDocument doc, ulong[][] keys, int stride, int offset)
    {
        var labelEv = LabelEvidence(doc);
        var result = new ulong[doc.Words.Count][];
        for (int s = 0; s < doc.Words.Count; s++)
        {
            var words = doc.Words[s];
            int n = words.Count;
            var fp = doc.FirstPass![s];
            var f = new ulong[n * ExtraCount];
            for (int i = 0; i < n; i++)
            {
                var shortShape = keys[s][i * stride + offset]; // template 4 (short shape) is already a key; reuse it as a part
                int own = fp[i];
                int major = -1;
                if (labelEv.TryGetValue(FeatureHash.Lower(words[i]), out var counts))
                {
                    int best = 0;
                    for (int t = 0; t < counts.Length; t++)
                    {
                        int c = counts[t] - (own > 0 && Bilou.Type(own) == t ? 1 : 0);
                        if (c > best) { best = c; major = t; }
                    }
                }
                var span = f.AsSpan(i * ExtraCount, ExtraCount);
                span[0] = FeatureHash.Key(42, FeatureHash.Int(major));
                span[1] = FeatureHash.Key(43, FeatureHash.Int(major), shortShape);
                span[2] = FeatureHash.Key(44, FeatureHash.Int(own));
                span[3] = FeatureHash.Key(45, FeatureHash.Int(i > 0 ? fp[i - 1] : -1), FeatureHash.Int(i + 1 < n ? fp[i + 1] : -1));
                span[4] = FeatureHash.Key(46, FeatureHash.Int(major), FeatureHash.Int(own));
            }
            result[s] = f;
        }
        return result;
    }

    /// <summary>Both passes' features side by side per token (what the second pass is trained on).</summary>
    public static ulong[][] Merge(ulong[][] pass1, ulong[][] extra, int pass1Count)
    {
        int pass2Count = pass1Count + ExtraCount;
        var result = new ulong[pass1.Length][];
        for (int s = 0; s < pass1.Length; s++)
        {
            int n = pass1[s].Length / pass1Count;
            var f = new ulong[n * pass2Count];
            for (int i = 0; i < n; i++)
            {
                pass1[s].AsSpan(i * pass1Count, pass1Count).CopyTo(f.AsSpan(i * pass2Count));
                extra[s].AsSpan(i * ExtraCount, ExtraCount).CopyTo(f.AsSpan(i * pass2Count + pass1Count));
            }
            result[s] = f;
        }
        return result;
    }

    /// <summary>First-pass features of every token of every sentence of <paramref name="doc"/>: result[s] has words*<see cref="Pass1"/> keys.</summary>
    public static ulong[][] Extract(NerDocument doc, Gazetteer gazetteer, WordClusters? clusters = null)
    {
        var caseEv = CaseEvidence(doc);
        var h = new WordHashes { Clusters = clusters };
        var result = new ulong[doc.Words.Count][];
        for (int s = 0; s < doc.Words.Count; s++) result[s] = ExtractSentence(doc, s, gazetteer, caseEv, h);
        return result;
    }

    /// <summary>
    /// First-pass features of one sentence (words*<see cref="Pass1"/> keys), given the document's case evidence
    /// (<see cref="CaseEvidence"/>) and a reusable <see cref="WordHashes"/>: lets a tagger keep one sentence's
    /// features at a time instead of the whole document's. When <paramref name="h"/> has a <see cref="WordClusters"/>
    /// table, the word-class features are added: the word's own after the word-only keys, the neighbours' at the end.
    /// </summary>
    public static ulong[] ExtractSentence(NerDocument doc, int s, Gazetteer gazetteer, Dictionary<ulong, int> caseEv, WordHashes h)
    {
        ulong[]? buffer = null;
        return ExtractSentence(doc, s, gazetteer, caseEv, h, ref buffer);
    }

    /// <summary>
    /// <see cref="ExtractSentence(NerDocument, int, Gazetteer, Dictionary{ulong, int}, WordHashes)"/> into
    /// <paramref name="buffer"/>, made larger (and replaced) when the sentence needs more: the first words*<see cref="Pass1"/>
    /// keys are the sentence's, the rest is left over from earlier sentences (without a buffer, or with one too small, the
    /// array is exactly the sentence's). A tagger that reads one sentence at a time so allocates only when a sentence is
    /// longer than every one before it.
    /// </summary>
    public static ulong[] ExtractSentence(NerDocument doc, int s, Gazetteer gazetteer, Dictionary<ulong, int> caseEv, WordHashes h, ref ulong[]? buffer)
    {
        bool classes = h.Clusters is not null;
        int count = Pass1(classes), clusterWord = classes ? ClusterWordCount : 0, clusterContext = classes ? ClusterContextCount : 0;
        var words = doc.Words[s];
        int n = words.Count;
        h.Compute(words);
        var pos = new ulong[n + 2 * WordHashes.Pad];
        for (int j = 0; j < pos.Length; j++)
        {
            int i = j - WordHashes.Pad;
            pos[j] = i < 0 ? h.Norm[j] : i >= n ? h.Norm[j] : FeatureHash.Text(doc.Xpos[s][i]);
        }
        var lower = new ulong[n];
        for (int i = 0; i < n; i++) lower[i] = FeatureHash.Lower(words[i]);
        var gaz = new byte[n * 4];
        gazetteer.Mark(lower, gaz);
        ulong Packed(int i) => i < 0 || i >= n ? None : (ulong)(gaz[i * 4] | gaz[i * 4 + 1] << 3 | gaz[i * 4 + 2] << 6 | gaz[i * 4 + 3] << 9) + 1;
        ulong caps = FeatureHash.Int(AllCaps(words) ? 1 : 0);
        if (buffer is null || buffer.Length < n * count) buffer = new ulong[n * count];
        var f = buffer;
        for (int i = 0; i < n; i++)
        {
            int j = i + WordHashes.Pad;
            int o = i * count, k = 0;
            var span = f.AsSpan(o, count);
            span[k++] = FeatureHash.Key(0, 0);
            span[k++] = FeatureHash.Key(1, h.Exact[j]);
            span[k++] = FeatureHash.Key(2, h.Norm[j]);
            span[k++] = FeatureHash.Key(3, h.Shape[j]);
            span[k++] = FeatureHash.Key(4, h.ShortShape[j]);
            for (int a = 0; a < WordHashes.MaxAffix; a++) span[k++] = FeatureHash.Key(5 + a, h.Prefix[a][j]);
            for (int a = 0; a < WordHashes.MaxAffix; a++) span[k++] = FeatureHash.Key(9 + a, h.Suffix[a][j]);
            if (clusterWord > 0) k = ClusterWordFeatures(h, j, span, k);
            span[k++] = FeatureHash.Key(13, h.Exact[j - 1]);
            span[k++] = FeatureHash.Key(14, h.Exact[j + 1]);
            span[k++] = FeatureHash.Key(15, h.Norm[j - 2]);
            span[k++] = FeatureHash.Key(16, h.Norm[j + 2]);
            span[k++] = FeatureHash.Key(17, h.Norm[j - 1], h.Norm[j]);
            span[k++] = FeatureHash.Key(18, h.Norm[j], h.Norm[j + 1]);
            span[k++] = FeatureHash.Key(19, h.ShortShape[j - 1], h.ShortShape[j]);
            span[k++] = FeatureHash.Key(20, h.ShortShape[j], h.ShortShape[j + 1]);
            span[k++] = FeatureHash.Key(21, h.ShortShape[j - 1], h.ShortShape[j], h.ShortShape[j + 1]);
            span[k++] = FeatureHash.Key(22, pos[j]);
            span[k++] = FeatureHash.Key(23, pos[j - 1]);
            span[k++] = FeatureHash.Key(24, pos[j + 1]);
            span[k++] = FeatureHash.Key(25, pos[j], h.ShortShape[j]);
            span[k++] = FeatureHash.Key(26, pos[j - 1], pos[j]);
            span[k++] = FeatureHash.Key(27, FeatureHash.Int(i == 0 ? 1 : 0), h.ShortShape[j]);
            span[k++] = FeatureHash.Key(28, caps, h.ShortShape[j]);
            span[k++] = FeatureHash.Key(29, caps, h.Norm[j]);
            for (int c = 0; c < 4; c++) span[k++] = FeatureHash.Key(30 + c, FeatureHash.Int(gaz[i * 4 + c]));
            span[k++] = FeatureHash.Key(34, Packed(i - 1));
            span[k++] = FeatureHash.Key(35, Packed(i + 1));
            span[k++] = FeatureHash.Key(36, Packed(i), h.ShortShape[j]);
            int ev = caseEv.GetValueOrDefault(lower[i]);
            span[k++] = FeatureHash.Key(37, FeatureHash.Int(ev + (i == 0 ? 4 : 0) + (IsUpperInitial(words[i]) ? 8 : 0)), caps);
            span[k++] = FeatureHash.Key(38, h.Norm[j - 1], h.ShortShape[j]);
            span[k++] = FeatureHash.Key(39, h.ShortShape[j], h.Norm[j + 1]);
            span[k++] = FeatureHash.Key(40, h.Suffix[2][j - 1]);
            span[k++] = FeatureHash.Key(41, pos[j + 1], h.ShortShape[j + 1]);
            if (clusterContext > 0) k = ClusterContextFeatures(h, j, span, k);
            if (k != count) throw new InvalidOperationException("feature count mismatch");
        }
        return f;
    }


    /// <summary>
    /// Word-class features of word j alone (so they join the per-word cached sums): its class at a coarse and at
    /// the finest level, and the finest class with the short shape (for an unknown word: "an unknown word of this shape").
    /// </summary>
    private static int ClusterWordFeatures(WordHashes h, int j, Span<ulong> span, int k)
    {
        span[k++] = FeatureHash.Key(50, h.Class(j, 4));
        span[k++] = FeatureHash.Key(51, h.Class(j, 6));
        span[k++] = FeatureHash.Key(52, h.Class(j, 6), h.ShortShape[j]);
        return k;
    }

    /// <summary>
    /// Word-class features of the neighbours: the classes (level 4, 256 classes) of the previous and the next word
    /// ("after a title", "before a verb of saying"). Pairs of the word's and a neighbour's class (level 5) scored 0.4 F1
    /// more on eng.testa but less in the pipeline (docs/models.md).
    /// </summary>
    private static int ClusterContextFeatures(WordHashes h, int j, Span<ulong> span, int k)
    {
        span[k++] = FeatureHash.Key(55, h.Class(j - 1, 4));
        span[k++] = FeatureHash.Key(56, h.Class(j + 1, 4));
        return k;
    }
}
