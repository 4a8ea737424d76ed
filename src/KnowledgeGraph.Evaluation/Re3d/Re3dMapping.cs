using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Re3d;

/// <summary>How one re3d entity type maps onto our coarse types; <see cref="Coarse"/> null means not scored.</summary>
public sealed record Re3dEntityTypeMapping(string Re3dType, EntityType? Coarse, string Reason);

/// <summary>
/// How one re3d relation type maps onto our relationship categories (graph-schema/schema.json). A predicted edge
/// of any category in <see cref="Categories"/> counts for it; empty means the type is excluded from scoring.
/// <see cref="Symmetric"/> types match in either direction. An edge of one of <see cref="PlaceTypes"/> counts too when
/// its object is a place (a visit to a place puts the visitor there).
/// </summary>
public sealed record Re3dRelationTypeMapping(string Re3dType, IReadOnlyList<string> Categories, bool Symmetric, string Reason,
    IReadOnlyList<string>? PlaceTypes = null)
{
    public bool Scored => Categories.Count > 0;
}

/// <summary>
/// The one place that says how re3d's schema maps onto ours (documented in docs/evaluation.md; keep the two in step).
/// Covers every type in re3d's published schema; a type not listed is excluded and reported as unknown.
/// </summary>
public static class Re3dMapping
{
    public static IReadOnlyList<Re3dEntityTypeMapping> EntityTypes { get; } = new Re3dEntityTypeMapping[]
    {
        new("Person", EntityType.Person, "same meaning"),
        new("Organisation", EntityType.Organization, "same meaning (re3d also tags generic groups such as 'rebels'; they count)"),
        new("Location", EntityType.Location, "same meaning"),
        new("Nationality", null,
            "excluded: re3d uses it for national, ethnic and religious identity ('Kurdish', 'Arab'), mostly rejects (64 of 73 rows in dev have confidence 0); "
            + "we resolve demonyms onto the country entity, so our demonym mentions are not scored and predictions inside a Nationality span are ignored"),
        new("Temporal", null, "excluded: dates go on edges, not entities"),
        new("Quantity", null, "excluded: not an entity type of ours"),
        new("Money", null, "excluded: not an entity type of ours"),
        new("Weapon", null, "excluded: not an entity type of ours"),
        new("MilitaryPlatform", null, "excluded: not an entity type of ours"),
        new("Vehicle", null, "excluded: not an entity type of ours"),
        new("DocumentReference", null, "excluded: not an entity type of ours"),
        new("CommsIdentifier", null, "excluded: not an entity type of ours"),
        new("Frequency", null, "excluded: not an entity type of ours"),
        new("Url", null, "excluded: not an entity type of ours"),
    };

    public static IReadOnlyList<Re3dRelationTypeMapping> RelationTypes { get; } = new Re3dRelationTypeMapping[]
    {
        new("FightingAgainst", new[] { "FIGHT", "ASSAULT", "OPPOSES" }, false, "armed conflict: combat, violence, or standing enmity"),
        new("AlliesOf", new[] { "ALLIED_WITH", "SUPPORT", "COOPERATE", "AID" }, true,
            "fighting on the same side; re3d's examples are 'in support of', 'is assisting', so aid and cooperation count"),
        new("BelongsTo", new[] { "MEMBER_OF", "PART_OF", "WORKS_FOR" }, false, "source is a member, unit or employee of target"),
        new("InChargeOf", new[] { "LEADS" }, false, "source leads or controls target (our LEADS range includes places)"),
        new("CoLocated", new[] { "LOCATED_IN", "HEADQUARTERED_IN", "MOBILIZE" }, true,
            "in the same place: located, headquartered or deployed in, or visiting a place (VISITED with a place as object)",
            new[] { "VISITED" }),
        new("CommWith", new[] { "CONSULT", "AGREE", "COOPERATE" }, true, "met, talked, agreed or worked with"),
        new("Likes", new[] { "SUPPORT", "AID", "COOPERATE", "ALLIED_WITH" }, false, "positive disposition: backs, helps, aligns with"),
        new("Dislikes", new[] { "DISAPPROVE", "OPPOSES", "THREATEN", "SANCTION", "REJECT" }, false,
            "negative disposition short of fighting: condemns, opposes, threatens, sanctions, rejects"),
        new("HasAttrOf", Array.Empty<string>(), false, "excluded: attributes (quantities, nationalities of things), not edges between entities"),
        new("IsSynonymOf", Array.Empty<string>(), true, "excluded: coreference (two names of one entity), which we merge into one node rather than link"),
        new("Apart", Array.Empty<string>(), true, "excluded: being in different places has no counterpart in our ontology"),
    };

    private static readonly Dictionary<string, Re3dEntityTypeMapping> EntityIndex =
        EntityTypes.ToDictionary(m => m.Re3dType, StringComparer.Ordinal);

    private static readonly Dictionary<string, Re3dRelationTypeMapping> RelationIndex =
        RelationTypes.ToDictionary(m => m.Re3dType, StringComparer.Ordinal);

    /// <summary>Our categories that some re3d relation type maps to: only predicted edges of these can be judged against re3d.</summary>
    public static IReadOnlyList<string> ScoredCategories { get; } =
        RelationTypes.SelectMany(m => m.Categories).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();

    /// <summary>The coarse types re3d lets us score (those some re3d type maps to).</summary>
    public static IReadOnlyList<EntityType> ScoredCoarseTypes { get; } =
        EntityTypes.Where(m => m.Coarse is not null).Select(m => m.Coarse!.Value).Distinct().OrderBy(t => t).ToList();

    public static Re3dEntityTypeMapping? Entity(string re3dType) => EntityIndex.GetValueOrDefault(re3dType);

    public static Re3dRelationTypeMapping? Relation(string re3dType) => RelationIndex.GetValueOrDefault(re3dType);

    /// <summary>Our coarse type for a re3d entity type, or null when excluded or unknown.</summary>
    public static EntityType? CoarseOf(string re3dType) => Entity(re3dType)?.Coarse;

    /// <summary>
    /// Whether a predicted mention's type agrees with a gold coarse type. A country is a geo-political entity: our
    /// contract types it Location:Country, while re3d annotates a country acting as a political actor ("the United
    /// States said ...") as Organisation. A Country mention therefore agrees with gold Location or Organisation
    /// (ACE's GPE); everything else must be the same coarse type.
    /// </summary>
    public static bool TypesAgree(Mention predicted, EntityType gold) =>
        predicted.Type == gold || predicted.Type == EntityType.Location && predicted.FineType == "Country" && gold == EntityType.Organization;
}
