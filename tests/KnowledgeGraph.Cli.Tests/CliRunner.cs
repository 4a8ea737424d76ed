using KnowledgeGraph.Cli.Commands;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Runs kg in-process and captures what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static CliRun Run(params string[] args) => RunWithStdin("", args);

    public static CliRun RunWithStdin(string stdin, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, new CliContext(o, e, new StringReader(stdin), stdoutIsTerminal: false));
        return new CliRun(code, o.ToString(), e.ToString());
    }

    /// <summary>A fresh empty folder under the test's work directory.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tmp", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The repository root (the folder holding KnowledgeGraph.sln).</summary>
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "KnowledgeGraph.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
