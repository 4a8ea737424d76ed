using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export.Tests;

/// <summary>
/// Small hand-built graphs that follow the data contract, for sink tests. Copy freely. The names are invented;
/// <see cref="Nasty"/> puts every value a writer could get wrong into one graph.
/// </summary>
public static class SampleGraphs
{
    public const string PersonId = "e:per:jane-roe";
    public const string GroupId = "e:org:northern-liberation-front";
    public const string CountryId = "e:loc:ruritania";
    public const string DocumentId = "d:0123456789abcdef";

    /// <summary>Builds a property list (sorted by key, as the contract requires) from pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Props(params (string Key, object Value)[] pairs) =>
        pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, object>(p.Key, p.Value)).ToList();

    public static GraphNode Entity(string id, string coarse, string name, IReadOnlyList<string> fine, params (string, object)[] extra) =>
        new(id, new[] { "Entity", coarse }.Concat(fine.OrderBy(f => f, StringComparer.Ordinal)).ToList(),
            Props(new (string, object)[] { ("name", name), ("aliases", new List<string> { name }), ("mentions", 1L), ("doc_count", 1L) }
                .Where(p => !extra.Any(x => x.Item1 == p.Item1)).Concat(extra).ToArray()));

    /// <summary>A plain graph: one document, a person who leads an armed group, the group located in a country.</summary>
    public static GraphSnapshot Small()
    {
        var nodes = new List<GraphNode>
        {
            Entity(PersonId, "Person", "Jane Roe", [], ("aliases", new List<string> { "Jane Roe", "Roe" }), ("mentions", 3L), ("role", "commander")),
            Entity(GroupId, "Organization", "Northern Liberation Front", ["ArmedGroup"],
                ("aliases", new List<string> { "NLF", "Northern Liberation Front" }), ("mentions", 5L)),
            Entity(CountryId, "Location", "Ruritania", ["Country"], ("mentions", 2L)),
            new(DocumentId, ["Document"], Props(("title", "Front expands in the north"), ("source", "seeds/example.txt"),
                ("date", "2024-05-01"), ("characters", 1234L))),
        };
        var edges = new List<GraphEdge>
        {
            new("r:00000000000000a1", "LEADS", PersonId, GroupId, Props(
                ("category", "LEADS"), ("confidence", 0.85), ("evidence", new List<string> { "Jane Roe, the commander of the NLF, said the group would stay." }),
                ("doc_ids", new List<string> { DocumentId }), ("offsets", new List<string> { DocumentId + ":0-62" }),
                ("trigger", new List<string> { "commander of" }), ("dates", new List<string>()), ("evidence_count", 1L))),
            new("r:00000000000000b2", "LOCATED_IN", GroupId, CountryId, Props(
                ("category", "LOCATED_IN"), ("confidence", 1.0), ("evidence", new List<string> { "The NLF operates in northern Ruritania." }),
                ("doc_ids", new List<string> { DocumentId }), ("offsets", new List<string> { DocumentId + ":63-102" }),
                ("trigger", new List<string> { "operates in" }), ("dates", new List<string> { "2024-05-01" }), ("evidence_count", 1L))),
            new("r:00000000000000c3", "MENTIONS", DocumentId, PersonId, Props(("count", 3L))),
            new("r:00000000000000c4", "MENTIONS", DocumentId, GroupId, Props(("count", 5L))),
            new("r:00000000000000c5", "MENTIONS", DocumentId, CountryId, Props(("count", 2L))),
        };
        return new GraphSnapshot(nodes, edges);
    }

    /// <summary>A name with everything that breaks naive escaping: quotes of three kinds, backslashes, newlines, CDATA and
    /// element terminators, an emoji (a surrogate pair), tab, and non-ASCII letters.</summary>
    public const string NastyName = "O'Brien \"the `Tick`\" \\ C:\\path\\ </data> ]]> &amp; <x/>\nline2\r\nline3\tTab é 😀 ☃";

    /// <summary>A control character and an unpaired surrogate: XML cannot carry them, so GraphML drops them.</summary>
    public const string NameWithInvalidXml = "bell\u0001end\uD800lone\uFFFEnon";

    public static readonly string VeryLong = string.Concat(Enumerable.Repeat("long 'quoted' \"text\" \\ ", 4000));

    /// <summary>Nasty values in names, aliases, evidence, plus an empty list, a very long string, a boolean and a double
    /// that is an integer.</summary>
    public static GraphSnapshot Nasty()
    {
        var nodes = new List<GraphNode>
        {
            Entity("e:per:o-brien", "Person", NastyName, [], ("aliases", new List<string> { NastyName, "O'B", "" }), ("mentions", 7L),
                ("title", VeryLong)),
            Entity("e:org:bell", "Organization", NameWithInvalidXml, ["ArmedGroup", "MediaOrganization"], ("aliases", new List<string>()),
                ("mentions", 1L)),
            new(DocumentId, ["Document"], Props(("title", "Quotes: ' \" ` and ; semicolons"), ("characters", 99L))),
        };
        var edges = new List<GraphEdge>
        {
            new("r:0000000000000001", "LEADS", "e:per:o-brien", "e:org:bell", Props(
                ("category", "LEADS"), ("confidence", 1.0), ("evidence", new List<string> { NastyName, "second\u0001 sentence" }),
                ("doc_ids", new List<string> { DocumentId }), ("trigger", new List<string>()), ("evidence_count", 2L),
                ("negated", false))),
            new("r:0000000000000002", "MENTIONS", DocumentId, "e:per:o-brien", Props(("count", 7L))),
            new("r:0000000000000003", "MENTIONS", DocumentId, "e:org:bell", Props(("count", 1L))),
        };
        return new GraphSnapshot(nodes, edges);
    }
}
