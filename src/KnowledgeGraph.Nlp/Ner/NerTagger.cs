using KnowledgeGraph.Nlp.Models;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>
/// Named-entity recogniser: two structured averaged perceptrons over BILOU tags with Viterbi decoding. The first
/// pass labels the document; the second sees, for every word, how the first pass labelled the same word elsewhere
/// in the document (so "Clinton" in a headline borrows from "Bill Clinton" below). Features: word forms, shapes,
/// affixes, neighbours, Penn tags, gazetteer matches, document-level capitalisation, and (a model that stores a
/// <see cref="WordClusters"/> table, format 6) the distributional word classes of the word and its neighbours.
/// Immutable and thread-safe.
/// </summary>
public sealed class NerTagger
{
    public const string Kind = "ner";
    private readonly LinearModel _first;
    private readonly LinearModel _second;
    private readonly float[] _trans1;
    private readonly float[] _trans2;
    private readonly PairedLinearModel _both;
    private readonly int _pass1, _wordOnly;
    [ThreadStatic] private static WordScoreCache? t_wordSums;

    internal NerTagger(LinearModel first, LinearModel second, Gazetteer gazetteer, string description, WordClusters? clusters = null)
    {
        if (first.ClassCount != Bilou.Count || second.ClassCount != Bilou.Count) throw new InvalidDataException("NER weights have the wrong number of labels");
        _first = first; _second = second; Gazetteer = gazetteer; Description = description; Clusters = clusters;
        _pass1 = NerFeatures.Pass1(clusters is not null); _wordOnly = NerFeatures.WordOnly(clusters is not null);
        _trans1 = Transitions(first); _trans2 = Transitions(second);
        _both = new PairedLinearModel(first, second);
    }

    public Gazetteer Gazetteer { get; }
    /// <summary>The word classes the model's features use (null: a model without word-class features).</summary>
    public WordClusters? Clusters { get; }
    /// <summary>Training data and settings, from the model file header.</summary>
    public string Description { get; }
    public int FeatureCount => _first.FeatureCount + _second.FeatureCount;

    /// <summary>Key of the transition "feature" for previous tag <paramref name="prev"/> (-1 = start); its classes are the next tag.</summary>
    internal static ulong TransitionKey(int prev) => FeatureHash.Key(99, FeatureHash.Int(prev));

    /// <summary>Transition scores [prev + 1, cur], with disallowed BILOU moves set to -infinity.</summary>
    internal static float[] Transitions(LinearModel m) => Transitions((k, s) => m.AddScores(k, s));

    internal delegate void ScoreFn(ulong key, Span<float> scores);

    internal static float[] Transitions(ScoreFn score)
    {
        var t = new float[(Bilou.Count + 1) * Bilou.Count];
        for (int prev = -1; prev < Bilou.Count; prev++)
        {
            var row = t.AsSpan((prev + 1) * Bilou.Count, Bilou.Count);
            score(TransitionKey(prev), row);
            for (int c = 0; c < Bilou.Count; c++) if (!Bilou.Allowed(prev, c)) row[c] = float.NegativeInfinity;
        }
        return t;
    }

    /// <summary>
    /// Finds the entities of a whole document (give all its sentences at once: the second pass uses
    /// document-wide evidence). <paramref name="xpos"/> holds the Penn tags of each sentence (from <see cref="PosTagger"/>).
    /// Returns per sentence the spans [Start, End) over its tokens with type PER, ORG, LOC or MISC.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<EntitySpan>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string>> xpos)
    {
        if (sentences.Count != xpos.Count) throw new ArgumentException("one tag list per sentence is needed", nameof(xpos));
        var tags = TagIds(new NerDocument(sentences, xpos));
        return tags.Select(t => (IReadOnlyList<EntitySpan>)Bilou.Decode(t)).ToList();
    }

    /// <summary>Like <see cref="Tag(IReadOnlyList{IReadOnlyList{string}}, IReadOnlyList{IReadOnlyList{string}})"/>, tagging the words with <paramref name="pos"/> first.</summary>
    public IReadOnlyList<IReadOnlyList<EntitySpan>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences, PosTagger pos) =>
        Tag(sentences, sentences.Select(s => (IReadOnlyList<string>)pos.Tag(s).Xpos).ToList());

    /// <summary>
    /// Like <see cref="Tag(IReadOnlyList{IReadOnlyList{string}}, IReadOnlyList{IReadOnlyList{string}})"/>, with each span's
    /// margin: how much the best tagging of the sentence outscores the best one that leaves the span's words outside any
    /// entity or gives the span another type (0 = a tie; larger = surer). The spans are the same as Tag's.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(EntitySpan Span, float Margin)>> TagWithMargins(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string>> xpos)
    {
        if (sentences.Count != xpos.Count) throw new ArgumentException("one tag list per sentence is needed", nameof(xpos));
        var emissions = new List<float[]>(sentences.Count);
        var tags = TagIds(new NerDocument(sentences, xpos), emissions);
        var result = new List<IReadOnlyList<(EntitySpan, float)>>(tags.Length);
        for (int s = 0; s < tags.Length; s++)
        {
            var spans = Bilou.Decode(tags[s]);
            if (spans.Count == 0) { result.Add([]); continue; }
            result.Add(SpanMargins(emissions[s], _trans2, tags[s].Length, spans));
        }
        return result;
    }

    /// <summary>
    /// Max-product margins of decoded spans: best path score minus the best path that tags [Start, End) all O or as one
    /// span of another type. Forward scores are Viterbi's; backward scores are the best continuations after each tag.
    /// </summary>
    internal static List<(EntitySpan, float)> SpanMargins(float[] emit, float[] trans, int n, List<EntitySpan> spans)
    {
        const int L = Bilou.Count;
        var alpha = System.Buffers.ArrayPool<float>.Shared.Rent(n * L);
        var beta = System.Buffers.ArrayPool<float>.Shared.Rent(n * L);
        for (int c = 0; c < L; c++) alpha[c] = trans[c] + emit[c];
        for (int i = 1; i < n; i++)
            for (int c = 0; c < L; c++)
            {
                float best = float.NegativeInfinity;
                foreach (var p in AllowedPrevious[c]) best = Math.Max(best, alpha[(i - 1) * L + p] + trans[(p + 1) * L + c]);
                alpha[i * L + c] = best + emit[i * L + c];
            }
        for (int c = 0; c < L; c++) beta[(n - 1) * L + c] = Bilou.CanEnd(c) ? 0 : float.NegativeInfinity;
        for (int i = n - 2; i >= 0; i--)
            for (int c = 0; c < L; c++)
            {
                float best = float.NegativeInfinity;
                foreach (var d in AllowedNext[c]) best = Math.Max(best, trans[(c + 1) * L + d] + emit[(i + 1) * L + d] + beta[(i + 1) * L + d]);
                beta[i * L + c] = best;
            }
        float top = float.NegativeInfinity;
        for (int c = 0; c < L; c++) if (Bilou.CanEnd(c)) top = Math.Max(top, alpha[(n - 1) * L + c]);
        // best path with tags[a..b) fixed to the given sequence: the best path into tags[a] is alpha's own cell
        float Fixed(int a, int b, Func<int, int> tagAt)
        {
            float sum = alpha[a * L + tagAt(a)];
            for (int i = a + 1; i < b; i++) sum += trans[(tagAt(i - 1) + 1) * L + tagAt(i)] + emit[i * L + tagAt(i)];
            return sum + beta[(b - 1) * L + tagAt(b - 1)];
        }
        var result = new List<(EntitySpan, float)>(spans.Count);
        foreach (var sp in spans)
        {
            int own = Array.IndexOf(Bilou.Types, sp.Type);
            float outside = Fixed(sp.Start, sp.End, _ => 0), other = float.NegativeInfinity;
            for (int t = 0; t < Bilou.Types.Length; t++)
            {
                if (t == own) continue;
                int start = sp.Start, len = sp.End - sp.Start;
                other = Math.Max(other, Fixed(sp.Start, sp.End, i => len == 1 ? 4 + 4 * t : i == start ? 1 + 4 * t : i == sp.End - 1 ? 3 + 4 * t : 2 + 4 * t));
            }
            result.Add((sp, Math.Max(0, top - Math.Max(outside, other))));
        }
        System.Buffers.ArrayPool<float>.Shared.Return(alpha);
        System.Buffers.ArrayPool<float>.Shared.Return(beta);
        return result;
    }

    internal int[][] TagIds(NerDocument doc, List<float[]>? emissions = null)
    {
        const int L = Bilou.Count;
        int sentences = doc.Words.Count;
        var caseEv = NerFeatures.CaseEvidence(doc);
        var hashes = new WordHashes { Clusters = Clusters };
        var cache = WordScoreCache.For(ref t_wordSums, this, 2 * L);
        // One probe per shared feature scores both passes: the second pass's emissions start from its weights of
        // the first-pass features, and only its document-evidence features are added after the first pass. The
        // first-pass features live one sentence at a time; only each token's short-shape key is kept for the second.
        var emit2 = new float[sentences][];
        var first = new int[sentences][];
        var shortShape = new ulong[sentences][];
        float[] emit1 = [];
        ulong[]? keyBuffer = null;
        for (int s = 0; s < sentences; s++)
        {
            var f1 = NerFeatures.ExtractSentence(doc, s, Gazetteer, caseEv, hashes, ref keyBuffer);
            int n = doc.Words[s].Count;
            if (emit1.Length < n * L) emit1 = new float[Math.Max(n, 64) * L];
            else Array.Clear(emit1, 0, n * L);
            var e2 = emit2[s] = new float[n * L];
            var shapes = shortShape[s] = new ulong[n];
            var words = doc.Words[s];
            for (int i = 0; i < n; i++)
            {
                var keys = f1.AsSpan(i * _pass1, _pass1);
                Span<float> a = emit1.AsSpan(i * L, L), b = e2.AsSpan(i * L, L);
                // The word's own features come first: their partial sums (from zero, in key order) are the same
                // wherever the word occurs, so they are added once per word and copied after; the rest continue the sums.
                var sums = cache.Get(words[i]);
                if (sums.IsEmpty)
                {
                    _both.AddScores(keys[.._wordOnly], a, b);
                    var kept = cache.Add(words[i]);
                    a.CopyTo(kept); b.CopyTo(kept[L..]);
                }
                else { sums[..L].CopyTo(a); sums[L..].CopyTo(b); }
                _both.AddScores(keys[_wordOnly..], a, b);
                shapes[i] = f1[i * _pass1 + 4];
            }
            first[s] = Viterbi(emit1, _trans1, n);
        }
        doc.FirstPass = first;
        var extra = NerFeatures.ExtractExtra(doc, shortShape, 1, 0);
        var result = new int[sentences][];
        for (int s = 0; s < sentences; s++)
        {
            int n = doc.Words[s].Count;
            var e2 = emit2[s];
            for (int i = 0; i < n; i++) _second.AddScores(extra[s].AsSpan(i * NerFeatures.ExtraCount, NerFeatures.ExtraCount), e2.AsSpan(i * L, L));
            result[s] = Viterbi(e2, _trans2, n);
            emissions?.Add(e2);
        }
        return result;
    }

    internal int[][] FirstPassIds(NerDocument doc)
    {
        const int L = Bilou.Count;
        var feats = NerFeatures.Extract(doc, Gazetteer, Clusters);
        var result = new int[feats.Length][];
        for (int s = 0; s < feats.Length; s++)
        {
            int n = doc.Words[s].Count;
            var emit = new float[n * L];
            for (int i = 0; i < n; i++) _first.AddScores(feats[s].AsSpan(i * _pass1, _pass1), emit.AsSpan(i * L, L));
            result[s] = Viterbi(emit, _trans1, n);
        }
        return result;
    }

    /// <summary>Best BILOU sequence under emission scores [n, 17] and transitions [prev + 1, cur]; must end outside an open entity.</summary>
    internal static int[] Viterbi(float[] emit, float[] trans, int n)
    {
        const int L = Bilou.Count;
        var tags = new int[n];
        if (n == 0) return tags;
        Span<float> score = n * L <= 4096 ? stackalloc float[n * L] : new float[n * L];
        Span<int> back = n * L <= 4096 ? stackalloc int[n * L] : new int[n * L];
        for (int c = 0; c < L; c++) score[c] = trans[c] + emit[c];
        for (int i = 1; i < n; i++)
        {
            var prevScore = score.Slice((i - 1) * L, L);
            for (int c = 0; c < L; c++)
            {
                // Only moves BILOU allows: the others score -infinity and could never win, so skipping them
                // changes no result (ties still go to the lowest previous tag).
                float best = float.NegativeInfinity; int arg = 0;
                foreach (var p in AllowedPrevious[c])
                {
                    var v = prevScore[p] + trans[(p + 1) * L + c];
                    if (v > best) { best = v; arg = p; }
                }
                score[i * L + c] = best + emit[i * L + c];
                back[i * L + c] = arg;
            }
        }
        float top = float.NegativeInfinity; int last = 0;
        for (int c = 0; c < L; c++)
            if (Bilou.CanEnd(c) && score[(n - 1) * L + c] > top) { top = score[(n - 1) * L + c]; last = c; }
        tags[n - 1] = last;
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * L + tags[i]];
        return tags;
    }

    /// <summary>For each tag, the tags that may precede it inside a sentence, in increasing order.</summary>
    private static readonly int[][] AllowedPrevious = Enumerable.Range(0, Bilou.Count)
        .Select(c => Enumerable.Range(0, Bilou.Count).Where(p => Bilou.Allowed(p, c)).ToArray()).ToArray();

    /// <summary>For each tag, the tags that may follow it inside a sentence.</summary>
    private static readonly int[][] AllowedNext = Enumerable.Range(0, Bilou.Count)
        .Select(p => Enumerable.Range(0, Bilou.Count).Where(c => Bilou.Allowed(p, c)).ToArray()).ToArray();

    /// <summary>
    /// The model file bytes (deterministic). A model with word classes is written as format 6 with its class-feature version and table after the
    /// weights; one without is written as format 2, the same bytes as before word classes existed.
    /// </summary>
    public byte[] ToBytes() => ModelFile.Build(Kind, Description, w =>
    {
        ModelFile.WriteStrings(w, Bilou.Types);
        Gazetteer.Write(w);
        _first.Write(w);
        _second.Write(w);
        if (Clusters is not null) WordClusters.WriteOptional(w, Clusters, NerFeatures.ClassFeatureVersion);
    }, Clusters is null ? 2 : ModelFile.ClassTableVersion);

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <summary>Loads a recogniser; a missing or corrupt file raises <see cref="KnowledgeGraph.Core.ModelLoadException"/>.</summary>
    public static NerTagger Load(string path) => ModelFile.Load<NerTagger>(path, Kind, Read);

    public static NerTagger FromBytes(byte[] bytes, string name = "ner model") => ModelFile.Parse<NerTagger>(bytes, name, Kind, Read);

    private static NerTagger Read(BinaryReader r, string description, int version)
    {
        var types = ModelFile.ReadStrings(r);
        if (!types.SequenceEqual(Bilou.Types)) throw new InvalidDataException("unexpected entity types " + string.Join(",", types));
        var gaz = Gazetteer.Read(r);
        var first = LinearModel.Read(r);
        var second = LinearModel.Read(r);
        var clusters = WordClusters.ReadOptional(r, version, Kind, NerFeatures.ClassFeatureVersion);
        return new NerTagger(first, second, gaz, description, clusters);
    }
}
