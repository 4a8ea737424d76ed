namespace KnowledgeGraph.Graph;

/// <summary>
/// A node of the built graph. Property values are one of: string, long, double, bool, or a list of strings
/// (<see cref="IReadOnlyList{T}"/> of string). Properties are sorted by key; labels are in contract order
/// (Entity, coarse, then fine labels sorted), so writers that follow the order produce identical bytes.
/// </summary>
public sealed record GraphNode(string Id, IReadOnlyList<string> Labels, IReadOnlyList<KeyValuePair<string, object>> Properties)
{
    public object? this[string key] => Properties.FirstOrDefault(p => p.Key == key).Value;
    public string? Name => this["name"] as string;
}

/// <summary>A relationship of the built graph, with the same property-value rules as <see cref="GraphNode"/>.</summary>
public sealed record GraphEdge(string Id, string Type, string StartId, string EndId, IReadOnlyList<KeyValuePair<string, object>> Properties)
{
    public object? this[string key] => Properties.FirstOrDefault(p => p.Key == key).Value;
}

/// <summary>
/// An immutable, ordered view of a knowledge graph: what every sink writes. Nodes are ordered by id, edges by
/// (type, start, end, id); all nodes come before all edges.
/// </summary>
public sealed class GraphSnapshot
{
    private readonly Dictionary<string, GraphNode> _byId;

    public GraphSnapshot(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        Nodes = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        Edges = edges.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.StartId, StringComparer.Ordinal)
            .ThenBy(e => e.EndId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in Nodes)
            if (!_byId.TryAdd(n.Id, n)) throw new ArgumentException($"duplicate node id '{n.Id}'", nameof(nodes));
        foreach (var e in Edges)
            if (!_byId.ContainsKey(e.StartId) || !_byId.ContainsKey(e.EndId))
                throw new ArgumentException($"edge '{e.Id}' joins a node that is not in the graph", nameof(edges));
    }

    public IReadOnlyList<GraphNode> Nodes { get; }
    public IReadOnlyList<GraphEdge> Edges { get; }

    public GraphNode? Node(string id) => _byId.GetValueOrDefault(id);

    public static GraphSnapshot Empty { get; } = new(Array.Empty<GraphNode>(), Array.Empty<GraphEdge>());
}
