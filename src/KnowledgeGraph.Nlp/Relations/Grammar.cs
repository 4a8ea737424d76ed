using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Closed-class English grammar and the construction words the surface reader needs (negators, modals, control verbs,
/// reporting verbs, light verbs, prepositions that never introduce a participant ...), read once per process from
/// <c>rules/grammar.rules</c> (sets shared with the rules), <c>surface.rules</c> and <c>surface-constructions.rules</c>
/// (the surface reader's own, each with its construction and an example) of the resources folder
/// <see cref="GrammarSource"/> names. Not domain knowledge: which verb means which relation lives in triggers.tsv.
/// Immutable.
/// </summary>
internal static class Grammar
{
    private static readonly RuleSet Words = RuleSet.Parse(
        GrammarSource.RuleFiles.Select(f => Path.Combine(GrammarSource.Root, f)).Select(f => (f, File.ReadAllText(f))),
        _ => null);

    public static readonly IReadOnlySet<string> Negators = Union("negators", "surface-negators");

    /// <summary>Modal auxiliaries and the modality they put on the edge. "will" is a prediction, not a fact yet.</summary>
    public static readonly IReadOnlyDictionary<string, string> Modals = Map("modals");

    /// <summary>Verbs whose complement is not stated as fact: lemma -> modality, or "negated" when it is denied
    /// (grammar.rules' control map without its adjectives of readiness, which the surface reader reads as ReadinessWords).</summary>
    public static readonly IReadOnlyDictionary<string, string> ControlVerbs =
        Map("control").Where(e => e.Key is not ("ready" or "willing" or "prepared")).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Verbs whose object is the subject of the infinitive after it: "urged X to withdraw", "allowed X to stay".</summary>
    public static readonly IReadOnlySet<string> DirectingVerbs = Union("object-control", "surface-directing-verbs");

    /// <summary>Verbs that report speech or belief: what follows is attributed to their subject.</summary>
    public static readonly IReadOnlySet<string> ReportingVerbs = Set("reporting-verbs");

    public static readonly IReadOnlySet<string> TimeNouns = Set("surface-time-nouns");

    /// <summary>Verbs that take a nominalisation as object and lend it their subject ("launched an attack on X").</summary>
    public static readonly IReadOnlySet<string> LightVerbs = Set("light-verbs");


    public static readonly IReadOnlySet<string> CircumstantialPrepositions = Set("surface-circumstantial");

    public static readonly IReadOnlySet<string> Conditionals = Union("conditionals", "surface-conditionals");

    public static readonly IReadOnlySet<string> Subordinators = Set("surface-subordinators");

    /// <summary>Words after which a noun is denied: "no attack on X".</summary>
    public static bool IsNegator(string lowerWord) => Negators.Contains(lowerWord);

    public static readonly IReadOnlySet<string> TopicPrepositions = Set("topic-prepositions");

    public static readonly IReadOnlySet<string> FocusAdverbs = Set("focus-adverbs");

    /// <summary>Whether token <paramref name="k"/> negates its clause: a negator not opening "not only/just ...".</summary>
    public static bool NegatesAt(SentenceView v, int k) =>
        IsNegator(v.Lower(k)) && !(k + 1 < v.Count && FocusAdverbs.Contains(v.Lower(k + 1)));

    // the construction words of RelationExtractor (its place patterns), .Control, .Membership and .Events (surface.rules)
    public static readonly IReadOnlySet<string> HoldingParticiples = Set("surface-holding-participles");
    public static readonly IReadOnlySet<string> TakeFromVerbs = Set("surface-take-from-verbs");
    public static readonly IReadOnlySet<string> PresenceNouns = Set("surface-presence-nouns");
    public static readonly IReadOnlySet<string> PeopleCollectiveNouns = Set("surface-people-collective-nouns");
    public static readonly IReadOnlySet<string> PlaceNouns = Set("surface-place-nouns");
    public static readonly IReadOnlySet<string> SeatNouns = Set("surface-seat-nouns");
    public static readonly IReadOnlySet<string> GatheringNouns = Set("surface-gathering-nouns");
    /// <summary>Relationship types whose object is people, never a place (surface-constructions.rules).</summary>
    public static readonly IReadOnlySet<string> PersonObjectTypes = Set("surface-person-object-types");
    /// <summary>Categories of meeting and agreeing, whose place phrase says where, never with whom (grammar.rules).</summary>
    public static readonly IReadOnlySet<string> MeetingCategories = Categories("meeting-categories");
    public static readonly IReadOnlyDictionary<string, int> Echelons =
        Map("surface-echelons").ToDictionary(e => e.Key, e => int.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
    public static readonly IReadOnlySet<string> StatingVerbs = Union("reporting-verbs", "stating-verbs", "surface-stating-verbs");
    public static readonly IReadOnlySet<string> ForceNouns = Set("surface-force-nouns");
    public static readonly IReadOnlySet<string> StatementNouns = Set("surface-statement-nouns");
    public static readonly IReadOnlySet<string> HandoverVerbs = Set("surface-handover-verbs");
    public static readonly IReadOnlySet<string> AnnouncingVerbs = Union("reporting-verbs", "surface-announcing-verbs");
    public static readonly IReadOnlySet<string> ReadinessWords = Set("surface-readiness-words");
    public static readonly IReadOnlySet<string> IntendingVerbs = Set("surface-intending-verbs");
    public static readonly IReadOnlySet<string> ClauselessParticiples = Set("surface-clauseless-participles");
    public static readonly IReadOnlySet<string> PlacePrepositions = Set("surface-place-prepositions");
    public static readonly IReadOnlySet<string> CompassWords = Set("surface-compass-words");
    public static readonly IReadOnlySet<string> TimeSpanNouns = Set("surface-time-span-nouns");
    public static readonly IReadOnlySet<string> IrregularParticiples = Set("surface-irregular-participles");
    public static readonly IReadOnlySet<string> SupportNouns = Set("surface-support-nouns");
    public static readonly IReadOnlySet<string> PartnershipNouns = Set("surface-partnership-nouns");
    public static readonly IReadOnlySet<string> ArgumentPrepositions = Set("surface-argument-prepositions");
    public static readonly IReadOnlySet<string> PlaceArgumentPrepositions = Set("surface-place-argument-prepositions");
    public static readonly IReadOnlySet<string> StativeCategories = Categories("surface-stative-categories");
    public static readonly IReadOnlySet<string> StandingCategories = Categories("surface-standing-categories");
    public static readonly IReadOnlySet<string> MovementTypes = Categories("surface-movement-types");
    // the construction words of RelationExtractor.Affiliation (surface-constructions.rules)
    public static readonly IReadOnlyDictionary<string, string> BondNouns = Map("surface-bond-nouns");
    public static readonly IReadOnlySet<string> MemberNouns = Set("surface-member-nouns");
    public static readonly IReadOnlySet<string> OtherWords = Set("surface-other-words");

    /// <summary>The entries of the relations constructions state without a trigger word of their own, by key
    /// (lexicons/surface_entries.tsv: "Ostland extradited P to Westmark" is COOPERATE, key "hand over to").</summary>
    public static readonly TriggerLexicon Entries = TriggerLexicon.Load(Path.Combine(GrammarSource.Root, GrammarSource.EntriesFile));

    /// <summary>The category of an intended act -> the type of the statement of intent (grammar.rules' stated-intent).</summary>
    public static readonly IReadOnlyDictionary<string, string> StatedIntent = Map("stated-intent");

    private static IReadOnlySet<string> Set(string name) =>
        Words.Set(name) is { Count: > 0 } set ? set : throw new InvalidOperationException($"resources/rules: word set '{name}' is not declared");

    /// <summary>A set of categories of the trigger lexicon, written as there ("ALLIED_WITH": a rule file reads "_" as a space).</summary>
    private static IReadOnlySet<string> Categories(string name) => Set(name).Select(c => c.Replace(' ', '_')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words of several sets: grammar.rules' shared set and the surface reader's additions.</summary>
    private static IReadOnlySet<string> Union(params string[] names) => names.SelectMany(Set).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string> Map(string name) =>
        Words.Map(name) is { Count: > 0 } map ? map : throw new InvalidOperationException($"resources/rules: word map '{name}' is not declared");
}

/// <summary>
/// The resources folder <see cref="Grammar"/> reads: the one the first pipeline of the process was loaded from
/// (<c>kg build --resources DIR</c>), else the program's own <c>resources/</c>. Grammar is read once per process, so a
/// later pipeline whose grammar files differ from the ones read is refused with a one-line error instead of being run
/// silently with the first folder's words.
/// </summary>
public static class GrammarSource
{
    internal static readonly string[] RuleFiles =
        { Path.Combine("rules", "grammar.rules"), Path.Combine("rules", "surface.rules"), Path.Combine("rules", "surface-constructions.rules") };

    internal static readonly string EntriesFile = Path.Combine("lexicons", "surface_entries.tsv");

    /// <summary>The keys of surface_entries.tsv the surface reader's constructions look up (RelationExtractor.Entry).</summary>
    private static readonly string[] EntryKeys =
    {
        "in", "based", "welcome to", "against", "in support of", "together with", "as part of", "take from",
        "must", "call for against", "hand over to", "intend", "role", "prefix title", "demonym role", "role member",
        "indefinite role", "bond member", "bond part", "ally", "held", "own unit", "own division", "unit of",
    };

    private static readonly object Gate = new();
    private static string? _root;

    /// <summary>The folder chosen: set by the first <see cref="Use"/>, else the program's resources (fixed from then on).</summary>
    internal static string Root
    {
        get { lock (Gate) return _root ??= Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "resources")); }
    }

    /// <summary>Makes <paramref name="resourcesDirectory"/> the grammar's folder if none is chosen yet; else checks that
    /// its grammar files are the chosen folder's. Throws <see cref="UserErrorException"/> naming a missing or different file,
    /// or a construction's row missing from surface_entries.tsv.</summary>
    public static void Use(string resourcesDirectory)
    {
        var root = Path.GetFullPath(resourcesDirectory);
        var files = RuleFiles.Append(EntriesFile).ToList();
        foreach (var f in files)
            if (!File.Exists(Path.Combine(root, f))) throw new UserErrorException($"{Path.Combine(root, f)}: not found (the surface reader's grammar)");
        var entries = TriggerLexicon.Load(Path.Combine(root, EntriesFile));
        if (EntryKeys.FirstOrDefault(key => entries.Lookup(key).Count == 0) is { } missing)
            throw new UserErrorException($"{Path.Combine(root, EntriesFile)}: no row for '{missing}', which a construction of the surface reader reads");
        lock (Gate)
        {
            _root ??= root;
            if (_root == root) return;
            foreach (var f in files)
                if (File.ReadAllText(Path.Combine(_root, f)) != File.ReadAllText(Path.Combine(root, f)))
                    throw new UserErrorException($"{Path.Combine(root, f)}: differs from {Path.Combine(_root, f)}, which this process already reads; one process reads one grammar");
        }
    }
}
