namespace KnowledgeGraph.Nlp.Relations.Rules;

/// <summary>What kind of token starts a match (docs/rules.md, "trigger").</summary>
public enum TriggerKind
{
    /// <summary>A verb whose lemma starts a verb entry of triggers.tsv.</summary>
    Verb,
    /// <summary>A noun whose lemma starts a noun entry of triggers.tsv.</summary>
    Noun,
    /// <summary>A role noun or prefix title of titles.tsv ("commander", "President").</summary>
    Role,
    /// <summary>Any token whose lemma is listed in the rule (<c>lemma=a|b</c>).</summary>
    Lemma,
    /// <summary>Any token (<c>token</c>), narrowed by the trigger's tests.</summary>
    Token,
}

/// <summary>A test on a token: <c>case=of|at</c>, <c>lemma=@light-verbs</c>, <c>upos=PROPN</c>, <c>entity=Person</c>, <c>!case</c>.</summary>
/// <param name="Key">case, lemma, upos, tag, deprel, entity, fine, has (a child relation), mention.</param>
/// <param name="Values">Allowed values (empty: any, i.e. "has one"); a value <c>@name</c> stands for a word set of the rule files.</param>
/// <param name="Negated">The test must fail (<c>!key</c> or <c>key!=...</c>).</param>
public sealed record TokenTest(string Key, IReadOnlyList<string> Values, bool Negated)
{
    /// <summary>A test of what the token names (its entity type, fine type, mention kind), not of how it is attached: at a
    /// path's end it holds of each conjunct the argument spreads to.</summary>
    public bool OfArgument { get; } = Key is "entity" or "fine" or "mention";
}

/// <summary>One step of a dependency path: down to a child with relation <see cref="Relation"/>, or up (<c>&lt;rel</c>) to the head.</summary>
/// <param name="Up">Up to the head, when the current token hangs from it by <see cref="Relation"/>.</param>
/// <param name="Relation">UD relation; without a subtype it also matches every subtype ("obl" matches "obl:tmod"), with one only that subtype. "*" matches any.</param>
/// <param name="Tests">Tests on the token reached.</param>
/// <param name="CaptureCase">The step was written <c>rel[case]</c> or <c>rel[case=...]</c>: the lemma of the reached token's case child joins the trigger key.</param>
/// <param name="CaptureLemma">The step was written <c>rel@</c>: the reached token's lemma joins the trigger key ("requested the withdrawal of").</param>
public sealed record PathStep(bool Up, string Relation, IReadOnlyList<TokenTest> Tests, bool CaptureCase, bool CaptureLemma);

/// <summary>A dependency path from the trigger to an argument; no steps means the trigger token itself.</summary>
public sealed record RulePath(IReadOnlyList<PathStep> Steps, string Text);

/// <summary>What a match yields (docs/rules.md, "yields").</summary>
/// <param name="FromLexicon">Type, category, direction and strength from the trigger lexicon entry of the trigger key.</param>
/// <param name="Type">Fixed schema type (or the fallback type after <c>else</c> when <see cref="FromLexicon"/>).</param>
/// <param name="Category">Category of <see cref="Type"/>.</param>
/// <param name="Strength">Strength of <see cref="Type"/>.</param>
/// <param name="Inverse">Swap subject and object once more (after the lexicon's own direction).</param>
/// <param name="Categories">Only lexicon entries of these categories (empty: all).</param>
public sealed record RuleYield(bool FromLexicon, string? Type, string? Category, double Strength, bool Inverse, IReadOnlySet<string> Categories);

/// <summary>A spec line beside a rule: a marked-up sentence of our own and the edge the rule must give on it.</summary>
public sealed record RuleExample(string Text, string Subject, string Type, string Object);

/// <summary>One relation rule: trigger, argument paths and what it yields. Immutable.</summary>
/// <param name="Name">family.name, unique over all files.</param>
/// <param name="TriggerTests">Tests on the trigger token (<c>voice=passive</c> is a test too).</param>
/// <param name="TriggerLemmas">For <see cref="TriggerKind.Lemma"/>: the lemmas.</param>
/// <param name="Subject">Alternatives for the relation's subject, tried in order; the first that reaches a mention wins.</param>
/// <param name="Object">Alternatives for the object, tried in order.</param>
/// <param name="Pattern">Base reliability in the confidence formula (docs/relations.md).</param>
public sealed record RelationRule(
    string Name,
    string Family,
    TriggerKind Trigger,
    IReadOnlySet<string> TriggerLemmas,
    IReadOnlyList<TokenTest> TriggerTests,
    IReadOnlyList<RulePath> Subject,
    IReadOnlyList<RulePath> Object,
    RuleYield Yield,
    RelationPattern Pattern,
    IReadOnlyList<RuleExample> Examples,
    string Source)
{
    /// <summary>The rule also runs in the default build (<c>default yes</c>): beside the surface reader, as
    /// <c>--relations both</c> merges them, on the rules whose added edges were judged mostly right (docs/rules.md, "Default rules").</summary>
    public bool Default { get; init; }
}
