using System.Globalization;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using static KnowledgeGraph.Export.Tests.SampleGraphs;

namespace KnowledgeGraph.Export.Tests;

public sealed class CypherScriptWriterTests
{
    private static OntologySchema Schema => OntologySchema.LoadDefault();

    private static string Script(GraphSnapshot graph)
    {
        using var sw = new StringWriter { NewLine = "\n" };
        CypherScriptWriter.Write(graph, Schema, sw);
        return sw.ToString();
    }

    /// <summary>
    /// A small reader for Cypher string literals, written from the Cypher manual's escape table (\\ \' \" \n \r \t \b
    /// \f \uXXXX), independent of the writer: what the server will make of our literal.
    /// </summary>
    private static string ParseStringLiteral(string text, ref int pos)
    {
        var quote = text[pos];
        Assert.That(quote, Is.AnyOf('\'', '"'), $"string literal expected at {pos}");
        var sb = new StringBuilder();
        for (pos++; ; pos++)
        {
            Assert.That(pos, Is.LessThan(text.Length), "unterminated string literal");
            var c = text[pos];
            if (c == quote) { pos++; return sb.ToString(); }
            Assert.That(c, Is.Not.EqualTo('\n').And.Not.EqualTo('\r'), "raw line break inside a literal");
            if (c != '\\') { sb.Append(c); continue; }
            var e = text[++pos];
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    sb.Append((char)int.Parse(text.AsSpan(pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    pos += 4;
                    break;
                default: Assert.Fail($"unknown escape \\{e}"); break;
            }
        }
    }

    private static string ParseOne(string literal)
    {
        int pos = 0;
        var value = ParseStringLiteral(literal, ref pos);
        Assert.That(pos, Is.EqualTo(literal.Length), "nothing after the literal");
        return value;
    }

    /// <summary>Splits a statement the way cypher-shell does: ';' outside string literals and backtick names ends it.</summary>
    private static List<string> Statements(string script)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < script.Length;)
        {
            var c = script[i];
            if (c == '/' && i + 1 < script.Length && script[i + 1] == '/' && current.ToString().Trim().Length == 0)
            {
                i = script.IndexOf('\n', i) is var nl and >= 0 ? nl + 1 : script.Length;
                continue;
            }
            if (c is '\'' or '"')
            {
                int start = i;
                ParseStringLiteral(script, ref i);
                current.Append(script, start, i - start);
                continue;
            }
            if (c == '`')
            {
                int end = i + 1;
                while (true)
                {
                    end = script.IndexOf('`', end);
                    Assert.That(end, Is.GreaterThan(0), "unterminated backtick name");
                    if (end + 1 < script.Length && script[end + 1] == '`') { end += 2; continue; }
                    break;
                }
                current.Append(script, i, end + 1 - i);
                i = end + 1;
                continue;
            }
            if (c == ';')
            {
                result.Add(current.ToString().Trim());
                current.Clear();
                i++;
                continue;
            }
            current.Append(c);
            i++;
        }
        Assert.That(current.ToString().Trim(), Is.Empty, "text after the last ';'");
        return result;
    }

    public static IEnumerable<string> NastyValues() =>
    [
        NastyName, NameWithInvalidXml, VeryLong, "", "'", "\\", "\\'", "''", "`", "\"", "</data>", "]]>", "😀", "\u0001",
        "\u007F\u0085\u2028", "a;b", "// not a comment", "\\u0041 is not A",
    ];

    [TestCaseSource(nameof(NastyValues))]
    public void String_literal_round_trips_through_a_cypher_reader(string value)
    {
        var literal = CypherScriptWriter.Literal(value);
        Assert.That(ParseOne(literal), Is.EqualTo(value));
        Assert.That(literal.Any(c => char.IsControl(c)), Is.False, "control characters are escaped, so the statement stays on one line");
    }

    [Test]
    public void Literals_are_exactly_as_computed_by_hand()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CypherScriptWriter.Literal("O'Brien"), Is.EqualTo(@"'O\'Brien'"));
            Assert.That(CypherScriptWriter.Literal(@"C:\path"), Is.EqualTo(@"'C:\\path'"));
            Assert.That(CypherScriptWriter.Literal("a\nb\r\nc\td"), Is.EqualTo(@"'a\nb\r\nc\td'"));
            Assert.That(CypherScriptWriter.Literal("bell\u0001"), Is.EqualTo(@"'bell\u0001'"));
            Assert.That(CypherScriptWriter.Literal("say \"hi\" `x`"), Is.EqualTo("'say \"hi\" `x`'"));
            Assert.That(CypherScriptWriter.Literal("😀é"), Is.EqualTo("'😀é'"));
            Assert.That(CypherScriptWriter.Literal("x\uD800"), Is.EqualTo(@"'x\uD800'"));
            Assert.That(CypherScriptWriter.Literal(3L), Is.EqualTo("3"));
            Assert.That(CypherScriptWriter.Literal(-42L), Is.EqualTo("-42"));
            Assert.That(CypherScriptWriter.Literal(1.0), Is.EqualTo("1.0"));
            Assert.That(CypherScriptWriter.Literal(0.85), Is.EqualTo("0.85"));
            Assert.That(CypherScriptWriter.Literal(-2.5), Is.EqualTo("-2.5"));
            Assert.That(CypherScriptWriter.Literal(1e20), Is.EqualTo("1E20"));
            Assert.That(CypherScriptWriter.Literal(1.5e-7), Is.EqualTo("1.5E-07"));
            Assert.That(CypherScriptWriter.Literal(true), Is.EqualTo("true"));
            Assert.That(CypherScriptWriter.Literal(false), Is.EqualTo("false"));
            Assert.That(CypherScriptWriter.Literal(new List<string>()), Is.EqualTo("[]"));
            Assert.That(CypherScriptWriter.Literal(new List<string> { "a", "b'c" }), Is.EqualTo(@"['a', 'b\'c']"));
        });
    }

    [Test]
    public void NaN_and_infinity_have_no_literal_and_are_dropped_from_scripts()
    {
        Assert.Throws<ArgumentException>(() => CypherScriptWriter.Literal(double.NaN));
        Assert.Throws<ArgumentException>(() => CypherScriptWriter.Literal(double.NegativeInfinity));
        var graph = new GraphSnapshot([new GraphNode("e:per:x", ["Entity", "Person"], Props(("name", "X"), ("score", double.NaN)))], []);
        var script = Script(graph);
        Assert.That(script, Does.Contain("MERGE (n:`Entity` {`id`: 'e:per:x'}) SET n:`Person`, n.`name` = 'X';\n"));
        Assert.That(script, Does.Not.Contain("score"));
    }

    [Test]
    public void Names_are_backtick_quoted_with_backticks_doubled()
    {
        Assert.That(CypherScriptWriter.QuoteName("LEADS"), Is.EqualTo("`LEADS`"));
        Assert.That(CypherScriptWriter.QuoteName("a`b"), Is.EqualTo("`a``b`"));
    }

    [Test]
    public void Script_has_constraints_first_then_one_idempotent_statement_per_line()
    {
        var graph = Small();
        var script = Script(graph);
        var lines = script.Split('\n');
        Assert.That(lines[^1], Is.Empty, "ends with a newline");
        var statementLines = lines[..^1].Where(l => !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        Assert.That(statementLines, Has.All.EndsWith(";"));
        Assert.That(statementLines, Has.Count.EqualTo(2 + graph.Nodes.Count + graph.Edges.Count));
        Assert.That(statementLines[0], Is.EqualTo("CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:`Document`) REQUIRE n.`id` IS UNIQUE;"));
        Assert.That(statementLines[1], Is.EqualTo("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:`Entity`) REQUIRE n.`id` IS UNIQUE;"));

        var statements = Statements(script);
        Assert.That(statements, Is.EqualTo(statementLines.Select(l => l[..^1])), "no ';' inside a value splits a statement");
        foreach (var s in statements.Skip(2))
        {
            Assert.That(s, Does.StartWith("MERGE (n:").Or.StartWith("MATCH (a:"), "only MERGE writes: running twice changes nothing");
            Assert.That(s, Does.Not.Contain("CREATE ").And.Not.Contain("DELETE ").And.Not.Contain("$"));
        }

        // Hand-written expectations for one node and one relationship.
        Assert.That(statementLines, Does.Contain(
            "MERGE (n:`Entity` {`id`: 'e:org:northern-liberation-front'}) SET n:`Organization`:`ArmedGroup`, " +
            "n.`aliases` = ['NLF', 'Northern Liberation Front'], n.`doc_count` = 1, n.`mentions` = 5, n.`name` = 'Northern Liberation Front';"));
        Assert.That(statementLines, Does.Contain(
            "MERGE (n:`Document` {`id`: 'd:0123456789abcdef'}) SET n.`characters` = 1234, n.`date` = '2024-05-01', " +
            "n.`source` = 'seeds/example.txt', n.`title` = 'Front expands in the north';"));
        Assert.That(statementLines, Does.Contain(
            "MATCH (a:`Entity` {`id`: 'e:org:northern-liberation-front'}) MATCH (b:`Entity` {`id`: 'e:loc:ruritania'}) " +
            "MERGE (a)-[r:`LOCATED_IN`]->(b) SET r.`id` = 'r:00000000000000b2', r.`category` = 'LOCATED_IN', r.`confidence` = 1.0, " +
            "r.`dates` = ['2024-05-01'], r.`doc_ids` = ['d:0123456789abcdef'], r.`evidence` = ['The NLF operates in northern Ruritania.'], " +
            "r.`evidence_count` = 1, r.`offsets` = ['d:0123456789abcdef:63-102'], r.`trigger` = ['operates in'];"));
        Assert.That(statementLines, Does.Contain(
            "MATCH (a:`Document` {`id`: 'd:0123456789abcdef'}) MATCH (b:`Entity` {`id`: 'e:per:jane-roe'}) " +
            "MERGE (a)-[r:`MENTIONS`]->(b) SET r.`id` = 'r:00000000000000c3', r.`count` = 3;"));
    }

    [Test]
    public void Nasty_values_round_trip_through_the_whole_script()
    {
        var script = Script(Nasty());
        var statements = Statements(script);
        var node = statements.Single(s => s.StartsWith("MERGE (n:`Entity` {`id`: 'e:per:o-brien'})", StringComparison.Ordinal));
        var at = node.IndexOf("n.`name` = ", StringComparison.Ordinal) + "n.`name` = ".Length;
        Assert.That(ParseStringLiteral(node, ref at), Is.EqualTo(NastyName));
        at = node.IndexOf("n.`title` = ", StringComparison.Ordinal) + "n.`title` = ".Length;
        Assert.That(ParseStringLiteral(node, ref at), Is.EqualTo(VeryLong));
        var bell = statements.Single(s => s.StartsWith("MERGE (n:`Entity` {`id`: 'e:org:bell'})", StringComparison.Ordinal));
        at = bell.IndexOf("n.`name` = ", StringComparison.Ordinal) + "n.`name` = ".Length;
        Assert.That(ParseStringLiteral(bell, ref at), Is.EqualTo(NameWithInvalidXml), "Cypher can carry what XML cannot");
        Assert.That(bell, Does.Contain("n.`aliases` = []"));
        Assert.That(statements.Single(s => s.Contains("[r:`LEADS`]", StringComparison.Ordinal)), Does.Contain("r.`negated` = false"));
        Assert.That(script.Split('\n').Where(l => l.Length > 0), Has.All.EndsWith(";").Or.StartsWith("//"),
            "newlines in values never break a statement across lines");
    }

    [Test]
    public void Same_graph_gives_the_same_bytes()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-cypher-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = Path.Combine(dir, "a.cypher");
            var b = Path.Combine(dir, "b.cypher");
            CypherScriptWriter.WriteFile(Nasty(), Schema, a);
            CypherScriptWriter.WriteFile(Nasty(), Schema, b);
            Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
            Assert.That(File.ReadAllText(a, Encoding.UTF8), Is.EqualTo(Script(Nasty())));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void Label_not_in_the_schema_is_rejected()
    {
        var graph = new GraphSnapshot([new GraphNode("e:per:x", ["Entity", "Person", "Wizard"], Props(("name", "X")))], []);
        var e = Assert.Throws<UserErrorException>(() => Script(graph));
        Assert.That(e!.Message, Does.Contain("'Wizard'").And.Contain("e:per:x"));
    }

    [Test]
    public void Label_with_a_backtick_is_rejected_because_it_is_not_in_the_schema()
    {
        var graph = new GraphSnapshot([new GraphNode("e:per:x", ["Entity", "Person`) DETACH DELETE n //"], Props(("name", "X")))], []);
        Assert.Throws<UserErrorException>(() => Script(graph));
    }

    [Test]
    public void Relationship_type_not_in_the_schema_is_rejected()
    {
        var graph = new GraphSnapshot(
            [new GraphNode("a", ["Entity", "Person"], Props(("name", "A"))), new GraphNode("b", ["Entity", "Person"], Props(("name", "B")))],
            [new GraphEdge("r:1", "HATES", "a", "b", Props(("confidence", 0.5)))]);
        var e = Assert.Throws<UserErrorException>(() => Script(graph));
        Assert.That(e!.Message, Does.Contain("'HATES'"));
    }

    [Test]
    public void Property_key_that_is_not_an_identifier_is_rejected()
    {
        var graph = new GraphSnapshot([new GraphNode("a", ["Entity", "Person"], Props(("bad key", "v")))], []);
        Assert.Throws<ArgumentException>(() => Script(graph));
    }
}
