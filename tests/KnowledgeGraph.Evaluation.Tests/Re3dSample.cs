using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>Writes small re3d-format files (mongoexport lines, BOM) whose offsets are computed from the text, not typed by hand.</summary>
internal sealed class Re3dSample
{
    private readonly StringBuilder _docs = new(), _ents = new(), _rels = new();
    private string _docId = "", _text = "";

    public Re3dSample Doc(string id, string text, string source = "Test")
    {
        _docId = id; _text = text;
        _docs.Append(CultureInfo.InvariantCulture, $"{{ \"_id\" : \"{id}\", \"sourceName\" : {Json(source)}, \"title\" : \"{id} title\", \"text\" : {Json(text)} }}\n");
        return this;
    }

    private (int Begin, int End) Span(string surface, int occurrence)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = _text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException(surface);
        return (at, at + surface.Length);
    }

    public Re3dSample Entity(string surface, string type, double confidence = 1, int occurrence = 0)
    {
        var (b, e) = Span(surface, occurrence);
        _ents.Append(CultureInfo.InvariantCulture,
            $"{{ \"_id\" : \"{_docId}-{b}-{e}-{type}\", \"begin\" : {b}, \"end\" : {e}, \"type\" : \"{type}\", \"value\" : {Json(surface)}, \"documentId\" : \"{_docId}\", \"confidence\" : {confidence.ToString(CultureInfo.InvariantCulture)} }}\n");
        return this;
    }

    public Re3dSample Relation(string source, string trigger, string target, string type, double confidence = 1)
    {
        var (sb, se) = Span(source, 0);
        var (tb, te) = Span(target, 0);
        var (b, e) = Span(trigger, 0);
        _rels.Append(CultureInfo.InvariantCulture,
            $"{{ \"_id\" : \"{_docId}-{sb}-{tb}-{type}\", \"begin\" : {b}, \"end\" : {e}, \"sourceBegin\" : {sb}, \"sourceEnd\" : {se}, \"source\" : {Json(source)}, "
            + $"\"targetBegin\" : {tb}, \"targetEnd\" : {te}, \"target\" : {Json(target)}, \"type\" : \"{type}\", \"value\" : {Json(trigger)}, \"documentId\" : \"{_docId}\", \"confidence\" : {confidence.ToString(CultureInfo.InvariantCulture)} }}\n");
        return this;
    }

    /// <summary>Writes the three files into <paramref name="folder"/> (UTF-8 with BOM, like the real export).</summary>
    public string WriteTo(TempDir dir, string folder)
    {
        dir.Write(Path.Combine(folder, "documents.json"), _docs.ToString());
        dir.Write(Path.Combine(folder, "entities.json"), _ents.ToString());
        dir.Write(Path.Combine(folder, "relations.json"), _rels.ToString());
        return Path.Combine(dir.Path, folder);
    }

    private static string Json(string s) => Newtonsoft.Json.JsonConvert.ToString(s);
}
