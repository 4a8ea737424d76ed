using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;
using static KnowledgeGraph.Export.Tests.SampleGraphs;

namespace KnowledgeGraph.Export.Tests;

public sealed class ApocJsonLinesTests
{
    private static string Text(GraphSnapshot graph)
    {
        using var sw = new StringWriter { NewLine = "\n" };
        ApocJsonLines.Write(graph, sw);
        return sw.ToString();
    }

    /// <summary>Property values compared by content: lists by their items, everything else by value and type.</summary>
    private static void AssertSameProperties(IReadOnlyList<KeyValuePair<string, object>> actual, IReadOnlyList<KeyValuePair<string, object>> expected, string owner)
    {
        Assert.That(actual.Select(p => p.Key), Is.EqualTo(expected.Select(p => p.Key)), owner + " keys");
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i].Value, actual[i].Value);
            if (e is IEnumerable<string> list) Assert.That(a, Is.InstanceOf<IEnumerable<string>>().And.EqualTo(list), $"{owner}.{expected[i].Key}");
            else
            {
                Assert.That(a.GetType(), Is.EqualTo(e.GetType()), $"{owner}.{expected[i].Key} type");
                Assert.That(a, Is.EqualTo(e), $"{owner}.{expected[i].Key}");
            }
        }
    }

    private static void AssertSameGraph(GraphSnapshot actual, GraphSnapshot expected)
    {
        Assert.That(actual.Nodes.Select(n => n.Id), Is.EqualTo(expected.Nodes.Select(n => n.Id)));
        Assert.That(actual.Edges.Select(e => (e.Id, e.Type, e.StartId, e.EndId)), Is.EqualTo(expected.Edges.Select(e => (e.Id, e.Type, e.StartId, e.EndId))));
        for (int i = 0; i < expected.Nodes.Count; i++)
        {
            Assert.That(actual.Nodes[i].Labels, Is.EqualTo(expected.Nodes[i].Labels), expected.Nodes[i].Id + " labels");
            AssertSameProperties(actual.Nodes[i].Properties, expected.Nodes[i].Properties, expected.Nodes[i].Id);
        }
        for (int i = 0; i < expected.Edges.Count; i++)
            AssertSameProperties(actual.Edges[i].Properties, expected.Edges[i].Properties, expected.Edges[i].Id);
    }

    [TestCase("small")]
    [TestCase("nasty")]
    public void Write_then_read_gives_the_same_graph(string which)
    {
        var graph = which == "small" ? Small() : Nasty();
        var back = ApocJsonLines.Read(new StringReader(Text(graph)), "test");
        AssertSameGraph(back, graph);
    }

    [Test]
    public void File_round_trip_keeps_nasty_strings_and_bytes_are_deterministic()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-jsonl-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, ApocJsonLines.FileName);
            var graph = new GraphSnapshot(Nasty().Nodes.Where(n => n.Id != "e:org:bell"), []);
            ApocJsonLines.WriteFile(graph, path);
            var first = File.ReadAllBytes(path);
            ApocJsonLines.WriteFile(graph, path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(first));
            Assert.That(first.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
            var back = ApocJsonLines.ReadFile(path);
            Assert.That(back.Node("e:per:o-brien")!.Name, Is.EqualTo(NastyName));
            AssertSameGraph(back, graph);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void Each_line_has_exactly_the_apoc_keys()
    {
        var graph = Small();
        var lines = Text(graph).Split('\n');
        Assert.That(lines[^1], Is.Empty, "ends with a newline");
        lines = lines[..^1];
        Assert.That(lines, Has.Length.EqualTo(graph.Nodes.Count + graph.Edges.Count), "one object per line");
        var objects = lines.Select(JObject.Parse).ToList();
        Assert.That(objects.Select(o => (string?)o["type"]),
            Is.EqualTo(Enumerable.Repeat("node", graph.Nodes.Count).Concat(Enumerable.Repeat("relationship", graph.Edges.Count))), "nodes first");
        foreach (var o in objects.Take(graph.Nodes.Count))
        {
            Assert.That(o.Properties().Select(p => p.Name), Is.EqualTo(new[] { "type", "id", "labels", "properties" }));
            Assert.That(o["labels"], Is.InstanceOf<JArray>());
            Assert.That(o["properties"], Is.InstanceOf<JObject>());
        }
        foreach (var o in objects.Skip(graph.Nodes.Count))
        {
            Assert.That(o.Properties().Select(p => p.Name), Is.EqualTo(new[] { "type", "id", "label", "start", "end", "properties" }));
            foreach (var end in new[] { "start", "end" })
            {
                var endObject = (JObject)o[end]!;
                Assert.That(endObject.Properties().Select(p => p.Name), Is.EqualTo(new[] { "id", "labels" }));
                Assert.That(endObject["labels"], Is.EqualTo(new JArray(graph.Node((string)endObject["id"]!)!.Labels)));
            }
        }
        var person = objects.Single(o => (string?)o["id"] == PersonId);
        Assert.That(person["labels"], Is.EqualTo(new JArray("Entity", "Person")));
        Assert.That(person["properties"]!["mentions"]!.Type, Is.EqualTo(JTokenType.Integer));
        var leads = objects.Single(o => (string?)o["label"] == "LEADS");
        Assert.That(leads["properties"]!["confidence"]!.Type, Is.EqualTo(JTokenType.Float));
        Assert.That(leads["properties"]!["dates"], Is.EqualTo(new JArray()));
    }

    [Test]
    public void Quotes_newlines_and_unicode_are_escaped_so_each_record_stays_on_one_line()
    {
        var graph = new GraphSnapshot([new GraphNode("e:per:x", ["Entity", "Person"], Props(("name", NastyName), ("title", "bell\u0001")))], []);
        var text = Text(graph);
        Assert.That(text.Count(c => c == '\n'), Is.EqualTo(1), "newlines inside values are escaped");
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.Contain(@"\""the `Tick`\"""));
        Assert.That(text, Does.Contain(@"\\ C:\\path\\"));
        Assert.That(text, Does.Contain(@"\nline2\r\nline3\tTab"));
        Assert.That(text, Does.Contain(@"bell\u0001"));
        Assert.That(text, Does.Contain("é 😀 ☃"), "non-ASCII is written as UTF-8 text, as APOC does");
        Assert.That((string?)JObject.Parse(text)["properties"]!["name"], Is.EqualTo(NastyName));
    }

    [Test]
    public void A_malformed_line_names_the_file_and_line()
    {
        var text = Text(Small()).Split('\n');
        text[2] = "{\"type\":\"node\",\"id\":";
        var e = Assert.Throws<UserErrorException>(() => ApocJsonLines.Read(new StringReader(string.Join('\n', text)), "in.jsonl"));
        Assert.That(e!.Message, Does.StartWith("in.jsonl:3:"));
    }

    [Test]
    public void A_relationship_to_an_unknown_node_is_a_user_error()
    {
        var line = "{\"type\":\"relationship\",\"id\":\"r:1\",\"label\":\"LEADS\",\"start\":{\"id\":\"a\"},\"end\":{\"id\":\"b\"},\"properties\":{}}\n";
        Assert.Throws<UserErrorException>(() => ApocJsonLines.Read(new StringReader(line), "in.jsonl"));
    }
}
