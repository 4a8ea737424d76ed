using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>Small graphs built in code, covering the whole ontology, with the contract's properties.</summary>
internal static class TestGraphs
{
    public static OntologySchema Schema { get; } = OntologySchema.LoadDefault();

    private static KeyValuePair<string, object> P(string k, object v) => new(k, v);

    public static GraphNode Entity(string id, string name, IReadOnlyList<string> labels, long mentions = 2, params string[] aliases) =>
        new(id, labels, new[]
        {
            P("aliases", aliases.Length > 0 ? aliases : new[] { name }), P("doc_count", 1L), P("mentions", mentions), P("name", name),
        });

    public static GraphNode Document(string id, string title) =>
        new(id, new[] { "Document" }, new[] { P("characters", 1200L), P("date", "2023-06-16"), P("source", "news/" + id + ".txt"), P("title", title) });

    public static GraphEdge Edge(string id, string type, string start, string end, string category, string docId, string sentence, double confidence = 0.8) =>
        new(id, type, start, end, new[]
        {
            P("category", category), P("confidence", confidence), P("dates", new[] { "2023-06-16" }), P("doc_ids", new[] { docId }),
            P("evidence", new[] { sentence }), P("evidence_count", 1L), P("offsets", new[] { docId + ":10-60" }), P("trigger", new[] { "verb" }),
        });

    public static GraphEdge Mentions(string id, string doc, string entity, long count) =>
        new(id, OntologySchema.MentionsType, doc, entity, new[] { P("count", count) });

    /// <summary>
    /// One entity for every label set the ontology allows (each coarse label alone, each fine label with its parent),
    /// one edge for every relationship type between entities its domain and range allow, and MENTIONS edges.
    /// Values include the awkward characters (quotes, commas, semicolons, newlines, backticks) a loader must carry.
    /// </summary>
    public static GraphSnapshot Full()
    {
        var s = Schema;
        var nodes = new List<GraphNode>();
        var byCoarse = new Dictionary<string, List<GraphNode>>(StringComparer.Ordinal);
        foreach (var coarse in s.CoarseLabels)
        {
            var n = Entity($"e:{coarse.ToLowerInvariant()}:plain", $"Plain {coarse}", new[] { "Entity", coarse });
            if (coarse == "Person") // the optional properties of the contract
                n = n with { Properties = n.Properties.Append(P("role", "commander")).Append(P("title", "General")).OrderBy(p => p.Key, StringComparer.Ordinal).ToList() };
            nodes.Add(n);
            byCoarse[coarse] = new List<GraphNode> { n };
        }
        foreach (var l in s.NodeLabels.Where(l => l.Parent is not null && l.Parent != OntologySchema.EntityLabel))
        {
            var n = Entity($"e:{l.Parent!.ToLowerInvariant()}:{l.Name.ToLowerInvariant()}", $"Sample \"{l.Name}\", a {l.Parent}; with `ticks`",
                new[] { "Entity", l.Parent!, l.Name }, 3, $"{l.Name} alias", "line\nbreak");
            nodes.Add(n);
            byCoarse[l.Parent!].Add(n);
        }
        var doc = Document("d:00000000000000aa", "A \"quoted\", title; with\nnewline");
        var doc2 = Document("d:00000000000000bb", "Second");
        nodes.Add(doc);
        nodes.Add(doc2);
        var edges = new List<GraphEdge>();
        int i = 0;
        foreach (var t in s.RelationshipTypes.Where(t => t.Type != OntologySchema.MentionsType))
        {
            GraphNode Pick(IReadOnlyList<string> allowed, int skip)
            {
                var pool = allowed.Contains(OntologySchema.EntityLabel) ? byCoarse.Values.SelectMany(v => v).ToList()
                    : allowed.Where(byCoarse.ContainsKey).SelectMany(c => byCoarse[c]).ToList();
                return pool[skip % pool.Count];
            }
            var a = Pick(t.Domain, i);
            var b = Pick(t.Range, i + 1);
            if (a.Id == b.Id) b = Pick(t.Range, i + 2);
            edges.Add(Edge($"r:{i:x4}", t.Type, a.Id, b.Id, t.Category, doc.Id, $"Sentence {i} for {t.Type}, with \"quotes\"; and more."));
            i++;
        }
        foreach (var n in nodes.Where(n => n.Labels[0] == OntologySchema.EntityLabel))
            edges.Add(Mentions($"r:m{i++:x4}", doc.Id, n.Id, 2));
        edges.Add(Mentions($"r:m{i:x4}", doc2.Id, nodes[0].Id, 1));
        edges[0] = edges[0] with { Properties = edges[0].Properties.Append(P("attributed_to", new[] { "officials" })).OrderBy(p => p.Key, StringComparer.Ordinal).ToList() };
        return new GraphSnapshot(nodes, edges);
    }

    /// <summary>n Person entities with one relationship chain between them, for batching tests.</summary>
    public static GraphSnapshot Chain(int n)
    {
        var nodes = Enumerable.Range(0, n).Select(k => Entity($"e:per:p{k:d5}", $"Person {k}", new[] { "Entity", "Person" })).ToList();
        var edges = Enumerable.Range(0, n - 1).Select(k => Edge($"r:{k:x5}", "MET_WITH", nodes[k].Id, nodes[k + 1].Id, "CONSULT", "d:00000000000000aa", $"S{k}.")).ToList();
        return new GraphSnapshot(nodes, edges);
    }
}
