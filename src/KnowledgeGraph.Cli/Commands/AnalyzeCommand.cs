using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg analyze</c>: shows what the pipeline finds in one article, to understand or debug a graph.</summary>
public sealed class AnalyzeCommand : ICommand
{
    public string Name => "analyze";
    public string Summary => "Show the sentences, entities and relations found in one article";
    public string Help => """
        Usage: kg analyze <file.txt|file.md|-> [--sentences] [--tree] [--timings] [--html [--out <file.html>]] [--resources <dir>] [--relations R]

        Prints, for one article, every entity (type, fine labels, canonical name, aliases, mention count)
        and every relation (subject -[TYPE/category]-> object, confidence, trigger, evidence sentence),
        the way 'kg build' sees them before merging documents.

        Options:
          --sentences          also print the sentences with their part-of-speech tags
          --tree               also print each sentence's dependency parse, one word per line in
                               CoNLL-U-like columns: number, word, Penn tag, universal tag, lemma,
                               head number (0 = root), relation, and the head word
          --timings            print the seconds spent in each pipeline stage on standard error
          --html               instead, write the article as one HTML page: mentions highlighted by type, mentions
                               of one entity linked, each relation under its sentence (negated and hedged marked)
          --out <file>         the page --html writes (default: article.html)
          --resources <dir>    folder with models/, lexicons/ and rules/ (default: the program's resources/)
          --relations <r>      relation reader: rules, surface or both (default: as kg build)
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "resources", "out", "relations" }, new[] { "sentences", "tree", "timings", HtmlOption.Flag });
        if (a.Positionals.Count != 1) throw new UsageException("give exactly one article (a file, or - for standard input)");
        var schema = OntologySchema.LoadDefault();
        var pipeline = ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = a.Value("resources"), Allows = schema.Allows, ParseTrees = a.Flag("tree"), Relations = EvalCommand.ParseReader(a.Value("relations")) });
        var item = new InputReader(new InputOptions { FileSystem = context.FileSystem }, context.OpenStdin).Read(a.Positionals).First();
        if (item.Document is null) throw new UserErrorException($"{item.Origin}: {item.Error ?? item.Note}");
        var timings = a.Flag("timings") ? new StageTimings() : null;
        DocumentAnalysis analysis;
        try { analysis = pipeline.Analyze(item.Document, timings); }
        catch (UnsupportedDocumentException e) { throw new UserErrorException($"{item.Origin}: {e.Message}"); }
        if (timings is not null)
            foreach (var (stage, seconds) in timings.Stages)
                context.Error.WriteLine($"{stage,-32} {seconds,8:0.000} s");
        if (timings is not null)
            foreach (var (work, count) in timings.Work)
                context.Error.WriteLine($"{work,-40} {count,12}");
        if (a.Flag(HtmlOption.Flag)) { HtmlOption.WriteArticle(analysis, a.Value("out"), context); return 0; }
        if (a.Value("out") is not null) throw new UsageException("--out goes with --html");
        var o = context.Out;
        if (a.Flag("sentences"))
            foreach (var s in analysis.Sentences)
                o.WriteLine($"[{s.Index}] " + string.Join(' ', s.Tokens.Select(t => $"{t.Text}/{t.Tag}")));
        if (a.Flag("tree"))
            foreach (var s in analysis.Sentences) WriteTree(o, s, analysis.Document.Text);
        o.WriteLine($"Entities ({analysis.Entities.Count}):");
        foreach (var e in analysis.Entities)
        {
            var labels = string.Join(':', new[] { e.Type.ToString() }.Concat(e.FineTypes));
            var attrs = e.Attributes.Count == 0 ? "" : " {" + string.Join(", ", e.Attributes.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
            o.WriteLine($"  [{e.Index}] {e.Name} ({labels}) x{e.Mentions.Count}{attrs}  aliases: {string.Join(" | ", e.Aliases)}");
        }
        o.WriteLine($"Relations ({analysis.Relations.Count}):");
        foreach (var r in analysis.Relations)
        {
            var flags = (r.Negated ? " NEGATED" : "") + (r.Modality is null ? "" : $" ({r.Modality})") + (r.Date is null ? "" : $" date={r.Date}")
                + (r.AttributedTo is null ? "" : $" said-by={r.AttributedTo}");
            o.WriteLine($"  {analysis.Entities[r.Subject].Name} -[{r.Type}/{r.Category}]-> {analysis.Entities[r.Object].Name}  {r.Confidence:0.00} \"{r.Trigger}\"{flags}");
            o.WriteLine($"      [{r.SentenceIndex}] {r.Evidence}");
        }
        return 0;
    }

    /// <summary>One sentence's parse: its text, then one word per line (1-based numbers as in CoNLL-U).</summary>
    private static void WriteTree(TextWriter o, Sentence s, string text)
    {
        o.WriteLine($"# sentence {s.Index}: {s.TextOf(text).ReplaceLineEndings(" ")}");
        int width = s.Tokens.Count == 0 ? 1 : s.Tokens.Max(t => t.Text.Length);
        for (int i = 0; i < s.Tokens.Count; i++)
        {
            var t = s.Tokens[i];
            var head = t.Head < 0 ? "ROOT" : s.Tokens[t.Head].Text;
            o.WriteLine($"{i + 1,3}  {t.Text.PadRight(width)}  {t.Tag,-5} {t.Upos,-5} {t.Lemma?.PadRight(width)}  {t.Head + 1,3}  {t.Deprel,-14} {head}");
        }
        o.WriteLine();
    }
}
