using KnowledgeGraph.Core;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Graph;

/// <summary>A node label of the ontology; <see cref="Parent"/> is the coarse label a fine label refines.</summary>
public sealed record NodeLabelDefinition(string Name, string? Parent, string Description);

/// <summary>A relationship type: its category and the coarse labels allowed at each end.</summary>
public sealed record RelationshipTypeDefinition(
    string Type, string Category, IReadOnlyList<string> Domain, IReadOnlyList<string> Range, string Description);

/// <summary>
/// The ontology in graph-schema/schema.json, loaded once and immutable. The graph builder and every sink check
/// labels and relationship types against it, so nothing outside it is emitted.
/// </summary>
public sealed class OntologySchema
{
    public const string FileName = "schema.json";
    public const string MentionsType = "MENTIONS";
    public const string EntityLabel = "Entity";
    public const string DocumentLabel = "Document";

    private readonly Dictionary<string, NodeLabelDefinition> _labels;
    private readonly Dictionary<string, RelationshipTypeDefinition> _types;

    public OntologySchema(IEnumerable<NodeLabelDefinition> labels, IEnumerable<RelationshipTypeDefinition> types,
        IReadOnlyList<string> stativeCategories, IReadOnlyList<string> eventCategories)
    {
        _labels = labels.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _types = types.ToDictionary(t => t.Type, StringComparer.Ordinal);
        StativeCategories = stativeCategories;
        EventCategories = eventCategories;
        NodeLabels = _labels.Values.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        RelationshipTypes = _types.Values.OrderBy(t => t.Type, StringComparer.Ordinal).ToList();
        foreach (var l in NodeLabels)
            if (l.Parent is not null && !_labels.ContainsKey(l.Parent))
                throw new ModelLoadException(FileName, $"label '{l.Name}' has unknown parent '{l.Parent}'");
        foreach (var t in RelationshipTypes)
        {
            if (!IsValidName(t.Type)) throw new ModelLoadException(FileName, $"relationship type '{t.Type}' is not UPPER_SNAKE_CASE");
            foreach (var l in t.Domain.Concat(t.Range))
                if (!_labels.ContainsKey(l)) throw new ModelLoadException(FileName, $"type '{t.Type}' names unknown label '{l}'");
            if (t.Type != MentionsType && !StativeCategories.Contains(t.Category) && !EventCategories.Contains(t.Category))
                throw new ModelLoadException(FileName, $"type '{t.Type}' has unknown category '{t.Category}'");
        }
    }

    public IReadOnlyList<NodeLabelDefinition> NodeLabels { get; }
    public IReadOnlyList<RelationshipTypeDefinition> RelationshipTypes { get; }
    public IReadOnlyList<string> StativeCategories { get; }
    public IReadOnlyList<string> EventCategories { get; }

    /// <summary>The coarse entity labels: children of Entity.</summary>
    public IEnumerable<string> CoarseLabels => NodeLabels.Where(l => l.Parent == EntityLabel).Select(l => l.Name);

    public bool HasLabel(string label) => _labels.ContainsKey(label);

    public bool HasType(string type) => _types.ContainsKey(type);

    public RelationshipTypeDefinition? Type(string type) => _types.GetValueOrDefault(type);

    public NodeLabelDefinition? Label(string label) => _labels.GetValueOrDefault(label);

    /// <summary>True when <paramref name="fineLabel"/> refines <paramref name="coarse"/> (directly or through its parents).</summary>
    public bool Refines(string fineLabel, EntityType coarse)
    {
        var name = coarse.ToString();
        for (var l = Label(fineLabel); l is not null; l = l.Parent is null ? null : Label(l.Parent))
            if (l.Name == name) return true;
        return false;
    }

    /// <summary>True when an edge of <paramref name="type"/> may join entities of these coarse types.</summary>
    public bool Allows(string type, EntityType subject, EntityType obj) =>
        _types.TryGetValue(type, out var t) && t.Domain.Contains(subject.ToString()) && t.Range.Contains(obj.ToString());

    /// <summary>Labels and types go into Cypher text; only names like these may.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name.Length <= 64 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Loads schema.json from a file; a missing or malformed file is a clear error.</summary>
    public static OntologySchema Load(string path)
    {
        if (!File.Exists(path)) throw new ModelLoadException(path, "schema file not found");
        JObject root;
        try { root = JObject.Parse(File.ReadAllText(path)); }
        catch (Newtonsoft.Json.JsonException e) { throw new ModelLoadException(path, "not valid JSON: " + e.Message); }
        try
        {
            var labels = root["nodeLabels"]!.Select(l => new NodeLabelDefinition(
                (string)l["name"]!, (string?)l["parent"], (string?)l["description"] ?? ""));
            var types = root["relationshipTypes"]!.Select(t => new RelationshipTypeDefinition(
                (string)t["type"]!, (string)t["category"]!,
                t["domain"]!.Select(x => (string)x!).ToList(), t["range"]!.Select(x => (string)x!).ToList(),
                (string?)t["description"] ?? ""));
            var cats = root["categories"]!;
            return new OntologySchema(labels, types,
                cats["stative"]!.Select(x => (string)x!).ToList(), cats["event"]!.Select(x => (string)x!).ToList());
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or ArgumentException or FormatException)
        {
            throw new ModelLoadException(path, "schema is missing a field or has a wrong value: " + e.Message);
        }
    }

    /// <summary>The schema shipped beside the program (graph-schema/schema.json in the output folder).</summary>
    public static OntologySchema LoadDefault() =>
        Load(Path.Combine(AppContext.BaseDirectory, "graph-schema", FileName));
}
