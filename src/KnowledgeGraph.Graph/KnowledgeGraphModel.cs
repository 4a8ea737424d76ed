using QuikGraph;

namespace KnowledgeGraph.Graph;

/// <summary>
/// The built knowledge graph, held in a QuikGraph bidirectional graph (so in- and out-edges and graph algorithms are
/// at hand) and exposed to sinks as an ordered <see cref="GraphSnapshot"/>.
/// </summary>
public sealed class KnowledgeGraphModel
{
    private readonly BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>> _graph;

    internal KnowledgeGraphModel(BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>> graph)
    {
        _graph = graph;
        Snapshot = new GraphSnapshot(graph.Vertices, graph.Edges.Select(e => e.Tag));
    }

    public GraphSnapshot Snapshot { get; }

    public IBidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>> Graph => _graph;

    /// <summary>Entity-to-entity relationships only (no MENTIONS), as a user would count them.</summary>
    public IEnumerable<GraphEdge> Relationships => Snapshot.Edges.Where(e => e.Type != OntologySchema.MentionsType);

    /// <summary>Entities by how many relationships touch them, most connected first (ties by id).</summary>
    public IReadOnlyList<(GraphNode Node, int Degree)> MostConnected(int count) =>
        _graph.Vertices.Where(v => v.Labels.Contains(OntologySchema.EntityLabel))
            .Select(v => (v, _graph.InEdges(v).Count(e => e.Tag.Type != OntologySchema.MentionsType)
                           + _graph.OutEdges(v).Count(e => e.Tag.Type != OntologySchema.MentionsType)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.v.Id, StringComparer.Ordinal)
            .Take(count).ToList();
}
