using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Plover;

/// <summary>One PLOVER gold sentence: (source actors) -[Category]-> (target actors). Empty actor strings are dropped.</summary>
public sealed record PloverRecord(
    string Id,
    string Category,
    string Text,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Targets,
    string EventText,
    string Comment)
{
    public bool HasTarget => Targets.Count > 0;
    /// <summary>1-based line number in the JSONL file (decides the dev half: odd = tune, even = check); 0 when not read from a file.</summary>
    public int Line { get; init; }
}

/// <summary>Reads <c>plover-dev.jsonl</c>: <c>{id, event, text, source[], target[], eventText, comment}</c> per line.</summary>
public static class PloverReader
{
    public static string DefaultFile()
    {
        var file = Path.Combine(DataPaths.RequireSharedData(), "plover", "plover-dev.jsonl");
        return File.Exists(file) ? file : throw new UserErrorException($"{file}: PLOVER file not found; pass --data <file>");
    }

    public static IReadOnlyList<PloverRecord> Read(string path)
    {
        var records = new List<PloverRecord>();
        foreach (var (line, row) in JsonLines.Read(path))
        {
            static IReadOnlyList<string> Actors(IReadOnlyList<string> raw) =>
                raw.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
            records.Add(new PloverRecord(
                row.Value<string>("id") ?? $"line-{line}",
                JsonLines.RequireString(row, "event", path, line).Trim().ToUpperInvariant(),
                JsonLines.RequireString(row, "text", path, line),
                Actors(JsonLines.Strings(row, "source")),
                Actors(JsonLines.Strings(row, "target")),
                row.Value<string>("eventText") ?? "",
                row.Value<string>("comment") ?? "") { Line = line });
        }
        return records;
    }
}
