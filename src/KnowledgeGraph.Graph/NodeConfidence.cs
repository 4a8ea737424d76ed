using System.Collections.Frozen;
using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>
/// A node's <c>confidence</c>: the probability, by a logistic regression over the node's evidence, that a judge would call
/// the node correct (a real actor, place or event, named whole and typed right) rather than junk or of the wrong type.
/// The weights (<c>Resources/node-confidence.tsv</c>) were trained on the hand-judged nodes of the development corpora
/// by <c>tests/realtext/train_gate.py</c> (docs/entities.md, "Node confidence"), dense and sparse weights.
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
        // where the name mentions stand (MentionContext, since branch ctx38): shares of the name mentions
        "share_opening", "share_headline", "share_title_line", "share_list_item", "share_dateline", "share_citation",
        "share_unpunctuated", "mean_margin",
    ];

    private readonly double[] _weights;
    private readonly FrozenDictionary<string, double> _sparse;

    private NodeConfidence(double[] weights, Dictionary<string, double> sparse)
    {
        _weights = weights;
        _sparse = sparse.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many sparse features (<see cref="SparseFeatures"/>) carry a weight.</summary>
    public int SparseWeightCount => _sparse.Count;

    /// <summary>The shipped weights.</summary>
    public static NodeConfidence Default => Shipped.Value;

    private static readonly Lazy<NodeConfidence> Shipped = new(() =>
    {
        using var reader = GraphBuilder.Embedded("node-confidence.tsv");
        return Parse(reader);
    });

    /// <summary>
    /// Reads "feature TAB weight" lines ('#' starts a comment); every feature of <see cref="FeatureNames"/> must be there.
    /// A line "s:KEY TAB weight" weighs the sparse feature KEY (<see cref="SparseFeatures"/>); a sparse feature not listed weighs 0.
    /// </summary>
    public static NodeConfidence Parse(TextReader reader)
    {
        var weights = new double[FeatureNames.Count];
        var seen = new bool[weights.Length];
        var names = FeatureNames.ToList();
        var sparse = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts[0].StartsWith("s:", StringComparison.Ordinal))
            {
                if (parts.Length != 2 || parts[0].Length == 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    || !double.IsFinite(v) || !sparse.TryAdd(parts[0][2..], v))
                    throw new InvalidDataException($"node confidence weights: unexpected line '{line}'");
                continue;
            }
            int i = names.IndexOf(parts[0]);
            if (parts.Length != 2 || i < 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]) || !double.IsFinite(weights[i]))
                throw new InvalidDataException($"node confidence weights: unexpected line '{line}'");
            seen[i] = true;
        }
        if (Array.IndexOf(seen, false) is var missing and >= 0) throw new InvalidDataException($"node confidence weights: no weight for {FeatureNames[missing]}");
        return new NodeConfidence(weights, sparse);
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
        var cx = ev.Context;
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
            Share(cx?.Opening), Share(cx?.Headline), Share(cx?.TitleLine), Share(cx?.ListItem), Share(cx?.Dateline), Share(cx?.Citation),
            Share(cx?.Unpunctuated), cx is { MarginCount: > 0 } ? Math.Log(1 + Math.Max(0, cx.MarginSum / cx.MarginCount)) / 5 : 0,
        ];
        double Share(int? count) => cx is { Names: > 0 } && count is { } c ? (double)c / cx.Names : 0;
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

    /// <summary>
    /// The sparse features of a node, each worth 1 when present (tests/realtext/train_gate.py computes the same from the
    /// features file): its labels after Entity (<paramref name="labels"/>, ':'-joined: "Location:Country") and each sublabel;
    /// the name's lower-cased words; its first word; its last word with the type; the shapes of its first four words with
    /// the type (upper X, lower x, digit d, any other character as itself, a run written once: "Xx X.X."); its number of
    /// words (five or more as 5) with the type; and the context keys of its name mentions (<see cref="MentionContext.Keys"/>:
    /// "prev=ADP", "nextw=said"). Sorted, without repeats.
    /// </summary>
    public static IReadOnlyList<string> SparseFeatures(string labels, string name, IReadOnlyList<string>? context = null)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        var parts = labels.Split(':');
        string type = parts[0];
        var f = new SortedSet<string>(StringComparer.Ordinal) { "labels=" + labels };
        foreach (var p in parts.Skip(1)) f.Add("sub=" + p);
        foreach (var w in words) f.Add("w=" + w.ToLowerInvariant());
        f.Add("first=" + words[0].ToLowerInvariant());
        f.Add("last=" + type + "|" + words[^1].ToLowerInvariant());
        f.Add("shape=" + type + "|" + string.Join(' ', words.Take(4).Select(Shape)) + (words.Length > 4 ? "+" : ""));
        f.Add("n=" + type + "|" + Math.Min(words.Length, 5).ToString(CultureInfo.InvariantCulture));
        if (context is not null) f.UnionWith(context);
        return f.ToList();
    }

    /// <summary>A word's shape: upper X, lower x, digit d, any other character as itself; a run of one symbol written once ("Xx", "X.X.").</summary>
    public static string Shape(string word)
    {
        var sb = new System.Text.StringBuilder(word.Length);
        foreach (char c in word)
        {
            char s = c is >= '0' and <= '9' ? 'd' : char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : c;
            if (sb.Length == 0 || sb[^1] != s) sb.Append(s);
        }
        return sb.ToString();
    }

    /// <summary>The probability in [0, 1], rounded to 3 decimals, of the dense features alone.</summary>
    public double Score(IReadOnlyList<double> features) => Score(features, []);

    /// <summary>The probability in [0, 1], rounded to 3 decimals, of the dense and sparse features (<see cref="SparseFeatures"/>).</summary>
    public double Score(IReadOnlyList<double> features, IReadOnlyList<string> sparse)
    {
        double z = 0;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * features[i];
        foreach (var k in sparse) if (_sparse.TryGetValue(k, out var w)) z += w;
        return Math.Round(1 / (1 + Math.Exp(-z)), 3);
    }
}
