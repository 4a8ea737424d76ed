using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>A PETRARCH code such as <c>IGOUNO</c>; <see cref="Dated"/> when restricted to a date range (office holders, mostly people).</summary>
internal sealed record PetrarchCode(string Code, bool Dated);

/// <summary>One actor block of a PETRARCH/TABARI .actors file: raw name (underscores kept), raw aliases and codes, in file order.</summary>
internal sealed record PetrarchActor(int Line, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<PetrarchCode> Codes)
{
    /// <summary>The first code without a date range, else the first code, else null.</summary>
    public PetrarchCode? MainCode => Codes.FirstOrDefault(c => !c.Dated) ?? Codes.FirstOrDefault();
}

/// <summary>One line of Phoenix.agents.txt: a generic agent phrase and its code (GOV, MIL, REB ...).</summary>
internal sealed record PetrarchAgent(string Phrase, string? Plural, string Code);

/// <summary>
/// Reads the PETRARCH2 dictionaries. Actor blocks: a line with the name (<c>NAME_ [CODE]</c>), then <c>+ALIAS_</c>
/// lines and indented <c>[CODE date-range]</c> lines; '#' starts a comment.
/// </summary>
internal static partial class PetrarchReader
{
    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex CodeRegex();

    public static IReadOnlyList<PetrarchActor> ReadActors(string path, Encoding encoding)
    {
        var actors = new List<PetrarchActor>();
        string? name = null; int nameLine = 0;
        var aliases = new List<string>();
        var codes = new List<PetrarchCode>();
        void Flush()
        {
            if (name is not null) actors.Add(new PetrarchActor(nameLine, name, aliases.ToArray(), codes.ToArray()));
            name = null; aliases.Clear(); codes.Clear();
        }
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path, encoding))
        {
            lineNo++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line[0] == '#') continue;
            var (text, lineCodes) = SplitCodes(line);
            if (line[0] == '+')
            {
                if (name is null) continue;
                foreach (var part in text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) aliases.Add(part);
                codes.AddRange(lineCodes);
            }
            else if (char.IsWhiteSpace(line[0]))
            {
                if (name is null) continue;
                codes.AddRange(lineCodes);
            }
            else
            {
                Flush();
                if (text.Length == 0) continue;
                name = text; nameLine = lineNo;
                codes.AddRange(lineCodes);
            }
        }
        Flush();
        return actors;
    }

    /// <summary>Splits a line into its name text (before any '[' or '#') and its codes (before any '#').</summary>
    private static (string Text, List<PetrarchCode> Codes) SplitCodes(string line)
    {
        var body = line.TrimStart('+');
        int hash = body.IndexOf('#', StringComparison.Ordinal);
        var beforeComment = hash >= 0 ? body[..hash] : body;
        int bracket = beforeComment.IndexOf('[', StringComparison.Ordinal);
        var text = (bracket >= 0 ? beforeComment[..bracket] : beforeComment).Trim();
        var codes = new List<PetrarchCode>();
        foreach (Match m in CodeRegex().Matches(beforeComment))
        {
            var parts = m.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0] == "---") continue;
            codes.Add(new PetrarchCode(parts[0], parts.Length > 1));
        }
        return (text, codes);
    }

    /// <summary>Reads Phoenix.agents.txt: expands the !PERSON!-style macros and the {plural} notes.</summary>
    public static IReadOnlyList<PetrarchAgent> ReadAgents(string path)
    {
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var agents = new List<PetrarchAgent>();
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash].Trim();
            if (line.StartsWith('!') && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                macros[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }
            var m = CodeRegex().Match(line);
            if (!m.Success) continue;
            var code = m.Groups[1].Value.Trim().Trim('~');
            if (code.Length < 3 || !code.All(char.IsAsciiLetterUpper)) continue;
            var phrasePart = line[..m.Index];
            string? plural = null; bool noPlural = false;
            int brace = phrasePart.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                int close = phrasePart.IndexOf('}', brace);
                var inside = close > brace ? phrasePart[(brace + 1)..close].Trim() : "";
                if (inside.Length == 0) noPlural = true; else plural = inside;
                phrasePart = phrasePart[..brace];
            }
            var phrase = phrasePart.Trim();
            if (phrase.Length == 0) continue;
            foreach (var expanded in ExpandMacros(phrase, macros))
            {
                // The macros list singular and plural forms already; only plain phrases get a computed plural.
                var p = plural ?? (noPlural || expanded != phrase ? null : "");
                agents.Add(new PetrarchAgent(expanded, p, code));
            }
        }
        return agents;
    }

    private static IEnumerable<string> ExpandMacros(string phrase, Dictionary<string, string[]> macros)
    {
        foreach (var (key, values) in macros)
        {
            int i = phrase.IndexOf(key, StringComparison.Ordinal);
            if (i < 0) continue;
            foreach (var v in values)
                foreach (var e in ExpandMacros(phrase[..i] + v + phrase[(i + key.Length)..], macros)) yield return e;
            yield break;
        }
        yield return phrase;
    }
}
