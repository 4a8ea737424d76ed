namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>event_types.tsv: the relationship type of an event coded from CAMEO (category + code -> type).</summary>
public sealed class EventTypes
{
    public static readonly string[] Columns = { "category", "code_prefix", "type" };
    private readonly List<(string Category, string Prefix, string Type)> _rows;

    public EventTypes(IEnumerable<(string Category, string Prefix, string Type)> rows) =>
        _rows = rows.OrderByDescending(r => r.Prefix.Length).ToList();

    /// <summary>The type for a coding: its category's row with the longest code prefix; null if the category has none.</summary>
    public string? TypeOf(EventCoding coding) =>
        _rows.FirstOrDefault(r => r.Category == coding.Category && coding.Code.StartsWith(r.Prefix, StringComparison.Ordinal)).Type;

    public static EventTypes Load(string path)
    {
        var rows = new List<(string, string, string)>();
        foreach (var row in TsvFile.Read(path, Columns))
        {
            if (!TriggerLexicon.Categories.Contains(row[0])) throw Lexicon.Bad(path, row, $"unknown category '{row[0]}'");
            rows.Add((row[0], row[1], Lexicon.NonEmpty(path, row, 2)));
        }
        return new EventTypes(rows);
    }
}
