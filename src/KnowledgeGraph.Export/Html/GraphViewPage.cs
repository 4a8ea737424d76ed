using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export.Html;

/// <summary>What the graph page shows first.</summary>
public sealed record GraphViewOptions
{
    /// <summary>The page's title (default: the titles of the graph's documents).</summary>
    public string? Title { get; init; }
    /// <summary>An entity (id, name or alias) whose neighbourhood is shown first instead of the whole graph.</summary>
    public string? Focus { get; init; }
    /// <summary>How many hops around <see cref="Focus"/> (or a double-clicked node) are shown.</summary>
    public int Hops { get; init; } = 1;
    /// <summary>The confidence filter's starting value: weaker edges are hidden until it is lowered.</summary>
    public double MinConfidence { get; init; }
    /// <summary>Larger graphs open on their most-mentioned entities; the rest come on demand (search, double-click, "show all").</summary>
    public int MaxNodes { get; init; } = 300;
}

/// <summary>
/// <c>kg view</c>: the graph as one self-contained HTML page (Cytoscape.js with the fCoSE layout), entities coloured and
/// sized by <c>graph-schema/style.grass</c> and by mentions, edges labelled by type and drawn by confidence, with the
/// evidence of every edge. Document nodes and MENTIONS edges are not drawn: they become each entity's document list.
/// </summary>
public static class GraphViewPage
{
    public const string FileName = "graph.html";

    public static void WriteFile(GraphSnapshot graph, string path, GraphViewOptions? options = null, GrassStyle? style = null) =>
        AtomicFile.WriteText(path, w => Write(graph, w, options, style));

    public static void Write(GraphSnapshot graph, TextWriter output, GraphViewOptions? options = null, GrassStyle? style = null) =>
        HtmlPage.Write(output, "graph-view", Data(graph, options ?? new GraphViewOptions(), style ?? GrassStyle.Default), HtmlPage.GraphLibraries);

    /// <summary>The entity a user means by <paramref name="name"/>: its id, its name, or one of its aliases (ignoring case).</summary>
    public static GraphNode? FindEntity(GraphSnapshot graph, string name)
    {
        var entities = graph.Nodes.Where(IsEntity).ToList();
        return entities.FirstOrDefault(n => n.Id == name)
            ?? entities.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).OrderByDescending(Mentions).FirstOrDefault()
            ?? entities.Where(n => Strings(n["aliases"]).Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(Mentions).FirstOrDefault();
    }

    /// <summary>The page's data: everything the page shows, nothing it does not.</summary>
    public static JObject Data(GraphSnapshot graph, GraphViewOptions options, GrassStyle style)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (options.Hops < 0) throw new ArgumentOutOfRangeException(nameof(options), "hops must not be negative");
        string? focusId = null;
        if (options.Focus is not null)
            focusId = (FindEntity(graph, options.Focus) ?? throw new UserErrorException($"no entity named '{options.Focus}' in the graph (give an id, a name or an alias)")).Id;

        var documents = graph.Nodes.Where(n => n.Labels.Contains(OntologySchema.DocumentLabel)).ToList();
        var docIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var docsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var m in graph.Edges.Where(e => e.Type == OntologySchema.MentionsType && docIndex.ContainsKey(e.StartId)))
        {
            if (!docsOf.TryGetValue(m.EndId, out var list)) docsOf[m.EndId] = list = new List<int>();
            list.Add(docIndex[m.StartId]);
        }

        // Most-mentioned first, so the page's "top N" is a prefix; ties by id keep the order stable.
        var entities = graph.Nodes.Where(IsEntity).OrderByDescending(Mentions).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var entityIds = new HashSet<string>(entities.Select(n => n.Id), StringComparer.Ordinal);
        long maxMentions = Math.Max(1, entities.Count == 0 ? 1 : entities.Max(Mentions));
        var nodes = new JArray();
        var labelCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in entities)
        {
            var labels = n.Labels.Where(l => l != OntologySchema.EntityLabel).ToList();
            foreach (var l in labels) labelCounts[l] = labelCounts.GetValueOrDefault(l) + 1;
            var s = style.NodeStyleFor(n.Labels);
            var node = new JObject
            {
                ["id"] = n.Id,
                ["name"] = n.Name ?? n.Id,
                ["labels"] = new JArray(labels),
                ["aliases"] = new JArray(Strings(n["aliases"])),
                ["mentions"] = Mentions(n),
                ["docs"] = new JArray(docsOf.GetValueOrDefault(n.Id, new List<int>()).Order()),
                ["color"] = s.Color,
                ["border"] = s.BorderColor,
                ["size"] = Math.Round(s.Diameter * (0.6 + 0.8 * Math.Sqrt((double)Mentions(n) / maxMentions)), 1),
            };
            if (n["role"] is string role) node["role"] = role;
            if (n["confidence"] is double confidence) node["confidence"] = Math.Round(confidence, 2, MidpointRounding.AwayFromZero);
            nodes.Add(node);
        }

        var edges = new JArray();
        var categoryCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in graph.Edges.Where(e => e.Type != OntologySchema.MentionsType && entityIds.Contains(e.StartId) && entityIds.Contains(e.EndId)))
        {
            var category = e["category"] as string ?? e.Type;
            categoryCounts[category] = categoryCounts.GetValueOrDefault(category) + 1;
            double confidence = e["confidence"] switch { double d => d, long l => l, _ => 1 };
            var s = style.RelationshipStyleFor(e.Type);
            edges.Add(new JObject
            {
                ["id"] = e.Id,
                ["type"] = e.Type,
                ["category"] = category,
                ["source"] = e.StartId,
                ["target"] = e.EndId,
                ["confidence"] = confidence,
                ["asserted"] = e["asserted"] is not false,
                ["modality"] = new JArray(Strings(e["modality"])),
                ["dates"] = new JArray(Strings(e["dates"])),
                ["attributedTo"] = new JArray(Strings(e["attributed_to"])),
                ["triggers"] = new JArray(Strings(e["trigger"])),
                ["evidenceCount"] = e["evidence_count"] is long c ? c : Strings(e["evidence"]).Count,
                ["evidence"] = Evidence(e, docIndex),
                ["color"] = s.Color,
                ["width"] = Math.Round(s.Width * (0.5 + 1.5 * Math.Clamp(confidence, 0, 1)), 2),
                ["opacity"] = Math.Round(0.3 + 0.7 * Math.Clamp(confidence, 0, 1), 2),
            });
        }

        // The legend lists labels in the style sheet's order (coarse before fine), then any the sheet does not style.
        var styled = style.Rules.Where(r => r.Kind == "node" && r.Class is not null).Select(r => r.Class!).ToList();
        var legend = new JArray();
        foreach (var label in styled.Where(labelCounts.ContainsKey).Concat(labelCounts.Keys.Where(l => !styled.Contains(l)).Order(StringComparer.Ordinal)).Distinct())
        {
            var s = style.NodeStyleFor(new[] { OntologySchema.EntityLabel, label });
            legend.Add(new JObject { ["name"] = label, ["color"] = s.Color, ["border"] = s.BorderColor, ["count"] = labelCounts[label] });
        }

        return new JObject
        {
            ["title"] = options.Title ?? DefaultTitle(documents),
            ["options"] = new JObject
            {
                ["focus"] = focusId,
                ["hops"] = options.Hops,
                ["minConfidence"] = Math.Clamp(options.MinConfidence, 0, 1),
                ["maxNodes"] = Math.Max(1, options.MaxNodes),
            },
            ["labels"] = legend,
            ["categories"] = new JArray(categoryCounts.Select(kv => new JObject { ["name"] = kv.Key, ["count"] = kv.Value })),
            ["documents"] = new JArray(documents.Select(d => new JObject
            {
                ["id"] = d.Id,
                ["title"] = d["title"] as string ?? d["source"] as string ?? d.Id,
                ["source"] = d["source"] as string,
                ["date"] = d["date"] as string,
            })),
            ["nodes"] = nodes,
            ["edges"] = edges,
        };
    }

    /// <summary>
    /// Each evidence sentence with the documents it was read in. The graph keeps sentences (distinct) and offsets (one per
    /// reading, <c>docid:start-end</c>) apart; a sentence belongs to the documents whose offsets span its length.
    /// </summary>
    private static JArray Evidence(GraphEdge e, Dictionary<string, int> docIndex)
    {
        var readings = Strings(e["offsets"]).Select(ParseOffset).Where(o => o is not null).Select(o => o!.Value).ToList();
        var all = Strings(e["doc_ids"]).Where(docIndex.ContainsKey).Select(d => docIndex[d]).Distinct().Order().ToList();
        var result = new JArray();
        foreach (var sentence in Strings(e["evidence"]))
        {
            var docs = readings.Where(r => r.Length == sentence.Length && docIndex.ContainsKey(r.Doc)).Select(r => docIndex[r.Doc]).Distinct().Order().ToList();
            result.Add(new JObject { ["text"] = sentence, ["docs"] = new JArray(docs.Count > 0 ? docs : all) });
        }
        return result;
    }

    private static (string Doc, int Length)? ParseOffset(string offset)
    {
        int colon = offset.LastIndexOf(':');
        if (colon < 0) return null;
        var range = offset[(colon + 1)..].Split('-');
        if (range.Length != 2 || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)) return null;
        return (offset[..colon], end - start);
    }

    private static string DefaultTitle(IReadOnlyList<GraphNode> documents) => documents.Count switch
    {
        0 => "Knowledge graph",
        1 => documents[0]["title"] as string ?? "Knowledge graph of 1 document",
        _ => string.Create(CultureInfo.InvariantCulture, $"Knowledge graph of {documents.Count:N0} documents"),
    };

    private static bool IsEntity(GraphNode n) => n.Labels.Contains(OntologySchema.EntityLabel);

    private static long Mentions(GraphNode n) => n["mentions"] switch { long l => l, double d => (long)d, _ => 1 };

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        IEnumerable<string> list => list.ToList(),
        string s => new[] { s },
        _ => Array.Empty<string>(),
    };
}
