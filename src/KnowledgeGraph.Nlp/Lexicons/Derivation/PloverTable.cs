namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>One row of the CAMEO-to-PLOVER table, with the category in our names.</summary>
public sealed record PloverRow(string Code, string Category, string Mode, string Context, string PloverName, string Description)
{
    public static readonly string[] Columns = { "code", "category", "mode", "context", "plover_2021", "description" };
    public IReadOnlyList<string> ToCells() => new[] { Code, Category, Mode, Context, PloverName, Description };
}

/// <summary>
/// Reads PLOVER's CAMEO2PLOVER-2021.txt (<c>CODE: CATEGORY, mode, context # description</c>) and maps the 2021 draft's
/// names to ours: REQUEST is DEMAND; ACCUSE is INVESTIGATE for CAMEO 09 and DISAPPROVE otherwise; every code under CAMEO
/// root 19 (conventional military force, blockade, occupation) is FIGHT; the other ASSAULT rows stay ASSAULT. CAMEO 02
/// (appeal), which the table leaves out, is DEMAND, as PLOVER's REQUEST takes in CAMEO's appeals and demands; CAMEO 01
/// (public statements) codes no event.
/// </summary>
public static class PloverTable
{
    public static IReadOnlyList<PloverRow> Read(string path) => Parse(File.ReadAllLines(path));

    public static IReadOnlyList<PloverRow> Parse(IEnumerable<string> lines)
    {
        var rows = new SortedDictionary<string, PloverRow>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            if (raw.StartsWith("~~", StringComparison.Ordinal)) break;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line[..colon].All(char.IsAsciiDigit)) continue;
            var code = line[..colon];
            var rest = line[(colon + 1)..];
            int hash = rest.IndexOf('#', StringComparison.Ordinal);
            var description = hash >= 0 ? rest[(hash + 1)..].Trim() : "";
            var cells = (hash >= 0 ? rest[..hash] : rest).Split(',').Select(c => c.Trim()).ToList();
            var name = cells[0];
            var mode = cells.Count > 1 ? cells[1] : "";
            var context = cells.Count > 2 ? string.Join("|", cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : "";
            var category = OurCategory(code, name);
            if (category is null) continue;
            // a root line ("19: ASSAULT") only fills codes that have no row of their own; the first row of a code wins
            rows.TryAdd(code, new PloverRow(code, category, mode, context, name, description));
        }
        rows.TryAdd("02", new PloverRow("02", "DEMAND", "", "", "REQUEST", "Appeal (not in the 2021 table; PLOVER REQUEST covers CAMEO appeals)"));
        return rows.Values.ToList();
    }

    /// <summary>Our category for a 2021 PLOVER name on a CAMEO code, or null if the name is unknown.</summary>
    public static string? OurCategory(string code, string ploverName)
    {
        if (code.StartsWith("19", StringComparison.Ordinal)) return "FIGHT";
        return ploverName switch
        {
            "REQUEST" => "DEMAND",
            "ACCUSE" => code.StartsWith("09", StringComparison.Ordinal) ? "INVESTIGATE" : "DISAPPROVE",
            _ => TriggerLexicon.Categories.Contains(ploverName) ? ploverName : null,
        };
    }

    /// <summary>The row for a CAMEO code: the code itself, else its longest listed prefix ("1834" -> "183" -> "18").</summary>
    public static PloverRow? Find(IReadOnlyDictionary<string, PloverRow> table, string code)
    {
        for (int n = code.Length; n >= 2; n--)
            if (table.TryGetValue(code[..n], out var row)) return row;
        return null;
    }
}
