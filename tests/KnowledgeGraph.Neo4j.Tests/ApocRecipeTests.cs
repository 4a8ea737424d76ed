using KnowledgeGraph.Export;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// The APOC and neo4j-admin recipes users copy from README and docs/neo4j.md must be the ones the code is built for:
/// each test fails when the docs quote another call than the code's, or when a generated file is stale.
/// </summary>
public sealed class ApocRecipeTests
{
    private static string Root()
    {
        var root = QueriesSeedDocTests.FindRepositoryRoot();
        if (root is null) Assert.Ignore("not running from a checkout: README and docs not found");
        return root!;
    }

    [Test]
    public void The_apoc_constraints_file_is_generated_from_the_current_schema()
    {
        var path = Path.Combine(Root(), "graph-schema", ApocImport.ConstraintsFileName);
        Assert.That(File.Exists(path), Is.True, "graph-schema/apoc-constraints.cypher is missing: kg schema apoc-constraints --out graph-schema/apoc-constraints.cypher");
        Assert.That(File.ReadAllText(path), Is.EqualTo(ApocImport.ConstraintsScript(TestGraphs.Schema)),
            "graph-schema/apoc-constraints.cypher is stale: kg schema apoc-constraints --out graph-schema/apoc-constraints.cypher");
    }

    [Test]
    public void Every_label_of_the_ontology_gets_one_uniqueness_constraint_on_id()
    {
        var statements = CypherScript.Split(ApocImport.ConstraintsScript(TestGraphs.Schema)).Select(s => s.Text).ToList();
        Assert.That(statements, Has.Count.EqualTo(TestGraphs.Schema.NodeLabels.Count));
        foreach (var label in TestGraphs.Schema.NodeLabels)
            Assert.That(statements, Has.One.Contains($"FOR (n:`{label.Name}`) REQUIRE n.id IS UNIQUE"), label.Name);
        Assert.That(statements, Has.All.Contain("IF NOT EXISTS"));
        Assert.That(statements.Select(s => s.Split(' ')[2]), Is.Unique, "constraint names");
        // The two that constraints.cypher also creates have its names, so running both files creates each once.
        var loader = Neo4jLoadPlan.ConstraintStatements().Select(s => s.Text).ToList();
        Assert.That(loader, Has.Some.StartsWith("CREATE CONSTRAINT entity_id IF NOT EXISTS"));
        Assert.That(statements, Has.Some.StartsWith("CREATE CONSTRAINT entity_id IF NOT EXISTS"));
        Assert.That(statements, Has.Some.StartsWith("CREATE CONSTRAINT document_id IF NOT EXISTS"));
    }

    [TestCase("README.md")]
    [TestCase("docs/neo4j.md")]
    public void Docs_quote_the_apoc_calls_the_files_are_written_for(string doc)
    {
        var text = File.ReadAllText(Path.Combine(Root(), doc));
        Assert.That(text, Does.Contain(ApocImport.JsonCall), $"{doc} must quote {ApocImport.JsonCall}");
        Assert.That(text, Does.Contain(ApocImport.GraphMlCall), $"{doc} must quote {ApocImport.GraphMlCall}");
        Assert.That(text, Does.Contain("graph-schema/" + ApocImport.ConstraintsFileName));
        foreach (var line in text.Split('\n').Where(l => l.Contains("apoc.import.", StringComparison.Ordinal) && l.Contains("CALL ", StringComparison.Ordinal)))
            Assert.That(line, Does.Contain(ApocImport.JsonCall).Or.Contain(ApocImport.GraphMlCall), $"{doc} quotes another APOC call: {line.Trim()}");
    }

    [TestCase("README.md")]
    [TestCase("docs/neo4j.md")]
    public void Docs_quote_the_neo4j_admin_command_kg_export_prints(string doc)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-admin-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = Neo4jAdminCsv.WriteDirectory(TestGraphs.Full(), dir);
            var text = File.ReadAllText(Path.Combine(Root(), doc));
            Assert.That(text, Does.Contain(result.Command), $"{doc} must quote the command kg export prints");
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
