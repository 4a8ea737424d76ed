using KnowledgeGraph.Evaluation.Scoring;

namespace KnowledgeGraph.Evaluation.Re3d;

/// <summary>Entity scores for one matching rule, overall and by coarse type (ordinal key order).</summary>
public sealed record EntityScores(string Variant, string Rule, Prf Overall, IReadOnlyDictionary<string, Prf> ByType);

/// <summary>A gold mention we missed ("missed") or a predicted mention with no gold counterpart ("false").</summary>
public sealed record MentionError(string Kind, string DocumentId, string Type, string Text, int Start, int End, string Context, string? Note);

/// <summary>A gold relation we missed ("missed") or a predicted edge re3d does not support ("false").</summary>
public sealed record RelationError(
    string Kind, string DocumentId, string Type, string Source, string Target, string Trigger, string Context, string? Note);

/// <summary>Everything <c>kg eval re3d</c> measured. Collections are in a fixed order so the JSON is byte-identical run to run.</summary>
public sealed record Re3dReport(
    int Documents,
    int GoldEntityRows,
    int RejectedEntityRows,
    int GoldMentionsScored,
    int GoldRelationRows,
    int RejectedRelationRows,
    int GoldRelationsScored,
    IReadOnlyDictionary<string, int> GoldRelationsExcluded,
    int PredictedMentionsScored,
    int PredictedRelationsScored,
    IReadOnlyDictionary<string, int> PredictedRelationsNotScored,
    string HeadlineEntityVariant,
    IReadOnlyList<EntityScores> Entities,
    Prf Relations,
    Prf RelationsUnlabelled,
    IReadOnlyDictionary<string, Prf> RelationRecallByRe3dType,
    IReadOnlyDictionary<string, Prf> RelationPrecisionByCategory,
    IReadOnlyList<MentionError> EntityErrors,
    IReadOnlyList<RelationError> RelationErrors)
{
    public EntityScores Headline => Entities.First(e => e.Variant == HeadlineEntityVariant);
}
