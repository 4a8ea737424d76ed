using System.Globalization;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Neo4j;

/// <summary>
/// The write statistics Neo4j returns for a statement (Query API "counters", legacy API "stats"), summed over batches.
/// <see cref="PropertiesSet"/> counts property writes, including writes of an unchanged value, so a reload shows
/// properties set but no nodes or relationships created.
/// </summary>
public sealed record Neo4jCounters(
    long NodesCreated = 0, long NodesDeleted = 0, long RelationshipsCreated = 0, long RelationshipsDeleted = 0,
    long PropertiesSet = 0, long LabelsAdded = 0, long LabelsRemoved = 0, long IndexesAdded = 0, long IndexesRemoved = 0,
    long ConstraintsAdded = 0, long ConstraintsRemoved = 0)
{
    public static Neo4jCounters Zero { get; } = new();

    public Neo4jCounters Add(Neo4jCounters o) => new(
        NodesCreated + o.NodesCreated, NodesDeleted + o.NodesDeleted, RelationshipsCreated + o.RelationshipsCreated,
        RelationshipsDeleted + o.RelationshipsDeleted, PropertiesSet + o.PropertiesSet, LabelsAdded + o.LabelsAdded,
        LabelsRemoved + o.LabelsRemoved, IndexesAdded + o.IndexesAdded, IndexesRemoved + o.IndexesRemoved,
        ConstraintsAdded + o.ConstraintsAdded, ConstraintsRemoved + o.ConstraintsRemoved);

    /// <summary>Reads Query API counters (camelCase) or legacy stats (snake_case; note the legacy "relationship_deleted").</summary>
    public static Neo4jCounters FromJson(JObject? o)
    {
        if (o is null) return Zero;
        long Get(params string[] names)
        {
            foreach (var n in names)
                if (o[n] is JValue v && v.Type == JTokenType.Integer) return (long)v;
            return 0;
        }
        return new Neo4jCounters(
            Get("nodesCreated", "nodes_created"), Get("nodesDeleted", "nodes_deleted"),
            Get("relationshipsCreated", "relationships_created"), Get("relationshipsDeleted", "relationship_deleted", "relationships_deleted"),
            Get("propertiesSet", "properties_set"), Get("labelsAdded", "labels_added"), Get("labelsRemoved", "labels_removed"),
            Get("indexesAdded", "indexes_added"), Get("indexesRemoved", "indexes_removed"),
            Get("constraintsAdded", "constraints_added"), Get("constraintsRemoved", "constraints_removed"));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"nodes created {NodesCreated}, relationships created {RelationshipsCreated}, properties set {PropertiesSet}, labels added {LabelsAdded}, constraints added {ConstraintsAdded}, indexes added {IndexesAdded}");
}
