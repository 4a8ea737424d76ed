using System.Diagnostics;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sharding;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg merge</c>: the shards of <c>kg build --shard</c> in, the whole input's graph out.</summary>
public sealed class MergeCommand : ICommand
{
    public string Name => "merge";
    public string Summary => "Merge the shard folders of 'kg build --shard i/n' into one graph";
    public string Help => """
        Usage: kg merge <shard folders...> [--out <dir>] [--schema <file>] [--resources <dir>] [--min-confidence <p>] [--min-edge-confidence <p>] [--quiet]

        Reads the analyses.jsonl.gz of every shard (1/n .. n/n, in any order on the command line) and builds one
        graph from them in the input order of a single build, with the same graph builder: graph.jsonl,
        graph.graphml and graph.cypher are byte-identical to those of 'kg build' over the whole input.
        No models are loaded, and memory holds the graph being built, not the text.

        Refused, with one line saying why (exit code 1), before anything is written: a shard missing or given
        twice, shards of different n, shards made by another kg build or with other models, lexicons, ontology
        or --max-article-mb, shards that read different inputs, a shard that did not finish or was changed.

        Options:
          --out <dir>       output folder (default: out)
          --schema <file>   the ontology the shards were built with (default: the program's graph-schema/schema.json)
          --resources <dir> the resource folder the shards were built with (their 'kg build --resources'): the joins
                            across articles read its lexicons/ (countries.tsv, us_states.tsv, agents.tsv, titles.tsv,
                            given_names.tsv).
                            Default: the program's resources/, as for a build without --resources. Refused when
                            those five files are not the ones the shards were built with
          --min-confidence <p>  as for 'kg build': leave out entity nodes below confidence p that no relationship touches
          --min-edge-confidence <p>  as for 'kg build': leave out relationship edges below confidence p (default: 0.2;
                            0 keeps every edge)
          --quiet           print only errors
        Exit codes: 0 merged and no input had failed, 1 merged but some inputs had failed (listed again), or
        refused; 2 usage error.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "out", "schema", "resources", "min-confidence", "min-edge-confidence" }, new[] { "quiet" });
        if (a.Positionals.Count == 0) throw new UsageException("give the shard folders to merge");
        var outDir = a.Value("out") ?? "out";
        bool quiet = a.Flag("quiet");
        if (OutputSet.CheckWritable(outDir) is { } outError) throw new UsageException(outError);
        double minEdgeConfidence = a.Fraction("min-edge-confidence", EdgeConfidence.DefaultMinimum);
        var schemaPath = a.Value("schema") ?? Path.Combine(AppContext.BaseDirectory, "graph-schema", OntologySchema.FileName);
        var schema = OntologySchema.Load(schemaPath);

        var clock = Stopwatch.StartNew();
        // a young collection every 32 MiB allocated: 159 instead of 204-252 MiB peak in the benchmark, for 1.5 CPU-s more
        using var pacer = new AllocationPacer(32L << 20);
        var shards = ShardSet.Open(a.Positionals);
        shards.CheckSchema(schemaPath);
        var lexicons = GraphLexicons.Load(a.Value("resources"));
        shards.CheckLexicons(lexicons);
        double minConfidence = a.Fraction("min-confidence");
        var builder = new GraphBuilder(schema, lexicons) { MinConfidence = minConfidence, MinEdgeConfidence = minEdgeConfidence };
        var failures = new List<InputFailure>();
        long words = 0;
        long read = 0;
        MemoryTrace.Mark(context.Error, "shards opened");
        foreach (var record in shards.Records())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (++read % 3000 == 0) MemoryTrace.Mark(context.Error, $"{read} records added");
            switch (record)
            {
                case DocumentRecord d:
                    builder.Add(d.Document);
                    words += d.Document.Words;
                    break;
                case FailureRecord f:
                    failures.Add(new InputFailure(f.Origin, f.Reason));
                    context.Error.WriteLine($"kg merge: {f.Origin}: {f.Reason} (reported by its shard)");
                    break;
            }
        }
        MemoryTrace.Mark(context.Error, "all records added");
        var graph = builder.Build();
        MemoryTrace.Mark(context.Error, "graph built");
        GraphFiles.WriteAll(graph.Snapshot, schema, outDir, context.Cancellation, step => MemoryTrace.Mark(context.Error, "written " + step));
        MemoryTrace.Mark(context.Error, "files written");
        if (!quiet)
        {
            context.Out.WriteLine($"Merged {shards.Count} shards: {shards.InputItems} input items");
            BuildCommand.PrintSummary(context.Out, new GraphBuildResult(graph, builder.Statistics, failures, words, clock.Elapsed), outDir);
        }
        return failures.Count == 0 ? 0 : 1;
    }
}
