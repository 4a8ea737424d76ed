using System.Text.Json;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// <c>--resources DIR</c> reaches the graph's joins across articles as it reaches the recogniser: a country a user adds
/// to a copy of countries.tsv, with its capital, lets an article that writes a body's bare name and the capital join the
/// body that another article names with the country (the join GraphBuilder makes for "U.S. Department of Justice" and
/// "Department of Justice" beside "Washington"); the sharded build and its merge read the same folder; a missing or
/// malformed lexicon of the folder is one line naming the file.
/// </summary>
[NonParallelizable]
public sealed class ResourcesLexiconJoinTests
{
    // An invented country, its capital and a ministry: article 1 names the ministry with the country, article 2 names
    // the ministry bare and the capital, never the country.
    private const string Country = "KSL\tKessland\tRepublic of Kessland\t\tKesslander\tPort Velmora\tyes\n";
    private const string Article1 = "Kessland closes fishing grounds\n\nThe Kessland Ministry of Fisheries closed the northern fishing grounds on Monday after a survey found too few cod, the ministry said. Fishermen in Kessland protested the decision.\n";
    private const string Article2 = "Fishermen protest in the capital\n\nHundreds of fishermen marched in Port Velmora on Tuesday against the Ministry of Fisheries, which closed the northern fishing grounds this week. The Ministry of Fisheries said the closure would last a month.\n";

    private static string Articles()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "news");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "1.txt"), Article1);
        File.WriteAllText(Path.Combine(dir, "2.txt"), Article2);
        return dir;
    }

    private static string WithKessland() => ResourcesGrammarTests.CopyWith(Path.Combine("lexicons", "countries.tsv"), t => t + Country);

    /// <summary>The names of the organisation nodes holding "Ministry of Fisheries" in their aliases, each with its aliases.</summary>
    private static List<string> Ministries(string outDir) =>
        File.ReadLines(Path.Combine(outDir, "graph.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "node" && e.GetProperty("labels").EnumerateArray().Any(l => l.GetString() == "Organization"))
            .Select(e => e.GetProperty("properties").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToList())
            .Where(aliases => aliases.Any(a => a.EndsWith("Ministry of Fisheries", StringComparison.Ordinal)))
            .Select(aliases => string.Join(" | ", aliases))
            .ToList();

    private static CliRun Kg(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.That(run.ExitCode, Is.EqualTo(0), string.Join(' ', args) + ": " + run.Error);
        return run;
    }

    [Test]
    public void A_country_and_capital_added_to_a_resources_copy_join_the_bare_ministry_of_an_article_naming_the_capital()
    {
        var news = Articles();
        var shipped = Path.Combine(CliRunner.TempDir(), "out");
        Kg("build", news, "--out", shipped, "--quiet");
        Assert.That(Ministries(shipped), Has.Count.EqualTo(2), "the shipped lexicons know no Kessland: two ministries");

        var custom = Path.Combine(CliRunner.TempDir(), "out");
        Kg("build", news, "--out", custom, "--quiet", "--resources", WithKessland());
        Assert.That(Ministries(custom), Is.EqualTo(new[] { "Kessland Ministry of Fisheries | Ministry of Fisheries" }),
            "Port Velmora is Kessland's capital in the folder's countries.tsv: article 2 names Kessland, its ministry is Kessland's");
    }

    /// <summary>The entity nodes (id, labels, properties) and relationship edges (type, ends, properties but their
    /// documents, whose ids are hashes of the paths) of a graph, as text, sorted.</summary>
    private static List<string> EntitiesAndEdges(string outDir) =>
        File.ReadLines(Path.Combine(outDir, "graph.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "node"
                ? !e.GetProperty("labels").EnumerateArray().Any(l => l.GetString() == "Document")
                : e.GetProperty("label").GetString() != "MENTIONS")
            .Select(e => e.GetProperty("type").GetString() == "node"
                ? e.GetRawText()
                : string.Join(' ', e.GetProperty("label").GetString(), e.GetProperty("start").GetProperty("id").GetString(), e.GetProperty("end").GetProperty("id").GetString(),
                    e.GetProperty("properties").GetProperty("evidence_count").GetInt32()))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Test]
    public void The_join_of_the_capital_is_the_same_whichever_article_comes_first()
    {
        var resources = WithKessland();
        var graphs = new[] { ("1.txt", "2.txt"), ("2.txt", "1.txt") }.Select(names =>
        {
            var dir = Path.Combine(CliRunner.TempDir(), "news");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, names.Item1), Article1);
            File.WriteAllText(Path.Combine(dir, names.Item2), Article2);
            var outDir = Path.Combine(CliRunner.TempDir(), "out");
            Kg("build", dir, "--out", outDir, "--quiet", "--resources", resources);
            Assert.That(Ministries(outDir), Is.EqualTo(new[] { "Kessland Ministry of Fisheries | Ministry of Fisheries" }));
            return EntitiesAndEdges(outDir);
        }).ToList();
        Assert.That(graphs[1], Is.EqualTo(graphs[0]), "the same nodes and edges, read in either order");
    }

    [Test]
    public void A_sharded_build_and_its_merge_read_the_resources_folder_and_a_merge_with_other_lexicons_is_refused()
    {
        var news = Articles();
        var resources = WithKessland();
        var shards = new[] { 1, 2 }.Select(i =>
        {
            var dir = Path.Combine(CliRunner.TempDir(), "shard");
            Kg("build", news, "--shard", $"{i}/2", "--out", dir, "--quiet", "--resources", resources);
            return dir;
        }).ToArray();
        var merged = Path.Combine(CliRunner.TempDir(), "merged");
        Kg("merge", shards[0], shards[1], "--out", merged, "--quiet", "--resources", resources);
        Assert.That(Ministries(merged), Is.EqualTo(new[] { "Kessland Ministry of Fisheries | Ministry of Fisheries" }));

        var refused = CliRunner.Run("merge", shards[0], shards[1], "--out", Path.Combine(CliRunner.TempDir(), "m"), "--quiet");
        Assert.That(refused.ExitCode, Is.Not.EqualTo(0), "the program's own lexicons are not those the shards were built with");
        Assert.That(refused.Error.Trim().Split('\n'), Has.Length.EqualTo(1), refused.Error);
        Assert.That(refused.Error, Does.Contain("--resources"));
    }

    [TestCase("titles.tsv", "")]
    [TestCase("countries.tsv", "cca3\tname\n")]
    public void A_missing_or_malformed_lexicon_of_the_resources_folder_is_one_line_naming_it(string file, string content)
    {
        var news = Articles();
        var shards = new[] { 1, 2 }.Select(i =>
        {
            var dir = Path.Combine(CliRunner.TempDir(), "shard");
            Kg("build", news, "--shard", $"{i}/2", "--out", dir, "--quiet");
            return dir;
        }).ToArray();
        var resources = ResourcesGrammarTests.CopyWith(Path.Combine("lexicons", file), _ => content);
        if (content.Length == 0) File.Delete(Path.Combine(resources, "lexicons", file));
        // kg merge loads no models: what it says about the folder is the graph's own reading of it
        var run = CliRunner.Run("merge", shards[0], shards[1], "--out", Path.Combine(CliRunner.TempDir(), "m"), "--resources", resources);
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(Path.Combine(resources, "lexicons", file)));
    }
}
