namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// Per-word hashes computed once per sentence, so that building ~30 features per word allocates nothing:
/// exact form, normalised lower case, word shapes, prefixes and suffixes. Index <c>j</c> of every array is
/// word <c>j - Pad</c>; the padding slots hold start/end markers.
/// </summary>
public sealed class WordHashes
{
    public const int Pad = 2;
    public const int MaxAffix = 4;
    private static readonly ulong StartMark = FeatureHash.Text("<s>");
    private static readonly ulong EndMark = FeatureHash.Text("</s>");
    private static readonly ulong DigitsMark = FeatureHash.Text("!DIGITS");
    private static readonly ulong YearMark = FeatureHash.Text("!YEAR");

    public ulong[] Exact = [];
    public ulong[] Norm = [];
    public ulong[] Shape = [];
    public ulong[] ShortShape = [];
    /// <summary>Suffix[k][j]: the last k+1 lower-case characters (the whole word when shorter).</summary>
    public ulong[][] Suffix = [[], [], [], []];
    public ulong[][] Prefix = [[], [], [], []];
    /// <summary>Leaf[j]: the word's <see cref="WordClusters"/> leaf when <see cref="Clusters"/> is set (padding: <see cref="WordClusters.Boundary"/>).</summary>
    public int[] Leaf = [];
    /// <summary>The word classes to look words up in (null: <see cref="Leaf"/> is not filled).</summary>
    public WordClusters? Clusters;
    public int Count;

    /// <summary>The class of word <paramref name="j"/> (an index like the arrays') at <paramref name="level"/>, as a feature-hash part (needs <see cref="Clusters"/>).</summary>
    public ulong Class(int j, int level) => WordClusters.ClassKey(Leaf[j], level);

    /// <summary>Fills the arrays for <paramref name="words"/>, reusing storage when large enough.</summary>
    public void Compute(IReadOnlyList<string> words)
    {
        int n = words.Count;
        Count = n;
        int len = n + 2 * Pad;
        if (Exact.Length < len)
        {
            int cap = Math.Max(len, 64);
            Exact = new ulong[cap]; Norm = new ulong[cap]; Shape = new ulong[cap]; ShortShape = new ulong[cap];
            for (int k = 0; k < MaxAffix; k++) { Suffix[k] = new ulong[cap]; Prefix[k] = new ulong[cap]; }
            Leaf = new int[cap];
        }
        for (int p = 0; p < Pad; p++)
        {
            Fill(p, StartMark);
            Fill(n + Pad + p, EndMark);
        }
        for (int i = 0; i < n; i++) ComputeWord(words[i], i + Pad);
    }

    private void Fill(int j, ulong mark)
    {
        Exact[j] = mark; Norm[j] = mark; Shape[j] = mark; ShortShape[j] = mark;
        Leaf[j] = WordClusters.Boundary;
        for (int k = 0; k < MaxAffix; k++) { Suffix[k][j] = mark; Prefix[k][j] = mark; }
    }

    /// <summary>Hash of the normalised word: lower case, a four-digit number as a year mark, other numbers as a digits mark.</summary>
    public static ulong NormHash(string w)
    {
        bool allDigits = w.Length > 0;
        foreach (var c in w) if (!char.IsAsciiDigit(c)) { allDigits = false; break; }
        if (allDigits && w.Length == 4) return YearMark;
        if (w.Length > 0 && char.IsAsciiDigit(w[0])) return DigitsMark;
        return FeatureHash.Lower(w);
    }

    private void ComputeWord(string w, int j)
    {
        Exact[j] = FeatureHash.Text(w);
        Norm[j] = NormHash(w);
        // The normalised hash is the lower-case hash unless the word opens with a digit (NormHash): not hashed twice.
        if (Clusters is not null) Leaf[j] = Clusters.Leaf(w.Length > 0 && char.IsAsciiDigit(w[0]) ? FeatureHash.Lower(w) : Norm[j]);

        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        ulong shape = offset, shortShape = offset;
        char last = '\0'; int run = 0;
        foreach (var ch in w)
        {
            char s = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'x' : ch;
            if (s == last) run++; else { run = 1; shortShape ^= s; shortShape *= prime; }
            if (run <= 4) { shape ^= s; shape *= prime; }
            last = s;
        }
        Shape[j] = shape; ShortShape[j] = shortShape;

        for (int k = 0; k < MaxAffix; k++)
        {
            int l = Math.Min(k + 1, w.Length);
            Suffix[k][j] = FeatureHash.Lower(w.AsSpan(w.Length - l)) + (ulong)k;
            Prefix[k][j] = FeatureHash.Lower(w.AsSpan(0, l)) + (ulong)(k + 16);
        }
    }
}
