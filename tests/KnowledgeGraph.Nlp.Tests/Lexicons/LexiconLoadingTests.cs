using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Lexicons.Derivation;

namespace KnowledgeGraph.Nlp.Tests.Lexicons;

[TestFixture]
public sealed class LexiconLoadingTests
{
    private string _dir = "";

    [SetUp]
    public void CopyShippedLexicons()
    {
        _dir = Path.Combine(Path.GetTempPath(), "kg-lex-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        foreach (var f in Directory.GetFiles(LexiconSet.DefaultDirectory)) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Missing_file_names_the_path()
    {
        File.Delete(Path.Combine(_dir, "triggers.tsv"));
        var e = Assert.Throws<ModelLoadException>(() => LexiconSet.Load(_dir));
        Assert.That(e!.Message, Does.Contain("triggers.tsv").And.Contain("not found"));
    }

    [Test]
    public void Wrong_cell_count_names_file_and_line()
    {
        var path = Path.Combine(_dir, "titles.tsv");
        var lines = File.ReadAllLines(path).ToList();
        int header = lines.FindIndex(l => !l.StartsWith('#'));
        lines.Insert(header + 2, "Gen.\tgeneral");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<ModelLoadException>(() => LexiconSet.Load(_dir));
        Assert.That(e!.Message, Does.Contain("titles.tsv").And.Contain($"line {header + 3}:"));
    }

    [Test]
    public void Unknown_category_is_rejected()
    {
        var path = Path.Combine(_dir, "triggers.tsv");
        File.AppendAllText(path, "befriend\tverb\tBEFRIENDED\tFRIENDSHIP\tactive\t0.5\n");
        var e = Assert.Throws<ModelLoadException>(() => LexiconSet.Load(_dir));
        Assert.That(e!.Message, Does.Contain("unknown category 'FRIENDSHIP'"));
    }

    [Test]
    public void Invalid_utf8_is_rejected()
    {
        File.WriteAllBytes(Path.Combine(_dir, "countries.tsv"), new byte[] { 0x63, 0x63, 0x61, 0x33, 0xFF, 0xFE, 0x0A });
        var e = Assert.Throws<ModelLoadException>(() => LexiconSet.Load(_dir));
        Assert.That(e!.Message, Does.Contain("countries.tsv").And.Contain("UTF-8"));
    }

    [Test]
    public void Wrong_header_is_rejected()
    {
        File.WriteAllText(Path.Combine(_dir, "agents.tsv"), "# source: test\nword\tcode\n");
        var e = Assert.Throws<ModelLoadException>(() => LexiconSet.Load(_dir));
        Assert.That(e!.Message, Does.Contain("agents.tsv").And.Contain("line 2").And.Contain("expected header"));
    }

    [Test]
    public void Every_shipped_file_starts_with_source_and_licence()
    {
        foreach (var f in Directory.GetFiles(_dir, "*.tsv"))
        {
            var first = File.ReadLines(f).First();
            Assert.That(first, Does.StartWith("# source:").And.Contain("licence:"), Path.GetFileName(f));
        }
    }

    [Test]
    public void Shipped_lexicons_stay_small()
    {
        long total = Directory.GetFiles(_dir).Sum(f => new FileInfo(f).Length);
        Assert.That(total, Is.LessThan(4_000_000));
    }
}

/// <summary>The derivation from the shared data: deterministic, and the shipped files are its current output.</summary>
[TestFixture]
public sealed class LexiconDerivationTests
{
    private static string Gazetteers()
    {
        var data = DataPaths.FindSharedData();
        if (data is null || !Directory.Exists(Path.Combine(data, "gazetteers")))
            Assert.Ignore("shared data (shared/data/gazetteers) not found; set KG_SHARED_DATA to run the derivation tests");
        return Path.Combine(data!, "gazetteers");
    }

    private static readonly string[] Derived = { "countries.tsv", "organisations.tsv", "armed_groups.tsv", "agents.tsv", "common_words.tsv", "given_names.tsv", "cameo_verbs.tsv", "cameo_rules.tsv", "cameo_classes.tsv", "cameo_plover.tsv" };

    [Test]
    public void Derivation_is_deterministic_and_matches_the_shipped_files()
    {
        var gazetteers = Gazetteers();
        var a = Path.Combine(Path.GetTempPath(), "kg-derive-a-" + Guid.NewGuid().ToString("N"));
        var b = Path.Combine(Path.GetTempPath(), "kg-derive-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            LexiconDerivation.Derive(gazetteers, LexiconSet.DefaultDirectory, a);
            LexiconDerivation.Derive(gazetteers, LexiconSet.DefaultDirectory, b);
            foreach (var f in Derived)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(b, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, f))), $"{f} differs between two runs");
                Assert.That(File.ReadAllBytes(Path.Combine(a, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(LexiconSet.DefaultDirectory, f))),
                    $"shipped {f} is stale: run kg lexicons --out src/KnowledgeGraph.Nlp/Resources/lexicons");
            }
        }
        finally
        {
            if (Directory.Exists(a)) Directory.Delete(a, true);
            if (Directory.Exists(b)) Directory.Delete(b, true);
        }
    }

    [Test]
    public void Missing_source_is_a_user_error()
    {
        var empty = Path.Combine(Path.GetTempPath(), "kg-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            var e = Assert.Throws<UserErrorException>(() => LexiconDerivation.Derive(empty, LexiconSet.DefaultDirectory, empty));
            Assert.That(e!.Message, Does.Contain("countries.json"));
        }
        finally { Directory.Delete(empty, true); }
    }
}
