using System.Globalization;
using System.Text;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// Attachment scores as the CoNLL 2018 shared task's evaluation script counts them on gold tokenisation: every
/// syntactic word counts (punctuation included; multiword-token lines are not words), UAS = right head,
/// LAS = right head and right universal relation (the script ignores subtypes: "nsubj:pass" scores as "nsubj").
/// <see cref="FullLas"/> also requires the subtype, which is what the parser predicts and the relation rules read.
/// </summary>
public sealed class ParseScores
{
    public long Words { get; private set; }
    public long HeadRight { get; private set; }
    public long UniversalRight { get; private set; }
    public long FullRight { get; private set; }
    public long Sentences { get; private set; }
    public long ExactTrees { get; private set; }
    private readonly SortedDictionary<string, (long Gold, long Predicted, long Right)> _relations = new(StringComparer.Ordinal);

    public double Uas => 100.0 * HeadRight / Math.Max(1, Words);
    public double Las => 100.0 * UniversalRight / Math.Max(1, Words);
    public double FullLas => 100.0 * FullRight / Math.Max(1, Words);

    /// <summary>Per relation (with subtype): gold count, predicted count, and words with right head and relation.</summary>
    public IReadOnlyDictionary<string, (long Gold, long Predicted, long Right)> Relations => _relations;

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"UAS {Uas:F2}  LAS {Las:F2}  (LAS with subtypes {FullLas:F2}; {Words:N0} words, {Sentences:N0} sentences, {100.0 * ExactTrees / Math.Max(1, Sentences):F1}% trees exact)");

    public void Add(TreebankSentence gold, DependencyTree predicted)
    {
        if (predicted.Count != gold.Words.Length) throw new ArgumentException("the parse does not cover the sentence's words");
        bool exact = true;
        for (int i = 0; i < gold.Words.Length; i++)
        {
            bool head = predicted.Heads[i] == gold.Heads[i];
            bool full = head && predicted.Deprels[i] == gold.Deprels[i];
            Words++;
            if (head) HeadRight++;
            if (head && Universal(predicted.Deprels[i]) == Universal(gold.Deprels[i])) UniversalRight++;
            if (full) FullRight++; else exact = false;
            Bump(gold.Deprels[i], 1, 0, full ? 1 : 0);
            Bump(predicted.Deprels[i], 0, 1, 0);
        }
        Sentences++;
        if (exact) ExactTrees++;
    }

    private void Bump(string rel, long gold, long predicted, long right)
    {
        var v = _relations.GetValueOrDefault(rel);
        _relations[rel] = (v.Gold + gold, v.Predicted + predicted, v.Right + right);
    }

    /// <summary>"nsubj:pass" -> "nsubj".</summary>
    public static string Universal(string deprel)
    {
        int colon = deprel.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? deprel : deprel[..colon];
    }

    /// <summary>One line per relation seen at least <paramref name="minCount"/> times in gold, most frequent first.</summary>
    public string RelationTable(int minCount = 1)
    {
        var sb = new StringBuilder();
        sb.AppendLine("relation           gold   LAS-recall  precision     F1");
        foreach (var (rel, (g, p, r)) in _relations.Where(kv => kv.Value.Gold >= minCount).OrderByDescending(kv => kv.Value.Gold).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            double rec = 100.0 * r / Math.Max(1, g), prec = 100.0 * r / Math.Max(1, p), f1 = rec + prec == 0 ? 0 : 2 * rec * prec / (rec + prec);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{rel,-16} {g,6}   {rec,8:F2}   {prec,8:F2}   {f1,6:F2}"));
        }
        return sb.ToString();
    }
}

/// <summary>Scores a parser on a treebank.</summary>
public static class ParseEvaluation
{
    /// <summary>Parses every sentence with the tags in its Xpos column (gold or predicted, as the caller chose) and scores it.</summary>
    public static ParseScores Score(IReadOnlyList<TreebankSentence> gold, DependencyParser parser)
    {
        var scores = new ParseScores();
        foreach (var s in gold) scores.Add(s, parser.Parse(s.Words, s.Xpos));
        return scores;
    }

    /// <summary>The sentences with their Xpos and Upos columns replaced by <paramref name="tagger"/>'s tags.</summary>
    public static List<TreebankSentence> WithPredictedTags(IReadOnlyList<TreebankSentence> gold, PosTagger tagger) =>
        gold.Select(s => { var (x, u) = tagger.Tag(s.Words); return s with { Xpos = x, Upos = u }; }).ToList();
}
