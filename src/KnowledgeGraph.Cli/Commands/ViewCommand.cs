using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Export;
using KnowledgeGraph.Export.Html;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg view</c>: a built graph as one self-contained HTML page, to look at without a database.</summary>
public sealed class ViewCommand : ICommand
{
    public string Name => "view";
    public string Summary => "Write a graph as one HTML page to explore in any browser (no server, no network)";
    public string Help => """
        Usage: kg view <graph.jsonl> [--out <file.html>] [--focus <name>] [--hops <n>] [--min-confidence <x>] [--max-nodes <n>] [--title <text>]

        Writes one self-contained HTML file (scripts, styles and data inlined; it makes no network request) that
        draws the entities of a graph and their relationships: colours and sizes from graph-schema/style.grass,
        node size by mentions, edges labelled with their type and drawn by confidence. Click a node for its
        labels, aliases and documents; click an edge for its category, confidence, dates, who said it and every
        evidence sentence with its trigger highlighted. Search names and aliases; filter by label, category and
        minimum confidence; double-click a node (or use --focus) for its neighbourhood.

        Options:
          --out <file>             the page to write (default: graph.html beside the input)
          --focus <name>           open on the neighbourhood of this entity (id, name or alias)
          --hops <n>               size of a neighbourhood, in hops (default: 1)
          --min-confidence <x>     hide edges below this confidence at first (default: 0; a slider changes it)
          --max-nodes <n>          a larger graph opens on its n most-mentioned entities, the others on demand (default: 300)
          --title <text>           the page's title (default: the document's title, or the number of documents)

        'kg build ... --html' writes the same page as <out>/graph.html.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "out", "focus", "hops", "min-confidence", "max-nodes", "title" }, Array.Empty<string>());
        if (a.Positionals.Count != 1) throw new UsageException("give exactly one graph.jsonl");
        var input = a.Positionals[0];
        double minConfidence = a.Fraction("min-confidence");
        var options = new GraphViewOptions
        {
            Focus = a.Value("focus"),
            Hops = a.Int("hops", 1, 0, 10),
            MinConfidence = minConfidence,
            MaxNodes = a.Int("max-nodes", 300, 1, 1_000_000),
            Title = a.Value("title"),
        };
        var output = a.Value("out") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".", GraphViewPage.FileName);
        var graph = ApocJsonLines.ReadFile(input);
        GraphViewPage.WriteFile(graph, output, options);
        var entities = graph.Nodes.Count(n => n.Labels.Contains(Graph.OntologySchema.EntityLabel));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {output} ({entities} entities)"));
        return 0;
    }
}

/// <summary>The <c>--html</c> option of <c>kg build</c> and <c>kg analyze</c>: where the page goes, and writing it.</summary>
public static class HtmlOption
{
    public const string Flag = "html";

    /// <summary><c>kg build --html</c>: the graph page beside the other outputs.</summary>
    public static void WriteGraph(Graph.GraphSnapshot graph, string outDir, CliContext context, bool quiet)
    {
        var path = Path.Combine(outDir, GraphViewPage.FileName);
        GraphViewPage.WriteFile(graph, path);
        if (!quiet) context.Out.WriteLine($"Wrote {path}");
    }

    /// <summary><c>kg analyze --html [--out file]</c>: the annotated article.</summary>
    public static void WriteArticle(DocumentAnalysis analysis, string? outPath, CliContext context)
    {
        var path = outPath ?? ArticleViewPage.FileName;
        ArticleViewPage.WriteFile(analysis, path);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {path} ({analysis.Entities.Count} entities, {analysis.Relations.Count} relations)"));
    }
}
