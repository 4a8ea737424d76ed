using System.Globalization;
using System.Text;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export;

/// <summary>The files <see cref="Neo4jAdminCsv.WriteDirectory"/> wrote and the command that imports them.</summary>
public sealed record Neo4jAdminCsvResult(IReadOnlyList<string> NodeFiles, IReadOnlyList<string> RelationshipFiles, string ScriptFile, string Command);

/// <summary>
/// Writes node and relationship CSV files for <c>neo4j-admin database import full</c>, the offline bulk importer for
/// millions of rows. Nodes go to one file per key label (nodes-Entity.csv, nodes-Document.csv) with
/// <c>id:ID</c>, <c>:LABEL</c> and typed property columns (<c>aliases:string[]</c>, <c>mentions:long</c>,
/// <c>confidence:double</c>, ...); relationships to one file per (start, end) key label pair with <c>:START_ID</c>,
/// <c>:END_ID</c>, <c>:TYPE</c>. Quoting is RFC 4180 (the importer's default): a field with a comma, quote, CR, LF or
/// edge whitespace is quoted and inner quotes doubled; an empty string is <c>""</c> and an absent value is empty.
/// </summary>
/// <remarks>
/// Array elements (and multiple labels) are separated by U+001F, the ASCII unit separator, passed as
/// <c>--array-delimiter=U+001F</c>: evidence sentences contain semicolons (the importer's default) and any printable
/// character, while U+001F never occurs in news text; should one appear it is replaced by a space.
/// </remarks>
public static class Neo4jAdminCsv
{
    public const char ArrayDelimiter = '\u001F';
    public const string ArrayDelimiterOption = "U+001F";
    public const string ScriptFileName = "neo4j-admin-import.sh";

    public static Neo4jAdminCsvResult WriteDirectory(GraphSnapshot graph, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var nodeFiles = new List<string>();
        var relFiles = new List<string>();
        foreach (var group in graph.Nodes.GroupBy(KeyLabel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = $"nodes-{group.Key}.csv";
            AtomicFile.WriteText(Path.Combine(outDir, name), w => WriteNodes(group.ToList(), w));
            nodeFiles.Add(name);
        }
        foreach (var group in graph.Edges.GroupBy(e => KeyLabel(graph.Node(e.StartId)!) + "-" + KeyLabel(graph.Node(e.EndId)!), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = $"relationships-{group.Key}.csv";
            AtomicFile.WriteText(Path.Combine(outDir, name), w => WriteRelationships(group.ToList(), w));
            relFiles.Add(name);
        }
        var command = ImportCommand(nodeFiles.Select(f => "import/" + f), relFiles.Select(f => "import/" + f));
        var script = Path.Combine(outDir, ScriptFileName);
        AtomicFile.WriteText(script, w => WriteScript(nodeFiles, relFiles, w));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return new Neo4jAdminCsvResult(nodeFiles, relFiles, ScriptFileName, command);
    }

    /// <summary>The exact import command, run from $NEO4J_HOME with the files in its import/ folder.</summary>
    public static string ImportCommand(IEnumerable<string> nodeFiles, IEnumerable<string> relationshipFiles, string database = "neo4j") =>
        "bin/neo4j-admin database import full " + string.Join(" ", Options()) + " " +
        string.Join(" ", nodeFiles.Select(f => "--nodes=" + f)) + " " +
        string.Join(" ", relationshipFiles.Select(f => "--relationships=" + f)) + " " + database;

    private static IEnumerable<string> Options() => new[]
    {
        "--id-type=string", "--delimiter=','", $"--array-delimiter={ArrayDelimiterOption}", "--quote='\"'", "--multiline-fields=true",
    };

    private static void WriteScript(IReadOnlyList<string> nodeFiles, IReadOnlyList<string> relFiles, TextWriter w)
    {
        w.WriteLine("#!/bin/sh");
        w.WriteLine("# Bulk-loads these CSV files into an empty Neo4j database with the offline importer.");
        w.WriteLine("# Stop the database first. Add --overwrite-destination=true to replace an existing database.");
        w.WriteLine("# Then create the constraints: cypher-shell -f graph-schema/constraints.cypher");
        w.WriteLine("# Usage: IMPORT_DIR=/path/to/these/files NEO4J_DATABASE=neo4j ./" + ScriptFileName + " [extra neo4j-admin options]");
        w.WriteLine("set -eu");
        w.WriteLine("IMPORT_DIR=\"${IMPORT_DIR:-$(cd \"$(dirname \"$0\")\" && pwd)}\"");
        w.WriteLine("exec neo4j-admin database import full \\");
        foreach (var o in Options()) w.WriteLine($"  {o} \\");
        foreach (var f in nodeFiles) w.WriteLine($"  --nodes=\"$IMPORT_DIR/{f}\" \\");
        foreach (var f in relFiles) w.WriteLine($"  --relationships=\"$IMPORT_DIR/{f}\" \\");
        w.WriteLine("  \"$@\" \"${NEO4J_DATABASE:-neo4j}\"");
    }

    private static string KeyLabel(GraphNode n) => n.Labels.Count > 0 ? n.Labels[0] : "Node";

    private static void WriteNodes(IReadOnlyList<GraphNode> nodes, TextWriter w)
    {
        var columns = Columns(nodes.Select(n => n.Properties), skipId: true);
        WriteRow(w, new[] { "id:ID", ":LABEL" }.Concat(columns.Select(c => c.Header)));
        foreach (var n in nodes)
        {
            foreach (var l in n.Labels)
                if (!OntologySchema.IsValidName(l)) throw new ArgumentException($"node '{n.Id}' has label '{l}' that is not a plain name");
            WriteRow(w, new[] { Quote(n.Id), string.Join(ArrayDelimiter, n.Labels) }.Concat(columns.Select(c => Format(n[c.Key], c.Type))), raw: true);
        }
    }

    private static void WriteRelationships(IReadOnlyList<GraphEdge> edges, TextWriter w)
    {
        var columns = Columns(edges.Select(e => e.Properties), skipId: true);
        WriteRow(w, new[] { ":START_ID", ":END_ID", ":TYPE", "id" }.Concat(columns.Select(c => c.Header)));
        foreach (var e in edges)
        {
            if (!OntologySchema.IsValidName(e.Type)) throw new ArgumentException($"relationship '{e.Id}' has type '{e.Type}' that is not a plain name");
            WriteRow(w, new[] { Quote(e.StartId), Quote(e.EndId), e.Type, Quote(e.Id) }.Concat(columns.Select(c => Format(e[c.Key], c.Type))), raw: true);
        }
    }

    private sealed record Column(string Key, string Type)
    {
        public string Header => Type == "string" ? Key : Key + ":" + Type;
    }

    /// <summary>One column per property key, sorted; its type is the narrowest that holds every value in the file.</summary>
    private static List<Column> Columns(IEnumerable<IReadOnlyList<KeyValuePair<string, object>>> rows, bool skipId)
    {
        var kinds = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var props in rows)
            foreach (var (k, v) in props)
            {
                if (skipId && k == "id") continue;
                if (!OntologySchema.IsValidName(k)) throw new ArgumentException($"property key '{k}' is not a plain name");
                if (!kinds.TryGetValue(k, out var set)) kinds[k] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(v switch { long or int => "long", double => "double", bool => "boolean", IReadOnlyList<string> => "string[]", _ => "string" });
            }
        return kinds.Select(kv => new Column(kv.Key,
            kv.Value.Contains("string[]") ? "string[]"
            : kv.Value.Count == 1 ? kv.Value.First()
            : kv.Value.SetEquals(new[] { "long", "double" }) ? "double"
            : "string")).ToList();
    }

    private static string Format(object? value, string type)
    {
        switch (value)
        {
            case null: return "";
            case IReadOnlyList<string> list:
                return list.Count == 0 ? "" : Quote(string.Join(ArrayDelimiter, list.Select(s => s.Replace(ArrayDelimiter, ' '))));
            case string s:
                return type == "string[]" ? Quote(s.Replace(ArrayDelimiter, ' ')) : Quote(s);
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case double d: return d.ToString("R", CultureInfo.InvariantCulture);
            case bool b: return b ? "true" : "false";
            default: return Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
    }

    /// <summary>RFC 4180 quoting; the empty string is quoted so the importer keeps it apart from an absent value.</summary>
    public static string Quote(string s)
    {
        bool needs = s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needs ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static void WriteRow(TextWriter w, IEnumerable<string> fields, bool raw = false)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (var f in fields)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(raw ? f : Quote(f));
        }
        w.Write(sb.Append('\n').ToString());
    }
}
