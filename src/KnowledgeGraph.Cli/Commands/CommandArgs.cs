using System.Globalization;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>Thrown for a usage error (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Parsed command-line arguments: <c>--name value</c>, <c>--name=value</c>, boolean <c>--flag</c>, and positionals.
/// A command declares which options take values and which are flags, so typos are usage errors.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArgs(List<string> positionals) { Positionals = positionals; }

    public IReadOnlyList<string> Positionals { get; }
    public bool HelpRequested => _flags.Contains("help");

    /// <summary>Parses <paramref name="args"/>; <paramref name="valueOptions"/> and <paramref name="flagOptions"/> are names without dashes.</summary>
    public static CommandArgs Parse(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flagOptions)
    {
        var values = new HashSet<string>(valueOptions, StringComparer.Ordinal);
        var flags = new HashSet<string>(flagOptions, StringComparer.Ordinal) { "help", "verbose" };
        var result = new CommandArgs(new List<string>());
        var positionals = (List<string>)result.Positionals;
        bool onlyPositionals = false;
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (onlyPositionals || a == "-" || !a.StartsWith('-')) { positionals.Add(a); continue; }
            if (a == "--") { onlyPositionals = true; continue; }
            if (a == "-h") { result._flags.Add("help"); continue; }
            if (!a.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unknown option '{a}'");
            var name = a[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0) { inline = name[(eq + 1)..]; name = name[..eq]; }
            if (flags.Contains(name))
            {
                if (inline is not null) throw new UsageException($"option '--{name}' takes no value");
                result._flags.Add(name);
            }
            else if (values.Contains(name))
            {
                var v = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option '--{name}' needs a value"));
                if (!result._values.TryGetValue(name, out var list)) result._values[name] = list = new List<string>();
                list.Add(v);
            }
            else throw new UsageException($"unknown option '--{name}'");
        }
        return result;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _values.TryGetValue(name, out var l) ? l[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var l) ? l : Array.Empty<string>();

    public string Require(string name) => Value(name) ?? throw new UsageException($"option '--{name}' is required");

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var v = Value(name);
        if (v is null) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"option '--{name}' needs a whole number between {min} and {max}, got '{v}'");
        return n;
    }

    /// <summary>A number in [0, 1] (a confidence threshold), the fallback when the option is absent; NaN is refused.</summary>
    public double Fraction(string name, double fallback = 0)
    {
        double d = Double(name, fallback);
        if (double.IsNaN(d) || d is < 0 or > 1) throw new UsageException($"option '--{name}' needs a number between 0 and 1, got '{Value(name)}'");
        return d;
    }

    public double Double(string name, double fallback)
    {
        var v = Value(name);
        if (v is null) return fallback;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            throw new UsageException($"option '--{name}' needs a number, got '{v}'");
        return d;
    }
}
