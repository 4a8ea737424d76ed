using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Neo4j;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg load</c>: loads graph.jsonl files into Neo4j over its HTTP API.</summary>
public sealed class LoadCommand : ICommand
{
    public string Name => "load";
    public string Summary => "load graph.jsonl files into Neo4j over HTTP (idempotent, resumable)";
    public string Help => """
        Usage: kg load <graph.jsonl>... [options]

        Loads one or more graphs (APOC JSON lines, as written by kg build) into Neo4j over its HTTP API:
        constraints and indexes first, then batched UNWIND ... MERGE statements. Loading the same file twice
        changes nothing; loading another build merges into what is there (entities meet on their id, lists such
        as aliases and evidence are unioned, mention counts are recomputed from per-document MENTIONS edges).

        Connection (options win over Neo4j's own environment variables):
          --uri URI            NEO4J_URI, default http://localhost:7474 (https://<id>.databases.neo4j.io for Aura;
                               neo4j:// and neo4j+s:// addresses are mapped to the HTTP port of the same host)
          --user NAME          NEO4J_USERNAME, default neo4j
          --password-env VAR   the variable holding the password, default NEO4J_PASSWORD
                               (there is no password option: it would show in shell history and process lists)
          --database NAME      NEO4J_DATABASE, default neo4j
        Loading:
          --batch-size N       rows per request, default 1000 (1..100000)
          --resume-from K      skip the first K batches, committed by an interrupted load of the same single file
                               with the same batch size (the error message says which K)
          --no-constraints     do not run graph-schema/constraints.cypher first
          --dry-run            connect to nothing: print the requests the load would make, per phase
          --verbose            log each retry and the server found

        Exit codes: 0 loaded, 1 a file could not be read or Neo4j refused (one line says why: the file and line of a bad
        line, e.g. bytes that are not UTF-8 or a label outside graph-schema/schema.json), 2 usage error (also a bad
        --uri or NEO4J_URI).
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ConnectionOptionNames.Append("resume-from"), new[] { "no-constraints", "dry-run" });
        if (a.Positionals.Count == 0) throw new UsageException("give at least one graph.jsonl file");
        int resume = a.Int("resume-from", 0, 0);
        if (resume > 0 && a.Positionals.Count != 1) throw new UsageException("--resume-from needs exactly one input file");
        var options = ConnectionOptions(a);
        var schema = OntologySchema.LoadDefault();
        var loadOptions = new Neo4jLoadOptions { ResumeFromBatch = resume, CreateConstraints = !a.Flag("no-constraints") };
        int exit = 0;
        if (a.Flag("dry-run"))
        {
            foreach (var path in a.Positionals)
            {
                try { context.Out.WriteLine(DescribePlan(path, Neo4jLoadPlan.Build(ApocJsonLines.ReadFile(path, schema), schema, options.BatchSize), loadOptions)); }
                catch (UserErrorException e) { context.Error.WriteLine($"kg load: {e.Message}"); exit = 1; }
                catch (ArgumentException e) { context.Error.WriteLine($"kg load: {path}: {e.Message}"); exit = 1; }
            }
            return exit;
        }
        using var transport = new Neo4jHttpTransport(options, log: context.Verbose ? line => context.Error.WriteLine("kg load: " + line) : null);
        var loader = new Neo4jLoader(transport, schema);
        foreach (var path in a.Positionals)
        {
            GraphSnapshot graph;
            try { graph = ApocJsonLines.ReadFile(path, schema); }
            catch (UserErrorException e)
            {
                context.Error.WriteLine($"kg load: {e.Message}");
                exit = 1;
                continue;
            }
            try { LoadGraph(loader, graph, loadOptions, options, path, context); }
            catch (ArgumentException e)
            {
                // what the reader lets through but the loader cannot send (a node without a key label, say)
                context.Error.WriteLine($"kg load: {path}: {e.Message}");
                exit = 1;
            }
        }
        return exit;
    }

    /// <summary>Connection options from the command line and the environment; shared with other commands.</summary>
    /// <summary>The connection options every command that loads accepts (kg load, kg build --neo4j).</summary>
    public static readonly string[] ConnectionOptionNames = { "uri", "user", "password-env", "database", "batch-size" };

    /// <summary>Loads one graph with a progress line on terminals, and prints what the server reported.</summary>
    public static void LoadGraph(Neo4jLoader loader, GraphSnapshot graph, Neo4jLoadOptions loadOptions, Neo4jConnectionOptions options, string source, CliContext context)
    {
        var progress = context.StdoutIsTerminal
            ? new SyncProgress(p => context.Error.Write($"\r  batch {p.BatchesDone}/{p.BatchesTotal} {p.Phase.ToString().ToLowerInvariant()} {p.Group}".PadRight(70)))
            : null;
        var result = loader.LoadAsync(graph, loadOptions, progress).GetAwaiter().GetResult();
        if (progress is not null) context.Error.WriteLine();
        context.Out.WriteLine(Describe(source, result, options));
    }

    /// <remarks>A bad address or database name, from an option or from NEO4J_URI, is a usage error (exit 2).</remarks>
    public static Neo4jConnectionOptions ConnectionOptions(CommandArgs a)
    {
        int batchSize = a.Int("batch-size", Neo4jConnectionOptions.DefaultBatchSize, 1, 100_000);
        try
        {
            return Neo4jConnectionOptions.FromEnvironment(a.Value("uri"), a.Value("user"), a.Value("database"),
                a.Value("password-env") ?? Neo4jConnectionOptions.PasswordVariable).WithBatchSize(batchSize);
        }
        catch (UserErrorException e) { throw new UsageException(e.Message); }
    }

    /// <summary>What a load would send: the discovery GET, the schema statements and every batch, by phase.</summary>
    public static string DescribePlan(string source, Neo4jLoadPlan plan, Neo4jLoadOptions loadOptions)
    {
        int schema = loadOptions.CreateConstraints ? plan.SchemaStatements.Count : 0;
        int Count(Neo4jLoadPhase p) => plan.Batches.Count(b => b.Phase == p);
        int rels = Count(Neo4jLoadPhase.Relationships);
        var groups = plan.Batches.Where(b => b.Phase == Neo4jLoadPhase.Relationships).Select(b => b.Group).Distinct().Count();
        return string.Create(CultureInfo.InvariantCulture, $"""
            {source}: {plan.NodeCount} nodes, {plan.RelationshipCount} relationships -> {1 + schema + plan.Batches.Count} requests without retries
              1 discovery, {schema} schema statements, {Count(Neo4jLoadPhase.Nodes)} node batches, {rels} relationship batches ({groups} types), {Count(Neo4jLoadPhase.Recount)} MENTIONS recount batches
            """);
    }

    public static string Describe(string source, Neo4jLoadResult r, Neo4jConnectionOptions options)
    {
        var c = r.Counters;
        var inv = CultureInfo.InvariantCulture;
        var server = $"Neo4j {r.Server.Version ?? "?"} {r.Server.Edition ?? ""}".TrimEnd();
        var api = r.Server.Endpoint == Neo4jEndpointKind.QueryApi ? "Query API" : "transactional endpoint";
        return string.Create(inv, $"""
            {source}: {r.Nodes} nodes, {r.Relationships} relationships -> {options.Uri} database {options.Database} ({server}, {api})
              {r.BatchesCommitted} batches committed{(r.BatchesSkipped > 0 ? $" ({r.BatchesSkipped} skipped by --resume-from)" : "")} of {r.BatchesTotal}, {r.SchemaStatements} schema statements, {r.Requests} HTTP requests, {r.Elapsed.TotalSeconds:0.0} s
              nodes created {c.NodesCreated}, merged into existing {r.NodesMerged}; relationships created {c.RelationshipsCreated}, merged {r.RelationshipsMerged}
              properties set {c.PropertiesSet}, labels added {c.LabelsAdded}, constraints added {c.ConstraintsAdded}, indexes added {c.IndexesAdded}
            """);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and interleave output).</summary>
    private sealed class SyncProgress(Action<Neo4jLoadProgress> report) : IProgress<Neo4jLoadProgress>
    {
        public void Report(Neo4jLoadProgress value) => report(value);
    }
}
