using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>
/// The part of one document's analysis that the graph is built from, and nothing else: document metadata, each
/// entity's names, labels, attributes and mention count, and each relation mention. <see cref="GraphBuilder"/> reads
/// only this, so a shard can store it (see <c>Sharding/AnalysesFile</c>) and a merge gives the very graph a single
/// build gives.
/// </summary>
/// <param name="Id">Document id (sha256 of the normalised text).</param>
/// <param name="Characters">Length of the document text in UTF-16 code units.</param>
/// <param name="Words">Words (tokens starting with a letter or digit), for the build summary.</param>
/// <param name="Entities">In the document's entity order; relations refer to them by position.</param>
public sealed record GraphDocument(
    string Id,
    string? Title,
    string? Source,
    string? Date,
    long Characters,
    long Words,
    IReadOnlyList<GraphDocumentEntity> Entities,
    IReadOnlyList<GraphDocumentRelation> Relations)
{
    /// <summary>Keeps what the graph needs of an analysis.</summary>
    public static GraphDocument From(DocumentAnalysis analysis)
    {
        var doc = analysis.Document;
        var entities = new GraphDocumentEntity[analysis.Entities.Count];
        for (int i = 0; i < entities.Length; i++)
        {
            var e = analysis.Entities[i];
            if (e.Index != i) throw new ArgumentException($"document {doc.Id}: entity {i} has index {e.Index}");
            entities[i] = new GraphDocumentEntity(e.Name, e.Type, e.FineTypes, e.Aliases, e.Mentions.Count,
                e.Attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList()) { Evidence = e.Evidence };
        }
        var relations = analysis.Relations.Select(r => new GraphDocumentRelation(
            r.Subject, r.Object, r.Type, r.Category, r.Evidence, r.EvidenceSpan.Start, r.EvidenceSpan.End, r.Trigger,
            r.Confidence, r.Date, r.Negated, r.Modality, r.AttributedTo, r.Cameo, r.Mode, r.EventContext, r.Doubted)).ToList();
        long words = analysis.Sentences.Sum(s => (long)s.Tokens.Count(t => char.IsLetterOrDigit(t.Text[0])));
        return new GraphDocument(doc.Id, doc.Title, doc.Source, doc.Date, doc.Text.Length, words, entities, relations);
    }
}

/// <summary>An entity of one document as the graph sees it.</summary>
/// <param name="Mentions">How many mentions the document has of it.</param>
/// <param name="Attributes">What the text states (role, ...), sorted by key.</param>
public sealed record GraphDocumentEntity(
    string Name,
    EntityType Type,
    IReadOnlyList<string> FineTypes,
    IReadOnlyList<string> Aliases,
    int Mentions,
    IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>What the text offers as support for it (see <see cref="EntityEvidence"/>), or null when not known.</summary>
    public EntityEvidence? Evidence { get; init; }
}

/// <summary>A relation mention of one document as the graph sees it (see <see cref="RelationMention"/>).</summary>
public sealed record GraphDocumentRelation(
    int Subject,
    int Object,
    string Type,
    string Category,
    string Evidence,
    int EvidenceStart,
    int EvidenceEnd,
    string Trigger,
    double Confidence,
    string? Date,
    bool Negated,
    string? Modality,
    string? AttributedTo,
    string? Cameo = null,
    string? Mode = null,
    string? EventContext = null,
    bool Doubted = false);
