using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Re3d;

/// <summary>
/// Reads re3d (<c>&lt;source&gt;/{documents,entities,relations}.json</c>, mongoexport lines, UTF-8 with BOM).
/// Rows with confidence 0 are annotator rejects and are dropped; so are rows below <c>minConfidence</c>.
/// </summary>
public static class Re3dReader
{
    public const string DocumentsFile = "documents.json";
    public const string EntitiesFile = "entities.json";
    public const string RelationsFile = "relations.json";

    /// <summary>The re3d-dev folder inside the shared data, or a user error saying how to point at it.</summary>
    public static string DefaultDirectory()
    {
        var dir = Path.Combine(DataPaths.RequireSharedData(), "re3d-dev");
        return Directory.Exists(dir) ? dir : throw new UserErrorException($"{dir}: re3d-dev folder not found; pass --data <dir>");
    }

    /// <summary>
    /// Reads one source folder (holding documents.json) or a folder of source folders, in ordinal folder order.
    /// </summary>
    public static Re3dCorpus Read(string directory, double minConfidence = 0)
    {
        if (!Directory.Exists(directory)) throw new UserErrorException($"{directory}: folder not found");
        var sources = File.Exists(Path.Combine(directory, DocumentsFile))
            ? new[] { directory }
            : Directory.GetDirectories(directory).Where(d => File.Exists(Path.Combine(d, DocumentsFile)))
                .OrderBy(d => d, StringComparer.Ordinal).ToArray();
        if (sources.Length == 0) throw new UserErrorException($"{directory}: no {DocumentsFile} in it or in its sub-folders");

        var documents = new List<Re3dDocument>();
        var entities = new List<Re3dEntity>();
        var relations = new List<Re3dRelation>();
        int rejectedEntities = 0, rejectedRelations = 0;
        foreach (var source in sources)
        {
            var sourceName = Path.GetFileName(source);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var docPath = Path.Combine(source, DocumentsFile);
            foreach (var (line, row) in JsonLines.Read(docPath))
            {
                var id = JsonLines.RequireString(row, "_id", docPath, line);
                var text = JsonLines.RequireString(row, "text", docPath, line);
                if (!texts.TryAdd(id, text)) throw new UserErrorException($"{docPath}:{line}: duplicate document id {id}");
                documents.Add(new Re3dDocument(id, row.Value<string>("sourceName") ?? sourceName, row.Value<string>("title") ?? "", text, row.Value<string>("sourceUrl")));
            }

            var entPath = Path.Combine(source, EntitiesFile);
            if (File.Exists(entPath))
            {
                foreach (var (line, row) in JsonLines.Read(entPath))
                {
                    var docId = JsonLines.RequireString(row, "documentId", entPath, line);
                    var span = Span(row, "begin", "end", texts, docId, entPath, line);
                    var confidence = JsonLines.Number(row, "confidence", 1);
                    if (confidence <= 0 || confidence < minConfidence) { rejectedEntities++; continue; }
                    entities.Add(new Re3dEntity(
                        row.Value<string>("_id") ?? $"{docId}-{span.Start}-{span.End}",
                        docId, span,
                        JsonLines.RequireString(row, "type", entPath, line),
                        row.Value<string>("value") ?? texts[docId][span.Start..span.End],
                        confidence));
                }
            }

            var relPath = Path.Combine(source, RelationsFile);
            if (File.Exists(relPath))
            {
                foreach (var (line, row) in JsonLines.Read(relPath))
                {
                    var docId = JsonLines.RequireString(row, "documentId", relPath, line);
                    var sourceSpan = Span(row, "sourceBegin", "sourceEnd", texts, docId, relPath, line);
                    var targetSpan = Span(row, "targetBegin", "targetEnd", texts, docId, relPath, line);
                    var trigger = Span(row, "begin", "end", texts, docId, relPath, line);
                    var confidence = JsonLines.Number(row, "confidence", 1);
                    if (confidence <= 0 || confidence < minConfidence) { rejectedRelations++; continue; }
                    var text = texts[docId];
                    relations.Add(new Re3dRelation(
                        row.Value<string>("_id") ?? $"{docId}-{sourceSpan.Start}-{targetSpan.Start}",
                        docId,
                        JsonLines.RequireString(row, "type", relPath, line),
                        sourceSpan, row.Value<string>("source") ?? text[sourceSpan.Start..sourceSpan.End],
                        targetSpan, row.Value<string>("target") ?? text[targetSpan.Start..targetSpan.End],
                        trigger, row.Value<string>("value") ?? text[trigger.Start..trigger.End].Trim(),
                        confidence));
                }
            }
        }
        return new Re3dCorpus(documents, entities, relations, rejectedEntities, rejectedRelations);
    }

    private static TextSpan Span(Newtonsoft.Json.Linq.JObject row, string begin, string end,
        Dictionary<string, string> texts, string docId, string path, int line)
    {
        if (!texts.TryGetValue(docId, out var text)) throw new UserErrorException($"{path}:{line}: unknown documentId {docId}");
        int b = JsonLines.RequireInt(row, begin, path, line), e = JsonLines.RequireInt(row, end, path, line);
        if (b < 0 || e < b || e > text.Length)
            throw new UserErrorException($"{path}:{line}: offsets {b}-{e} outside the document's {text.Length} characters");
        return new TextSpan(b, e);
    }
}
