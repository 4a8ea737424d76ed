using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// Same inputs give byte-identical graph files whatever the thread count and however often they are built;
/// input order changes only what it should (the order of evidence from different articles on one edge).
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string[] GraphFiles = { "graph.jsonl", "graph.graphml", "graph.cypher" };

    internal const string BlocArticle = """
        West African Bloc Suspends Niger
        The Economic Community of West African States (ECOWAS) suspended Niger on Friday after soldiers seized power in Niamey. ECOWAS leaders met in Abuja and threatened sanctions. Nigeria's army was placed on alert, officials in Nigeria said.
        """;

    internal const string SummitArticle = """
        Niger Junta Defies Regional Bloc
        Leaders of the Economic Community of West African States gathered again in Abuja on Thursday to discuss Niger. Nigeria's army said it was ready to deploy troops if the talks failed. President Bola Tinubu of Nigeria chairs the bloc.
        """;

    private const string AidArticle = """
        Aid Workers Leave Sudanese Capital
        The International Committee of the Red Cross (ICRC) said on Monday that its staff had left Khartoum. ICRC officials in Geneva said fighting between Sudan's army and the Rapid Support Forces made their work impossible. The United Nations said more than a million people had fled to Chad and Egypt.
        """;

    // One article per line, as a JSON lines input holds them.
    private static readonly string[] JsonLinesArticles =
    {
        new JObject { ["title"] = "Kenya Sends Police to Haiti", ["date"] = "2024-06-25",
            ["text"] = "Kenya sent 400 police officers to Haiti on Tuesday. President William Ruto said the mission had the backing of the United Nations Security Council. Haitian officials in Port-au-Prince welcomed the officers." }.ToString(Newtonsoft.Json.Formatting.None),
        new JObject { ["title"] = "Grain Talks in Istanbul", ["url"] = "https://example.org/grain",
            ["text"] = "Officials from Russia, Ukraine and Turkey met in Istanbul on Wednesday to discuss grain exports. The United Nations said Russia's navy had stopped two ships near Odesa. Ukraine's army said it had shot down drones over Kyiv." }.ToString(Newtonsoft.Json.Formatting.None),
    };

    /// <summary>A folder with the seed article, three short articles and a JSON lines file of two more, written in the given order.</summary>
    private static string WriteCorpus(string dir, bool reverse = false)
    {
        var files = new List<(string Name, string Text)>
        {
            ("seed.txt", File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "seeds", "000_8a1594d7cbadbd57.txt"))),
            ("bloc.txt", BlocArticle),
            ("summit.md", SummitArticle),
            (Path.Combine("africa", "aid.txt"), AidArticle),
            ("more.jsonl", string.Join("\n", JsonLinesArticles) + "\n"),
        };
        if (reverse) files.Reverse();
        Directory.CreateDirectory(Path.Combine(dir, "africa"));
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    private static string Build(params string[] args)
    {
        var outDir = Path.Combine(CliRunner.TempDir(), "out");
        var run = CliRunner.Run(new[] { "build" }.Concat(args).Concat(new[] { "--out", outDir, "--quiet" }).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return outDir;
    }

    private static void AssertSameFiles(string a, string b, string what)
    {
        foreach (var f in GraphFiles)
        {
            var x = File.ReadAllBytes(Path.Combine(a, f));
            var y = File.ReadAllBytes(Path.Combine(b, f));
            Assert.That(x, Is.Not.Empty, f);
            Assert.That(y.AsSpan().SequenceEqual(x), Is.True, $"{f} differs {what}");
        }
    }

    private string _corpus = "";
    private string _oneThread = "";

    [OneTimeSetUp]
    public void BuildOnce()
    {
        _corpus = WriteCorpus(Path.Combine(CliRunner.TempDir(), "articles"));
        _oneThread = Build(_corpus, "--threads", "1");
        var graph = ApocJsonLines.ReadFile(Path.Combine(_oneThread, "graph.jsonl"));
        // The corpus really exercises the merge: every article is in, and some entity spans several of them.
        Assert.That(graph.Nodes.Count(n => n.Labels.Contains("Document")), Is.EqualTo(6));
        Assert.That(graph.Nodes.Any(n => n["doc_count"] is long c && c >= 3), Is.True, "an entity shared by several articles");
    }

    [Test]
    public void OneAndTwoThreadsGiveIdenticalFiles()
    {
        AssertSameFiles(_oneThread, Build(_corpus, "--threads", "2"), "between --threads 1 and --threads 2");
    }

    [Test]
    public void TwoRunsGiveIdenticalFiles()
    {
        AssertSameFiles(_oneThread, Build(_corpus, "--threads", "1"), "between two runs on the same input");
    }

    [Test]
    public void FileCreationOrderInAFolderChangesNothing()
    {
        // Same folder path (sources are recorded), files written in the opposite order: folders are read in path order.
        var saved = _corpus + ".saved";
        Directory.Move(_corpus, saved);
        try
        {
            WriteCorpus(_corpus, reverse: true);
            AssertSameFiles(_oneThread, Build(_corpus, "--threads", "2"), "when the folder's files were created in another order");
        }
        finally
        {
            if (Directory.Exists(_corpus)) Directory.Delete(_corpus, recursive: true);
            Directory.Move(saved, _corpus);
        }
    }

    [Test]
    public void ArgumentOrderChangesOnlyTheOrderOfEvidenceFromDifferentArticles()
    {
        var dir = CliRunner.TempDir();
        var bloc = Path.Combine(dir, "bloc.txt");
        var summit = Path.Combine(dir, "summit.txt");
        File.WriteAllText(bloc, BlocArticle);
        File.WriteAllText(summit, SummitArticle);
        var forward = ApocJsonLines.ReadFile(Path.Combine(Build(bloc, summit), "graph.jsonl"));
        var backward = ApocJsonLines.ReadFile(Path.Combine(Build(summit, bloc), "graph.jsonl"));

        // The same nodes, edges and property values, as sets.
        Assert.That(backward.Nodes.Select(Canonical), Is.EqualTo(forward.Nodes.Select(Canonical)));
        Assert.That(backward.Edges.Select(Canonical), Is.EqualTo(forward.Edges.Select(Canonical)));

        // What should follow input order: evidence from the first article given comes first.
        var blocId = KnowledgeGraph.Core.Document.ComputeId(BlocArticle);
        var shared = forward.Edges.Where(e => e["doc_ids"] is IReadOnlyList<string> ids && ids.Count == 2).Select(e => e.Id).ToList();
        Assert.That(shared, Is.Not.Empty, "an edge stated in both articles");
        foreach (var id in shared)
        {
            Assert.That(((IReadOnlyList<string>)forward.Edges.Single(e => e.Id == id)["doc_ids"]!)[0], Is.EqualTo(blocId));
            Assert.That(((IReadOnlyList<string>)backward.Edges.Single(e => e.Id == id)["doc_ids"]!)[1], Is.EqualTo(blocId));
        }
    }

    /// <summary>A node or edge as text with list values sorted, so only order inside lists is ignored.</summary>
    private static string Canonical(GraphNode n) => n.Id + " " + string.Join(":", n.Labels) + " " + Props(n.Properties);

    private static string Canonical(GraphEdge e) => $"{e.Id} {e.Type} {e.StartId}->{e.EndId} {Props(e.Properties)}";

    private static string Props(IReadOnlyList<KeyValuePair<string, object>> properties) =>
        string.Join("; ", properties.Select(p => p.Key + "=" + (p.Value is IReadOnlyList<string> list
            ? "[" + string.Join("|", list.OrderBy(s => s, StringComparer.Ordinal)) + "]"
            : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))));
}
