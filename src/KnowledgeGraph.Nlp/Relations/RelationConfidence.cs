using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>The construction that produced a relation mention; each has a base reliability (docs/relations.md).</summary>
public enum RelationPattern
{
    /// <summary>Apposition or title: "X, editor at Y", "Y head, X", "Russian President X".</summary>
    Role,
    /// <summary>Compound participle: "French-led operation", "state-funded company".</summary>
    Compound,
    /// <summary>Verb with its subject and object (or prepositional object).</summary>
    Verb,
    /// <summary>Passive with a "by" agent, or a reduced relative "X, led by Y".</summary>
    Passive,
    /// <summary>Nominalisation with possessor, modifier or "by" agent: "X's withdrawal from Y".</summary>
    Nominal,
    /// <summary>Nominalisation whose subject comes from a light verb: "X launched an attack on Y".</summary>
    LightVerbNominal,
    /// <summary>Place: "forces in Syria", "Palmyra, Syria", "Near Mosul, X ...".</summary>
    Locative,
    /// <summary>Fallback when no construction was read: the nearest names on either side of a trigger verb.</summary>
    Proximity,
}

/// <summary>
/// Confidence of one relation mention, from the evidence in its sentence:
/// <c>c = base(pattern) * strength(trigger) * distance * reference * hedge * attachment</c>, clamped to [0.05, 0.99]
/// and rounded to 3 decimals (see docs/relations.md for the table).
/// </summary>
public static class RelationConfidence
{
    public static double Base(RelationPattern pattern) => pattern switch
    {
        RelationPattern.Role => 0.95,
        RelationPattern.Compound => 0.9,
        RelationPattern.Passive => 0.9,
        RelationPattern.Verb => 0.9,
        RelationPattern.Nominal => 0.85,
        RelationPattern.Locative => 0.8,
        RelationPattern.Proximity => 0.45,
        _ => 0.75,
    };

    /// <summary>1 up to 3 tokens between the two mentions, then -0.04 per token, never below 0.4.</summary>
    public static double Distance(int tokensBetween) => Math.Max(0.4, 1.0 - 0.04 * Math.Max(0, tokensBetween - 3));

    /// <summary>Edges that rest on a pronoun or a description depend on coreference being right.</summary>
    public static double Reference(MentionKind subject, MentionKind obj) => Ref(subject) * Ref(obj);

    private static double Ref(MentionKind k) => k switch
    {
        MentionKind.Pronoun => 0.85,
        MentionKind.Descriptor => 0.9,
        _ => 1.0,
    };

    /// <param name="hedged">A modality or negation was read: the reading itself is less sure.</param>
    /// <param name="attributed">Reported speech ("X said ...").</param>
    public static double Hedge(bool hedged, bool attributed) => (hedged ? 0.8 : 1.0) * (attributed ? 0.9 : 1.0);

    /// <param name="indirect">The object was reached over a preposition the trigger does not name, or through a conjunct.</param>
    public static double Attachment(bool indirect) => indirect ? 0.8 : 1.0;

    /// <summary>
    /// An edge whose subject or object is a place named only as a modifier of the noun that names the participant ("apprehended
    /// 12 Ruritanian nationals": Ruritania): CAMEO codes the people as their state, a reader mostly does not; x0.35, under README's 0.3 advice for all but the surest readings.
    /// </summary>
    public static double ModifierOnly(double confidence) => Scaled(confidence, 0.35);

    /// <summary>
    /// A place relation the gazetteer contradicts: an independent state read as lying in another country ("tourists from
    /// Uruguay in Argentina": the phrase places something else, here the tourists). States do not lie inside one another, so
    /// the reading rests on a wrong attachment; x0.2, under the default gate 0.2. A dependent territory does lie in a state
    /// ("Guam in the United States"), and a capital's name may be a town's elsewhere ("Santiago in the Dominican Republic").
    /// </summary>
    public static double Contradicted(double confidence) => Scaled(confidence, 0.2);

    /// <summary>
    /// A part-of read from a name that begins with another entity's name, when that entity is known as no body (no
    /// organisation kind or country, no acronym) and the name's head noun names no sub-unit ("Brenmark Shipping Company" and
    /// a bare "Brenmark" elsewhere; "Marine Corps" and a stray "Marine"). The leading words of a name are then mostly its own
    /// short form or a word of it, not a parent; x0.2, under the default gate 0.2 (a known parent keeps its edge: "the Ostland
    /// Navy", "NASA Communications"; so does a sub-unit's head: "the Velmar Law School").
    /// </summary>
    public static double ShortFormOwner(double confidence) => Scaled(confidence, 0.2);

    /// <summary>
    /// An act that someone asks, urges or calls on another to do (modality <c>requested</c>: "Brel urged Ostland to expel the
    /// envoy", "the council called for the release of Tarn"): the sentence states the request, not the act, and the request is
    /// its own edge (CALLED_ON, DEMANDED). A reader takes the requested act for one that happened; x0.3, under the default gate
    /// 0.2 for every reading (the edge stays in the full graph with its modality). A role or title in the same noun phrase is
    /// stated, not requested ("urged Ostland's President Vell to ...": Vell LEADS Ostland keeps its confidence).
    /// </summary>
    public static double Requested(double confidence) => Scaled(confidence, 0.3);

    /// <summary>Whether <see cref="Requested"/> applies: a <c>requested</c> modality on an edge read from a predicate (not a role or title).</summary>
    public static bool IsRequestedAct(RelationPattern pattern, string? modality) =>
        modality == "requested" && pattern is not (RelationPattern.Role or RelationPattern.Compound);

    private static double Scaled(double confidence, double factor) =>
        Math.Round(Math.Clamp(confidence * factor, 0.05, 0.99), 3, MidpointRounding.AwayFromZero);

    public static double Combine(RelationPattern pattern, double strength, int tokensBetween, MentionKind subject, MentionKind obj,
        bool hedged, bool attributed, bool indirect)
    {
        var c = Base(pattern) * strength * Distance(tokensBetween) * Reference(subject, obj) * Hedge(hedged, attributed) * Attachment(indirect);
        return Math.Round(Math.Clamp(c, 0.05, 0.99), 3, MidpointRounding.AwayFromZero);
    }
}
