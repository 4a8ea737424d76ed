using System.Reflection;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j;

/// <summary>The phase a batch belongs to, in load order.</summary>
public enum Neo4jLoadPhase { Nodes, Relationships, Recount }

/// <summary>One request of a load: a statement over up to batch-size rows. <see cref="Index"/> is 0-based.</summary>
public sealed record Neo4jBatch(int Index, Neo4jLoadPhase Phase, string Group, Neo4jStatement Statement, int Rows);

/// <summary>
/// Every request a load makes, computed up front and deterministic for a given graph and batch size: the schema
/// statements of graph-schema/constraints.cypher, then node batches grouped by label set, relationship batches grouped
/// by type (optional properties are row data, so they do not split a group), and the MENTIONS recount. Because the plan is fixed, "batches 1..k committed" names exactly what is in
/// the database after an interruption, and a resume can skip them.
/// </summary>
public sealed class Neo4jLoadPlan
{
    private Neo4jLoadPlan(IReadOnlyList<Neo4jStatement> schemaStatements, IReadOnlyList<Neo4jBatch> batches, int nodes, int relationships)
    {
        SchemaStatements = schemaStatements;
        Batches = batches;
        NodeCount = nodes;
        RelationshipCount = relationships;
    }

    public IReadOnlyList<Neo4jStatement> SchemaStatements { get; }
    public IReadOnlyList<Neo4jBatch> Batches { get; }
    public int NodeCount { get; }
    public int RelationshipCount { get; }

    /// <summary>graph-schema/constraints.cypher, embedded in this assembly so the loader never runs without it.</summary>
    public static string ConstraintsScript()
    {
        using var stream = typeof(Neo4jLoadPlan).Assembly.GetManifestResourceStream("KnowledgeGraph.Neo4j.constraints.cypher")
            ?? throw new InvalidOperationException("constraints.cypher is not embedded in KnowledgeGraph.Neo4j");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<Neo4jStatement> ConstraintStatements() =>
        CypherScript.Split(ConstraintsScript()).Select(s => new Neo4jStatement(s.Text)).ToList();

    public static Neo4jLoadPlan Build(GraphSnapshot graph, OntologySchema schema, int batchSize = Neo4jConnectionOptions.DefaultBatchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1");
        var batches = new List<Neo4jBatch>();

        // Nodes: one template per label set (labels cannot be parameters). Its list unions cover every list key of the
        // group and do nothing for a row without that key, so rows with different keys share one request.
        var nodeGroups = new SortedDictionary<string, (List<string> Labels, SortedSet<string> Lists, List<Dictionary<string, object?>> Rows)>(StringComparer.Ordinal);
        foreach (var n in graph.Nodes)
        {
            foreach (var l in n.Labels) CypherTemplates.Label(schema, l);
            var key = string.Join(":", n.Labels);
            if (!nodeGroups.TryGetValue(key, out var g))
                nodeGroups[key] = g = (n.Labels.ToList(), new SortedSet<string>(StringComparer.Ordinal), new List<Dictionary<string, object?>>());
            g.Lists.UnionWith(n.Properties.Where(p => p.Value is IReadOnlyList<string>).Select(p => p.Key));
            g.Rows.Add(NodeRow(n));
        }
        foreach (var (_, g) in nodeGroups)
        {
            var text = CypherTemplates.MergeNodes(schema, g.Labels, g.Lists.ToList());
            AddBatches(Neo4jLoadPhase.Nodes, ":" + string.Join(":", g.Labels), text, g.Rows);
        }

        // Relationships: one template per type (and the key labels of its ends, fixed by the contract: Entity, or
        // Document for MENTIONS). Optional lists, confidence and evidence_count travel as row data that may be absent.
        var relGroups = new SortedDictionary<string, (string Type, string Start, string End, SortedSet<string> Lists, bool Conf, bool Count, List<Dictionary<string, object?>> Rows)>(StringComparer.Ordinal);
        var mentioned = new SortedSet<string>(StringComparer.Ordinal);
        string? entityLabel = null, documentLabel = null;
        foreach (var e in graph.Edges)
        {
            CypherTemplates.RelationshipType(schema, e.Type);
            var start = KeyLabel(graph.Node(e.StartId)!);
            var end = KeyLabel(graph.Node(e.EndId)!);
            var key = $"{e.Type}|{start}|{end}";
            if (!relGroups.TryGetValue(key, out var g))
                relGroups[key] = g = (e.Type, start, end, new SortedSet<string>(StringComparer.Ordinal), false, false, new List<Dictionary<string, object?>>());
            g.Lists.UnionWith(e.Properties.Where(p => p.Value is IReadOnlyList<string>).Select(p => p.Key));
            g.Conf |= e[CypherTemplates.ConfidenceProperty] is not null;
            g.Count |= e[CypherTemplates.EvidenceCountProperty] is not null;
            relGroups[key] = g;
            g.Rows.Add(RelationshipRow(e));
            if (e.Type == OntologySchema.MentionsType)
            {
                mentioned.Add(e.EndId);
                documentLabel = start;
                entityLabel = end;
            }
        }
        foreach (var (_, g) in relGroups)
        {
            var text = CypherTemplates.MergeRelationships(schema, g.Type, g.Start, g.End, g.Lists.ToList(), g.Conf, g.Count);
            AddBatches(Neo4jLoadPhase.Relationships, g.Type, text, g.Rows);
        }

        if (mentioned.Count > 0)
            AddBatches(Neo4jLoadPhase.Recount, OntologySchema.MentionsType + " counts",
                CypherTemplates.RecountMentions(schema, entityLabel!, documentLabel!),
                mentioned.Select(id => new Dictionary<string, object?> { ["id"] = id }).ToList());

        return new Neo4jLoadPlan(ConstraintStatements(), batches, graph.Nodes.Count, graph.Edges.Count);

        void AddBatches(Neo4jLoadPhase phase, string group, string text, List<Dictionary<string, object?>> rows)
        {
            for (int i = 0; i < rows.Count; i += batchSize)
            {
                var chunk = rows.GetRange(i, Math.Min(batchSize, rows.Count - i));
                batches.Add(new Neo4jBatch(batches.Count, phase, group,
                    new Neo4jStatement(text, new Dictionary<string, object?> { ["rows"] = chunk }), chunk.Count));
            }
        }
    }

    /// <summary>The label a node is merged on: its first label, Entity or Document by contract.</summary>
    private static string KeyLabel(GraphNode node) => node.Labels.Count > 0 ? node.Labels[0]
        : throw new ArgumentException($"node '{node.Id}' has no label");

    private static Dictionary<string, object?> NodeRow(GraphNode n)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var onCreate = new Dictionary<string, object?>(StringComparer.Ordinal);
        var lists = new Dictionary<string, object?>(StringComparer.Ordinal);
        object? confidence = null;
        foreach (var (k, v) in n.Properties)
        {
            if (k == "id") continue;
            if (v is IReadOnlyList<string> l) lists[CheckKey(k)] = l;
            else if (CypherTemplates.RecountedNodeProperties.Contains(k)) onCreate[k] = v;
            else if (k == CypherTemplates.ConfidenceProperty) confidence = v;
            else props[k] = v;
        }
        var row = new Dictionary<string, object?> { ["id"] = n.Id, ["props"] = props, ["onCreate"] = onCreate, ["lists"] = lists };
        if (confidence != null) row[CypherTemplates.ConfidenceProperty] = confidence;
        return row;
    }

    private static Dictionary<string, object?> RelationshipRow(GraphEdge e)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var lists = new Dictionary<string, object?>(StringComparer.Ordinal);
        var row = new Dictionary<string, object?> { ["start"] = e.StartId, ["end"] = e.EndId, ["id"] = e.Id };
        foreach (var (k, v) in e.Properties)
        {
            if (k == "id") continue;
            if (v is IReadOnlyList<string> l) lists[CheckKey(k)] = l;
            else if (k is CypherTemplates.ConfidenceProperty or CypherTemplates.EvidenceCountProperty) row[k] = v;
            else props[k] = v;
        }
        row["props"] = props;
        row["lists"] = lists;
        return row;
    }

    private static string CheckKey(string key)
    {
        CypherTemplates.PropertyKey(key);
        return key;
    }
}
