using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sharding;
using KnowledgeGraph.Neo4j;
using KnowledgeGraph.Nlp;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg build</c>: articles in, graph files out.</summary>
public sealed class BuildCommand : ICommand
{
    public string Name => "build";
    public string Summary => "Build a knowledge graph from articles (files, folders, JSONL, stdin)";
    public string Help => """
        Usage: kg build <inputs...> [--out <dir>] [options]

        Reads English news articles and writes their knowledge graph:
          <dir>/graph.jsonl     APOC JSON lines (apoc.import.json)
          <dir>/graph.graphml   GraphML for Gephi, yEd, Cytoscape, NetworkX, apoc.import.graphml
          <dir>/graph.cypher    constraints + idempotent MERGE statements (cypher-shell, Neo4j Browser)
        then prints a summary: documents, entities and relationships per type, failures, time.

        Inputs:
          file.txt, file.md     one article per file (the first line, if short, is its title)
          folder               every .txt, .md and .jsonl file below it, in path order
          file.jsonl           one article per line: {"text": ..., "title"?, "url"?, "date"?}
          -                    one article from standard input

        Options:
          --out <dir>            output folder (default: out)
          --threads <n>          worker threads (default: all cores); output is identical for any value
          --max-article-mb <n>   refuse a single article larger than this (default: 10)
          --resources <dir>      folder with models/, lexicons/ and rules/ (default: the program's resources/)
          --schema <file>        ontology file (default: the program's graph-schema/schema.json)
          --relations <r>        relation reader: surface (default; word order and part-of-speech tags), rules
                                 (rules over each sentence's dependency parse, docs/rules.md) or both (the parse's
                                 rules add what the surface reader did not read; slower: the sentences are parsed)
          --shard <i>/<n>        read and analyse only part i of n of the input and write <dir>/analyses.jsonl.gz
                                 and <dir>/shard.json instead of a graph; 'kg merge' of all n parts writes files
                                 byte-identical to a build of the whole input (docs/scaling.md). Give every part
                                 the same inputs in the same order: the files, laid end to end in the order a
                                 build reads them, are cut into n equal byte ranges; part i takes the .txt/.md
                                 files and JSONL lines that start in range i. Not for standard input ('-').
          --with-graph           with --shard: also write this part's own graph files, to load parts into
                                 Neo4j one by one with 'kg load' (the merge remains the exact graph)
          --neo4j                also load the graph into Neo4j over HTTP; connection from NEO4J_URI,
                                 NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE or the options below
          --uri, --user, --database, --password-env <VAR>, --batch-size <n>
                                 as for 'kg load' (see 'kg load --help')
          --min-edge-confidence <p>
                                 leave out relationship edges whose confidence (0-1, docs/relations.md) is below p
                                 (default: 0.2: below it 17 of 22 judged news edges were wrong; 0.3 leaves out more
                                 wrong edges and some right ones); 0 keeps every edge. MENTIONS edges and nodes stay
                                 (a node only a left-out edge touched follows --min-confidence). With --shard
                                 --with-graph each part's own graph is gated on that part's evidence alone: an edge
                                 whose readings are split between parts is only in the merged graph; give 0 and
                                 filter on confidence in Cypher when loading parts one by one
          --min-confidence <p>   leave out entity nodes whose confidence (0-1, docs/entities.md) is below p and that
                                 no relationship edge touches (default: 0, every node is kept)
          --node-features <file> also write each entity node's confidence features as TSV (id, labels, name,
                                 dense features, context keys), to retrain the weights on judged nodes (tests/realtext/train_gate.py)
          --html                 also write <dir>/graph.html, the graph as one page to explore in a browser (see 'kg view --help')
          --quiet                print only errors
          --verbose              print stack traces of internal errors

        A bad input (empty, binary, invalid UTF-8, too large, unknown extension, unreadable, not a regular file,
        malformed JSON line) is reported on one line with its path[:line] and reason; the other inputs are still
        processed. Folder walks skip kg's own output folders (they hold kg-manifest.json) and read each folder and
        file once whatever the symbolic links. The three files are published as one set (kg-manifest.json lists them).
        Exit codes: 0 all inputs succeeded, 1 some input failed, 2 usage error.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "out", "threads", "max-article-mb", "resources", "schema", "shard", "relations", "min-confidence", "min-edge-confidence", "node-features" }.Concat(LoadCommand.ConnectionOptionNames), new[] { "quiet", "neo4j", "with-graph", HtmlOption.Flag });
        if (a.Positionals.Count == 0) throw new UsageException("give at least one input (file, folder, .jsonl or -)");
        var outDir = a.Value("out") ?? "out";
        int threads = a.Int("threads", Environment.ProcessorCount, 1, 1024);
        double maxMb = a.Double("max-article-mb", 10);
        if (maxMb <= 0) throw new UsageException("--max-article-mb must be positive");
        double minConfidence = a.Fraction("min-confidence");
        double minEdgeConfidence = a.Fraction("min-edge-confidence", EdgeConfidence.DefaultMinimum);
        var featuresPath = a.Value("node-features");
        bool quiet = a.Flag("quiet");

        // Everything that can be wrong with the command line is checked before the analysis, which may take hours.
        if (OutputSet.CheckWritable(outDir) is { } outError) throw new UsageException(outError);
        Neo4jConnectionOptions? connection = null;
        if (a.Flag("neo4j")) connection = LoadCommand.ConnectionOptions(a);
        ShardSpec? shard = null;
        try { if (a.Value("shard") is { } shardText) shard = ShardSpec.Parse(shardText); }
        catch (UserErrorException e) { throw new UsageException(e.Message); }
        if (shard is null && a.Flag("with-graph")) throw new UsageException("--with-graph goes with --shard");
        if (shard is not null && (a.Value("min-confidence") is not null || featuresPath is not null))
            throw new UsageException("--min-confidence and --node-features apply to the graph: give them to 'kg merge' (--min-confidence) or build without --shard");
        if (shard is not null && a.Value("min-edge-confidence") is not null && !a.Flag("with-graph"))
            throw new UsageException("--min-edge-confidence applies to the graph: give it to 'kg merge', or with --shard to a part's own graph (--with-graph)");
        if (shard is not null && connection is not null) throw new UsageException("--shard writes analyses for 'kg merge', not a graph: load the merged graph instead of --neo4j");
        if (shard is not null && a.Positionals.Contains("-"))
            throw new UsageException("--shard cannot read standard input ('-'): each part is its own process with its own standard input, and a pipe cannot be read again from the middle; save it to a file and give the file");

        var schema = a.Value("schema") is { } schemaPath ? OntologySchema.Load(schemaPath) : OntologySchema.LoadDefault();
        var relations = EvalCommand.ParseReader(a.Value("relations"));
        var pipeline = ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = a.Value("resources"), Allows = schema.Allows, Relations = relations });
        // the joins read the lexicons the pipeline read (the same folder): a country or agent word a user adds counts for both
        var lexicons = GraphLexicons.Load(a.Value("resources"));
        var inputs = a.Positionals;
        var options = new InputOptions { MaxArticleBytes = (long)(maxMb * 1024 * 1024), ExcludedFolders = new[] { outDir }, FileSystem = context.FileSystem };
        if (shard is { } part)
            return ShardBuild.Run(part, pipeline, ShardBuild.Producer(a.Value("resources"), a.Value("schema"), options, relations, lexicons), inputs, options, threads, outDir, quiet, context,
                a.Flag("with-graph") ? schema : null, minEdgeConfidence, lexicons);

        GraphBuildResult result;
        // the inputs are planned (folders walked, files sized) once, for the progress bar and the build
        bool showProgress = context.StdoutIsTerminal && !quiet;
        var reader = new InputReader(options, context.OpenStdin);
        var plan = reader.Plan(inputs);
        using (var progress = new Progress(context.Error, showProgress, showProgress ? plan.TotalBytes : 0))
        {
            void Line(InputFailure f)
            {
                progress.Dispose();
                context.Error.WriteLine($"kg build: {f.Origin}: {f.Reason}");
            }
            using var features = featuresPath is null ? null : new StreamWriter(featuresPath);
            features?.WriteLine(string.Join('\t', new[] { "id", "labels", "name" }.Concat(NodeConfidence.FeatureNames).Append("context")));
            result = GraphBuild.Run(pipeline, schema, reader, plan, threads, Line, progress, context.Cancellation, onNote: quiet ? null : Line,
                newBuilder: () => new GraphBuilder(schema, lexicons)
                {
                    MinConfidence = minConfidence,
                    MinEdgeConfidence = minEdgeConfidence,
                    OnNodeFeatures = features is null ? null : (node, f, keys) => features.WriteLine(string.Join('\t',
                        new[] { node.Id, string.Join(':', node.Labels.Skip(1)), OneLine(node.Name!) }
                            .Concat(f.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
                            .Append(string.Join(' ', keys.Select(OneLine).Select(k => k.Replace(' ', '_')))))),
                });
        }

        var snapshot = result.Graph.Snapshot;
        // a TSV field: a tab or line break inside a name would shift the row's columns
        static string OneLine(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
        GraphFiles.WriteAll(snapshot, schema, outDir, context.Cancellation);

        if (!quiet) PrintSummary(context.Out, result, outDir);
        if (a.Flag(HtmlOption.Flag)) HtmlOption.WriteGraph(snapshot, outDir, context, quiet);
        if (connection is not null)
        {
            using var transport = new Neo4jHttpTransport(connection, log: context.Verbose ? line => context.Error.WriteLine("kg build: " + line) : null);
            LoadCommand.LoadGraph(new Neo4jLoader(transport, schema), snapshot, new Neo4jLoadOptions(), connection, outDir, context);
        }
        return result.Failures.Count == 0 ? 0 : 1;
    }

    internal static void PrintSummary(TextWriter o, GraphBuildResult r, string outDir)
    {
        var s = r.Graph.Snapshot;
        var entities = s.Nodes.Where(n => n.Labels.Contains(OntologySchema.EntityLabel)).ToList();
        var rels = r.Graph.Relationships.ToList();
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"Documents: {r.Statistics.Documents} built, {r.Failures.Count} failed{(r.Statistics.DuplicateDocuments > 0 ? $", {r.Statistics.DuplicateDocuments} duplicates skipped" : "")}"));
        o.WriteLine($"Entities: {entities.Count}");
        foreach (var g in entities.GroupBy(n => n.Labels[1]).OrderBy(g => g.Key, StringComparer.Ordinal))
            o.WriteLine($"  {g.Key,-14} {g.Count(),6}");
        o.WriteLine($"Relationships: {rels.Count}");
        foreach (var g in rels.GroupBy(e => e.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            o.WriteLine($"  {g.Key,-24} {(string)g.First()["category"]!,-16} {g.Count(),6}");
        if (r.Statistics.RelationsNotAsserted > 0)
            o.WriteLine($"  ({r.Statistics.RelationsNotAsserted} negated statements not asserted)");
        if (r.Statistics.EdgesBelowConfidence > 0)
            o.WriteLine($"  ({r.Statistics.EdgesBelowConfidence} edges below --min-edge-confidence left out; 0 keeps them)");
        var secs = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        o.WriteLine(string.Create(ic, $"Time: {r.Elapsed.TotalSeconds:0.00} s, {r.Words} words, {r.Words / secs:0} words/s"));
        o.WriteLine($"Wrote {Path.Combine(outDir, ApocJsonLines.FileName)}, {Path.Combine(outDir, "graph.graphml")}, {Path.Combine(outDir, "graph.cypher")}");
    }
}
