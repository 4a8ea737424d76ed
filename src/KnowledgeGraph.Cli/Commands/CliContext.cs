using System.Text;
using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>Where a command writes, so tests can run commands in-process and read what they printed.</summary>
public sealed class CliContext
{
    private readonly Stream? _stdinBytes;

    /// <param name="stdinBytes">Standard input as bytes (the console's stream); when null, <paramref name="stdin"/>'s text is used as UTF-8.</param>
    public CliContext(TextWriter stdout, TextWriter stderr, TextReader stdin, bool stdoutIsTerminal, Stream? stdinBytes = null)
    {
        Out = stdout; Error = stderr; In = stdin; StdoutIsTerminal = stdoutIsTerminal;
        _stdinBytes = stdinBytes;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public TextReader In { get; }
    /// <summary>False when output is redirected: then no progress bar or colour, only plain lines.</summary>
    public bool StdoutIsTerminal { get; }
    public bool Verbose { get; init; }
    /// <summary>Set by Ctrl-C or SIGTERM: commands stop, remove their temporary files and exit with 130.</summary>
    public CancellationToken Cancellation { get; init; }
    /// <summary>Where inputs are read from; tests put failures here that cannot be made for real (an unreadable folder when running as root).</summary>
    public IInputFileSystem FileSystem { get; init; } = PhysicalInputFileSystem.Instance;

    /// <summary>Standard input as bytes, so it gets the same checks as a file (binary data, encoding, size).</summary>
    public Stream OpenStdin() => _stdinBytes ?? new MemoryStream(Encoding.UTF8.GetBytes(In.ReadToEnd()));

    public CliContext WithVerbose() => new(Out, Error, In, StdoutIsTerminal, _stdinBytes)
    {
        Verbose = true, Cancellation = Cancellation, FileSystem = FileSystem,
    };

    public static CliContext Console(CancellationToken cancellation = default) => new(System.Console.Out, System.Console.Error, System.Console.In,
        !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected, System.Console.OpenStandardInput())
    {
        Cancellation = cancellation,
    };
}
