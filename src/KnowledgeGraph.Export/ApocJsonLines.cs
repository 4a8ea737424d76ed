using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
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
    /// Reads a graph.jsonl file back. A bad line is a <see cref="UserErrorException"/> naming the file and line: bytes
    /// that are not UTF-8, malformed JSON, a missing id, an integer beyond 64 bits, an empty property key, and, when
    /// <paramref name="schema"/> is given (as <c>kg load</c> and <c>kg export</c> do), a label or relationship type outside
    /// the ontology or a property key that is not a plain identifier. Relationships may only refer to nodes in the file.
    /// </summary>
    public static GraphSnapshot ReadFile(string path, OntologySchema? schema = null)
    {
        var entry = PhysicalInputFileSystem.Instance.Probe(path);
        switch (entry.Kind)
        {
            case InputEntryKind.Missing: throw new UserErrorException($"{path}: file not found");
            case InputEntryKind.Directory: throw new UserErrorException($"{path}: is a folder; give the graph.jsonl file in it");
            case InputEntryKind.Special: throw new UserErrorException($"{path}: {entry.Detail}, not a regular file: refused, since reading it could block forever");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(stream, path, schema);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserErrorException($"{path}: cannot read: {e.Message}"); }
    }

    /// <summary>Reads graph.jsonl from bytes; each line is decoded on its own, so an error names its true line.</summary>
    public static GraphSnapshot Read(Stream input, string sourceName, OntologySchema? schema = null)
    {
        var reader = new GraphReader(sourceName, schema);
        var lines = new ByteLineReader(input, Array.MaxLength);
        while (lines.Read(out var line))
        {
            var (text, error) = TextDecoding.DecodeLine(line.Bytes);
            if (error is not null) throw new UserErrorException($"{sourceName}:{line.Number}: {error}");
            reader.Add(text!, line.Number);
        }
        return reader.Build();
    }

    public static GraphSnapshot Read(TextReader input, string sourceName, OntologySchema? schema = null)
    {
        var reader = new GraphReader(sourceName, schema);
        int lineNo = 0;
        string? line;
        while ((line = input.ReadLine()) is not null) reader.Add(line, ++lineNo);
        return reader.Build();
    }

    private sealed class GraphReader(string sourceName, OntologySchema? schema)
    {
        private readonly List<GraphNode> _nodes = new();
        private readonly List<GraphEdge> _edges = new();

        public void Add(string line, int lineNo)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            try
            {
                using var jr = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = 64 };
                var o = JObject.Load(jr);
                var kind = o["type"] is { Type: JTokenType.String } t ? (string?)t : null;
                var props = ReadProperties(o["properties"], schema is not null);
                if (kind == "node")
                {
                    if (o["labels"] is not JArray labelArray || labelArray.Count == 0 || labelArray.Any(x => x.Type != JTokenType.String))
                        throw new FormatException("'labels' must be a non-empty list of strings");
                    var labels = labelArray.Select(x => (string)x!).ToList();
                    foreach (var l in labels)
                        if (schema is not null && !schema.HasLabel(l)) throw new FormatException($"label '{l}' is not in the ontology ({OntologySchema.FileName})");
                    _nodes.Add(new GraphNode(Req(o, "id"), labels, props));
                }
                else if (kind == "relationship")
                {
                    var type = Req(o, "label");
                    if (schema is not null && !schema.HasType(type)) throw new FormatException($"relationship type '{type}' is not in the ontology ({OntologySchema.FileName})");
                    _edges.Add(new GraphEdge(Req(o, "id"), type, EndId(o, "start"), EndId(o, "end"), props));
                }
                else throw new FormatException($"'type' must be node or relationship, got '{o["type"]}'");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or InvalidOperationException or ArgumentException or OverflowException)
            {
                throw new UserErrorException($"{sourceName}:{lineNo}: not an APOC JSON line: {e.Message}");
            }
        }

        public GraphSnapshot Build()
        {
            try { return new GraphSnapshot(_nodes, _edges); }
            catch (ArgumentException e) { throw new UserErrorException($"{sourceName}: {e.Message}"); }
        }
    }

    private static string Req(JObject o, string key) =>
        o[key] is { Type: JTokenType.String } t && ((string)t!).Length > 0 ? (string)t! : throw new FormatException($"'{key}' must be a non-empty string");

    private static string EndId(JObject o, string key) =>
        o[key] is JObject end ? Req(end, "id") : throw new FormatException($"'{key}' must be an object with an 'id'");

    private static IReadOnlyList<KeyValuePair<string, object>> ReadProperties(JToken? token, bool identifiersOnly)
    {
        if (token is null || token.Type == JTokenType.Null) return Array.Empty<KeyValuePair<string, object>>();
        if (token is not JObject o) throw new FormatException("'properties' must be an object");
        var list = new List<KeyValuePair<string, object>>();
        foreach (var p in o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Name.Length == 0) throw new FormatException("a property has an empty key");
            if (identifiersOnly && !OntologySchema.IsValidName(p.Name))
                throw new FormatException($"property key '{p.Name}' is not a plain identifier (a letter, then letters, digits or _; at most 64)");
            object value = p.Value.Type switch
            {
                JTokenType.String => (string)p.Value!,
                JTokenType.Integer => p.Value is JValue { Value: long or int } ? (long)p.Value
                    : throw new FormatException($"property '{p.Name}': the integer {p.Value} is outside the 64-bit range"),
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
