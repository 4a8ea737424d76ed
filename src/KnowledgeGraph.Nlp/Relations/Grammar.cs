namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Closed-class English grammar the patterns need: negators, modals, control verbs that hedge their complement,
/// reporting verbs, light verbs that lend their subject to a nominalisation, prepositions that never introduce a
/// participant. These are function words and a few dozen verbs of English grammar, not domain knowledge; the domain
/// vocabulary (which verb means which relation) lives in triggers.tsv.
/// </summary>
internal static class Grammar
{
    public static readonly IReadOnlySet<string> Negators = Set("not", "n't", "never", "no", "neither", "nor", "without");

    /// <summary>Modal auxiliaries and the modality they put on the edge. "will" is a prediction, not a fact yet.</summary>
    public static readonly IReadOnlyDictionary<string, string> Modals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["may"] = "may", ["might"] = "may", ["could"] = "may", ["can"] = "may", ["ca"] = "may",
        ["would"] = "would", ["should"] = "should", ["must"] = "must", ["will"] = "future", ["shall"] = "future", ["'ll"] = "future", ["wo"] = "future",
    };

    /// <summary>
    /// Verbs whose complement ("threatened to expel X", "denied attacking X") is not stated as fact: lemma -> modality,
    /// or "negated" when the complement is denied ("refused to", "failed to", "denied").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ControlVerbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["threaten"] = "threatened", ["warn"] = "threatened",
        ["plan"] = "planned", ["intend"] = "planned", ["aim"] = "planned", ["seek"] = "planned", ["pursue"] = "planned", ["want"] = "planned",
        ["hope"] = "planned", ["try"] = "planned", ["attempt"] = "planned", ["prepare"] = "planned", ["expect"] = "planned",
        ["propose"] = "planned", ["consider"] = "planned", ["decide"] = "planned", ["wish"] = "planned", ["offer"] = "promised",
        ["vow"] = "promised", ["pledge"] = "promised", ["promise"] = "promised", ["agree"] = "promised", ["undertake"] = "promised",
        ["ask"] = "requested", ["urge"] = "requested", ["call"] = "requested", ["demand"] = "requested", ["request"] = "requested",
        ["allege"] = "alleged", ["accuse"] = "alleged", ["suspect"] = "alleged",
        ["refuse"] = "negated", ["fail"] = "negated", ["decline"] = "negated", ["deny"] = "negated", ["reject"] = "negated",
        ["stop"] = "negated", ["cease"] = "negated", ["avoid"] = "negated",
    };

    /// <summary>Verbs that report speech or belief: what follows is attributed to their subject.</summary>
    /// <summary>Verbs whose object is the subject of the infinitive after it: "urged X to withdraw", "allowed X to stay".</summary>
    public static readonly IReadOnlySet<string> DirectingVerbs = Set(
        "advise", "aid", "allow", "appeal", "ask", "assist", "authorise", "authorize", "beg", "call", "challenge", "compel", "convince", "demand",
        "empower", "enable", "encourage", "entitle", "equip", "expect", "forbid", "force", "get", "help", "implore", "incite", "induce",
        "instruct", "invite", "lead", "mandate", "motivate", "oblige", "order", "permit", "persuade", "press", "pressure",
        "prompt", "push", "remind", "request", "require", "support", "task", "teach", "tell", "train", "urge", "want", "warn");

    public static readonly IReadOnlySet<string> ReportingVerbs = Set(
        "say", "tell", "claim", "report", "state", "add", "announce", "insist", "note", "confirm", "believe", "think",
        "write", "argue", "assert", "explain", "suggest", "contend", "maintain", "declare", "acknowledge", "allege", "indicate");

    /// <summary>Nouns of time that head a bare time phrase ("last year", "on Monday", "this week").</summary>
    public static readonly IReadOnlySet<string> TimeNouns = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend");

    /// <summary>Verbs that take a nominalisation as object and lend it their subject ("launched an attack on X").</summary>
    public static readonly IReadOnlySet<string> LightVerbs = Set(
        "launch", "carry", "conduct", "make", "stage", "hold", "mount", "begin", "start", "announce", "issue",
        "continue", "lead", "resume", "step", "intensify", "escalate", "deliver", "give", "provide", "have", "take",
        "pursue", "undertake", "speed", "accelerate", "finish", "complete", "order", "commit", "perpetrate", "file", "lodge", "submit", "send", "express", "voice", "sign", "reach", "seek",
        "impose", "enforce", "tighten", "extend", "declare", "join"); // as grammar.rules' light-verbs

    /// <summary>Nouns of military action whose target "against" names: "conducted strikes ... against X".</summary>
    public static readonly IReadOnlySet<string> CombatNouns = Set(
        "airstrike", "air strike", "artillery", "assault", "attack", "bombardment", "bombing", "campaign", "counteroffensive",
        "fire", "fighting", "munition", "offensive", "operation", "raid", "shelling", "sortie", "strike", "war", "weapon",
        "defense", "defence", "position", "mission");

    /// <summary>Prepositions that introduce time, cause or circumstance, never a participant of the relation.</summary>
    public static readonly IReadOnlySet<string> CircumstantialPrepositions = Set(
        "during", "after", "before", "since", "until", "till", "despite", "amid", "amidst", "because", "following", "throughout", "unlike", "per", "via");

    public static readonly IReadOnlySet<string> Conditionals = Set("if", "unless", "whether");

    /// <summary>Subordinators that open a new clause: the subject of a verb is not found across them.</summary>
    public static readonly IReadOnlySet<string> Subordinators = Set(
        "because", "although", "though", "while", "whereas", "when", "whenever", "if", "unless", "after", "before", "since", "as", "until", "once");

    /// <summary>Words after which a noun is denied: "no attack on X".</summary>
    public static bool IsNegator(string lowerWord) => Negators.Contains(lowerWord);

    /// <summary>Prepositions of a topic: what a meeting or agreement is about, never its partner ("held talks on Z").</summary>
    public static readonly IReadOnlySet<string> TopicPrepositions = Set("on", "about", "over", "regarding", "concerning");

    /// <summary>Focus adverbs that turn a negator into "not only ... (but) also": no negation ("does not only host X").</summary>
    public static readonly IReadOnlySet<string> FocusAdverbs = Set("only", "just", "merely", "simply", "solely");

    /// <summary>Whether token <paramref name="k"/> negates its clause: a negator not opening "not only/just ...".</summary>
    public static bool NegatesAt(SentenceView v, int k) =>
        IsNegator(v.Lower(k)) && !(k + 1 < v.Count && FocusAdverbs.Contains(v.Lower(k + 1)));

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
