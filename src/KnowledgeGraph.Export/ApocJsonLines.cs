using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export;

/// <summary>
/// Writes and reads graph.jsonl in the line format of APOC's <c>apoc.export.json.all</c> / <c>apoc.import.json</c>:
/// one node or relationship object per line, nodes first.
/// </summary>
public static class ApocJsonLines
{
    public const string FileName = "graph.jsonl";

    public static void Write(GraphSnapshot graph, TextWriter output)
    {
        foreach (var n in graph.Nodes)
        {
            using var w = Begin(output);
            w.WriteStartObject();
            w.WritePropertyName("type"); w.WriteValue("node");
            w.WritePropertyName("id"); w.WriteValue(n.Id);
            w.WritePropertyName("labels"); WriteStrings(w, n.Labels);
            w.WritePropertyName("properties"); WriteProperties(w, n.Properties);
            w.WriteEndObject();
            w.Flush();
            output.Write('\n');
        }
        foreach (var e in graph.Edges)
        {
            using var w = Begin(output);
            w.WriteStartObject();
            w.WritePropertyName("type"); w.WriteValue("relationship");
            w.WritePropertyName("id"); w.WriteValue(e.Id);
            w.WritePropertyName("label"); w.WriteValue(e.Type);
            w.WritePropertyName("start"); WriteEnd(w, graph.Node(e.StartId)!);
            w.WritePropertyName("end"); WriteEnd(w, graph.Node(e.EndId)!);
            w.WritePropertyName("properties"); WriteProperties(w, e.Properties);
            w.WriteEndObject();
            w.Flush();
            output.Write('\n');
        }
    }

    public static void WriteFile(GraphSnapshot graph, string path) => AtomicFile.WriteText(path, w => Write(graph, w));

    private static JsonTextWriter Begin(TextWriter output) =>
        new(output) { CloseOutput = false, Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture };

    private static void WriteEnd(JsonWriter w, GraphNode node)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(node.Id);
        w.WritePropertyName("labels"); WriteStrings(w, node.Labels);
        w.WriteEndObject();
    }

    private static void WriteStrings(JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }

    private static void WriteProperties(JsonWriter w, IEnumerable<KeyValuePair<string, object>> properties)
    {
        w.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            w.WritePropertyName(key);
            switch (value)
            {
                case string s: w.WriteValue(s); break;
                case long l: w.WriteValue(l); break;
                case int i: w.WriteValue((long)i); break;
                case double d: w.WriteValue(d); break;
                case bool b: w.WriteValue(b); break;
                case IEnumerable<string> list: WriteStrings(w, list); break;
                default: throw new ArgumentException($"property '{key}' has unsupported type {value?.GetType().Name}");
            }
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// Reads a graph.jsonl file back. A malformed line is a <see cref="UserErrorException"/> naming the file and line.
    /// Relationships may only refer to nodes defined in the file.
    /// </summary>
    public static GraphSnapshot ReadFile(string path)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: file not found");
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, true));
        return Read(reader, path);
    }

    public static GraphSnapshot Read(TextReader reader, string sourceName)
    {
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            try
            {
                var o = JObject.Parse(line);
                var kind = (string?)o["type"];
                var props = ReadProperties(o["properties"] as JObject);
                if (kind == "node")
                    nodes.Add(new GraphNode(Req(o, "id"), ((JArray?)o["labels"] ?? new JArray()).Select(x => (string)x!).ToList(), props));
                else if (kind == "relationship")
                    edges.Add(new GraphEdge(Req(o, "id"), Req(o, "label"), (string)o["start"]!["id"]!, (string)o["end"]!["id"]!, props));
                else throw new FormatException($"'type' must be node or relationship, got '{kind}'");
            }
            catch (Exception e) when (e is JsonException or FormatException or NullReferenceException or InvalidCastException or ArgumentException)
            {
                throw new UserErrorException($"{sourceName}:{lineNo}: not an APOC JSON line: {e.Message}");
            }
        }
        try { return new GraphSnapshot(nodes, edges); }
        catch (ArgumentException e) { throw new UserErrorException($"{sourceName}: {e.Message}"); }
    }

    private static string Req(JObject o, string key) =>
        (string?)o[key] ?? throw new FormatException($"missing '{key}'");

    private static IReadOnlyList<KeyValuePair<string, object>> ReadProperties(JObject? o)
    {
        if (o is null) return Array.Empty<KeyValuePair<string, object>>();
        var list = new List<KeyValuePair<string, object>>();
        foreach (var p in o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            object value = p.Value.Type switch
            {
                JTokenType.String => (string)p.Value!,
                JTokenType.Integer => (long)p.Value,
                JTokenType.Float => (double)p.Value,
                JTokenType.Boolean => (bool)p.Value,
                JTokenType.Array => p.Value.Select(x => x.Type == JTokenType.String ? (string)x! : x.ToString(Formatting.None)).ToList(),
                _ => throw new FormatException($"property '{p.Name}' has unsupported JSON type {p.Value.Type}"),
            };
            list.Add(new KeyValuePair<string, object>(p.Name, value));
        }
        return list;
    }
}
