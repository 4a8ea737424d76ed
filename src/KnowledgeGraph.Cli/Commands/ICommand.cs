namespace KnowledgeGraph.Cli.Commands;

/// <summary>One verb of the <c>kg</c> program. Commands only compose the libraries.</summary>
public interface ICommand
{
    /// <summary>The verb, e.g. "build".</summary>
    string Name { get; }
    /// <summary>One line for the command list.</summary>
    string Summary { get; }
    /// <summary>The full help text printed by <c>kg NAME --help</c>.</summary>
    string Help { get; }
    /// <summary>Runs the command with its arguments (parse them with <see cref="CommandArgs.Parse"/>). Returns the exit code: 0 all succeeded, 1 some input failed, 2 usage error.</summary>
    int Run(IReadOnlyList<string> args, CliContext context);
}
