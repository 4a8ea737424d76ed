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

    public GraphSnapshot(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges) : this(nodes, edges, null) { }

    /// <param name="mentions">MENTIONS edges kept compact (a build's largest part: one per document and entity), made
    /// into <see cref="GraphEdge"/> objects each time they are read, in their place in <see cref="Edges"/>' order.</param>
    internal GraphSnapshot(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, MentionEdges? mentions)
    {
        Nodes = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var given = edges.ToList();
        // a MENTIONS edge given as an object (not by a builder) cannot be told apart from the compact ones: sort all as one
        bool mixed = mentions is not null && given.Any(e => e.Type == MentionEdges.Type);
        var sorted = given.Concat(mixed ? mentions! : Enumerable.Empty<GraphEdge>())
            .OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.StartId, StringComparer.Ordinal)
            .ThenBy(e => e.EndId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in Nodes)
            if (!_byId.TryAdd(n.Id, n)) throw new ArgumentException($"duplicate node id '{n.Id}'", nameof(nodes));
        foreach (var e in sorted)
            if (!_byId.ContainsKey(e.StartId) || !_byId.ContainsKey(e.EndId))
                throw new ArgumentException($"edge '{e.Id}' joins a node that is not in the graph", nameof(edges));
        if (mentions is null || mixed)
        {
            Edges = sorted;
            return;
        }
        foreach (var m in mentions.Nodes())
            if (!_byId.TryGetValue(m.Id, out var known) || !ReferenceEquals(known, m))
                throw new ArgumentException($"a MENTIONS edge joins '{m.Id}', which is not a node of the graph", nameof(mentions));
        int split = 0;
        while (split < sorted.Count && string.CompareOrdinal(sorted[split].Type, MentionEdges.Type) < 0) split++;
        Edges = new SplicedEdges(sorted, split, mentions);
    }

    public IReadOnlyList<GraphNode> Nodes { get; }
    public IReadOnlyList<GraphEdge> Edges { get; }

    public GraphNode? Node(string id) => _byId.GetValueOrDefault(id);

    public static GraphSnapshot Empty { get; } = new(Array.Empty<GraphNode>(), Array.Empty<GraphEdge>());
}

/// <summary>
/// The MENTIONS edges of a built graph as (document, entity, count), sorted as <see cref="GraphSnapshot.Edges"/> orders
/// them (document id, entity id, then the order they were made in); each read makes the <see cref="GraphEdge"/> anew,
/// so a graph of millions of mentions does not hold millions of edge objects.
/// </summary>
internal sealed class MentionEdges : IReadOnlyList<GraphEdge>
{
    public const string Type = OntologySchema.MentionsType;

    private readonly (GraphNode Document, GraphNode Entity, long Count)[] _items;

    /// <param name="items">In the order they were made; sorted here (stable for equal document and entity).</param>
    public MentionEdges(List<(GraphNode Document, GraphNode Entity, long Count)> items)
    {
        var order = Enumerable.Range(0, items.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(items[a].Document.Id, items[b].Document.Id);
            if (c == 0) c = string.CompareOrdinal(items[a].Entity.Id, items[b].Entity.Id);
            return c != 0 ? c : a.CompareTo(b);
        });
        _items = order.Select(i => items[i]).ToArray();
    }

    public int Count => _items.Length;

    public GraphEdge this[int index]
    {
        get
        {
            var (doc, entity, count) = _items[index];
            return new GraphEdge(Id(doc.Id, entity.Id), Type, doc.Id, entity.Id, new KeyValuePair<string, object>[] { new("count", Boxed(count)) });
        }
    }

    /// <summary>The nodes the edges join.</summary>
    public IEnumerable<GraphNode> Nodes() => _items.SelectMany(m => new[] { m.Document, m.Entity });

    public IEnumerator<GraphEdge> GetEnumerator()
    {
        for (int i = 0; i < _items.Length; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A MENTIONS edge's id: a hash of its document and entity ids.</summary>
    public static string Id(string documentId, string entityId) =>
        "m:" + GraphBuilder.Hash(documentId + "|" + entityId);

    private static readonly object[] SmallCounts = Enumerable.Range(0, 256).Select(i => (object)(long)i).ToArray();

    /// <summary>A boxed count, one shared object for each of the small counts most edges carry.</summary>
    private static object Boxed(long count) => count >= 0 && count < SmallCounts.Length ? SmallCounts[count] : count;
}

/// <summary>Sorted edges with the MENTIONS block spliced in at <c>split</c>, where its type falls in ordinal order.</summary>
internal sealed class SplicedEdges(List<GraphEdge> others, int split, MentionEdges mentions) : IReadOnlyList<GraphEdge>
{
    public int Count => others.Count + mentions.Count;

    public GraphEdge this[int index] =>
        index < split ? others[index] : index < split + mentions.Count ? mentions[index - split] : others[index - mentions.Count];

    public IEnumerator<GraphEdge> GetEnumerator()
    {
        for (int i = 0; i < split; i++) yield return others[i];
        foreach (var m in mentions) yield return m;
        for (int i = split; i < others.Count; i++) yield return others[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
