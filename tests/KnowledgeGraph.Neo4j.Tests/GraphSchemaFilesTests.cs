using System.Text.RegularExpressions;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Neo4j.Tests;

public sealed class GraphSchemaFilesTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "graph-schema", name));

    [Test]
    public void Constraints_make_ids_unique_and_can_run_twice()
    {
        var statements = Neo4jLoadPlan.ConstraintStatements().Select(s => s.Text).ToList();
        Assert.That(statements, Has.All.Contain("IF NOT EXISTS"));
        Assert.That(statements, Has.Some.Contains("FOR (n:Entity) REQUIRE n.id IS UNIQUE"));
        Assert.That(statements, Has.Some.Contains("FOR (n:Document) REQUIRE n.id IS UNIQUE"));
        Assert.That(statements, Has.Some.Contains("FOR (n:Entity) ON (n.name)"));
        Assert.That(Read("constraints.cypher"), Is.EqualTo(Neo4jLoadPlan.ConstraintsScript()), "the embedded copy is the file");
    }

    [Test]
    public void Queries_file_has_at_least_ten_explained_queries()
    {
        var queries = CypherScript.Split(Read("queries.cypher"));
        Assert.That(queries, Has.Count.GreaterThanOrEqualTo(10));
        foreach (var q in queries)
        {
            Assert.That(q.Header, Does.Match(@"^Q\d+\. "), $"query at line {q.Line} needs a '// Qn. question' header");
            Assert.That(q.Header.Split('\n'), Has.Length.GreaterThanOrEqualTo(2), $"query at line {q.Line} needs an explanation line");
            Assert.That(q.Text, Does.Not.Contain("CREATE").And.Not.Contain("MERGE").And.Not.Contain("DELETE").And.Not.Contain(" SET "), "read-only");
        }
    }

    /// <summary>Parses style.grass the way Neo4j Browser's parseGrassCSS does, and checks every ontology label is styled.</summary>
    [Test]
    public void Browser_style_gives_every_label_a_colour_size_and_caption()
    {
        var rules = ParseGrassLikeBrowser(Read("style.grass"));
        var schema = OntologySchema.LoadDefault();
        foreach (var label in schema.NodeLabels)
        {
            Assert.That(rules.TryGetValue("node." + label.Name, out var r), Is.True, $"no rule for node.{label.Name}");
            Assert.That(r!.Keys, Is.SupersetOf(new[] { "color", "diameter", "caption" }), label.Name);
            Assert.That(r["color"], Does.Match("^#[0-9A-Fa-f]{6}$"));
        }
        Assert.That(rules["node.Document"]["caption"], Is.EqualTo("{title}"));
        Assert.That(rules["node.Person"]["caption"], Is.EqualTo("{name}"));
        foreach (var t in schema.RelationshipTypes)
            Assert.That(rules.ContainsKey("relationship." + t.Type), Is.True, $"no rule for relationship.{t.Type}");
    }

    private static Dictionary<string, Dictionary<string, string>> ParseGrassLikeBrowser(string text)
    {
        // Port of neo4j-browser src/shared/services/grassUtils.ts parseGrassCSS: quotes are dropped, {..} inside
        // properties is a binding, a property is kept only when it splits into exactly two parts on ':'.
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        bool inString = false, inProps = false, inBinding = false;
        string keyword = "", props = "";
        foreach (char c in text)
        {
            bool skip = true;
            switch (c)
            {
                case '{': if (inString) skip = false; else if (inProps) inBinding = true; else inProps = true; break;
                case '}':
                    if (inString) skip = false;
                    else if (inBinding) inBinding = false;
                    else { inProps = false; rules[keyword] = props; keyword = ""; props = ""; }
                    break;
                case '\'': case '"': inString = !inString; break;
                default: skip = false; break;
            }
            if (skip) continue;
            if (inProps) props += c;
            else if (!char.IsWhiteSpace(c)) keyword += c;
        }
        Assert.That(rules.Keys, Has.All.Match(new Regex(@"^(node|relationship)(\.\w+)?$")), "a selector was mangled (comments are not allowed in GraSS)");
        return rules.ToDictionary(kv => kv.Key, kv => kv.Value.Split(';').Select(p => p.Split(':')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
