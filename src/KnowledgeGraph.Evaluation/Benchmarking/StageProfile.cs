using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;

namespace KnowledgeGraph.Evaluation.Benchmarking;

/// <summary>
/// Times each stage of the document analysis on one thread, through the pipeline's own stage timings, plus reading,
/// merging into the graph and writing the files; and measures the heap kept per document until the graph is built.
/// </summary>
public static class StageProfile
{
    /// <param name="corpus">A JSONL corpus.</param>
    /// <param name="resources">Folder with models/ and lexicons/, or null for the default.</param>
    /// <param name="writeGraph">Writes the built graph (the output files), timed as "graph build + export".</param>
    /// <param name="o">Where the Markdown goes.</param>
    /// <param name="relations">The relation reader of the profiled pipeline (default: as kg build).</param>
    public static void Run(string corpus, string? resources, Action<KnowledgeGraphModel> writeGraph, TextWriter o, RelationReader relations = RelationReader.Surface)
    {
        var ic = CultureInfo.InvariantCulture;
        var schema = OntologySchema.LoadDefault();
        var pipeline = ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = resources, Allows = schema.Allows, Relations = relations });
        var timings = new StageTimings();
        var sw = new Stopwatch();
        double Lap() { var t = sw.Elapsed.TotalSeconds; sw.Restart(); return t; }
        double read = 0, merge = 0, analyse = 0;

        long heapAfterFirst = 0, textAfterFirst = 0, textAll = 0;
        var builder = new GraphBuilder(schema, GraphLexicons.Load(resources));
        var reader = new InputReader(new InputOptions(), TextReader.Null);
        int documents = 0;
        sw.Start();
        foreach (var item in reader.Read(new[] { corpus }))
        {
            read += Lap();
            if (item.Document is not { } doc) continue;
            documents++;
            var analysis = pipeline.Analyze(doc, timings);
            analyse += Lap();
            builder.Add(analysis);
            merge += Lap();
            textAll += Encoding.UTF8.GetByteCount(doc.Text);
            if (documents == 1)
            {
                // Heap with the pipeline and one document in the builder: the baseline for growth per document.
                heapAfterFirst = GC.GetTotalMemory(forceFullCollection: true);
                textAfterFirst = textAll;
                sw.Restart();
            }
        }
        // What GraphBuilder keeps alive before Build(): the graph-to-be plus anything it holds per document.
        long heapWithBuilder = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(pipeline);
        sw.Restart();
        var graph = builder.Build();
        writeGraph(graph);
        double write = Lap();

        double staged = timings.Stages.Sum(s => s.Seconds);
        o.WriteLine();
        o.WriteLine(string.Create(ic, $"### Where the time goes (1 thread, {documents} articles of {Path.GetFileName(corpus)})"));
        o.WriteLine();
        o.WriteLine("| stage | seconds | share of analysis |");
        o.WriteLine("|---|---:|---:|");
        o.WriteLine(string.Create(ic, $"| read JSONL | {read:0.00} | |"));
        foreach (var (stage, seconds) in timings.Stages)
            o.WriteLine(string.Create(ic, $"| {stage} | {seconds:0.00} | {(seconds / Math.Max(staged, 1e-9)).ToString("0.0%", ic)} |"));
        foreach (var (work, count) in timings.Work)
            o.WriteLine(string.Create(ic, $"| ({work}: {count}) | | |"));
        o.WriteLine(string.Create(ic, $"| graph merge (GraphBuilder.Add) | {merge:0.00} | |"));
        o.WriteLine(string.Create(ic, $"| graph build + export | {write:0.00} | |"));
        o.WriteLine();
        var grown = (heapWithBuilder - heapAfterFirst) / 1048576.0;
        var text = (textAll - textAfterFirst) / 1048576.0;
        o.WriteLine(string.Create(ic, $"Memory per document: from the first to the last of the {documents} articles the managed heap (after a full collection, GraphBuilder not yet built) grew by {grown:0.0} MiB while {text:0.00} MiB of article text was read: {grown / Math.Max(text, 1e-9):0.0} bytes kept per byte of text, until Build()."));
        o.WriteLine(string.Create(ic, $"Analysis took {analyse:0.00} s in all, {staged:0.00} s of it inside the timed stages."));
    }
}
