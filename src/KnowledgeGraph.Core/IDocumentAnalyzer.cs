namespace KnowledgeGraph.Core;

/// <summary>
/// Turns one document into its sentences, mentions, entities and relations. Implementations are immutable and
/// thread-safe: one instance is built once and shared by all worker threads.
/// </summary>
public interface IDocumentAnalyzer
{
    DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default);
}
