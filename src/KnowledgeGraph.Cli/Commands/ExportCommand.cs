using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg export</c>: converts graph.jsonl to the other sink formats.</summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";
    public string Summary => "convert graph.jsonl to neo4j-admin CSV, GraphML, a Cypher script or JSON lines";
    public string Help => """
        Usage: kg export <graph.jsonl> --format neo4j-admin|graphml|cypher|jsonl --out <dir>

        Formats:
          neo4j-admin  nodes-*.csv and relationships-*.csv for `neo4j-admin database import full` (offline bulk
                       load of millions of rows into an empty database), plus neo4j-admin-import.sh with the
                       exact command. Arrays use U+001F as element separator (--array-delimiter=U+001F).
          graphml      graph.graphml in APOC's conventions (apoc.import.graphml, NetworkX, Gephi, yEd)
          cypher       graph.cypher: constraints, then one idempotent MERGE statement per node and relationship, values
                       as escaped literals (no parameters), for cypher-shell -f or pasting into Neo4j Browser
          jsonl        graph.jsonl, APOC JSON lines (apoc.import.json)
        Files are written atomically; the same input always gives byte-identical files.
        A bad line of the input (not UTF-8, malformed, a label or type outside graph-schema/schema.json, an empty or
        non-identifier property key, an integer beyond 64 bits) is one error naming the file and line (exit 1);
        an --out that is a file or cannot be written is a usage error (exit 2), checked before reading.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "format", "out" }, Array.Empty<string>());
        if (a.Positionals.Count != 1) throw new UsageException("give exactly one graph.jsonl file");
        var format = a.Require("format");
        var outDir = a.Require("out");
        if (OutputSet.CheckWritable(outDir) is { } outError) throw new UsageException(outError);
        var schema = OntologySchema.LoadDefault();
        var graph = ApocJsonLines.ReadFile(a.Positionals[0], schema);
        switch (format)
        {
            case "neo4j-admin":
                var result = Neo4jAdminCsv.WriteDirectory(graph, outDir);
                foreach (var f in result.NodeFiles.Concat(result.RelationshipFiles).Append(result.ScriptFile))
                    context.Out.WriteLine(Path.Combine(outDir, f));
                context.Out.WriteLine($"import with (from $NEO4J_HOME, files in import/, database stopped): {result.Command}");
                break;
            case "jsonl":
                var path = Path.Combine(outDir, ApocJsonLines.FileName);
                ApocJsonLines.WriteFile(graph, path);
                context.Out.WriteLine(path);
                break;
            case "graphml":
                var graphml = Path.Combine(outDir, GraphMlWriter.FileName);
                GraphMlWriter.WriteFile(graph, graphml);
                context.Out.WriteLine(graphml);
                break;
            case "cypher":
                var cypher = Path.Combine(outDir, CypherScriptWriter.FileName);
                CypherScriptWriter.WriteFile(graph, schema, cypher);
                context.Out.WriteLine(cypher);
                break;
            default:
                throw new UsageException($"unknown format '{format}'; use neo4j-admin, graphml, cypher or jsonl");
        }
        return 0;
    }
}
