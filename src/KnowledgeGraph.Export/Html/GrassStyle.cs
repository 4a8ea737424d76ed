using System.Globalization;

namespace KnowledgeGraph.Export.Html;

/// <summary>One rule of a GraSS style sheet: <c>node.Person { color: #6DCE9E; ... }</c>.</summary>
/// <param name="Kind"><c>node</c> or <c>relationship</c>.</param>
/// <param name="Class">The label or relationship type after the dot, or null for the kind's default rule.</param>
/// <param name="Properties">The rule's properties, quotes removed, in file order.</param>
public sealed record GrassRule(string Kind, string? Class, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    public string Selector => Class is null ? Kind : Kind + "." + Class;
}

/// <summary>Colour, border and size of a node as a style sheet gives them.</summary>
public sealed record NodeStyle(string Color, string BorderColor, double Diameter);

/// <summary>Colour and width of a relationship as a style sheet gives them.</summary>
public sealed record RelationshipStyle(string Color, double Width);

/// <summary>
/// Neo4j Browser's graph style sheet (<c>graph-schema/style.grass</c>), the one source of the colours and sizes of
/// every view: Browser reads the file, and <c>kg view</c> and the annotated article read the same file embedded in
/// this assembly. Rules apply the way Browser applies them: every rule whose selector matches (the kind's default
/// rule, then one rule per label) is merged in file order, later properties winning.
/// </summary>
public sealed class GrassStyle
{
    private const string ResourceName = "KnowledgeGraph.Export.Html.style.grass";
    private static readonly Lazy<GrassStyle> Embedded = new(() =>
    {
        using var stream = typeof(GrassStyle).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private GrassStyle(IReadOnlyList<GrassRule> rules) { Rules = rules; }

    /// <summary>The rules in file order.</summary>
    public IReadOnlyList<GrassRule> Rules { get; }

    /// <summary>graph-schema/style.grass as it was when this assembly was built.</summary>
    public static GrassStyle Default => Embedded.Value;

    /// <summary>Parses GraSS: <c>selector { name: value; ... }</c> rules, values optionally quoted.</summary>
    public static GrassStyle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<GrassRule>();
        int i = 0;
        while (true)
        {
            int open = text.IndexOf('{', i);
            if (open < 0)
            {
                if (text.AsSpan(i).Trim().Length > 0) throw new FormatException($"style sheet: text after the last rule at offset {i}");
                break;
            }
            var selector = text[i..open].Trim();
            int close = open + 1;
            char quote = '\0';
            for (; close < text.Length; close++)
            {
                char c = text[close];
                if (quote != '\0') { if (c == quote) quote = '\0'; }
                else if (c is '\'' or '"') quote = c;
                else if (c == '}') break;
            }
            if (close >= text.Length) throw new FormatException($"style sheet: rule '{selector}' is not closed");
            rules.Add(new GrassRule(KindOf(selector), ClassOf(selector), Properties(text[(open + 1)..close], selector)));
            i = close + 1;
        }
        return new GrassStyle(rules);
    }

    private static string KindOf(string selector)
    {
        var kind = selector.Split('.')[0];
        if (kind is not ("node" or "relationship") || selector.Split('.').Length > 2)
            throw new FormatException($"style sheet: unsupported selector '{selector}'");
        return kind;
    }

    private static string? ClassOf(string selector) => selector.Contains('.', StringComparison.Ordinal) ? selector[(selector.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;

    private static List<KeyValuePair<string, string>> Properties(string body, string selector)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var part in SplitOutsideQuotes(body, ';'))
        {
            if (part.Trim().Length == 0) continue;
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw new FormatException($"style sheet: '{part.Trim()}' in rule '{selector}' is not 'name: value'");
            var value = part[(colon + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0]) value = value[1..^1];
            list.Add(new KeyValuePair<string, string>(part[..colon].Trim(), value));
        }
        return list;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string s, char separator)
    {
        int start = 0;
        char quote = '\0';
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == separator) { yield return s[start..i]; start = i + 1; }
        }
        yield return s[start..];
    }

    /// <summary>The merged properties for a node with these labels (the <c>node</c> rule, then each matching label rule in file order).</summary>
    public IReadOnlyDictionary<string, string> ForNode(IEnumerable<string> labels)
    {
        var set = new HashSet<string>(labels, StringComparer.Ordinal);
        return Merge(r => r.Kind == "node" && (r.Class is null || set.Contains(r.Class)));
    }

    /// <summary>The merged properties for a relationship of this type.</summary>
    public IReadOnlyDictionary<string, string> ForRelationship(string type) =>
        Merge(r => r.Kind == "relationship" && (r.Class is null || r.Class == type));

    public NodeStyle NodeStyleFor(IEnumerable<string> labels)
    {
        var p = ForNode(labels);
        return new NodeStyle(p.GetValueOrDefault("color", "#A5ABB6"), p.GetValueOrDefault("border-color", "#9AA1AC"), Pixels(p.GetValueOrDefault("diameter"), 50));
    }

    public RelationshipStyle RelationshipStyleFor(string type)
    {
        var p = ForRelationship(type);
        return new RelationshipStyle(p.GetValueOrDefault("color", "#A5ABB6"), Pixels(p.GetValueOrDefault("shaft-width"), 1));
    }

    private Dictionary<string, string> Merge(Func<GrassRule, bool> matches)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in Rules.Where(matches))
            foreach (var (k, v) in rule.Properties) merged[k] = v;
        return merged;
    }

    private static double Pixels(string? value, double fallback)
    {
        if (value is null) return fallback;
        var number = value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : fallback;
    }
}
