using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>The three graph files <c>kg build</c> writes, each written to a temporary name and renamed.</summary>
public static class GraphFiles
{
    public static void WriteAll(GraphSnapshot graph, OntologySchema schema, string outDir)
    {
        ApocJsonLines.WriteFile(graph, Path.Combine(outDir, ApocJsonLines.FileName));
        GraphMlWriter.WriteFile(graph, Path.Combine(outDir, GraphMlWriter.FileName));
        CypherScriptWriter.WriteFile(graph, schema, Path.Combine(outDir, CypherScriptWriter.FileName));
    }
}
