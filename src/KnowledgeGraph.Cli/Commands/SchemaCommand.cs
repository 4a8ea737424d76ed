using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Neo4j;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg schema</c>: files generated from the ontology.</summary>
public sealed class SchemaCommand : ICommand
{
    public string Name => "schema";
    public string Summary => "write files generated from graph-schema/schema.json (apoc-constraints)";
    public string Help => $"""
        Usage: kg schema apoc-constraints [--schema <file>] [--out <file>]

        apoc-constraints   one uniqueness constraint on `id` per label of the ontology, which
                           {ApocImport.JsonCall}
                           needs before it imports graph.jsonl (graph-schema/{ApocImport.ConstraintsFileName} is this
                           output for the shipped schema). Written to standard output, or atomically to --out.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "schema", "out" }, Array.Empty<string>());
        if (a.Positionals.Count != 1 || a.Positionals[0] != "apoc-constraints")
            throw new UsageException("say what to generate: apoc-constraints");
        var schema = a.Value("schema") is { } path ? OntologySchema.Load(path) : OntologySchema.LoadDefault();
        var text = ApocImport.ConstraintsScript(schema);
        if (a.Value("out") is { } outFile) AtomicFile.WriteText(outFile, w => w.Write(text));
        else context.Out.Write(text);
        return 0;
    }
}
