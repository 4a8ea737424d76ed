using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using KnowledgeGraph.Graph;
using static KnowledgeGraph.Export.Tests.SampleGraphs;

namespace KnowledgeGraph.Export.Tests;

public sealed class GraphMlWriterTests
{
    private static readonly XNamespace G = GraphMlWriter.Namespace;

    private static byte[] Bytes(GraphSnapshot graph)
    {
        using var ms = new MemoryStream();
        GraphMlWriter.Write(graph, ms);
        return ms.ToArray();
    }

    /// <summary>Parses with a strict, non-normalising-away reader: invalid characters or malformed XML throw.</summary>
    private static XDocument Parse(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    private static Dictionary<string, XElement> Keys(XDocument doc) =>
        doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!);

    private static XElement NodeElement(XDocument doc, string id) =>
        doc.Descendants(G + "node").Single(n => (string)n.Attribute("id")! == id);

    /// <summary>The value of a node's property, found through the key whose attr.name is the property name.</summary>
    private static string? NodeData(XDocument doc, string nodeId, string property)
    {
        var key = doc.Root!.Elements(G + "key").Single(k => (string)k.Attribute("for")! == "node" && (string)k.Attribute("attr.name")! == property);
        return NodeElement(doc, nodeId).Elements(G + "data").SingleOrDefault(d => (string)d.Attribute("key")! == (string)key.Attribute("id")!)?.Value;
    }

    private static readonly string[] GraphMlTypes = ["boolean", "int", "long", "float", "double", "string"];

    /// <summary>
    /// What the GraphML XSD (graphml.graphdrawing.org/xmlns/1.0) and its key/keyref constraints demand, checked by hand
    /// because the XSD is not available offline: element order, required attributes, the attr.type enumeration, unique
    /// key/node/edge ids, data keys that refer to a declared key of the right domain, edge ends that are declared nodes.
    /// Plus what readers need beyond the XSD: values that parse as the declared type, APOC's labels/label convention,
    /// nodes before edges.
    /// </summary>
    [TestCase("small")]
    [TestCase("nasty")]
    public void Output_is_structurally_valid_graphml(string which)
    {
        var graph = which == "small" ? Small() : Nasty();
        var doc = Parse(Bytes(graph));
        var root = doc.Root!;
        Assert.That(root.Name, Is.EqualTo(G + "graphml"));
        var children = root.Elements().ToList();
        Assert.That(children.Select(c => c.Name.LocalName), Is.EqualTo(Enumerable.Repeat("key", children.Count - 1).Append("graph")),
            "keys first, then exactly one graph");

        var keys = Keys(doc);
        Assert.That(keys, Has.Count.EqualTo(children.Count - 1), "key ids are unique");
        foreach (var k in keys.Values)
        {
            Assert.That((string?)k.Attribute("for"), Is.AnyOf("node", "edge"));
            Assert.That((string?)k.Attribute("attr.name"), Is.Not.Null.And.Not.Empty);
            Assert.That((string?)k.Attribute("attr.type"), Is.AnyOf(GraphMlTypes));
            Assert.DoesNotThrow(() => XmlConvert.VerifyNMTOKEN((string)k.Attribute("id")!));
        }
        Assert.That(keys.Values.Select(k => (string)k.Attribute("for")! + "/" + (string)k.Attribute("attr.name")!), Is.Unique,
            "one key per (domain, name)");
        Assert.That(keys["labels"].Attribute("for")!.Value, Is.EqualTo("node"));
        Assert.That(keys["label"].Attribute("for")!.Value, Is.EqualTo("edge"));

        var g = children.Last();
        Assert.That((string?)g.Attribute("edgedefault"), Is.EqualTo("directed"));
        var elements = g.Elements().ToList();
        Assert.That(elements.Select(e => e.Name.LocalName),
            Is.EqualTo(Enumerable.Repeat("node", graph.Nodes.Count).Concat(Enumerable.Repeat("edge", graph.Edges.Count))),
            "every node, then every edge");
        var nodeIds = elements.Where(e => e.Name.LocalName == "node").Select(e => (string)e.Attribute("id")!).ToList();
        var edgeIds = elements.Where(e => e.Name.LocalName == "edge").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.That(nodeIds, Is.Unique);
        Assert.That(nodeIds, Is.EqualTo(graph.Nodes.Select(n => n.Id)));
        Assert.That(edgeIds, Is.EqualTo(graph.Edges.Select(e => e.Id)));
        Assert.That(edgeIds, Is.Unique);

        foreach (var el in elements)
        {
            var domain = el.Name.LocalName;
            var data = el.Elements(G + "data").ToList();
            Assert.That(el.Elements().Count(), Is.EqualTo(data.Count), "only data inside nodes and edges");
            Assert.That(data.Select(d => (string)d.Attribute("key")!), Is.Unique, "a key at most once per element");
            foreach (var d in data)
            {
                var key = keys[(string)d.Attribute("key")!];
                Assert.That(key.Attribute("for")!.Value, Is.EqualTo(domain), "data refers to a key of its own domain");
                var text = d.Value;
                switch (key.Attribute("attr.type")!.Value)
                {
                    case "long": Assert.DoesNotThrow(() => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)); break;
                    case "double": Assert.DoesNotThrow(() => XmlConvert.ToDouble(text)); break;
                    case "boolean": Assert.That(text, Is.AnyOf("true", "false")); break;
                }
            }
            if (domain == "node")
            {
                var node = graph.Node((string)el.Attribute("id")!)!;
                var labels = ":" + string.Join(":", node.Labels);
                Assert.That((string?)el.Attribute("labels"), Is.EqualTo(labels));
                Assert.That(data.Single(d => (string)d.Attribute("key")! == "labels").Value, Is.EqualTo(labels));
            }
            else
            {
                Assert.That(nodeIds, Does.Contain((string)el.Attribute("source")!));
                Assert.That(nodeIds, Does.Contain((string)el.Attribute("target")!));
                var type = graph.Edges.Single(e => e.Id == (string)el.Attribute("id")!).Type;
                Assert.That((string?)el.Attribute("label"), Is.EqualTo(type));
                Assert.That(data.Single(d => (string)d.Attribute("key")! == "label").Value, Is.EqualTo(type));
            }
        }
    }

    [Test]
    public void Node_and_edge_keys_have_distinct_ids_even_for_the_same_property_name()
    {
        var graph = new GraphSnapshot(
            [new GraphNode("a", ["Entity", "Person"], Props(("confidence", 0.5), ("name", "A"))),
             new GraphNode("b", ["Entity", "Person"], Props(("name", "B")))],
            [new GraphEdge("r:1", "LEADS", "a", "b", Props(("confidence", 0.9), ("name", "edge name")))]);
        var keys = Keys(Parse(Bytes(graph)));
        Assert.That(keys["n_confidence"].Attribute("for")!.Value, Is.EqualTo("node"));
        Assert.That(keys["e_confidence"].Attribute("for")!.Value, Is.EqualTo("edge"));
        Assert.That(keys["n_name"].Attribute("attr.name")!.Value, Is.EqualTo("name"));
        Assert.That(keys["e_name"].Attribute("attr.name")!.Value, Is.EqualTo("name"));
    }

    /// <summary>
    /// APOC's GraphML reader takes only source, target and label from an edge element and every property from its
    /// data children: the id must be a data key too, or <c>apoc.import.graphml</c> drops it.
    /// </summary>
    [Test]
    public void Every_edge_carries_its_id_as_data_because_APOC_ignores_the_id_attribute()
    {
        var graph = new GraphSnapshot(
            [new GraphNode("a", ["Entity", "Person"], Props(("name", "A"))),
             new GraphNode("b", ["Entity", "Person"], Props(("name", "B")))],
            [new GraphEdge("r:1", "LEADS", "a", "b", Props(("confidence", 0.9))),
             new GraphEdge("r:2", "MEMBER_OF", "b", "a", Props())]);
        var doc = Parse(Bytes(graph));
        var idKey = doc.Root!.Elements(G + "key").Single(k => (string)k.Attribute("for")! == "edge" && (string)k.Attribute("attr.name")! == "id");
        Assert.That((string)idKey.Attribute("attr.type")!, Is.EqualTo("string"));
        var edges = doc.Descendants(G + "edge").ToList();
        Assert.That(edges, Has.Count.EqualTo(2));
        foreach (var e in edges)
            Assert.That(e.Elements(G + "data").Single(d => (string)d.Attribute("key")! == (string)idKey.Attribute("id")!).Value,
                Is.EqualTo((string)e.Attribute("id")!));
        Assert.That(doc.Root.Elements(G + "key").Where(k => (string)k.Attribute("for")! == "node").Select(k => (string)k.Attribute("attr.name")!),
            Does.Not.Contain("id"), "node ids come back through storeNodeIds, not a data key");
    }

    [Test]
    public void An_edge_property_named_id_is_refused_rather_than_written_twice()
    {
        var graph = new GraphSnapshot(
            [new GraphNode("a", ["Entity"], Props()), new GraphNode("b", ["Entity"], Props())],
            [new GraphEdge("r:1", "LEADS", "a", "b", Props(("id", "other")))]);
        Assert.That(() => Bytes(graph), Throws.ArgumentException.With.Message.Contains("reserved for the edge id"));
    }

    [Test]
    public void Key_type_fits_the_values_of_every_node()
    {
        var graph = new GraphSnapshot(
        [
            new GraphNode("a", ["Entity"], Props(("count", 1L), ("mixed", 1L), ("ratio", 2L), ("flag", true), ("tags", new List<string> { "x" }), ("odd", "text"))),
            new GraphNode("b", ["Entity"], Props(("count", 2L), ("mixed", "two"), ("ratio", 0.5), ("flag", false), ("tags", new List<string>()), ("odd", new List<string> { "y" }))),
        ], []);
        var doc = Parse(Bytes(graph));
        var keys = Keys(doc);
        Assert.Multiple(() =>
        {
            Assert.That(keys["n_count"].Attribute("attr.type")!.Value, Is.EqualTo("long"));
            Assert.That(keys["n_mixed"].Attribute("attr.type")!.Value, Is.EqualTo("string"), "long and string mixed -> string");
            Assert.That(keys["n_ratio"].Attribute("attr.type")!.Value, Is.EqualTo("double"), "long and double mixed -> double");
            Assert.That(keys["n_flag"].Attribute("attr.type")!.Value, Is.EqualTo("boolean"));
            Assert.That(keys["n_tags"].Attribute("attr.type")!.Value, Is.EqualTo("string"));
            Assert.That(keys["n_tags"].Attribute("attr.list")?.Value, Is.EqualTo("string"), "APOC turns the JSON text back into a list");
            Assert.That(keys["n_odd"].Attribute("attr.type")!.Value, Is.EqualTo("string"));
            Assert.That(keys["n_odd"].Attribute("attr.list"), Is.Null, "a key that also holds plain strings is not a list for APOC");
            Assert.That(NodeData(doc, "a", "ratio"), Is.EqualTo("2"));
            Assert.That(NodeData(doc, "b", "ratio"), Is.EqualTo("0.5"));
            Assert.That(NodeData(doc, "a", "flag"), Is.EqualTo("true"));
            Assert.That(NodeData(doc, "a", "tags"), Is.EqualTo("[\"x\"]"));
            Assert.That(NodeData(doc, "b", "tags"), Is.EqualTo("[]"));
            Assert.That(NodeData(doc, "b", "odd"), Is.EqualTo("[\"y\"]"));
        });
    }

    [Test]
    public void Nasty_strings_survive_exactly_and_xml_invalid_characters_are_removed()
    {
        var doc = Parse(Bytes(Nasty()));
        Assert.Multiple(() =>
        {
            Assert.That(NodeData(doc, "e:per:o-brien", "name"), Is.EqualTo(NastyName));
            Assert.That(NodeData(doc, "e:per:o-brien", "title"), Is.EqualTo(VeryLong));
            Assert.That(Newtonsoft.Json.JsonConvert.DeserializeObject<List<string>>(NodeData(doc, "e:per:o-brien", "aliases")!),
                Is.EqualTo(new[] { NastyName, "O'B", "" }));
            Assert.That(NodeData(doc, "e:org:bell", "name"), Is.EqualTo("bellendlonenon"));
            Assert.That(NodeData(doc, "e:org:bell", "aliases"), Is.EqualTo("[]"));
        });
    }

    [Test]
    public void Clean_keeps_tab_newline_return_and_surrogate_pairs()
    {
        Assert.That(GraphMlWriter.Clean("a\tb\nc\rd😀"), Is.EqualTo("a\tb\nc\rd😀"));
        Assert.That(GraphMlWriter.Clean("\u0000\u0008\u000B\u001F\uFFFF\uDC00x\uD83D"), Is.EqualTo("x"));
    }

    [Test]
    public void Markup_in_values_is_escaped_not_interpreted()
    {
        var text = Encoding.UTF8.GetString(Bytes(Nasty()));
        Assert.That(text, Does.Not.Contain("</data> ]]>"), "a value never closes the element it is in");
        Assert.That(text, Does.Contain("&lt;/data&gt; ]]&gt;"));
        Assert.That(text, Does.Contain("&#xD;"), "carriage returns are kept as references, so parsers do not normalise them away");
    }

    [Test]
    public void Same_graph_gives_the_same_bytes_and_the_file_matches_the_stream()
    {
        var first = Bytes(Nasty());
        var second = Bytes(Nasty());
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");

        var dir = Path.Combine(Path.GetTempPath(), "kg-graphml-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, GraphMlWriter.FileName);
            GraphMlWriter.WriteFile(Nasty(), path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(first));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1), "no temporary file left behind");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void NaN_and_infinite_values_are_left_out()
    {
        var graph = new GraphSnapshot(
            [new GraphNode("a", ["Entity"], Props(("score", double.NaN))), new GraphNode("b", ["Entity"], Props(("score", 0.25)))],
            [new GraphEdge("r:1", "LEADS", "a", "b", Props(("confidence", double.PositiveInfinity)))]);
        var doc = Parse(Bytes(graph));
        Assert.That(NodeData(doc, "a", "score"), Is.Null);
        Assert.That(NodeData(doc, "b", "score"), Is.EqualTo("0.25"));
        Assert.That(Keys(doc).ContainsKey("e_confidence"), Is.False, "a key with no finite value is not declared");
    }

    [Test]
    public void Empty_graph_is_valid_graphml()
    {
        var doc = Parse(Bytes(GraphSnapshot.Empty));
        Assert.That(doc.Root!.Element(G + "graph")!.Elements(), Is.Empty);
        Assert.That(Keys(doc).Keys, Is.EquivalentTo(new[] { "labels", "label" }));
    }

    [Test]
    public void Text_writer_overload_writes_the_same_document()
    {
        using var sw = new StringWriter();
        GraphMlWriter.Write(Small(), sw);
        var fromStream = Encoding.UTF8.GetString(Bytes(Small()));
        Assert.That(sw.ToString(), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>"), "the declaration names the writer's encoding");
        Assert.That(sw.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), Is.EqualTo(fromStream));
    }
}
