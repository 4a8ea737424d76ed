using System.Text;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

public sealed class Neo4jAdminCsvTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("kg-csv-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Headers_follow_the_neo4j_admin_format_with_typed_columns()
    {
        var result = Neo4jAdminCsv.WriteDirectory(TestGraphs.Full(), _dir);
        Assert.That(result.NodeFiles, Is.EqualTo(new[] { "nodes-Document.csv", "nodes-Entity.csv" }));
        Assert.That(result.RelationshipFiles, Is.EqualTo(new[] { "relationships-Document-Entity.csv", "relationships-Entity-Entity.csv" }));

        var entities = Read("nodes-Entity.csv");
        Assert.That(entities[0], Is.EqualTo(new[] { "id:ID", ":LABEL", "aliases:string[]", "doc_count:long", "mentions:long", "name", "role", "title" }));
        var rels = Read("relationships-Entity-Entity.csv");
        Assert.That(rels[0], Is.EqualTo(new[] { ":START_ID", ":END_ID", ":TYPE", "id", "attributed_to:string[]", "category", "confidence:double",
            "dates:string[]", "doc_ids:string[]", "evidence:string[]", "evidence_count:long", "offsets:string[]", "trigger:string[]" }));
        Assert.That(Read("relationships-Document-Entity.csv")[0], Is.EqualTo(new[] { ":START_ID", ":END_ID", ":TYPE", "id", "count:long" }));
        Assert.That(Read("nodes-Document.csv")[0], Is.EqualTo(new[] { "id:ID", ":LABEL", "characters:long", "date", "source", "title" }));
    }

    [Test]
    public void Values_with_quotes_commas_semicolons_and_newlines_survive_a_real_csv_parse()
    {
        var graph = TestGraphs.Full();
        Neo4jAdminCsv.WriteDirectory(graph, _dir);

        var entities = Read("nodes-Entity.csv");
        var header = entities[0];
        Assert.That(entities.Skip(1).Select(r => r[0]), Is.EquivalentTo(graph.Nodes.Where(n => n.Labels[0] == "Entity").Select(n => n.Id)));
        foreach (var row in entities.Skip(1))
        {
            var node = graph.Node(row[0])!;
            Assert.That(row, Has.Length.EqualTo(header.Length));
            Assert.That(row[1].Split(Neo4jAdminCsv.ArrayDelimiter), Is.EqualTo(node.Labels));
            Assert.That(row[Array.IndexOf(header, "name")], Is.EqualTo(node.Name), "name with quotes, commas, semicolons and backticks");
            Assert.That(row[Array.IndexOf(header, "aliases:string[]")].Split(Neo4jAdminCsv.ArrayDelimiter), Is.EqualTo(node["aliases"]),
                "array elements, one with an embedded newline, keep their semicolons");
            Assert.That(row[Array.IndexOf(header, "mentions:long")], Is.EqualTo(((long)node["mentions"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var docs = Read("nodes-Document.csv");
        Assert.That(docs[1][Array.IndexOf(docs[0], "title")], Is.EqualTo("A \"quoted\", title; with\nnewline"));

        var rels = Read("relationships-Entity-Entity.csv");
        var first = rels[1];
        var edge = graph.Edges.Single(e => e.Id == first[3]);
        Assert.That((first[0], first[1], first[2]), Is.EqualTo((edge.StartId, edge.EndId, edge.Type)));
        Assert.That(first[Array.IndexOf(rels[0], "confidence:double")], Is.EqualTo("0.8"));
        Assert.That(first[Array.IndexOf(rels[0], "evidence:string[]")], Is.EqualTo(((IReadOnlyList<string>)edge["evidence"]!)[0]));
        Assert.That(rels.Count - 1 + Read("relationships-Document-Entity.csv").Count - 1, Is.EqualTo(graph.Edges.Count));
    }

    [Test]
    public void Absent_values_are_empty_and_empty_strings_are_quoted()
    {
        var a = new GraphNode("e:per:a", new[] { "Entity", "Person" }, new[] { new KeyValuePair<string, object>("name", ""), new KeyValuePair<string, object>("role", "x") });
        var b = new GraphNode("e:per:b", new[] { "Entity", "Person" }, new[] { new KeyValuePair<string, object>("name", "B") });
        Neo4jAdminCsv.WriteDirectory(new GraphSnapshot(new[] { a, b }, Array.Empty<GraphEdge>()), _dir);
        var lines = File.ReadAllText(Path.Combine(_dir, "nodes-Entity.csv")).Split('\n');
        Assert.That(lines[1], Is.EqualTo("e:per:a,Entity\u001FPerson,\"\",x"));
        Assert.That(lines[2], Is.EqualTo("e:per:b,Entity\u001FPerson,B,"), "no role: an empty unquoted field, which the importer skips");
    }

    [Test]
    public void The_script_holds_the_exact_import_command_and_output_is_deterministic()
    {
        var result = Neo4jAdminCsv.WriteDirectory(TestGraphs.Full(), _dir);
        Assert.That(result.Command, Is.EqualTo(
            "bin/neo4j-admin database import full --id-type=string --delimiter=',' --array-delimiter=U+001F --quote='\"' --multiline-fields=true " +
            "--nodes=import/nodes-Document.csv --nodes=import/nodes-Entity.csv " +
            "--relationships=import/relationships-Document-Entity.csv --relationships=import/relationships-Entity-Entity.csv neo4j"));
        var script = File.ReadAllText(Path.Combine(_dir, Neo4jAdminCsv.ScriptFileName));
        Assert.That(script, Does.StartWith("#!/bin/sh").And.Contain("--array-delimiter=U+001F").And.Contain("--nodes=\"$IMPORT_DIR/nodes-Entity.csv\""));
        var before = Directory.GetFiles(_dir).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Neo4jAdminCsv.WriteDirectory(TestGraphs.Full(), _dir);
        var after = Directory.GetFiles(_dir).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.That(after, Is.EqualTo(before));
    }

    private List<string[]> Read(string file) => ParseCsv(File.ReadAllText(Path.Combine(_dir, file), Encoding.UTF8));

    /// <summary>
    /// An RFC 4180 parser, independent of the writer: quoted fields may hold delimiters, doubled quotes and newlines.
    /// </summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    rows.Add(row.ToArray()); row.Clear(); any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        Assert.That(quoted, Is.False, "unterminated quoted field");
        if (any) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }
}
