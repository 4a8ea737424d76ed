using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export.Html;

/// <summary>
/// Assembles one self-contained HTML page: our markup, styles and scripts (embedded resources of this assembly),
/// the vendored libraries, and the data as JSON in a <c>&lt;script type="application/json"&gt;</c> block. The data is
/// the only part that varies, and it never reaches the markup: the page's scripts read it with <c>JSON.parse</c> and
/// render every value with <c>textContent</c>. A Content-Security-Policy forbids every network request and every
/// script but the page's own (by SHA-256), so even a value that escaped could neither run nor fetch anything.
/// </summary>
public static class HtmlPage
{
    private const string Prefix = "KnowledgeGraph.Export.Html.Resources.";

    /// <summary>The vendored libraries (Cytoscape.js and the fCoSE layout with its two bases), in load order.</summary>
    public static IReadOnlyList<string> GraphLibraries { get; } = new[]
    {
        "vendor/cytoscape.min.js", "vendor/layout-base.js", "vendor/cose-base.js", "vendor/cytoscape-fcose.js",
    };

    /// <summary>Writes a page. <paramref name="name"/> picks our resources <c>name.html</c> (body), <c>name.css</c>, <c>name.js</c>.</summary>
    public static void Write(TextWriter output, string name, JToken data, IReadOnlyList<string> libraries)
    {
        var scripts = libraries.Select(Resource).Append(Resource(name + ".js")).ToList();
        foreach (var s in scripts)
            if (s.Contains("</script", StringComparison.OrdinalIgnoreCase) || s.Contains("<!--", StringComparison.Ordinal))
                throw new InvalidOperationException("an embedded script contains '</script' or '<!--' and cannot be inlined");
        var hashes = string.Join(' ', scripts.Select(s => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s))) + "'"));
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " + hashes + "; style-src 'unsafe-inline'; img-src data:\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Write("<meta name=\"generator\" content=\"kg (KnowledgeGraph)\">\n<title>kg</title>\n<style>\n");
        output.Write(Resource(name + ".css"));
        output.Write("</style>\n</head>\n<body>\n");
        output.Write(Resource(name + ".html"));
        output.Write("<script type=\"application/json\" id=\"kg-data\">");
        output.Write(ScriptSafeJson(data));
        output.Write("</script>\n");
        var licences = libraries.Select(l => Resource(Path.ChangeExtension(l, null).Replace(".min", "", StringComparison.Ordinal) + ".LICENSE")).ToList();
        for (int i = 0; i < scripts.Count; i++)
        {
            // Each library travels with its licence (MIT asks for the notice in every copy).
            if (i < licences.Count) output.Write("<!-- " + libraries[i] + "\n" + licences[i].Replace("--", "- -", StringComparison.Ordinal) + "-->\n");
            output.Write("<script>");
            output.Write(scripts[i]);
            output.Write("</script>\n");
        }
        output.Write("</body>\n</html>\n");
    }

    /// <summary>
    /// JSON text that can stand inside a script element: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 are
    /// written as <c>\uXXXX</c> escapes. Outside strings JSON has none of these characters, so escaping them everywhere
    /// keeps the JSON equal; inside, no value can close the element (<c>&lt;/script&gt;</c>) or open a comment.
    /// </summary>
    public static string ScriptSafeJson(JToken data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var json = data.ToString(Formatting.None);
        var sb = new StringBuilder(json.Length + 64);
        foreach (char c in json)
        {
            if (c is '<' or '>' or '&' or '\u2028' or '\u2029') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The text of one of our embedded resources (<c>graph-view.js</c>, <c>vendor/cytoscape.min.js</c> ...).</summary>
    public static string Resource(string relativePath)
    {
        var name = Prefix + relativePath;
        using var stream = typeof(HtmlPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // The HTML parser turns CR LF and CR into LF before a script runs; the CSP hashes must be of what it runs.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
