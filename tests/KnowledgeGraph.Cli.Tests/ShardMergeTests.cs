using KnowledgeGraph.Graph.Sharding;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// The promise of issue 14: <c>kg merge</c> of <c>kg build --shard 1/n .. n/n</c> writes files byte-identical to
/// <c>kg build</c> of the whole input, for any n, including entities and edges whose documents fall in different
/// shards; and a shard set that is not exactly one whole input is refused with one line saying why.
/// </summary>
[NonParallelizable]
public sealed class ShardMergeTests
{
    private static readonly string[] OutputFiles = { "graph.jsonl", "graph.graphml", "graph.cypher", "kg-manifest.json" };

    // Articles of our own. The same people, organisations and places recur across articles, so whatever n, some
    // entity gathers aliases, mentions and documents from several shards, and some edge evidence from several.
    private static readonly (string Title, string Text)[] Articles =
    {
        ("Contractors arrive", "Wagner Group fighters arrived in Bamako on Monday. The Government of Mali said the Russian contractors would train its army. Yevgeny Prigozhin leads the Wagner Group."),
        ("France leaves", "France withdrew its last soldiers from Mali in August 2022. President Emmanuel Macron of France said Operation Barkhane had ended. The United Nations urged calm in Bamako."),
        ("Council meets", "The U.N. Security Council met in New York on Tuesday. Russia blocked a resolution on Mali. Vladimir Putin, the President of Russia, met commanders of the Wagner Group in Moscow."),
        ("Village attacked", "Wagner fighters attacked a village near Mopti, residents said. The Malian army denied the report. The European Union condemned the attack."),
        ("Visit to Niger", "French President Emmanuel Macron visited Niger on Friday. Niger's government asked France to withdraw its troops. The United Nations Secretary-General Antonio Guterres welcomed the talks."),
        ("Appeal", "Antonio Guterres called on the Government of Mali to protect civilians. MINUSMA, the U.N. peacekeeping mission in Mali, left Bamako in December 2023."),
        ("Grain deal", "Russia signed an agreement with Burkina Faso. Russian President Vladimir Putin said Russia would supply grain to the Sahel. The African Union criticised the coup in Niger."),
        ("Contractors arrive again", "Wagner Group fighters arrived in Bamako on Monday. The Government of Mali said the Russian contractors would train its army. Yevgeny Prigozhin leads the Wagner Group."),
        ("Crash", "Yevgeny Prigozhin, the head of the Wagner Group, died in a plane crash north of Moscow. The Kremlin denied any role. Wagner Group commanders met in St. Petersburg."),
    };

    private string _root = "";
    private string[] _inputs = Array.Empty<string>();
    private string _whole = "";
    private CliRun _wholeRun = null!;
    private readonly Dictionary<int, string[]> _shardSets = new();
    private readonly Dictionary<int, List<CliRun>> _shardRuns = new();

    [OneTimeSetUp]
    public void BuildWholeAndShards()
    {
        _root = CliRunner.TempDir();
        var jsonl = Path.Combine(_root, "news.jsonl");
        var lines = Articles.Select(a => new JObject { ["title"] = a.Title, ["text"] = a.Text }.ToString(Newtonsoft.Json.Formatting.None)).ToList();
        lines.Insert(8, "{\"text\": \"a line cut short");            // a bad item: it fails in exactly one shard
        File.WriteAllLines(Path.Combine(_root, "news.jsonl"), lines);
        var folder = Path.Combine(_root, "articles");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), "Call on Mali\n\nVladimir Putin spoke with Emmanuel Macron by telephone about Mali. The Wagner Group was not mentioned, the Kremlin said.\n");
        File.WriteAllText(Path.Combine(folder, "b.md"), "Mission ends\n\nThe United Nations mission in Mali, MINUSMA, handed its last base to the Malian army. The Government of Mali thanked the U.N. peacekeepers.\n");
        // The seed article (~10.6 kB) first, then the JSONL file (~2.3 kB) and the folder: the byte ranges of n = 2, 3, 7
        // put the seed and the short articles in different shards, and for n = 3 and 7 some shards hold nothing.
        _inputs = new[] { Path.Combine(CliRunner.RepoRoot(), "seeds"), jsonl, folder };

        _whole = Path.Combine(_root, "whole");
        _wholeRun = CliRunner.Run(new[] { "build" }.Concat(_inputs).Concat(new[] { "--out", _whole, "--threads", "2" }).ToArray());
        Assert.That(_wholeRun.ExitCode, Is.EqualTo(1), "the cut line fails: " + _wholeRun.Error);

        foreach (var n in new[] { 1, 2, 3, 7 })
        {
            var dirs = new string[n];
            var runs = new List<CliRun>();
            for (int i = 1; i <= n; i++)
            {
                dirs[i - 1] = Path.Combine(_root, $"shards{n}", $"part{i}");
                // Thread counts differ between shards: they must not matter either.
                runs.Add(CliRunner.Run(new[] { "build" }.Concat(_inputs).Concat(new[] { "--shard", $"{i}/{n}", "--out", dirs[i - 1], "--threads", (1 + i % 2).ToString() }).ToArray()));
            }
            _shardSets[n] = dirs;
            _shardRuns[n] = runs;
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Merging_all_shards_gives_the_single_builds_files_byte_for_byte(int n)
    {
        var merged = Path.Combine(_root, $"merged{n}");
        // The shard folders in reverse order: the merge restores the input order itself.
        var run = CliRunner.Run(new[] { "merge" }.Concat(_shardSets[n].AsEnumerable().Reverse()).Concat(new[] { "--out", merged }).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(_wholeRun.ExitCode), run.Error);
        foreach (var f in OutputFiles)
            Assert.That(File.ReadAllBytes(Path.Combine(merged, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_whole, f))), $"{f} differs for n = {n}");
        Assert.That(run.Out, Does.Contain("Documents: 11 built, 1 failed, 1 duplicates skipped"));

        // The cut line is reported by exactly one shard, and again by the merge.
        Assert.That(_shardRuns[n].Sum(r => r.Error.Split('\n').Count(l => l.Contains("news.jsonl:9", StringComparison.Ordinal))), Is.EqualTo(1));
        Assert.That(_shardRuns[n].Select(r => r.ExitCode).Count(c => c == 1), Is.EqualTo(1), "only the shard that owns the bad item exits 1");
        Assert.That(run.Error, Does.Contain("news.jsonl:9"));
    }

    [Test]
    public void The_edge_gate_of_a_merge_is_the_single_builds()
    {
        // every edge kept on both sides: the graphs are again byte-identical, and hold more edges than the default's
        var whole = Path.Combine(_root, "whole-all-edges");
        var build = CliRunner.Run(new[] { "build" }.Concat(_inputs).Concat(new[] { "--out", whole, "--min-edge-confidence", "0" }).ToArray());
        Assert.That(build.ExitCode, Is.EqualTo(_wholeRun.ExitCode), build.Error);
        var merged = Path.Combine(_root, "merged-all-edges");
        var run = CliRunner.Run(new[] { "merge" }.Concat(_shardSets[3]).Concat(new[] { "--out", merged, "--min-edge-confidence", "0" }).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(_wholeRun.ExitCode), run.Error);
        foreach (var f in OutputFiles)
            Assert.That(File.ReadAllBytes(Path.Combine(merged, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, f))), $"{f} differs");
        int Edges(string dir) => File.ReadLines(Path.Combine(dir, "graph.jsonl")).Count(l => l.Contains("\"type\":\"relationship\"", StringComparison.Ordinal));
        Assert.That(Edges(whole), Is.GreaterThan(Edges(_whole)), "the default build leaves out some edge of these articles");
    }

    /// <summary>Without this the identity above would prove little: entities and edges must meet across shards.</summary>
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Entities_and_edges_gather_documents_from_several_shards(int n)
    {
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var set = ShardSet.Open(_shardSets[n]);
        for (int i = 1; i <= n; i++)
            foreach (var r in set.RecordsOf(i))
                if (r is DocumentRecord d) shardOf.TryAdd(d.Document.Id, i);
        var lines = File.ReadAllLines(Path.Combine(_whole, "graph.jsonl")).Select(JObject.Parse).ToList();
        var rels = lines.Where(o => (string)o["type"]! == "relationship").ToList();

        var docsOfEntity = rels.Where(o => (string)o["label"]! == "MENTIONS")
            .GroupBy(o => (string)o["end"]!["id"]!, o => (string)o["start"]!["id"]!).ToDictionary(g => g.Key, g => g.ToList());
        var acrossShards = docsOfEntity.Where(kv => kv.Value.Select(d => shardOf[d]).Distinct().Count() >= 2).Select(kv => kv.Key).ToList();
        Assert.That(acrossShards, Has.Count.GreaterThanOrEqualTo(5), "entities mentioned in documents of different shards");
        var aliased = lines.Where(o => acrossShards.Contains((string)o["id"]!) && ((JArray)o["properties"]!["aliases"]!).Count >= 2).ToList();
        Assert.That(aliased, Is.Not.Empty, "an entity with several aliases, from documents of different shards");

        var edgesAcross = rels.Where(o => (string)o["label"]! != "MENTIONS"
            && ((JArray)o["properties"]!["doc_ids"]!).Select(d => shardOf[(string)d!]).Distinct().Count() >= 2).ToList();
        Assert.That(edgesAcross, Is.Not.Empty, "an edge whose evidence and confidence combine sentences of different shards");
    }

    [Test]
    public void With_graph_a_shard_also_writes_its_own_graph_and_still_merges_exactly()
    {
        var dir = Path.Combine(_root, "with-graph");
        var run = CliRunner.Run(new[] { "build" }.Concat(_inputs).Concat(new[] { "--shard", "1/2", "--with-graph", "--out", dir, "--quiet" }).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(0), "the cut line is in the second half of the bytes, shard 2/2's: " + run.Error);
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(dir, ShardManifest.FileName)));
        var docs = File.ReadAllLines(Path.Combine(dir, "graph.jsonl")).Select(JObject.Parse)
            .Count(o => (string)o["type"]! == "node" && ((JArray)o["labels"]!).Any(l => (string)l! == "Document"));
        Assert.That(docs, Is.EqualTo((long)manifest["documents"]!), "the shard's graph holds its own documents");
        Assert.That(docs, Is.LessThan(11));

        var merged = Path.Combine(_root, "merged-with-graph");
        var m = Merge(merged, dir, _shardSets[2][1]);
        Assert.That(m.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(Path.Combine(merged, "graph.jsonl")), Is.EqualTo(File.ReadAllBytes(Path.Combine(_whole, "graph.jsonl"))));
    }

    private CliRun Merge(string outDir, params string[] dirs) =>
        CliRunner.Run(new[] { "merge" }.Concat(dirs).Concat(new[] { "--out", outDir }).ToArray());

    private void AssertRefused(CliRun run, string outDir, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "one line: " + run.Error);
        Assert.That(lines[0], Does.StartWith("kg merge: ").And.Contain(expected));
        Assert.That(File.Exists(Path.Combine(outDir, "graph.jsonl")), Is.False, "nothing is written");
    }

    [Test]
    public void A_missing_shard_is_refused()
    {
        var s = _shardSets[3];
        var o = Path.Combine(_root, "refused-missing");
        AssertRefused(Merge(o, s[0], s[2]), o, "incomplete shard set: 2 of 3 shards given; missing 2/3");
    }

    [Test]
    public void A_shard_given_twice_is_refused()
    {
        var s = _shardSets[3];
        var o = Path.Combine(_root, "refused-twice");
        AssertRefused(Merge(o, s[0], s[1], s[2], s[0]), o, "overlapping shards: shard 1/3 given twice");
    }

    [Test]
    public void Shards_of_different_partitions_are_refused()
    {
        var o = Path.Combine(_root, "refused-partitions");
        AssertRefused(Merge(o, _shardSets[2][0], _shardSets[3][1], _shardSets[3][2]), o, "shards of different partitions");
    }

    [Test]
    public void Shards_made_by_another_version_of_kg_are_refused()
    {
        var copy = Path.Combine(_root, "older-kg");
        CopyDir(_shardSets[2][1], copy);
        var manifest = Path.Combine(copy, ShardManifest.FileName);
        var m = JObject.Parse(File.ReadAllText(manifest));
        m["kg"] = "0.9.0";
        File.WriteAllText(manifest, m.ToString());
        var o = Path.Combine(_root, "refused-version");
        AssertRefused(Merge(o, _shardSets[2][0], copy), o, "shards made by different versions of kg");
    }

    [TestCase("--max-article-mb", "5")]
    [TestCase("--relations", "both")]
    public void Shards_made_with_other_options_are_refused(string option, string value)
    {
        var other = Path.Combine(_root, "other-options" + option);
        var run = CliRunner.Run(new[] { "build" }.Concat(_inputs).Concat(new[] { "--shard", "1/2", "--out", other, option, value, "--quiet" }).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(0), "the cut line is shard 2/2's: " + run.Error);
        var o = Path.Combine(_root, "refused-options" + option);
        AssertRefused(Merge(o, other, _shardSets[2][1]), o, "different models, lexicons, ontology or options");
    }

    [Test]
    public void Shards_of_different_inputs_are_refused()
    {
        var other = Path.Combine(_root, "other-input");
        var run = CliRunner.Run(new[] { "build", _inputs[2], _inputs[0], "--shard", "2/2", "--out", other, "--quiet" });
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var o = Path.Combine(_root, "refused-inputs");
        AssertRefused(Merge(o, _shardSets[2][0], other), o, "shards of different inputs");
    }

    [Test]
    public void An_unfinished_or_changed_shard_is_refused()
    {
        var unfinished = Path.Combine(_root, "unfinished");
        CopyDir(_shardSets[2][1], unfinished);
        File.Delete(Path.Combine(unfinished, ShardManifest.FileName));
        var o = Path.Combine(_root, "refused-unfinished");
        AssertRefused(Merge(o, _shardSets[2][0], unfinished), o, "not a finished shard");

        var changed = Path.Combine(_root, "changed");
        CopyDir(_shardSets[2][1], changed);
        var analyses = Path.Combine(changed, AnalysesFile.FileName);
        var bytes = File.ReadAllBytes(analyses);
        File.WriteAllBytes(analyses, bytes[..(bytes.Length / 2)]);
        o = Path.Combine(_root, "refused-changed");
        AssertRefused(Merge(o, _shardSets[2][0], changed), o, "does not match its shard.json");
    }

    [Test]
    public void Shard_usage_errors_are_caught_before_any_work()
    {
        var run = CliRunner.Run("build", _inputs[0], "--shard", "3/2", "--out", Path.Combine(_root, "bad"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--shard '3/2': give i/n with 1 <= i <= n"));
        run = CliRunner.Run("build", _inputs[0], "--shard", "1/2", "--neo4j", "--out", Path.Combine(_root, "bad2"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--shard writes analyses for 'kg merge'"));
    }

    [Test]
    public void A_shard_reads_only_its_part_and_a_broken_line_outside_it_is_not_its_to_report()
    {
        // news.jsonl (~2.3 kB) and the seed article (~10.6 kB) start in the first half of the bytes: shard 1/2's. The
        // small JSONL file after them is shard 2/2's, with a bad byte on its line 2: shard 1/2 must not even decode it.
        var dir = Path.Combine(_root, "part-input");
        Directory.CreateDirectory(dir);
        var late = Path.Combine(dir, "late.jsonl");
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"text\": \"Mali's army left Gao.\"}\n{\"text\": \"bad byte: #\"}\n");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        File.WriteAllBytes(late, bytes);
        var inputs = new[] { _inputs[1], _inputs[0], late };
        var first = CliRunner.Run(new[] { "build" }.Concat(inputs).Concat(new[] { "--shard", "1/2", "--out", Path.Combine(dir, "p1") }).ToArray());
        var second = CliRunner.Run(new[] { "build" }.Concat(inputs).Concat(new[] { "--shard", "2/2", "--out", Path.Combine(dir, "p2") }).ToArray());
        Assert.That(first.Error, Does.Contain("news.jsonl:9").And.Not.Contain("late.jsonl"), "shard 1/2 reports its cut line and nothing of shard 2/2's");
        Assert.That(second.Error, Does.Contain("late.jsonl:2: invalid UTF-8").And.Not.Contain("news.jsonl"), "shard 2/2 reports the bad byte, with its line number");
        Assert.That(first.Out, Does.Contain("Shard 1/2: bytes 0-"));
        Assert.That(first.ExitCode, Is.EqualTo(1));
        Assert.That(second.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_shard_of_standard_input_is_refused_before_any_work()
    {
        var run = CliRunner.Run("build", "-", "--shard", "1/2", "--out", Path.Combine(_root, "stdin-shard"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--shard cannot read standard input ('-')").And.Contain("save it to a file"));
    }

    private static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), true);
    }
}
