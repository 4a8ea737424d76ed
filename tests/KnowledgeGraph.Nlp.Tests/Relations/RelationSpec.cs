using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Nlp.Tests.Relations;

/// <summary>What a spec line expects of one edge.</summary>
public enum Expectation
{
    /// <summary><c>-</c>: the edge is stated as fact (not negated, no modality) unless flags say otherwise.</summary>
    Asserted,
    /// <summary><c>~</c>: the edge is found but hedged: negated or with a modality.</summary>
    Hedged,
    /// <summary><c>!</c>: no edge of this type between the two, in any polarity.</summary>
    Absent,
}

/// <summary>One expected edge: <c>Subject -[TYPE]-> Object {negated} {modality=may} {by=Reporter} {date=2023-12-09} {cameo=173} {confidence=low}</c>.</summary>
public sealed record ExpectedEdge(Expectation Kind, string Subject, string Type, string Object,
    bool? Negated, string? Modality, string? AttributedTo, string? Date, string Line, string? Cameo = null, string? Confidence = null)
{
    public override string ToString() => Line;
}

/// <summary>
/// A case of a relation spec file: a heading, one or more <c>&gt;</c> sentence lines (one document), optional
/// <c>date: yyyy-MM-dd</c>, optional <c>known: reason</c> (a known regression of the recogniser: runners that read it assert
/// the case fails), and expected edges. See Specs/README.md for the format.
/// </summary>
public sealed record RelationSpecCase(string File, string Name, IReadOnlyList<string> Lines, string? Date, IReadOnlyList<ExpectedEdge> Edges, string? Known = null)
{
    public string Text => string.Join(" ", Lines);
    public override string ToString() => $"{File}: {Name}";
}

public static class RelationSpecReader
{
    private static readonly Regex EdgeLine = new(@"^(?<kind>[-~!])\s+(?<s>.+?)\s+-\[(?<t>[A-Z_]+)\]->\s+(?<o>.+?)\s*(?<flags>(\{[^}]*\}\s*)*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Flag = new(@"\{(?<k>[a-z]+)(=(?<v>[^}]*))?\}", RegexOptions.CultureInvariant);

    public static IReadOnlyList<RelationSpecCase> ReadFile(string path)
    {
        var file = Path.GetFileName(path);
        var cases = new List<RelationSpecCase>();
        string? name = null;
        string? date = null, known = null;
        var lines = new List<string>();
        var edges = new List<ExpectedEdge>();
        void Flush()
        {
            if (name is not null && lines.Count > 0) cases.Add(new RelationSpecCase(file, name, lines.ToList(), date, edges.ToList(), known));
            lines.Clear(); edges.Clear(); date = null; known = null;
        }
        int n = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); name = line[3..].Trim(); continue; }
            if (line.StartsWith("> ", StringComparison.Ordinal)) { lines.Add(line[2..].Trim()); continue; }
            if (line.StartsWith("date:", StringComparison.Ordinal)) { date = line[5..].Trim(); continue; }
            if (line.StartsWith("known:", StringComparison.Ordinal)) { known = line[6..].Trim(); continue; }
            var m = EdgeLine.Match(line);
            if (!m.Success)
            {
                if (line.Length > 1 && line[0] is '-' or '~' or '!' && line[1] == ' ')
                    throw new FormatException($"{file}:{n}: cannot read edge line '{line}'");
                continue;
            }
            bool? negated = null;
            string? modality = null, by = null, d = null, cameo = null, confidence = null;
            foreach (Match f in Flag.Matches(m.Groups["flags"].Value))
            {
                var v = f.Groups["v"].Success ? f.Groups["v"].Value.Trim() : null;
                switch (f.Groups["k"].Value)
                {
                    case "negated": negated = true; break;
                    case "modality": modality = v ?? "*"; break;
                    case "by": by = v; break;
                    case "date": d = v; break;
                    case "cameo": cameo = v; break;
                    case "confidence" when v is "low" or "high": confidence = v; break;
                    default: throw new FormatException($"{file}:{n}: unknown flag {f.Value}");
                }
            }
            var kind = m.Groups["kind"].Value switch { "-" => Expectation.Asserted, "~" => Expectation.Hedged, _ => Expectation.Absent };
            edges.Add(new ExpectedEdge(kind, m.Groups["s"].Value.Trim(), m.Groups["t"].Value, m.Groups["o"].Value.Trim(), negated, modality, by, d, line.Trim(), cameo, confidence));
        }
        Flush();
        return cases;
    }

    /// <summary>Every case of every .md file in a folder (not recursive), in file then text order.</summary>
    public static IEnumerable<RelationSpecCase> ReadFolder(string folder) =>
        Directory.GetFiles(folder, "*.md").Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal).SelectMany(ReadFile);

    public static string Describe(IEnumerable<KnowledgeGraph.Core.RelationMention> found, Func<int, string> name) =>
        string.Join("\n", found.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"  {name(r.Subject)} -[{r.Type}]-> {name(r.Object)} neg={r.Negated} mod={r.Modality ?? "-"} by={r.AttributedTo ?? "-"} date={r.Date ?? "-"} cameo={r.Cameo ?? "-"} c={r.Confidence} trigger='{r.Trigger}'")));
}
