using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Re3d;

/// <summary>One re3d document. <see cref="Id"/> is re3d's own id (<c>_id</c>), not our content hash.</summary>
public sealed record Re3dDocument(string Id, string Source, string Title, string Text, string? Url);

/// <summary>An entity annotation; <see cref="Span"/> is a half-open UTF-16 range into the document text.</summary>
/// <param name="Value">The annotated surface form. Usually equal to the text at <see cref="Span"/>; in a few rows re3d normalised quotes or line breaks.</param>
/// <param name="Confidence">re3d's IBCC probability that the annotation is right; 0 marks an annotator reject.</param>
public sealed record Re3dEntity(string Id, string DocumentId, TextSpan Span, string Type, string Value, double Confidence);

/// <summary>A relation annotation between a source span and a target span; <see cref="TriggerSpan"/> covers the words that express it.</summary>
public sealed record Re3dRelation(
    string Id,
    string DocumentId,
    string Type,
    TextSpan SourceSpan,
    string Source,
    TextSpan TargetSpan,
    string Target,
    TextSpan TriggerSpan,
    string Trigger,
    double Confidence);

/// <summary>A re3d split: documents with their entity and relation annotations, each list in file order, folders in ordinal order.</summary>
public sealed record Re3dCorpus(
    IReadOnlyList<Re3dDocument> Documents,
    IReadOnlyList<Re3dEntity> Entities,
    IReadOnlyList<Re3dRelation> Relations,
    int RejectedEntities,
    int RejectedRelations)
{
    public IEnumerable<Re3dEntity> EntitiesOf(string documentId) => Entities.Where(e => e.DocumentId == documentId);
    public IEnumerable<Re3dRelation> RelationsOf(string documentId) => Relations.Where(r => r.DocumentId == documentId);
}
