using System.Text;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j;

/// <summary>
/// The Cypher text of the loader. Only names go into the text — labels and types checked against the ontology,
/// property keys checked as plain identifiers — always backtick-quoted; every value is in <c>$rows</c>.
/// </summary>
/// <remarks>
/// Merge rules, chosen so that loading twice changes nothing and a second build merges into the first:
/// <list type="bullet">
/// <item>Nodes MERGE on their key label (Entity or Document) and id; further labels are added, never removed.</item>
/// <item>Relationships MERGE on (start, type, end) — the contract has one edge per triple — so edges from two builds
/// meet even if their ids differ; the first id is kept.</item>
/// <item>List properties (aliases, evidence, doc_ids, offsets, trigger, dates, attributed_to, modality, cameo, mode, context) are unioned: values only
/// in the database first, then the new list, without APOC: <c>[x IN coalesce(n.k, []) WHERE NOT x IN row.k] + row.k</c>;
/// a row without the key leaves the property as it is (one statement serves rows with different keys).</item>
/// <item><c>confidence</c> (of entities and of relationships) keeps the maximum; <c>evidence_count</c> grows only by offsets not yet present, so reloading
/// the same document adds nothing.</item>
/// <item>Entity <c>mentions</c>/<c>doc_count</c> are set on create only and then recomputed from the
/// (Document)-[:MENTIONS {count}]->(Entity) edges, which are per document and overwritten, never added: reloading a
/// document cannot double a count, and a second build with new documents adds theirs.</item>
/// <item>Other scalar properties: the latest load wins.</item>
/// </list>
/// </remarks>
public static class CypherTemplates
{
    /// <summary>Node properties that are counts over documents: set on create, then recounted from MENTIONS.</summary>
    public static IReadOnlySet<string> RecountedNodeProperties { get; } = new HashSet<string>(StringComparer.Ordinal) { "mentions", "doc_count" };

    public const string ConfidenceProperty = "confidence";
    public const string EvidenceCountProperty = "evidence_count";
    public const string OffsetsProperty = "offsets";

    /// <summary>Backtick-quotes a name for Cypher text, doubling any backtick in it.</summary>
    public static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>Property keys go into the text too; only plain identifiers are allowed.</summary>
    public static string PropertyKey(string key) =>
        OntologySchema.IsValidName(key) ? Quote(key) : throw new ArgumentException($"property key '{key}' is not a plain identifier");

    public static string Label(OntologySchema schema, string label) =>
        schema.HasLabel(label) && OntologySchema.IsValidName(label)
            ? Quote(label) : throw new ArgumentException($"label '{label}' is not in the ontology (graph-schema/schema.json)");

    public static string RelationshipType(OntologySchema schema, string type) =>
        schema.HasType(type) && OntologySchema.IsValidName(type)
            ? Quote(type) : throw new ArgumentException($"relationship type '{type}' is not in the ontology (graph-schema/schema.json)");

    /// <summary>Rows: {id, props: map, onCreate: map, lists: {key: [string]}, confidence?}.</summary>
    public static string MergeNodes(OntologySchema schema, IReadOnlyList<string> labels, IReadOnlyList<string> listKeys)
    {
        if (labels.Count == 0) throw new ArgumentException("a node needs at least one label");
        var sb = new StringBuilder();
        sb.Append("UNWIND $rows AS row\n");
        sb.Append("MERGE (n:").Append(Label(schema, labels[0])).Append(" {id: row.id})\n");
        sb.Append("ON CREATE SET n += row.onCreate\n");
        sb.Append("SET ");
        if (labels.Count > 1)
            sb.Append("n:").Append(string.Join(":", labels.Skip(1).Select(l => Label(schema, l)))).Append(", ");
        sb.Append("n += row.props,\n    ").Append(KeepMaximum("n", ConfidenceProperty));
        foreach (var key in listKeys)
            sb.Append(",\n    ").Append(UnionList("n", key));
        return sb.ToString();
    }

    /// <summary>Rows: {start, end, id, props, lists, confidence?, evidence_count?}.</summary>
    public static string MergeRelationships(OntologySchema schema, string type, string startLabel, string endLabel,
        IReadOnlyList<string> listKeys, bool hasConfidence, bool hasEvidenceCount)
    {
        var sb = new StringBuilder();
        sb.Append("UNWIND $rows AS row\n");
        sb.Append("MATCH (a:").Append(Label(schema, startLabel)).Append(" {id: row.start})\n");
        sb.Append("MATCH (b:").Append(Label(schema, endLabel)).Append(" {id: row.end})\n");
        sb.Append("MERGE (a)-[r:").Append(RelationshipType(schema, type)).Append("]->(b)\n");
        sb.Append("ON CREATE SET r.id = row.id\n");
        bool countByOffsets = hasEvidenceCount && listKeys.Contains(OffsetsProperty);
        var offsets = PropertyKey(OffsetsProperty);
        if (countByOffsets)
            sb.Append("WITH r, row, [x IN coalesce(row.lists.").Append(offsets).Append(", []) WHERE NOT x IN coalesce(r.")
              .Append(offsets).Append(", [])] AS newOffsets\n");
        sb.Append("SET r += row.props");
        // Rows of one type may lack confidence or evidence_count: a missing value keeps what is stored.
        if (hasConfidence)
            sb.Append(",\n    ").Append(KeepMaximum("r", ConfidenceProperty));
        if (hasEvidenceCount)
            sb.Append(",\n    r.evidence_count = CASE WHEN row.evidence_count IS NULL THEN r.evidence_count WHEN r.evidence_count IS NULL THEN row.evidence_count")
              .Append(countByOffsets ? " WHEN row.lists." + offsets + " IS NOT NULL THEN r.evidence_count + size(newOffsets)" : "")
              .Append(" WHEN row.evidence_count > r.evidence_count THEN row.evidence_count ELSE r.evidence_count END");
        foreach (var key in listKeys)
            sb.Append(",\n    ").Append(UnionList("r", key));
        return sb.ToString();
    }

    /// <summary>SET item keeping the larger of the stored value and the row's; a row without the key keeps the stored one.</summary>
    private static string KeepMaximum(string v, string k) =>
        $"{v}.{k} = CASE WHEN row.{k} IS NULL THEN {v}.{k} WHEN {v}.{k} IS NULL OR row.{k} > {v}.{k} THEN row.{k} ELSE {v}.{k} END";

    /// <summary>Rows: {id} of entities with MENTIONS edges; sets their counts from all MENTIONS edges in the database.</summary>
    public static string RecountMentions(OntologySchema schema, string entityLabel, string documentLabel) =>
        "UNWIND $rows AS row\n" +
        "MATCH (e:" + Label(schema, entityLabel) + " {id: row.id})<-[m:" + RelationshipType(schema, OntologySchema.MentionsType) + "]-(:" + Label(schema, documentLabel) + ")\n" +
        "WITH e, sum(m.count) AS mentions, count(m) AS docs\n" +
        "SET e.mentions = mentions, e.doc_count = docs";

    /// <summary>Unions a list property; a row without the key leaves it as it is, so rows with other keys can share the statement.</summary>
    private static string UnionList(string variable, string key)
    {
        var k = PropertyKey(key);
        return $"{variable}.{k} = CASE WHEN row.lists.{k} IS NULL THEN {variable}.{k} ELSE [x IN coalesce({variable}.{k}, []) WHERE NOT x IN row.lists.{k}] + row.lists.{k} END";
    }
}
