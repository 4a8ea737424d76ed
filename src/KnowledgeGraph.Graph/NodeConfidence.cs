using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>
/// A node's <c>confidence</c>: the probability, by a logistic regression over the node's evidence, that a judge would call
/// the node correct (a real actor, place or event, named whole and typed right) rather than junk or of the wrong type.
/// The weights (<c>Resources/node-confidence.tsv</c>) were trained on the hand-judged nodes of the development corpora
/// by <c>tests/realtext/train_confidence.py</c> (docs/entities.md, "Node confidence").
/// </summary>
public sealed class NodeConfidence
{
    /// <summary>The features, in the order of <see cref="Features"/>; "bias" is always 1.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "bias", "gazetteer", "rule", "recogniser_only", "canonical", "role", "agent", "no_margin", "margin",
        "log_mentions", "log_documents", "relationship", "one_word", "all_capitals", "sentence_initial", "first_sentence",
        "organization", "person", "location", "digit", "lower_word", "log_forms", "recogniser_other_type",
        "hyphen",
    ];

    private readonly double[] _weights;

    private NodeConfidence(double[] weights) { _weights = weights; }

    /// <summary>The shipped weights.</summary>
    public static NodeConfidence Default => Shipped.Value;

    private static readonly Lazy<NodeConfidence> Shipped = new(() =>
    {
        using var reader = GraphBuilder.Embedded("node-confidence.tsv");
        return Parse(reader);
    });

    /// <summary>Reads "feature TAB weight" lines ('#' starts a comment); every feature of <see cref="FeatureNames"/> must be there.</summary>
    public static NodeConfidence Parse(TextReader reader)
    {
        var weights = new double[FeatureNames.Count];
        var seen = new bool[weights.Length];
        var names = FeatureNames.ToList();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            int i = names.IndexOf(parts[0]);
            if (parts.Length != 2 || i < 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]) || !double.IsFinite(weights[i]))
                throw new InvalidDataException($"node confidence weights: unexpected line '{line}'");
            seen[i] = true;
        }
        if (Array.IndexOf(seen, false) is var missing and >= 0) throw new InvalidDataException($"node confidence weights: no weight for {FeatureNames[missing]}");
        return new NodeConfidence(weights);
    }

    private static readonly EntityEvidence NoEvidence = new(false, false, false, false, float.NaN, false, false);

    /// <summary>
    /// The feature vector of a node: its evidence (null = none recorded), whether the text gives it a role (a title before a
    /// person) or an agent code, its mention and document counts, whether a relationship edge touches it, its name's shape and type,
    /// and how many distinct surface forms (<paramref name="forms"/>, the name among them) the text gives it.
    /// </summary>
    public static double[] Features(EntityType type, string name, EntityEvidence? evidence, bool role, bool agent, long mentions, long documents, bool relationship, int forms = 1)
    {
        static double B(bool b) => b ? 1 : 0;
        var ev = evidence ?? NoEvidence;
        bool hasMargin = !float.IsNaN(ev.Margin);
        return
        [
            1, B(ev.Gazetteer), B(ev.Rule), B(ev.RecogniserOnly), B(ev.Canonical), B(role), B(agent),
            B(!hasMargin), hasMargin ? Math.Log(1 + ev.Margin) / 5 : 0,
            Math.Log(mentions + 1), Math.Log(Math.Max(1, documents)), B(relationship),
            B(!name.Contains(' ', StringComparison.Ordinal)), B(name.Any(char.IsLetter) && !name.Any(char.IsLower)),
            B(ev.AllSentenceInitial), B(ev.OnlyInFirstSentence),
            B(type == EntityType.Organization), B(type == EntityType.Person), B(type == EntityType.Location),
            B(name.Any(char.IsDigit)), B(HasLowerCaseWord(name)), Math.Log(1 + Math.Max(1, forms)), B(ev.RecogniserOtherType),
            B(HasJoiningHyphen(name)),
        ];
    }

    /// <summary>
    /// A word after the first that starts with a lower-case letter, has four letters or more and no capital ("Bank of America"
    /// has none, "Army said" has one; a surname after a particle, "Samir al-Karim", has none): a name the finder ran on into
    /// the sentence, or a description, rather than a name.
    /// </summary>
    public static bool HasLowerCaseWord(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
            if (char.IsLower(words[i][0]) && !words[i].Any(char.IsUpper) && words[i].Count(char.IsLetter) >= 4) return true;
        return false;
    }

    /// <summary>
    /// A hyphen that joins two words ("Paris-Berlin", "Ostland-based"), not one after a name particle ("al-Abadi", "el-Sayed").
    /// </summary>
    public static bool HasJoiningHyphen(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.IndexOf('-') is var h and >= 0
            && !(h is > 0 and <= 3 && w[..h].All(char.IsLower) && h + 1 < w.Length && char.IsUpper(w[h + 1])));

    /// <summary>The probability in [0, 1], rounded to 3 decimals.</summary>
    public double Score(IReadOnlyList<double> features)
    {
        double z = 0;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * features[i];
        return Math.Round(1 / (1 + Math.Exp(-z)), 3);
    }
}
