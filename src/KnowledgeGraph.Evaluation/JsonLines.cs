using KnowledgeGraph.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Evaluation;

/// <summary>Reads files holding one JSON object per line (mongoexport and JSONL), with or without a byte-order mark.</summary>
internal static class JsonLines
{
    public static IEnumerable<(int Line, JObject Row)> Read(string path)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: file not found");
        int lineNo = 0;
        // StreamReader drops a leading BOM; TrimStart also catches one repeated at the start of a line by concatenated exports.
        foreach (var raw in File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            lineNo++;
            var line = raw.TrimStart('\uFEFF').Trim();
            if (line.Length == 0) continue;
            JObject row;
            try
            {
                row = JObject.Parse(line, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            }
            catch (JsonException e)
            {
                throw new UserErrorException($"{path}:{lineNo}: not a JSON object ({e.Message.Split('\n')[0].Trim()})", e);
            }
            yield return (lineNo, row);
        }
    }

    public static string RequireString(JObject row, string name, string path, int line) =>
        row.Value<string>(name) ?? throw new UserErrorException($"{path}:{line}: missing string field '{name}'");

    public static int RequireInt(JObject row, string name, string path, int line)
    {
        var token = row[name];
        if (token is null || token.Type != JTokenType.Integer) throw new UserErrorException($"{path}:{line}: missing integer field '{name}'");
        return token.Value<int>();
    }

    public static double Number(JObject row, string name, double fallback)
    {
        var token = row[name];
        return token is null || token.Type is not (JTokenType.Integer or JTokenType.Float) ? fallback : token.Value<double>();
    }

    public static IReadOnlyList<string> Strings(JObject row, string name)
    {
        if (row[name] is not JArray array) return Array.Empty<string>();
        return array.Select(t => t.Type == JTokenType.String ? t.Value<string>()! : t.ToString(Formatting.None)).ToList();
    }
}
