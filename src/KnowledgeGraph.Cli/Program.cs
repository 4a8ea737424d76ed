using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Cli;

public static class Program
{
    /// <summary>Every verb of kg. Add a command by adding its class here.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } = new ICommand[]
    {
        new BuildCommand(),
        new AnalyzeCommand(),
        new EvalCommand(),
        new LexiconsCommand(),
        new TrainCommand(),
        new NerCommand(),
        new NlpBenchCommand(),
        new BenchCommand(),
        new EvalPosCommand(),
        new EvalParseCommand(),
        new LoadCommand(),
        new ExportCommand(),
    };

    public static int Main(string[] args) => Run(args, CliContext.Console());

    /// <summary>Runs kg in-process; tests call this with their own writers.</summary>
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            if (args.Count > 1 && args[0] == "help") return Run(new[] { args[1], "--help" }, context);
            context.Out.Write(MainHelp());
            return args.Count == 0 ? 2 : 0;
        }
        if (args[0] == "--version") { context.Out.WriteLine(typeof(Program).Assembly.GetName().Version); return 0; }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            context.Error.WriteLine($"kg: unknown command '{args[0]}'. Run 'kg --help' for the list.");
            return 2;
        }
        bool verbose = args.Contains("--verbose");
        try
        {
            var rest = args.Skip(1).ToList();
            if (rest.Contains("--help") || rest.Contains("-h")) { context.Out.Write(command.Help); return 0; }
            return command.Run(rest, verbose ? new CliContext(context.Out, context.Error, context.In, context.StdoutIsTerminal) { Verbose = true } : context);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"kg {command.Name}: {e.Message}. Run 'kg {command.Name} --help'.");
            return 2;
        }
        catch (UserErrorException e)
        {
            context.Error.WriteLine($"kg {command.Name}: {e.Message}");
            if (verbose) context.Error.WriteLine(e);
            return 1;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"kg {command.Name}: cancelled");
            return 130;
        }
    }

    private static string MainHelp()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("kg: build a knowledge graph from news articles.");
        sb.AppendLine();
        sb.AppendLine("Usage: kg <command> [options]    kg <command> --help for its options");
        sb.AppendLine();
        sb.AppendLine("Commands:");
        foreach (var c in Commands) sb.AppendLine($"  {c.Name,-10} {c.Summary}");
        sb.AppendLine();
        sb.AppendLine("Exit codes: 0 all inputs succeeded, 1 some input failed, 2 usage error.");
        return sb.ToString();
    }
}
