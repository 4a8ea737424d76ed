using System.Globalization;
using System.Reflection;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sharding;
using KnowledgeGraph.Nlp;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg build --shard i/n</c>: analyses this shard's items and writes them for <c>kg merge</c>.</summary>
public static class ShardBuild
{
    /// <summary>What made a shard: this program, and the models, lexicons, ontology and input options it runs with.</summary>
    public static ShardProducer Producer(string? resourcesDirectory, string? schemaPath, InputOptions options, RelationReader relations, GraphLexicons lexicons)
    {
        var kg = typeof(ShardBuild).Assembly;
        var version = kg.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? kg.GetName().Version?.ToString() ?? "?";
        var assemblies = new[] { kg, typeof(IDocumentAnalyzer).Assembly, typeof(ExtractionPipeline).Assembly, typeof(GraphBuilder).Assembly };
        var resources = resourcesDirectory ?? Path.Combine(AppContext.BaseDirectory, "resources");
        var schema = schemaPath ?? Path.Combine(AppContext.BaseDirectory, "graph-schema", OntologySchema.FileName);
        var optionText = string.Create(CultureInfo.InvariantCulture, $"max-article-bytes={options.MaxArticleBytes}\nrecognizer=true\n")
            // a part read with another relation reader is another pipeline: kg merge refuses to mix them
            + (relations == RelationReader.Surface ? "" : $"relations={relations}\n");
        return new ShardProducer(version, ShardProducer.BuildId(assemblies), ShardProducer.PipelineId(new[] { resources }, optionText),
            ShardProducer.FileId(schema), lexicons.Fingerprint);
    }

    /// <param name="schema">When given, also write this shard's own graph (its documents only) to
    /// <paramref name="outDir"/>, for loading shard by shard with kg load.</param>
    public static int Run(ShardSpec shard, IDocumentAnalyzer analyzer, ShardProducer producer, IReadOnlyList<string> inputs,
        InputOptions options, int threads, string outDir, bool quiet, CliContext context, OntologySchema? schema = null,
        double minEdgeConfidence = EdgeConfidence.DefaultMinimum, GraphLexicons? lexicons = null)
    {
        var own = schema is null ? null : new GraphBuilder(schema, lexicons) { MinEdgeConfidence = minEdgeConfidence };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reader = new InputReader(options, context.OpenStdin);
        var plan = reader.Plan(inputs);
        using var writer = new ShardWriter(outDir, shard, producer);
        void Line(InputFailure f) => context.Error.WriteLine($"kg build: {f.Origin}: {f.Reason}");
        var counts = GraphBuild.Analyze(analyzer, reader, plan, shard.Part, threads,
            (item, doc) => { writer.AddDocument(item, doc); own?.Add(doc); },
            (item, f) => { writer.AddFailure(item, f.Origin, f.Reason); Line(f); },
            null, context.Cancellation, quiet ? null : Line);
        var manifest = writer.Complete(plan);
        if (own is not null) GraphFiles.WriteAll(own.Build().Snapshot, schema!, outDir, context.Cancellation);
        if (!quiet)
        {
            var o = context.Out;
            var ic = CultureInfo.InvariantCulture;
            var part = shard.Part;
            o.WriteLine(string.Create(ic, $"Shard {shard}: bytes {part.Start(plan.TotalBytes)}-{Math.Min(part.End(plan.TotalBytes), plan.TotalBytes)} of {plan.TotalBytes}, {manifest.Records} input items ({counts.Documents} documents analysed, {counts.Failures} failed)"));
            o.WriteLine(string.Create(ic, $"Time: {clock.Elapsed.TotalSeconds:0.00} s, {counts.Words} words"));
            if (own is not null) o.WriteLine($"Wrote this shard's own graph: {Path.Combine(outDir, "graph.jsonl")} (for kg load; not the merged graph)");
            o.WriteLine($"Wrote {writer.AnalysesPath} and {Path.Combine(outDir, ShardManifest.FileName)}; when all {shard.Count} shards are done: kg merge <the {shard.Count} shard folders> --out <dir>");
        }
        return counts.Failures == 0 ? 0 : 1;
    }
}
