namespace KnowledgeGraph.Cli.Commands;

/// <summary>Where a command writes, so tests can run commands in-process and read what they printed.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, TextReader stdin, bool stdoutIsTerminal)
    {
        Out = stdout; Error = stderr; In = stdin; StdoutIsTerminal = stdoutIsTerminal;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public TextReader In { get; }
    /// <summary>False when output is redirected: then no progress bar or colour, only plain lines.</summary>
    public bool StdoutIsTerminal { get; }
    public bool Verbose { get; init; }

    public static CliContext Console() => new(System.Console.Out, System.Console.Error, System.Console.In,
        !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);
}
