using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Nlp.Relations;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// <c>--resources DIR</c> is the whole rule set: a user who edits the surface reader's grammar in a copy of the
/// resources sees the edit in the graph, and a second, different grammar in one process is refused, not ignored.
/// </summary>
public sealed class ResourcesGrammarTests
{
    private const string Sentence = "Ostland's army yearned to attack Westmark's army.\n";

    private static string ProgramResources => Path.Combine(AppContext.BaseDirectory, "resources");

    /// <summary>A copy of the program's resources (the models linked, not copied) with <paramref name="edit"/> applied to one file.</summary>
    internal static string CopyWith(string file, Func<string, string> edit)
    {
        var dir = Path.Combine(CliRunner.TempDir(), "resources");
        Directory.CreateDirectory(dir);
        Directory.CreateSymbolicLink(Path.Combine(dir, "models"), Path.Combine(ProgramResources, "models"));
        foreach (var f in Directory.GetFiles(ProgramResources, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(ProgramResources, f).StartsWith("models", StringComparison.Ordinal)))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(ProgramResources, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        var path = Path.Combine(dir, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return dir;
    }

    /// <summary>Runs kg in its own process (the grammar is read once per process) and returns the asserted flag of the
    /// one ATTACKED edge.</summary>
    private static bool AttackAsserted(string? resources)
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), Sentence);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kg.dll"), "build", Path.Combine(dir, "a.txt"), "--out", Path.Combine(dir, "out"), "--quiet" })
            psi.ArgumentList.Add(a);
        if (resources is not null) { psi.ArgumentList.Add("--resources"); psi.ArgumentList.Add(resources); }
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), err.Result);
        var attacks = File.ReadLines(Path.Combine(dir, "out", "graph.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "relationship" && e.GetProperty("label").GetString() == "ATTACKED")
            .ToList();
        Assert.That(attacks, Has.Count.EqualTo(1), "one attack edge");
        return attacks[0].GetProperty("properties").GetProperty("asserted").GetBoolean();
    }

    [Test]
    public void A_control_verb_added_to_the_grammar_of_a_resources_copy_makes_the_surface_reader_read_the_attack_as_planned()
    {
        Assert.That(AttackAsserted(null), Is.True, "with the shipped grammar 'yearn' is no control verb");
        var edited = CopyWith(Path.Combine("rules", "grammar.rules"), t => t.Replace("map control: ", "map control: yearn=planned ", StringComparison.Ordinal));
        Assert.That(AttackAsserted(edited), Is.False, "the edited grammar's control verb puts the attack under 'planned'");
    }

    [Test]
    public void A_second_different_grammar_in_one_process_is_a_one_line_error_naming_the_file()
    {
        GrammarSource.Use(ProgramResources);
        var edited = CopyWith(Path.Combine("rules", "surface.rules"), t => t + "\nset surface-negators: hardly\n");
        var ex = Assert.Throws<KnowledgeGraph.Core.UserErrorException>(() => GrammarSource.Use(edited))!;
        Assert.That(ex.Message, Does.Contain("surface.rules").And.Contain("differs"));
        Assert.DoesNotThrow(() => GrammarSource.Use(CopyWith(Path.Combine("rules", "grammar.rules"), t => t)), "an identical copy is the same grammar");

        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), Sentence);
        var run = CliRunner.Run("build", Path.Combine(dir, "a.txt"), "--out", Path.Combine(dir, "out"), "--resources", edited);
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("surface.rules"));
    }

    [Test]
    public void A_resources_copy_whose_surface_entries_lack_a_construction_row_is_refused_naming_it()
    {
        var copy = CopyWith(Path.Combine("lexicons", "surface_entries.tsv"),
            t => string.Join('\n', t.Split('\n').Where(l => !l.StartsWith("intend\t", StringComparison.Ordinal))));
        var ex = Assert.Throws<KnowledgeGraph.Core.UserErrorException>(() => GrammarSource.Use(copy))!;
        Assert.That(ex.Message, Does.Contain("surface_entries.tsv").And.Contain("'intend'"));
    }

    [Test]
    public void A_resources_copy_without_the_surface_grammar_is_refused_naming_the_missing_file()
    {
        var copy = CopyWith(Path.Combine("rules", "grammar.rules"), t => t);
        File.Delete(Path.Combine(copy, "lexicons", "surface_entries.tsv"));
        var ex = Assert.Throws<KnowledgeGraph.Core.UserErrorException>(() => GrammarSource.Use(copy))!;
        Assert.That(ex.Message, Does.Contain("surface_entries.tsv").And.Contain("not found"));
    }
}
