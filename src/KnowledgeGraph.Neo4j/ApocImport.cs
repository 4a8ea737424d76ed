using System.Text;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j;

/// <summary>
/// What APOC's importers need to read our files, and the exact calls (quoted in README and docs/neo4j.md; a test
/// checks the docs against these constants).
/// </summary>
/// <remarks>
/// <c>apoc.import.json</c> stores each node's <c>id</c> in the property named by <c>importIdName</c> (default
/// <c>neo4jImportId</c>) and refuses to start ("Missing constraint required for import") unless every label of
/// every node it meets has a uniqueness constraint on that property. <c>apoc.import.graphml</c> creates labels only
/// with <c>readLabels: true</c> and keeps the node id only with <c>storeNodeIds: true</c>.
/// </remarks>
public static class ApocImport
{
    public const string ConstraintsFileName = "apoc-constraints.cypher";

    /// <summary>The property our ids live in; APOC must be told, or it writes them to neo4jImportId.</summary>
    public const string ImportIdName = "id";

    public const string JsonCall = "CALL apoc.import.json('file:///graph.jsonl', {importIdName: 'id'});";
    public const string GraphMlCall = "CALL apoc.import.graphml('file:///graph.graphml', {readLabels: true, storeNodeIds: true});";

    /// <summary>
    /// One <c>IF NOT EXISTS</c> uniqueness constraint on <c>id</c> per label of the ontology, in label order. The
    /// constraint names of Entity and Document are those of constraints.cypher, so running both files creates each once.
    /// </summary>
    public static string ConstraintsScript(OntologySchema schema)
    {
        var sb = new StringBuilder();
        sb.Append("// KnowledgeGraph: the constraints apoc.import.json needs, one per label of graph-schema/schema.json.\n");
        sb.Append("// GENERATED from schema.json by `kg schema apoc-constraints --out graph-schema/apoc-constraints.cypher`;\n");
        sb.Append("// a test fails when this file and schema.json disagree. Run it before the import, on Neo4j 5:\n");
        sb.Append("//   cypher-shell -u neo4j -p \"$NEO4J_PASSWORD\" -f graph-schema/apoc-constraints.cypher\n");
        sb.Append("//   ").Append(JsonCall).Append('\n');
        sb.Append("// APOC's JSON importer refuses a node unless each of its labels has a uniqueness constraint on the\n");
        sb.Append("// import id property, which importIdName: 'id' makes our `id`. Every statement is IF NOT EXISTS.\n");
        foreach (var label in schema.NodeLabels)
        {
            sb.Append('\n');
            sb.Append("CREATE CONSTRAINT ").Append(ConstraintName(label.Name)).Append(" IF NOT EXISTS FOR (n:")
              .Append(CypherTemplates.Quote(label.Name)).Append(") REQUIRE n.").Append(ImportIdName).Append(" IS UNIQUE;\n");
        }
        return sb.ToString();
    }

    /// <summary>snake_case of the label plus "_id": Entity -> entity_id, ArmedGroup -> armed_group_id.</summary>
    public static string ConstraintName(string label)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < label.Length; i++)
        {
            char c = label[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(label[i - 1]) || i + 1 < label.Length && char.IsLower(label[i + 1]))) sb.Append('_');
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }
        return sb.Append("_id").ToString();
    }
}
