using KnowledgeGraph.Cli.Commands;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Runs kg in-process and captures what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static CliRun Run(params string[] args) => RunWithStdin("", args);

    public static CliRun RunWithStdin(string stdin, params string[] args) =>
        Run(new CliContext(new StringWriter(), new StringWriter(), new StringReader(stdin), stdoutIsTerminal: false), args);

    /// <summary>Standard input as raw bytes, as a pipe would give them.</summary>
    public static CliRun RunWithStdinBytes(byte[] stdin, params string[] args) =>
        Run(new CliContext(new StringWriter(), new StringWriter(), TextReader.Null, stdoutIsTerminal: false, new MemoryStream(stdin)), args);

    /// <summary>Runs with a prepared context (its Out and Error must be StringWriters).</summary>
    public static CliRun Run(CliContext context, params string[] args)
    {
        var code = Program.Run(args, context);
        return new CliRun(code, context.Out.ToString()!, context.Error.ToString()!);
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
