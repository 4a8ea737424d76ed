using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>The three graph files <c>kg build</c> writes, published as one set (see <see cref="OutputSet"/>).</summary>
public static class GraphFiles
{
    public static readonly string[] Names = { ApocJsonLines.FileName, GraphMlWriter.FileName, CypherScriptWriter.FileName };

    public static void WriteAll(GraphSnapshot graph, OntologySchema schema, string outDir, CancellationToken cancellationToken = default, Action<string>? step = null) =>
        OutputSet.Publish(outDir, new[]
        {
            OutputPart.Text(ApocJsonLines.FileName, w => ApocJsonLines.Write(graph, w)),
            new OutputPart(GraphMlWriter.FileName, s => GraphMlWriter.Write(graph, s)),
            OutputPart.Text(CypherScriptWriter.FileName, w => CypherScriptWriter.Write(graph, schema, w)),
        }, cancellationToken, step);
}
