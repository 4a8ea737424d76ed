using QuikGraph;

namespace KnowledgeGraph.Graph;

/// <summary>
/// The built knowledge graph, exposed to sinks as an ordered <see cref="GraphSnapshot"/>, and as a QuikGraph
/// bidirectional graph (in- and out-edges, graph algorithms) made on first use, so that a build that only writes
/// files never holds the graph twice.
/// </summary>
public sealed class KnowledgeGraphModel
{
    private BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>>? _graph;

    internal KnowledgeGraphModel(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, MentionEdges? mentions = null)
    {
        Snapshot = new GraphSnapshot(nodes, edges, mentions);
    }

    public GraphSnapshot Snapshot { get; }

    public IBidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>> Graph => _graph ??= Bidirectional(Snapshot);

    private static BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>> Bidirectional(GraphSnapshot snapshot)
    {
        var graph = new BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>>(allowParallelEdges: true);
        graph.AddVertexRange(snapshot.Nodes);
        foreach (var e in snapshot.Edges) graph.AddEdge(new TaggedEdge<GraphNode, GraphEdge>(snapshot.Node(e.StartId)!, snapshot.Node(e.EndId)!, e));
        return graph;
    }

    /// <summary>Entity-to-entity relationships only (no MENTIONS), as a user would count them.</summary>
    public IEnumerable<GraphEdge> Relationships => Snapshot.Edges.Where(e => e.Type != OntologySchema.MentionsType);

    /// <summary>Entities by how many relationships touch them, most connected first (ties by id).</summary>
    public IReadOnlyList<(GraphNode Node, int Degree)> MostConnected(int count) =>
        Graph.Vertices.Where(v => v.Labels.Contains(OntologySchema.EntityLabel))
            .Select(v => (v, Graph.InEdges(v).Count(e => e.Tag.Type != OntologySchema.MentionsType)
                           + Graph.OutEdges(v).Count(e => e.Tag.Type != OntologySchema.MentionsType)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.v.Id, StringComparer.Ordinal)
            .Take(count).ToList();
}
