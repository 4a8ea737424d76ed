using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeGraph.Graph;
using Newtonsoft.Json;

namespace KnowledgeGraph.Export;

/// <summary>
/// Writes graph.graphml following APOC's GraphML conventions, so that NetworkX <c>read_graphml</c>, igraph, Gephi,
/// yEd, Cytoscape and <c>apoc.import.graphml(file, {readLabels: true, storeNodeIds: true})</c> all load it:
/// <list type="bullet">
/// <item>node attribute <c>labels=":Entity:Person"</c> plus <c>&lt;data key="labels"&gt;</c>; edge attribute
/// <c>label="LEADS"</c> plus <c>&lt;data key="label"&gt;</c> (APOC reads labels and types from those);</item>
/// <item>every data key declared with <c>for</c>, <c>attr.name</c> and one of the GraphML types; node keys have ids
/// "n_&lt;name&gt;" and edge keys "e_&lt;name&gt;", so a node and an edge property of the same name never collide;</item>
/// <item>a key's type is derived from the values of all nodes (or all edges): long, double (long and double mixed),
/// boolean, or string (lists, or any other mix); lists are JSON text with APOC's <c>attr.list="string"</c> so APOC
/// restores them as arrays;</item>
/// <item>all nodes before all edges (APOC resolves edge ends from nodes already read); the GraphML node id is our node
/// id (APOC's <c>storeNodeIds</c> puts it back into <c>n.id</c>); every edge has its id as the attribute and as
/// <c>&lt;data key="e_id"&gt;</c>, because APOC reads only <c>source</c>, <c>target</c> and <c>label</c> of an edge
/// element, so the data key is what keeps <c>r.id</c> after <c>apoc.import.graphml</c>;</item>
/// <item>characters XML 1.0 cannot carry are removed; NaN and infinite doubles are left out (Java cannot parse
/// GraphML's INF).</item>
/// </list>
/// Same graph, same bytes: keys are sorted by id, nodes and edges keep the snapshot order.
/// </summary>
public static class GraphMlWriter
{
    public const string FileName = "graph.graphml";
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    public const string NodeLabelsKey = "labels";
    public const string EdgeLabelKey = "label";
    /// <summary>The edge property that carries the edge id (our edges never have a property of that name).</summary>
    public const string EdgeIdProperty = "id";

    /// <summary>Writes UTF-8 (no byte-order mark) GraphML to a stream; the stream is left open.</summary>
    public static void Write(GraphSnapshot graph, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings(new UTF8Encoding(false)));
        Write(graph, xml);
    }

    /// <summary>Writes GraphML to a text writer; the XML declaration names the writer's encoding.</summary>
    public static void Write(GraphSnapshot graph, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, Settings(null));
        Write(graph, xml);
    }

    /// <summary>Writes the file through <see cref="AtomicFile"/>: a crash never leaves half a file.</summary>
    public static void WriteFile(GraphSnapshot graph, string path) => AtomicFile.Write(path, s => Write(graph, s));

    private static XmlWriterSettings Settings(Encoding? encoding)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // Entitize keeps \r (and \t, \n in attributes) as character references: a parser would otherwise
            // normalise them away and a name with a carriage return would not round-trip.
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
            CheckCharacters = true,
        };
        if (encoding is not null) settings.Encoding = encoding;
        return settings;
    }

    private static void Write(GraphSnapshot graph, XmlWriter w)
    {
        var nodeKeys = DeclareKeys(graph.Nodes.Select(n => n.Properties), "n_", NodeLabelsKey);
        var edgeKeys = DeclareKeys(graph.Edges.Select(EdgeProperties), "e_", EdgeLabelKey);

        w.WriteStartDocument();
        w.WriteStartElement("graphml", Namespace);
        WriteKey(w, new KeyDecl(NodeLabelsKey, NodeLabelsKey, ValueKind.String), "node");
        foreach (var k in nodeKeys.Values.OrderBy(k => k.Id, StringComparer.Ordinal)) WriteKey(w, k, "node");
        WriteKey(w, new KeyDecl(EdgeLabelKey, EdgeLabelKey, ValueKind.String), "edge");
        foreach (var k in edgeKeys.Values.OrderBy(k => k.Id, StringComparer.Ordinal)) WriteKey(w, k, "edge");

        w.WriteStartElement("graph");
        w.WriteAttributeString("id", "G");
        w.WriteAttributeString("edgedefault", "directed");
        foreach (var n in graph.Nodes)
        {
            var labels = ":" + string.Join(":", n.Labels.Select(Clean));
            w.WriteStartElement("node");
            w.WriteAttributeString("id", Clean(n.Id));
            w.WriteAttributeString("labels", labels);
            WriteData(w, NodeLabelsKey, labels);
            WriteProperties(w, n.Properties, nodeKeys);
            w.WriteEndElement();
        }
        foreach (var e in graph.Edges)
        {
            var type = Clean(e.Type);
            w.WriteStartElement("edge");
            w.WriteAttributeString("id", Clean(e.Id));
            w.WriteAttributeString("source", Clean(e.StartId));
            w.WriteAttributeString("target", Clean(e.EndId));
            w.WriteAttributeString("label", type);
            WriteData(w, EdgeLabelKey, type);
            WriteProperties(w, EdgeProperties(e), edgeKeys);
            w.WriteEndElement();
        }
        w.WriteEndElement(); // graph
        w.WriteEndElement(); // graphml
        w.WriteWhitespace("\n"); // end the file with a newline, as text tools expect
        w.WriteEndDocument();
        w.Flush();
    }

    /// <summary>An edge's properties plus its id, written as a data key so APOC's importer keeps it.</summary>
    private static IReadOnlyList<KeyValuePair<string, object>> EdgeProperties(GraphEdge e)
    {
        if (e.Properties.Any(p => p.Key == EdgeIdProperty))
            throw new ArgumentException($"edge '{e.Id}': property name '{EdgeIdProperty}' is reserved for the edge id in GraphML");
        var all = new List<KeyValuePair<string, object>>(e.Properties.Count + 1) { new(EdgeIdProperty, e.Id) };
        all.AddRange(e.Properties);
        return all;
    }

    private enum ValueKind { Long, Double, Boolean, String, List }

    private sealed record KeyDecl(string Id, string Name, ValueKind Kind);

    private static ValueKind KindOf(string key, object value) => value switch
    {
        string => ValueKind.String,
        long or int => ValueKind.Long,
        double => ValueKind.Double,
        bool => ValueKind.Boolean,
        IEnumerable<string> => ValueKind.List,
        _ => throw new ArgumentException($"property '{key}' has unsupported type {value?.GetType().Name}"),
    };

    private static ValueKind Merge(ValueKind a, ValueKind b) =>
        a == b ? a
        : (a, b) is (ValueKind.Long, ValueKind.Double) or (ValueKind.Double, ValueKind.Long) ? ValueKind.Double
        : ValueKind.String;

    /// <summary>One key per property name over all elements of a kind; the type fits every value.</summary>
    private static Dictionary<string, KeyDecl> DeclareKeys(
        IEnumerable<IReadOnlyList<KeyValuePair<string, object>>> elements, string prefix, string reservedName)
    {
        var kinds = new SortedDictionary<string, ValueKind>(StringComparer.Ordinal);
        foreach (var props in elements)
            foreach (var (key, value) in props)
            {
                if (value is double d && !double.IsFinite(d)) continue;
                var kind = KindOf(key, value);
                kinds[key] = kinds.TryGetValue(key, out var seen) ? Merge(seen, kind) : kind;
            }
        var keys = new Dictionary<string, KeyDecl>(StringComparer.Ordinal);
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { NodeLabelsKey, EdgeLabelKey };
        foreach (var (name, kind) in kinds)
        {
            if (Clean(name) == reservedName)
                throw new ArgumentException($"property name '{reservedName}' is reserved for labels in GraphML");
            // Key ids are XML NMTOKENs: other characters become '_', and a clash gets a numeric suffix.
            var baseId = prefix + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray());
            var id = baseId;
            for (int i = 2; !usedIds.Add(id); i++) id = baseId + "_" + i.ToString(CultureInfo.InvariantCulture);
            keys[name] = new KeyDecl(id, Clean(name), kind);
        }
        return keys;
    }

    private static void WriteKey(XmlWriter w, KeyDecl key, string forWhat)
    {
        w.WriteStartElement("key");
        w.WriteAttributeString("id", key.Id);
        w.WriteAttributeString("for", forWhat);
        w.WriteAttributeString("attr.name", key.Name);
        w.WriteAttributeString("attr.type", key.Kind switch
        {
            ValueKind.Long => "long",
            ValueKind.Double => "double",
            ValueKind.Boolean => "boolean",
            _ => "string",
        });
        // APOC's extension: the reader parses the JSON text back into an array. Other readers ignore it.
        if (key.Kind == ValueKind.List) w.WriteAttributeString("attr.list", "string");
        w.WriteEndElement();
    }

    private static void WriteProperties(XmlWriter w, IEnumerable<KeyValuePair<string, object>> properties, Dictionary<string, KeyDecl> keys)
    {
        var written = properties.Where(p => p.Value is not double d || double.IsFinite(d));
        foreach (var (name, value) in written.OrderBy(p => keys[p.Key].Id, StringComparer.Ordinal))
            WriteData(w, keys[name].Id, Format(value));
    }

    private static void WriteData(XmlWriter w, string key, string text)
    {
        w.WriteStartElement("data");
        w.WriteAttributeString("key", key);
        w.WriteString(text);
        w.WriteEndElement();
    }

    /// <summary>The text of a value; it must parse as the key's declared type, so a long under a double key stays an integer literal (valid xs:double).</summary>
    private static string Format(object value) => value switch
    {
        string s => Clean(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => JsonConvert.SerializeObject(list.Select(Clean).ToList(), Newtonsoft.Json.Formatting.None),
        _ => throw new ArgumentException($"unsupported property type {value.GetType().Name}"),
    };

    /// <summary>
    /// Removes what XML 1.0 cannot carry: control characters other than tab, newline and carriage return,
    /// unpaired surrogates, U+FFFE and U+FFFF. Everything else (quotes, &lt;, ]]&gt;, emoji) is kept and escaped
    /// by the XML writer.
    /// </summary>
    public static string Clean(string s)
    {
        int i = 0;
        while (i < s.Length && IsValidAt(s, i, out var width)) i += width;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            if (IsValidAt(s, i, out var width)) sb.Append(s, i, width);
            i += width;
        }
        return sb.ToString();
    }

    private static bool IsValidAt(string s, int i, out int width)
    {
        var c = s[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { width = 2; return true; }
            return false;
        }
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uFFFD');
    }
}
