using System.Text.RegularExpressions;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// docs/queries-seed.md (written by tests/cypher-lint/seed_queries.py) explains every query of queries.cypher with its
/// result on the seed graph. A query added or edited without regenerating the page would leave users reading a stale
/// or missing explanation, so each query must have its section, quoting exactly the Cypher of the file.
/// </summary>
public sealed class QueriesSeedDocTests
{
    [Test]
    public void Every_query_has_a_section_quoting_its_current_cypher()
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            Assert.Ignore("graph-schema/queries.cypher not found above the test folder: not running from a checkout");
            return;
        }
        var docPath = Path.Combine(root, "docs", "queries-seed.md");
        Assert.That(File.Exists(docPath), Is.True,
            "docs/queries-seed.md is missing: python3 tests/cypher-lint/seed_queries.py <graph.jsonl> --out docs/queries-seed.md");
        var doc = File.ReadAllText(docPath);
        var sections = Regex.Split(doc, @"^(?=## )", RegexOptions.Multiline);

        var queries = CypherScript.Split(File.ReadAllText(Path.Combine(root, "graph-schema", "queries.cypher")));
        Assert.That(queries, Is.Not.Empty);
        foreach (var q in queries)
        {
            var id = Regex.Match(q.Header, @"^Q\d+\.").Value;
            Assert.That(id, Is.Not.Empty, $"query at line {q.Line} has no 'Qn.' header");
            var section = sections.SingleOrDefault(s => s.StartsWith("## " + id + " ", StringComparison.Ordinal));
            Assert.That(section, Is.Not.Null, $"docs/queries-seed.md has no section for {id}: regenerate it");
            var block = Regex.Match(section!, @"```cypher\n(.*?)```", RegexOptions.Singleline);
            Assert.That(block.Success, Is.True, $"{id}: the section quotes no Cypher");
            Assert.That(Normalise(block.Groups[1].Value), Is.EqualTo(Normalise(q.Text)),
                $"{id}: docs/queries-seed.md shows other Cypher than queries.cypher: regenerate it");
            Assert.That(section, Does.Contain("Parameters:").And.Contain("**What it tells you:**"), id);
            Assert.That(section, Does.Match(@"\n\| [^\n]+ \|\n\| --- ").Or.Contain("_(no rows)_"), $"{id}: no result table");
        }
        Assert.That(sections.Count(s => Regex.IsMatch(s, @"^## Q\d+\. ")), Is.EqualTo(queries.Count),
            "docs/queries-seed.md has sections for queries that are no longer in queries.cypher");
    }

    private static string Normalise(string cypher) => Regex.Replace(cypher, @"\s+", " ").Trim().TrimEnd(';').Trim();

    internal static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "graph-schema", "queries.cypher"))
                && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        return null;
    }
}
