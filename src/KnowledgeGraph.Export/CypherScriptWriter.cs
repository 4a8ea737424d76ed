using System.Globalization;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export;

/// <summary>
/// Writes graph.cypher: a parameter-free script that builds the graph in Neo4j 5 when run with
/// <c>cypher-shell -f graph.cypher</c> or pasted into Neo4j Browser. Uniqueness constraints come first, then one
/// MERGE per node and one MATCH … MERGE per relationship, so running it again changes nothing.
/// <para>
/// One statement per line, each ending with ';' and each its own auto-commit transaction. There is deliberately no
/// <c>:begin</c>/<c>:commit</c> batching: Browser does not know those commands (cypher-shell does), and schema
/// commands (the constraints) may not share a transaction with writes anyway. Because every statement is idempotent,
/// a run that stops half-way is finished by running the script again.
/// </para>
/// <para>
/// Nothing from the data is concatenated into the text unescaped: values go through <see cref="Literal"/>, labels and
/// relationship types must be in the <see cref="OntologySchema"/> and are backtick-quoted by <see cref="QuoteName"/>,
/// property keys must be identifiers and are quoted too. The bulk loader (HTTP) uses parameters instead; this script
/// exists for people who paste.
/// </para>
/// </summary>
public static class CypherScriptWriter
{
    public const string FileName = "graph.cypher";

    /// <summary>The property MERGE uses as key; it has a uniqueness constraint.</summary>
    public const string IdProperty = "id";

    public static void Write(GraphSnapshot graph, OntologySchema schema, TextWriter output)
    {
        var mergeLabels = graph.Nodes.ToDictionary(n => n.Id, n => MergeLabel(n, schema), StringComparer.Ordinal);
        foreach (var e in graph.Edges)
            if (!schema.HasType(e.Type))
                throw new UserErrorException($"relationship '{e.Id}' has type '{e.Type}', which is not in the ontology schema ({OntologySchema.FileName})");

        // Comment lines hold no quote or semicolon: older cypher-shell statement splitters tripped on those.
        output.Write("// Knowledge graph for Neo4j 5. Run with: cypher-shell -f graph.cypher (or paste into Neo4j Browser)\n");
        output.Write("// Idempotent: constraints first, then MERGE statements. Running it twice changes nothing.\n");

        var constrained = new SortedSet<string>(StringComparer.Ordinal) { OntologySchema.EntityLabel, OntologySchema.DocumentLabel };
        constrained.UnionWith(mergeLabels.Values);
        foreach (var label in constrained)
            output.Write($"CREATE CONSTRAINT {ConstraintName(label)} IF NOT EXISTS FOR (n:{QuoteName(label)}) REQUIRE n.{QuoteName(IdProperty)} IS UNIQUE;\n");

        var sb = new StringBuilder();
        foreach (var n in graph.Nodes)
        {
            var merge = mergeLabels[n.Id];
            sb.Clear();
            sb.Append("MERGE (n:").Append(QuoteName(merge)).Append(" {").Append(QuoteName(IdProperty)).Append(": ")
              .Append(Literal(n.Id)).Append("})");
            var sets = new List<string>();
            var extra = n.Labels.Where(l => l != merge).ToList();
            if (extra.Count > 0) sets.Add("n" + string.Concat(extra.Select(l => ":" + QuoteName(l))));
            AddPropertySets(sets, "n", n.Properties, n.Id);
            if (sets.Count > 0) sb.Append(" SET ").AppendJoin(", ", sets);
            output.Write(sb.Append(";\n").ToString());
        }
        foreach (var e in graph.Edges)
        {
            sb.Clear();
            sb.Append("MATCH (a:").Append(QuoteName(mergeLabels[e.StartId])).Append(" {").Append(QuoteName(IdProperty)).Append(": ")
              .Append(Literal(e.StartId)).Append("}) ");
            // Two MATCH clauses rather than one comma pattern: same meaning, no cartesian-product warning in Browser.
            sb.Append("MATCH (b:").Append(QuoteName(mergeLabels[e.EndId])).Append(" {").Append(QuoteName(IdProperty)).Append(": ")
              .Append(Literal(e.EndId)).Append("}) ");
            sb.Append("MERGE (a)-[r:").Append(QuoteName(e.Type)).Append("]->(b)");
            var sets = new List<string> { "r." + QuoteName(IdProperty) + " = " + Literal(e.Id) };
            AddPropertySets(sets, "r", e.Properties, e.Id);
            sb.Append(" SET ").AppendJoin(", ", sets);
            output.Write(sb.Append(";\n").ToString());
        }
    }

    public static void WriteFile(GraphSnapshot graph, OntologySchema schema, string path) =>
        AtomicFile.WriteText(path, w => Write(graph, schema, w));

    /// <summary>Entity and Document nodes are merged on that label (the constrained one); every label must be in the schema.</summary>
    private static string MergeLabel(GraphNode n, OntologySchema schema)
    {
        if (n.Labels.Count == 0) throw new UserErrorException($"node '{n.Id}' has no label");
        foreach (var l in n.Labels)
            if (!schema.HasLabel(l))
                throw new UserErrorException($"node '{n.Id}' has label '{l}', which is not in the ontology schema ({OntologySchema.FileName})");
        if (n.Labels.Contains(OntologySchema.EntityLabel)) return OntologySchema.EntityLabel;
        if (n.Labels.Contains(OntologySchema.DocumentLabel)) return OntologySchema.DocumentLabel;
        return n.Labels[0];
    }

    private static void AddPropertySets(List<string> sets, string variable, IEnumerable<KeyValuePair<string, object>> properties, string owner)
    {
        foreach (var (key, value) in properties)
        {
            if (!IsIdentifier(key)) throw new ArgumentException($"'{owner}' has property key '{key}', which is not an identifier");
            if (key == IdProperty) throw new ArgumentException($"'{owner}' has a property named '{IdProperty}', which is the merge key");
            // Cypher has no literal for NaN or infinity (and Neo4j rejects them from JSON): the value is left out.
            if (value is double d && !double.IsFinite(d)) continue;
            sets.Add(variable + "." + QuoteName(key) + " = " + Literal(value));
        }
    }

    private static string ConstraintName(string label)
    {
        var sb = new StringBuilder();
        foreach (var c in label)
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        return sb.Append("_id").ToString();
    }

    /// <summary>True for names that may be property keys: an ASCII letter or '_' then letters, digits or '_'.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A label, type or key in backticks, inner backticks doubled: <c>`My``Label`</c>.</summary>
    public static string QuoteName(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>
    /// The Cypher literal for a property value: the only place values become Cypher text.
    /// <list type="bullet">
    /// <item>string: single-quoted; backslash, quote, \n, \r, \t escaped, other control characters (C0, DEL, C1) and
    /// unpaired surrogates as \uXXXX, so the literal stays on one line and means exactly the .NET string;</item>
    /// <item>long/int: decimal; double: shortest round-trip form in invariant culture, always with '.' or an
    /// exponent so Cypher reads a float (exponent without '+', which not every Cypher grammar accepts);</item>
    /// <item>bool: true/false; list of strings: [..] of string literals.</item>
    /// </list>
    /// NaN and infinities have no literal: <see cref="ArgumentException"/>.
    /// </summary>
    public static string Literal(object value) => value switch
    {
        string s => StringLiteral(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => DoubleLiteral(d),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(StringLiteral)) + "]",
        _ => throw new ArgumentException($"no Cypher literal for a value of type {value?.GetType().Name}", nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException($"no Cypher literal for {d.ToString(CultureInfo.InvariantCulture)}", nameof(d));
        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "E", StringComparison.Ordinal);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static string StringLiteral(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('\'');
        for (int i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    bool pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
                    if (pairedSurrogate) { sb.Append(c).Append(s[++i]); }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                        sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }
}
