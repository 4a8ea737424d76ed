namespace KnowledgeGraph.Core;

/// <summary>The four coarse entity types of the data contract.</summary>
public enum EntityType { Person, Organization, Location, Event, Vehicle }

/// <summary>How a mention refers to its entity.</summary>
public enum MentionKind
{
    /// <summary>A proper name: "Free Army Group", "Ana Ruiz".</summary>
    Name,
    /// <summary>An acronym or abbreviation: "UNMISS", "U.N.".</summary>
    Acronym,
    /// <summary>A demonym or adjective standing for a place: "Chadian" -> Chad.</summary>
    Demonym,
    /// <summary>A definite description: "the junta", "the mission".</summary>
    Descriptor,
    /// <summary>A pronoun: "he", "its", "they".</summary>
    Pronoun,
}

/// <summary>A span of text naming or referring to an entity.</summary>
/// <param name="Span">Character offsets into the document text.</param>
/// <param name="Text">The surface form as written.</param>
/// <param name="SentenceIndex">The sentence the mention is in.</param>
/// <param name="Type">Coarse type.</param>
/// <param name="FineType">Finer label from the schema (Country, ArmedGroup, ...), or null.</param>
/// <param name="Kind">Name, acronym, demonym, descriptor or pronoun.</param>
/// <param name="Source">What found it: "ner", "gazetteer", "rule", "coref".</param>
/// <param name="Canonical">A canonical name the mention stands for when known (demonym "Chadian" -> "Chad"), else null.</param>
public sealed record Mention(
    TextSpan Span,
    string Text,
    int SentenceIndex,
    EntityType Type,
    string? FineType,
    MentionKind Kind,
    string Source,
    string? Canonical = null);

/// <summary>An entity inside one document: the mentions that refer to the same thing.</summary>
/// <param name="Index">Position in the document's entity list.</param>
/// <param name="Name">Canonical name: the most complete form.</param>
/// <param name="Type">Coarse type.</param>
/// <param name="FineTypes">Finer labels from the schema, sorted.</param>
/// <param name="Aliases">Every surface form seen (names, acronyms; not pronouns), sorted ordinally.</param>
/// <param name="Mentions">The mentions, in text order.</param>
/// <param name="Attributes">What the text states about it (role, title ...), sorted by key.</param>
public sealed record DocumentEntity(
    int Index,
    string Name,
    EntityType Type,
    IReadOnlyList<string> FineTypes,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>What the text offers as support for it (set by the pipeline's last entity stage), or null when not known.</summary>
    public EntityEvidence? Evidence { get; init; }
}

/// <summary>A relationship stated in one sentence of one document.</summary>
/// <param name="Subject">Index of the subject entity in the document's entity list.</param>
/// <param name="Object">Index of the object entity.</param>
/// <param name="Type">Relationship type from the schema (LEADS, REQUESTED_WITHDRAWAL_OF ...).</param>
/// <param name="Category">The type's category (stative or PLOVER).</param>
/// <param name="SentenceIndex">The evidence sentence.</param>
/// <param name="Evidence">The evidence sentence's text.</param>
/// <param name="EvidenceSpan">Offsets of the sentence in the document.</param>
/// <param name="Trigger">The words that expressed it ("pushed out", "led by").</param>
/// <param name="TriggerSpan">Offsets of the trigger (its first to last word).</param>
/// <param name="Confidence">In [0,1].</param>
/// <param name="Date">ISO date (yyyy, yyyy-MM or yyyy-MM-dd) the sentence states, or null.</param>
/// <param name="Negated">True when the text denies it; such edges are not asserted as fact.</param>
/// <param name="Modality">"may", "threatened", "conditional" ... when not stated as fact; else null.</param>
/// <param name="AttributedTo">Name of who reported it ("X said ..."), else null.</param>
/// <param name="Cameo">The CAMEO event code the reading was coded with ("173", "1823"), for event categories; else null.</param>
/// <param name="Mode">PLOVER's mode of that code ("arrest", "visit"), where the CAMEO-to-PLOVER table gives one; else null.</param>
/// <param name="EventContext">PLOVER's context(s) of that code ("military", "crime|corruption": '|'-separated); else null.</param>
/// <param name="Doubted">The reading rests on a construction the lexicons contradict (a state placed in another state, a name's
/// own leading words read as its parent) and was scaled under the gate: a repetition of it is the same misreading again,
/// no independent evidence, so an edge combines such readings by their maximum (docs/relations.md, "Confidence").</param>
public sealed record RelationMention(
    int Subject,
    int Object,
    string Type,
    string Category,
    int SentenceIndex,
    string Evidence,
    TextSpan EvidenceSpan,
    string Trigger,
    TextSpan TriggerSpan,
    double Confidence,
    string? Date = null,
    bool Negated = false,
    string? Modality = null,
    string? AttributedTo = null,
    string? Cameo = null,
    string? Mode = null,
    string? EventContext = null,
    bool Doubted = false);

/// <summary>Everything the pipeline found in one document.</summary>
public sealed record DocumentAnalysis(
    Document Document,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<DocumentEntity> Entities,
    IReadOnlyList<RelationMention> Relations);

/// <summary>Entity attributes the pipeline writes and the graph's joins read, defined once for both.</summary>
public static class EntityAttributes
{
    /// <summary>The U.S. state a town is written with ("Orvin, Fla."): its joins across articles need that state's agreement.</summary>
    public const string State = "state";

    /// <summary>The country every U.S. state is in, as the gazetteer names it.</summary>
    public const string UnitedStates = "United States";
}
