using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Dates;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations.Rules;

/// <summary>A rule that fired: the rule, its trigger token and the edge it gave (for tests and <c>kg analyze</c>).</summary>
public sealed record RuleMatch(RelationRule Rule, int Trigger, RelationMention Edge);

/// <summary>
/// Matches the relation rules (<see cref="RuleSet"/>) over the dependency trees of a document and turns what they
/// find into relation mentions: arguments mapped to entities through the mentions covering them, coordination spread,
/// negation, modality, conditionals and reported speech read from the tree, the confidence of docs/relations.md and the
/// schema's domain/range rule. Built once; immutable and safe to share between threads. Matching semantics: docs/rules.md.
/// </summary>
public sealed class RuleEngine
{
    private readonly RuleSet _rules;
    private readonly TriggerLexicon _triggers;
    private readonly TitleLexicon _titles;
    private readonly Func<string, EntityType, EntityType, bool> _allows;
    private readonly HashSet<string> _verbFirst, _nounFirst;
    private readonly IReadOnlySet<string> _negators, _focus, _objectControl, _reporting, _relatives, _conditionals;
    private readonly IReadOnlyDictionary<string, string> _modals, _control, _intent;
    private readonly IReadOnlySet<string> _intentModalities, _conditionalIntent, _lightVerbs, _placePrepositions, _topicPrepositions, _meetings, _objectOnly;
    private readonly Func<string, string?> _categoryOf;

    /// <summary>The word sets the rules' tests name (<c>lemma!=@reporting-verbs</c>), by the value as written: a test runs
    /// on every token of every parsed sentence, so the set is found once here, not per token.</summary>
    private readonly Dictionary<string, IReadOnlySet<string>> _namedSets;

    /// <summary>The rules whose subject and object take the same paths (reciprocal: both from one coordination on purpose).</summary>
    private readonly HashSet<RelationRule> _reciprocal;

    // names of entity types and lower-case names of mention kinds, as the tests write them (no string per token)
    private static readonly string[] EntityTypeNames = Enum.GetValues<EntityType>().OrderBy(v => (int)v).Select(v => v.ToString()).ToArray();
    private static readonly string[] MentionKindNames = Enum.GetValues<MentionKind>().OrderBy(v => (int)v).Select(v => v.ToString().ToLowerInvariant()).ToArray();

    /// <summary>CAMEO coding and argument checks of event readings (docs/lexicons.md).</summary>
    private readonly EventCoder _coder;

    public RuleEngine(RuleSet rules, LexiconSet lexicons, Func<string, EntityType, EntityType, bool> allows)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        var triggers = _triggers = lexicons.Triggers;
        _titles = lexicons.Titles;
        _coder = new EventCoder(lexicons);
        _allows = allows ?? throw new ArgumentNullException(nameof(allows));
        _verbFirst = triggers.Entries.Where(e => e.Pos == TriggerPos.Verb).Select(e => e.Lemma.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        _nounFirst = triggers.Entries.Where(e => e.Pos == TriggerPos.Noun).Select(e => e.Lemma.Split(' ')[^1]).ToHashSet(StringComparer.Ordinal);
        _negators = rules.Set("negators");
        _focus = rules.Set("focus-adverbs");
        _objectControl = rules.Set("object-control");
        _reporting = rules.Set("reporting-verbs");
        _relatives = rules.Set("relative-pronouns");
        _conditionals = rules.Set("conditionals");
        _modals = rules.Map("modals");
        _control = rules.Map("control");
        _intent = rules.Map("stated-intent");
        _intentModalities = rules.Set("intent-modalities");
        _conditionalIntent = rules.Set("conditional-intent-modalities");
        _lightVerbs = rules.Set("light-verbs");
        _placePrepositions = rules.Set("place-prepositions");
        _meetings = Categories(rules.Set("meeting-categories"));
        _topicPrepositions = rules.Set("topic-prepositions");
        _objectOnly = Categories(rules.Set("object-only-categories"));
        _categoryOf = CategoryLookup(triggers);
        _namedSets = rules.Rules
            .SelectMany(r => r.TriggerTests.Concat(r.Subject.Concat(r.Object).SelectMany(p => p.Steps).SelectMany(st => st.Tests)))
            .SelectMany(test => test.Values).Where(v => v.StartsWith('@')).Distinct(StringComparer.Ordinal)
            .ToDictionary(v => v, v => rules.Set(v[1..]), StringComparer.Ordinal);
        _defaultGates = rules.Rules.Where(r => r.Default).Select(GateOf).ToList();
        _reciprocal = rules.Rules.Where(r => r.Subject.Select(p => p.Text).SequenceEqual(r.Object.Select(p => p.Text), StringComparer.Ordinal))
            .ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<RelationRule>);
    }

    public RuleSet Rules => _rules;

    /// <summary>A set of category names as the rule files write them (<see cref="CategoryName"/>).</summary>
    private static HashSet<string> Categories(IReadOnlySet<string> written) =>
        written.Select(CategoryName).ToHashSet(StringComparer.Ordinal);

    /// <summary>A category or type name as the rule files' sets and test values hold it: RuleSet reads '_' as a space, so
    /// "ALLIED_WITH" is held as "ALLIED WITH"; names of the schema have no spaces, so the underscore is put back.</summary>
    private static string CategoryName(string written) => written.Replace(' ', '_');

    /// <summary>A category name as a rule file's value holds it (the inverse of <see cref="CategoryName"/>).</summary>
    private static string Written(string category) => category.Replace('_', ' ');

    /// <summary>Category of a type: from the trigger lexicon, else the type itself when it is a category (LEADS, PART_OF ...).</summary>
    public static Func<string, string?> CategoryLookup(TriggerLexicon triggers)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in triggers.Entries) map.TryAdd(e.Type, e.Category);
        return t => map.TryGetValue(t, out var c) ? c : TriggerLexicon.Categories.Contains(t) ? t : null;
    }

    /// <summary>All relation mentions of the document's parsed sentences, in sentence and trigger order; deterministic.</summary>
    public IReadOnlyList<RelationMention> Extract(AnalysisContext context) => Extract(context, fallback: true);

    /// <summary>
    /// The edges of the document; without <paramref name="fallback"/> the rules of base Proximity (the nearest entity
    /// after a trigger verb) are left out: beside the surface reader, which is that word-window reader, they only add
    /// a second guess where the tree found no construction (<see cref="Merge"/>).
    /// </summary>
    public IReadOnlyList<RelationMention> Extract(AnalysisContext context, bool fallback) =>
        Dedupe(OneReadingPerTrigger(Matches(context, fallback)).Select(m => m.Edge), keepCameo: true);

    /// <summary>Whether some rule is marked <c>default yes</c> (<see cref="RelationRule.Default"/>): the default build then parses and runs them.</summary>
    public bool HasDefaultRules => _defaultGates.Count > 0;

    /// <summary>
    /// Whether a rule marked <c>default yes</c> can fire in sentence <paramref name="s"/>, judged before the parse from what
    /// the rule itself requires: a token of the trigger's kind passing the trigger's tests that need no tree (lemma, word,
    /// upos, tag, role), and mentions of two entities of the types the trigger, subject and object paths test
    /// (<c>entity=</c> at a path's end; the subject path <c>.</c> is the trigger's own). Each test is one the rule would
    /// apply after the parse too, so a sentence that fails it yields no default edge and the default build leaves it
    /// unparsed (docs/rules.md, "Default rules").
    /// </summary>
    public bool DefaultRuleMayFire(AnalysisContext context, int s)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.NamesTwoEntities(s)) return false;
        var mentions = context.MentionsIn(s);
        var tokens = context.Sentences[s].Tokens;
        foreach (var gate in _defaultGates)
        {
            if (!TwoEntities(context, mentions, gate.Subject, gate.Object)) continue;
            if (gate.SubjectIsTrigger && gate.ObjectInPhrase && !PairInPhrase(context, mentions, tokens, gate.Subject, gate.Object)) continue;
            for (int t = 0; t < tokens.Count; t++)
                if (TriggerWithoutTree(gate.Rule, tokens[t]) && (!gate.ObjectInPhrase || InPhraseWith(context, mentions, tokens, t, gate.Object, gate.TriggerNamed))
                    && (!gate.SubjectIsHead || HeadNamed(context, mentions, tokens, t, gate))
                    && (!gate.ObjectApposed || Apposed(context, mentions, tokens, gate.Object))) return true;
        }
        return false;
    }

    /// <summary>What a default rule needs of a sentence before the parse: the entity types its subject and object must have (null: any).</summary>
    /// <param name="ObjectInPhrase">Every object path moves only along the modifiers inside a noun phrase (amod, compound,
    /// nmod:poss, flat, nmod:desc, down or up): the object's mention and the trigger are then words of one phrase, with no
    /// verb, punctuation, preposition or conjunction between them.</param>
    /// <param name="ObjectApposed">Every object path is one step down an apposition (appos): an apposition is set off by
    /// punctuation ("Arlit, Niger", "the port (Vell)"), so a mention of the object's types must follow a comma, a bracket
    /// or a dash, determiners between them allowed.</param>
    /// <param name="TriggerNamed">The trigger is a word of an entity's mention (an <c>entity=</c> test): that mention is the
    /// trigger's own, so the object is another one ("Ostria's Vell province": not Vell itself).</param>
    /// <param name="SubjectIsTrigger">Every subject path is the trigger itself (<c>.</c>): the subject is the mention standing
    /// for the trigger, its own or one in its phrase (RuleEngine's MentionFor: the name in apposition right after it, a
    /// modifier's); with <paramref name="ObjectInPhrase"/>, both ends are then mentions of one noun phrase.</param>
    /// <param name="SubjectIsHead">Every subject path is one step up to the trigger's head inside a noun phrase or to the noun
    /// it is in apposition to (<c>&lt;compound</c>, <c>&lt;flat</c>, <c>&lt;nmod:desc</c>, <c>&lt;appos</c>): "Ghana's foreign
    /// minister Ama Boateng", "Lena Marsh, the Ostrian envoy" (<see cref="HeadNamed"/>).</param>
    /// <param name="SubjectApposed">One of those steps is <c>&lt;appos</c>.</param>
    private sealed record DefaultGate(RelationRule Rule, IReadOnlySet<string>? Subject, IReadOnlySet<string>? Object, bool ObjectInPhrase, bool ObjectApposed, bool TriggerNamed, bool SubjectIsTrigger,
        bool SubjectIsHead, bool SubjectApposed);

    private static readonly HashSet<string> HeadRelations = new(StringComparer.Ordinal) { "compound", "flat", "nmod:desc", "appos" };

    /// <summary>
    /// A rule whose subject is the trigger's head (<see cref="DefaultGate.SubjectIsHead"/>) and whose object lies in the
    /// trigger's phrase needs two mentions of different entities: the object's in the phrase (<see cref="InPhraseWith"/>:
    /// its own name counts, "Secretary Kerry"), and the subject's, also in the phrase ("foreign minister Ama Boateng":
    /// the head of a compound, a flat name or a descriptor is a word of the same noun phrase), or, for an apposition, before
    /// the trigger's phrase, which a comma, an opening bracket or a dash sets off ("Lena Marsh, the Ostrian envoy"; an
    /// apposition follows its noun). So "Mr. Kwaja said" (one name, a title inside it) is not parsed for these rules.
    /// </summary>
    private static bool HeadNamed(AnalysisContext context, IReadOnlyList<MentionRef> mentions, IReadOnlyList<Token> tokens, int t, DefaultGate gate)
    {
        // where the trigger's phrase starts: back over words that stand inside a noun phrase and over words of names
        int start = t;
        while (start > 0 && (!EndsPhrase(tokens[start - 1]) || InMention(mentions, start - 1))) start--;
        bool setOff = start > 0 && tokens[start - 1].Text is "," or "(" or "-" or "\u2013" or "\u2014";
        foreach (var subject in mentions)
        {
            if (!Fits(context, subject, gate.Subject)) continue;
            // a title's own complement may stand between it and the name ("Minister of Defense and Trade Ana Ruiz"), and
            // the parser may hang the title on the name across it: only a verb or punctuation keeps the name out
            bool near = Joined(tokens, subject, t, loose: true) || gate.SubjectApposed && setOff && subject.EndToken <= start - 1;
            if (!near) continue;
            foreach (var obj in mentions)
                if (obj.Entity != subject.Entity && Fits(context, obj, gate.Object) && (Joined(tokens, obj, t) && !(gate.TriggerNamed && Covers(obj, t)))) return true;
        }
        return false;
    }

    private static bool Covers(MentionRef m, int t) => m.FirstToken <= t && t < m.EndToken;

    private static bool InMention(IReadOnlyList<MentionRef> mentions, int k)
    {
        foreach (var m in mentions) if (Covers(m, k)) return true;
        return false;
    }

    /// <summary>The mention covers the trigger, or only words that can stand inside one noun phrase lie between them.</summary>
    /// <param name="loose">Prepositions and conjunctions between them allowed (a title's complement: "Minister of Defense").</param>
    private static bool Joined(IReadOnlyList<Token> tokens, MentionRef m, int t, bool loose = false)
    {
        if (Covers(m, t)) return true;
        int from = m.EndToken <= t ? m.EndToken : t + 1, to = m.EndToken <= t ? t : m.FirstToken;
        for (int k = from; k < to; k++)
            if (loose ? tokens[k].Upos is "VERB" or "AUX" || tokens[k].Upos == "PUNCT" && !IsQuote(tokens[k].Text) : EndsPhrase(tokens[k])) return false;
        return true;
    }

    private static readonly HashSet<string> PhraseRelations = new(StringComparer.Ordinal) { "amod", "compound", "nmod:poss", "flat", "nmod:desc" };

    /// <summary>A mention of another entity (of the object's types) in the trigger's noun phrase: only words that can stand inside
    /// one phrase lie between them ("Ghana's foreign minister", "the Kenyan President").</summary>
    private static bool InPhraseWith(AnalysisContext context, IReadOnlyList<MentionRef> mentions, IReadOnlyList<Token> tokens, int t, IReadOnlySet<string>? types, bool triggerNamed)
    {
        foreach (var m in mentions)
        {
            if (!Fits(context, m, types)) continue;
            int from = m.EndToken <= t ? m.EndToken : t + 1, to = m.EndToken <= t ? t : m.FirstToken;
            if (m.FirstToken <= t && t < m.EndToken)
            {
                if (triggerNamed) continue;
                return true;
            }
            bool joined = true;
            for (int k = from; k < to && joined; k++)
                joined = !EndsPhrase(tokens[k]);
            if (joined) return true;
        }
        return false;
    }

    /// <summary>Two mentions of different entities, one of the subject's types and one of the object's, with only words that can
    /// stand inside one noun phrase between them ("Ostria's Vell province", "northern Norland's Vell valley"): what a rule
    /// whose subject is the trigger's own mention and whose object is a modifier in its phrase needs. Linear in the
    /// sentence: a running count of the words that end a phrase, and one pass over the pairs of the sentence's mentions.</summary>
    private static bool PairInPhrase(AnalysisContext context, IReadOnlyList<MentionRef> mentions, IReadOnlyList<Token> tokens, IReadOnlySet<string>? subject, IReadOnlySet<string>? obj)
    {
        Span<int> breaks = tokens.Count < 256 ? stackalloc int[tokens.Count + 1] : new int[tokens.Count + 1];
        breaks[0] = 0;
        for (int k = 0; k < tokens.Count; k++) breaks[k + 1] = breaks[k] + (EndsPhrase(tokens[k]) ? 1 : 0);
        foreach (var a in mentions)
        {
            if (!Fits(context, a, subject)) continue;
            foreach (var b in mentions)
            {
                if (b.Entity == a.Entity || !Fits(context, b, obj)) continue;
                int from = Math.Min(a.EndToken, b.EndToken), to = Math.Max(a.FirstToken, b.FirstToken);
                if (from >= to || breaks[to] == breaks[from]) return true;
            }
        }
        return false;
    }

    /// <summary>A word that cannot stand inside a noun phrase: a verb, an auxiliary, a preposition, a conjunction, punctuation
    /// other than quotation marks (a quoted word stays in its phrase: 'the military "president"').</summary>
    private static bool EndsPhrase(Token token) =>
        token.Upos is "VERB" or "AUX" or "ADP" or "CCONJ" or "SCONJ" || token.Upos == "PUNCT" && !IsQuote(token.Text);

    private static bool IsQuote(string text) => text is "\"" or "'" or "``" or "''" or "\u201c" or "\u201d" or "\u2018" or "\u2019";

    /// <summary>A mention of an entity (of the object's types) set off by punctuation before it, as an apposition is: a
    /// comma, an opening bracket or a dash, with at most determiners between ("Arlit, Niger", "Lena Marsh, the envoy").</summary>
    private static bool Apposed(AnalysisContext context, IReadOnlyList<MentionRef> mentions, IReadOnlyList<Token> tokens, IReadOnlySet<string>? types)
    {
        foreach (var m in mentions)
        {
            if (!Fits(context, m, types)) continue;
            int k = m.FirstToken - 1;
            while (k >= 0 && tokens[k].Upos == "DET") k--;
            if (k >= 0 && tokens[k].Text is "," or "(" or "-" or "\u2013" or "\u2014") return true;
        }
        return false;
    }

    private readonly IReadOnlyList<DefaultGate> _defaultGates;

    private static DefaultGate GateOf(RelationRule rule)
    {
        // the types a token must name when the tests list them; several tests: each must hold, one is enough to narrow
        static IReadOnlySet<string>? Types(IEnumerable<TokenTest> tests) =>
            tests.FirstOrDefault(t => t.Key == "entity" && !t.Negated && t.Values.Count > 0 && !t.Values.Any(v => v.StartsWith('@')))
                is { } test ? test.Values.ToHashSet(StringComparer.Ordinal) : null;
        var trigger = Types(rule.TriggerTests);
        IReadOnlySet<string>? PathTypes(IReadOnlyList<RulePath> paths)
        {
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in paths)
            {
                var types = p.Steps.Count == 0 ? trigger : Types(p.Steps[^1].Tests);
                if (types is null) return null;
                union.UnionWith(types);
            }
            return union;
        }
        bool inPhrase = rule.Object.Count > 0 && rule.Object.All(p => p.Steps.Count > 0 && p.Steps.All(st => PhraseRelations.Contains(st.Relation)));
        bool apposed = rule.Object.Count > 0 && rule.Object.All(p => p.Steps is [{ Up: false, Relation: "appos" }]);
        bool triggerNamed = rule.TriggerTests.Any(t => t.Key == "entity" && !t.Negated);
        bool subjectIsTrigger = rule.Subject.Count > 0 && rule.Subject.All(p => p.Steps.Count == 0);
        bool subjectIsHead = rule.Subject.Count > 0 && rule.Subject.All(p => p.Steps is [{ Up: true } step] && HeadRelations.Contains(step.Relation) && step.Tests.Count == 0);
        bool subjectApposed = rule.Subject.Any(p => p.Steps is [{ Up: true, Relation: "appos" }]);
        return new DefaultGate(rule, PathTypes(rule.Subject), PathTypes(rule.Object), inPhrase, apposed, triggerNamed, subjectIsTrigger, subjectIsHead && inPhrase, subjectApposed);
    }

    /// <summary>Whether a mention's entity is of one of the types (null: any type).</summary>
    private static bool Fits(AnalysisContext context, MentionRef m, IReadOnlySet<string>? types) =>
        types is null || types.Contains(EntityTypeNames[(int)context.Entities[m.Entity].Type]);

    private static bool TwoEntities(AnalysisContext context, IReadOnlyList<MentionRef> mentions, IReadOnlySet<string>? subject, IReadOnlySet<string>? obj)
    {
        foreach (var a in mentions)
        {
            if (!Fits(context, a, subject)) continue;
            foreach (var b in mentions)
                if (b.Entity != a.Entity && Fits(context, b, obj)) return true;
        }
        return false;
    }

    /// <summary>The trigger's kind and those of its tests that read the token alone; tests on the tree and on mentions pass here.</summary>
    private bool TriggerWithoutTree(RelationRule rule, Token token)
    {
        string lemma = (token.Lemma ?? token.Text).ToLowerInvariant(), lower = token.Text.ToLowerInvariant();
        bool kind = rule.Trigger switch
        {
            // a verb's lemma may be repaired from its surface after the parse (RuleTree.RepairVerbLemmas): any verb may be one
            TriggerKind.Verb => token.Upos is "VERB" || token.Tag is "NNS", // a plural noun may be a verb (RuleTree.RepairPluralVerbs)
            TriggerKind.Noun => _nounFirst.Contains(lemma) || _nounFirst.Contains(lower),
            TriggerKind.Role => _titles.IsRoleNoun(lemma) || _titles.IsRoleNoun(token.Text) || _titles.IsPrefixTitle(token.Text),
            TriggerKind.Token => true,
            _ => true, // lemma triggers: the lemma may be repaired too
        };
        if (!kind) return false;
        foreach (var test in rule.TriggerTests)
        {
            bool? ok = test.Key switch
            {
                "lemma" when token.Upos is not "VERB" => In(test.Values, lemma),
                "word" => In(test.Values, lower),
                "upos" => In(test.Values, token.Upos ?? ""),
                "tag" => In(test.Values, token.Tag ?? ""),
                "role" => _titles.IsRoleNoun(lemma) || _titles.IsPrefixTitle(token.Text),
                _ => null,
            };
            if (ok is { } holds && holds == test.Negated) return false;
        }
        return true;
    }

    /// <summary>Whether a test's values hold a value: a listed word, or a member of a named set (<c>@set</c>).</summary>
    private bool In(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
            if (v.StartsWith('@') ? _namedSets[v].Contains(value) : string.Equals(v, value, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The edges of the rules marked <c>default yes</c> only (no fallback rules), for the default build's merge with the surface reader.</summary>
    public IReadOnlyList<RelationMention> ExtractDefault(AnalysisContext context) =>
        Dedupe(OneReadingPerTrigger(Matches(context, fallback: false, defaultOnly: true)).Select(m => m.Edge));

    /// <summary>
    /// A construction that names its own words and states its relation outranks the general clause rules on the same
    /// word: where a rule with listed trigger lemmas and a fixed type (<c>trigger lemma=include</c>, <c>yields MEMBER_OF</c>)
    /// read a trigger token for a pair ("Members include A"), readings of that token and pair from the trigger lexicon
    /// are dropped (include = PART_OF); so does a role rule with a fixed type ("P, a leader of O": one of several leaders
    /// is a member). Rules on any verb (where the actor was) do not outrank the verb's own reading.
    /// </summary>
    public static IEnumerable<RuleMatch> OneReadingPerTrigger(IEnumerable<RuleMatch> matches)
    {
        var all = matches.ToList();
        static (int, int, int, int) Key(RuleMatch m) =>
            (m.Edge.SentenceIndex, m.Trigger, Math.Min(m.Edge.Subject, m.Edge.Object), Math.Max(m.Edge.Subject, m.Edge.Object));
        var stated = all.Where(m => !m.Rule.Yield.FromLexicon && m.Rule.Trigger is TriggerKind.Lemma or TriggerKind.Role).Select(Key).ToHashSet();
        return stated.Count == 0 ? all : all.Where(m => !m.Rule.Yield.FromLexicon || !stated.Contains(Key(m)));
    }

    /// <summary>Every rule firing in the document, before duplicates are merged.</summary>
    public IEnumerable<RuleMatch> Matches(AnalysisContext context) => Matches(context, fallback: true);

    /// <summary>Every rule firing in the document; without <paramref name="fallback"/> the rules of base Proximity are not tried.</summary>
    public IEnumerable<RuleMatch> Matches(AnalysisContext context, bool fallback) => Matches(context, fallback, defaultOnly: false);

    private IEnumerable<RuleMatch> Matches(AnalysisContext context, bool fallback, bool defaultOnly)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = new DateResolver(context.AnchorDate);
        for (int s = 0; s < context.Sentences.Count; s++)
        {
            var sentence = context.Sentences[s];
            var found = DateResolver.Find(sentence, context.Document.Text);
            var mentions = context.MentionsIn(s);
            if (context.NamesTwoEntities(s) && RuleTree.IsParsed(sentence))
            {
                var tree = new RuleTree(sentence);
                tree.RepairVerbLemmas(_verbFirst);
                tree.RepairPluralVerbs(_verbFirst);
                tree.RepairObjectControl(_objectControl);
                var run = new SentenceMatch(this, context, s, tree, found, dates);
                foreach (var m in run.All(fallback, defaultOnly)) yield return m;
            }
            dates.Observe(found);
        }
    }

    /// <summary>
    /// The edges of <c>--relations both</c>: every surface edge, and a rules edge unless the surface reader already read
    /// its trigger word (a trigger span overlapping one of the surface reader's in the same sentence) as another edge.
    /// A word both readers read gives the edges both agree on (the most confident reading of each) and the surface
    /// reader's own, not a second set of arguments: on re3d the tree's different endpoints for a shared trigger were
    /// mostly wrong, and letting the tree decide instead lost on both dev sets (docs/rules.md, "Both readers").
    /// </summary>
    public static List<RelationMention> Merge(IReadOnlyList<RelationMention> surface, IReadOnlyList<RelationMention> rules)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(rules);
        var same = surface.Select(Key).ToHashSet();
        static bool Overlap(RelationMention a, RelationMention b) => a.TriggerSpan.Start < b.TriggerSpan.End && b.TriggerSpan.Start < a.TriggerSpan.End;
        var bySentence = surface.ToLookup(r => r.SentenceIndex);
        bool ReadBySurface(RelationMention r) => bySentence[r.SentenceIndex].Any(o => Overlap(o, r));
        // the same edge on the same word, read with another polarity or modality: the tree's scope of "not" and "may" decides
        static (int, int, string, int) Edge(RelationMention r) => (r.SentenceIndex, r.Subject, r.Type, r.Object);
        var byEdge = rules.ToLookup(Edge);
        var surfaceByEdge = surface.ToLookup(Edge);
        var rescoped = rules.Where(r => !same.Contains(Key(r)) && surfaceByEdge[Edge(r)].Any(o => Overlap(o, r))).ToHashSet();
        return Dedupe(surface.Where(o => !byEdge[Edge(o)].Any(r => rescoped.Contains(r) && Overlap(r, o)))
            .Concat(rules.Where(r => same.Contains(Key(r)) || rescoped.Contains(r) || !ReadBySurface(r))));
    }

    private static (int, int, string, int, bool, string?) Key(RelationMention r) => (r.SentenceIndex, r.Subject, r.Type, r.Object, r.Negated, r.Modality);

    /// <summary>One edge per (sentence, subject, type, object, polarity, modality): the most confident reading wins; with
    /// <paramref name="keepCameo"/> (the rules' own edges) it keeps the CAMEO code another reading of the same edge gave
    /// when it has none of its own.</summary>
    public static List<RelationMention> Dedupe(IEnumerable<RelationMention> all, bool keepCameo = false)
    {
        var best = new Dictionary<(int, int, string, int, bool, string?), RelationMention>();
        var order = new List<(int, int, string, int, bool, string?)>();
        foreach (var r in all)
        {
            var key = Key(r);
            if (!best.TryGetValue(key, out var old)) { best[key] = r; order.Add(key); continue; }
            var (win, lose) = r.Confidence > old.Confidence ? (r, old) : (old, r);
            best[key] = keepCameo && win.Cameo is null && lose.Cameo is not null ? win with { Cameo = lose.Cameo } : win;
        }
        return order.Select(k => best[k])
            .OrderBy(r => r.SentenceIndex).ThenBy(r => r.TriggerSpan.Start).ThenBy(r => r.Subject).ThenBy(r => r.Object)
            .ThenBy(r => r.Type, StringComparer.Ordinal).ToList();
    }

    /// <summary>An argument reached by a path: its token, the mention standing for it, words it adds to the trigger key,
    /// and the token the path reached (<paramref name="From"/>: <paramref name="Token"/> itself or a coordination it heads).</summary>
    private sealed record Arg(int Token, MentionRef Mention, IReadOnlyList<(int Token, string Word, bool IsCase)> Captured, bool Indirect, int From);

    /// <summary>The work on one sentence; lives on one thread.</summary>
    private sealed class SentenceMatch(RuleEngine x, AnalysisContext ctx, int s, RuleTree tree, IReadOnlyList<DateExpression> found, DateResolver dates)
    {
        /// <summary>Every rule at every token; fallback rules (base Proximity), when asked for, only at a trigger no other rule used.</summary>
        public List<RuleMatch> All(bool withFallback, bool defaultOnly = false)
        {
            var result = new List<RuleMatch>();
            var rules = x._rules.Rules;
            for (int t = 0; t < tree.Count; t++)
            {
                int before = result.Count;
                _kinds = 0; // the trigger kinds of token t, worked out once for all rules (KindOf)
                for (int pass = 0; pass < (withFallback ? 2 : 1); pass++)
                {
                    bool fallback = pass == 1;
                    if (fallback && result.Count > before) break;
                    for (int r = 0; r < rules.Count; r++)
                    {
                        var rule = rules[r];
                        if ((rule.Pattern == RelationPattern.Proximity) != fallback || defaultOnly && !rule.Default || !Accepts(rule, t)) continue;
                        result.AddRange(Fire(rule, t));
                    }
                }
            }
            return result;
        }

        // Bits of the current token's trigger kinds: Known marks a kind worked out, Is that it holds (bit = 1 << kind).
        private int _kinds;
        private const int KnownShift = 8;

        /// <summary>Whether token t is a trigger of a verb, noun or role rule; the same for every rule, so computed once per token.</summary>
        private bool KindOf(TriggerKind kind, int t)
        {
            int bit = 1 << (int)kind;
            if ((_kinds & (bit << KnownShift)) != 0) return (_kinds & bit) != 0;
            var lemma = tree.Lemma(t);
            bool holds = kind switch
            {
                TriggerKind.Verb => tree.Upos(t) is "VERB" && x._verbFirst.Contains(lemma),
                TriggerKind.Noun => IsNominal(t) && (x._nounFirst.Contains(lemma) || x._nounFirst.Contains(tree.Lower(t))), // "punitive measures"
                _ => x._titles.IsRoleNoun(lemma) || x._titles.IsRoleNoun(tree.Token(t).Text) || x._titles.IsPrefixTitle(tree.Token(t).Text),
            };
            _kinds |= (bit << KnownShift) | (holds ? bit : 0);
            return holds;
        }

        /// <summary>A noun, or a word tagged as an adjective that the tree uses as a noun phrase's head: with a determiner, as
        /// object, subject or oblique ("launched an offensive against X").</summary>
        private bool IsNominal(int t) =>
            tree.Upos(t) is "NOUN" or "PROPN"
            || tree.Upos(t) == "ADJ" && tree.Rel(t) is "obj" or "nsubj" or "nsubj:pass" or "obl" or "nmod" && tree.FirstChild(t, "det") >= 0;

        private bool Accepts(RelationRule rule, int t)
        {
            bool kind = rule.Trigger switch
            {
                TriggerKind.Verb or TriggerKind.Noun or TriggerKind.Role => KindOf(rule.Trigger, t),
                TriggerKind.Token => true,
                _ => rule.TriggerLemmas.Contains(tree.Lemma(t)),
            };
            return kind && PassesAll(rule.TriggerTests, t, t);
        }

        /// <summary>Which of a step's tests to run: all; those on what the token names (<see cref="TokenTest.OfArgument"/>);
        /// only those not negated among them (whether it is of the kind asked for); or the others (how it is attached).</summary>
        private enum Tests { All, OfArgument, Required, Attachment }

        private bool PassesAll(IReadOnlyList<TokenTest> tests, int token, int trigger, Tests which = Tests.All)
        {
            for (int i = 0; i < tests.Count; i++)
            {
                var test = tests[i];
                bool run = which switch
                {
                    Tests.OfArgument => test.OfArgument,
                    Tests.Required => test.OfArgument && !test.Negated,
                    Tests.Attachment => !test.OfArgument,
                    _ => true,
                };
                if (run && !Passes(test, token, trigger)) return false;
            }
            return true;
        }

        /// <summary>
        /// The subject is the first subject alternative that reaches a mention; object alternatives are tried in order
        /// until one gives an edge (an object whose trigger key has no reading lets the next alternative try).
        /// </summary>
        private List<RuleMatch> Fire(RelationRule rule, int t)
        {
            var result = new List<RuleMatch>();
            var subjects = FirstArguments(rule.Subject, t);
            if (subjects.Count == 0) return result;
            foreach (var path in rule.Object)
            {
                foreach (var b in Arguments(path, t))
                {
                    foreach (var a in subjects)
                    {
                        if (a.Mention.Entity == b.Mention.Entity || !Coordinated(rule, t, a, b)) continue;
                        if (Build(rule, t, a, b) is not { } edge) continue;
                        result.Add(new RuleMatch(rule, t, edge));
                        if (StatedIntent(rule, t, edge) is { } intent) result.Add(new RuleMatch(rule, t, intent));
                    }
                }
                if (result.Count > 0) break;
            }
            return result;
        }

        /// <summary>
        /// Whether the conjuncts two arguments were spread to can be read together. A later conjunct does not share what
        /// stands between it and the first one ("a catastrophe in A, B and C counties and the D tribe": "in A" modifies
        /// "catastrophe", not the parser's conjuncts "counties" and "tribe"; "the X Center (XC) and Y": the acronym
        /// names the Center, not Y): not the trigger, nor the other argument's phrase. And one coordination fills one
        /// role: the subject and object of a rule whose two paths differ are never conjuncts of the same phrase (a
        /// misparse that hangs both paths on one list); reciprocal rules take both from one path on purpose.
        /// </summary>
        private bool Coordinated(RelationRule rule, int t, Arg a, Arg b)
        {
            static bool Between(int x, int from, int to) => from < to ? from < x && x < to : to < x && x < from;
            static bool Spans(Arg spread, int t, Arg other) =>
                spread.Token != spread.From && (Between(t, spread.From, spread.Token) || Between(other.From, spread.From, spread.Token));
            if (Spans(a, t, b) || Spans(b, t, a)) return false;
            return a.From != b.From || x._reciprocal.Contains(rule);
        }

        // ------------------------------------------------------------------ paths

        /// <summary>The first alternative path that reaches at least one mention gives the arguments.</summary>
        private List<Arg> FirstArguments(IReadOnlyList<RulePath> alternatives, int t)
        {
            foreach (var path in alternatives)
            {
                var result = Arguments(path, t);
                if (result.Count > 0) return result;
            }
            return new List<Arg>();
        }

        /// <summary>The mentions a path reaches, each conjunct one, one per entity.</summary>
        private List<Arg> Arguments(RulePath path, int t)
        {
            var result = new List<Arg>();
            // the last step's tests on what a token names hold of each conjunct it spreads to ("<appos[!entity=Location]" from a
            // dateline city whose conjunct is the person takes the person, never a place conjunct of a person); a token that
            // is not of the kind asked for (fails a test that is not negated) is a phrase of another kind, conjuncts and all
            var last = path.Steps.Count > 0 ? path.Steps[^1].Tests : Array.Empty<TokenTest>();
            foreach (var (token, captured) in Walk(path, t))
            {
                bool otherKind = !PassesAll(last, token, t, Tests.Required);
                foreach (var u in WithConjuncts(token))
                {
                    if (otherKind || !PassesAll(last, u, t, Tests.OfArgument)) continue;
                    var (m, indirect) = MentionFor(u);
                    if (m is null || HasEntity(result, m.Entity)) continue;
                    result.Add(new Arg(u, m, captured, indirect, token));
                }
            }
            return result;
        }

        private static bool HasEntity(List<Arg> args, int entity)
        {
            foreach (var a in args) if (a.Mention.Entity == entity) return true;
            return false;
        }

        private IEnumerable<(int Token, List<(int, string, bool)> Captured)> Walk(RulePath path, int t)
        {
            var current = new List<(int Token, List<(int, string, bool)> Captured)> { (t, new List<(int, string, bool)>()) };
            for (int i = 0; i < path.Steps.Count; i++)
            {
                var step = path.Steps[i];
                var next = new List<(int, List<(int, string, bool)>)>();
                foreach (var (node, captured) in current)
                {
                    IEnumerable<int> reached;
                    if (step.Up)
                        reached = tree.Head(node) >= 0 && RuleTree.RelMatches(step.Relation, tree.Rel(node)) ? new[] { tree.Head(node) } : Array.Empty<int>();
                    else
                    {
                        var kids = tree.ChildrenWith(node, step.Relation).ToList();
                        // no subject of its own: a conjunct, a controlled infinitive, a participle or a relative clause lends one
                        if (kids.Count == 0 && step.Relation.StartsWith("nsubj", StringComparison.Ordinal))
                            kids = ImplicitSubject(node, step.Relation, 0);
                        reached = kids.Select(k => ResolveRelative(k, node));
                    }
                    foreach (var r in reached)
                    {
                        // the last step's tests on what the token names are left to each of its conjuncts (Arguments)
                        if (!PassesAll(step.Tests, r, t, i == path.Steps.Count - 1 ? Tests.Attachment : Tests.All)) continue;
                        var cap = captured;
                        if (step.CaptureLemma || step.CaptureCase)
                        {
                            cap = new List<(int, string, bool)>(captured);
                            // the preposition comes before its noun: "request" + "for" + "withdrawal"
                            if (step.CaptureCase && tree.CaseToken(r) is var ct and >= 0) cap.Add((ct, tree.CaseOf(r)!, true));
                            if (step.CaptureLemma) cap.Add((r, tree.Lemma(r), false));
                        }
                        next.Add((r, cap));
                    }
                }
                current = next;
                if (current.Count == 0) break;
            }
            return current;
        }

        /// <summary>
        /// The subject a verb without one shares: the first conjunct's ("X attacked A and captured B"), the controller's
        /// ("X agreed to leave"; the object of an object-control verb: "X urged Y to leave"), the noun a participle or
        /// infinitive modifies ("the force led by X"), or the main clause's for an adverbial clause ("after leaving Y, X ...").
        /// </summary>
        private List<int> ImplicitSubject(int v, string relation, int depth)
        {
            if (depth > 4 || tree.Head(v) < 0) return new List<int>();
            int h = tree.Head(v);
            var rel = tree.Rel(v);
            List<int> Own(int head, string r)
            {
                var kids = tree.ChildrenWith(head, r).ToList();
                return kids.Count > 0 ? kids : ImplicitSubject(head, r, depth + 1);
            }
            if (rel == "conj") return Own(h, "nsubj");
            if (rel == "xcomp")
            {
                if (x._objectControl.Contains(tree.Lemma(h)) && tree.ControlledObject(h) is var o and >= 0) return new List<int> { o };
                return Own(h, "nsubj");
            }
            if (rel is "acl" or "amod") return new List<int> { h };
            if (rel == "advcl" && !tree.ChildrenWith(v, "mark").Any(m => x._conditionals.Contains(tree.Lemma(m)))) return Own(h, "nsubj");
            return new List<int>();
        }

        /// <summary>A relative pronoun ("which", "who") stands for the noun its clause modifies.</summary>
        private int ResolveRelative(int token, int verb)
        {
            if (!x._relatives.Contains(tree.Lemma(token))) return token;
            int v = tree.ClauseHead(verb);
            return tree.Rel(v) == "acl:relcl" && tree.Head(v) >= 0 ? tree.Head(v) : token;
        }

        private IEnumerable<int> WithConjuncts(int token)
        {
            yield return token;
            if (tree.FirstChild(token, "conj") < 0) yield break; // most tokens head no coordination: no stack for them
            var stack = new Stack<int>(tree.ChildrenWith(token, "conj").Reverse());
            int guard = 0;
            while (stack.Count > 0 && guard++ < tree.Count)
            {
                var c = stack.Pop();
                // only nominal conjuncts: a conjoined verb is a clause of its own
                if (tree.Upos(c) is "VERB" or "AUX") continue;
                yield return c;
                foreach (var cc in tree.ChildrenWith(c, "conj").Reverse()) stack.Push(cc);
            }
        }

        /// <summary>
        /// The mention covering the token, else one its possessor, compound or adjective names, two levels deep at most
        /// ("Chad's army", "Chadian troops", "U.S. service members").
        /// </summary>
        private (MentionRef? Mention, bool Indirect) MentionFor(int token)
        {
            // the same for every rule and path that reaches the token: worked out once per token
            _mentionFor ??= new (MentionRef?, bool)?[tree.Count];
            return _mentionFor[token] ??= FindMentionFor(token);
        }

        private (MentionRef?, bool)?[]? _mentionFor;

        private (MentionRef? Mention, bool Indirect) FindMentionFor(int token)
        {
            var m = ctx.MentionAt(s, token);
            if (m is not null) return (m, false);
            // a common noun directly followed by a name in apposition is that name ("the opposition newspaper La Prensa");
            // not across a comma ("its neighbour, Chad" is said of the possessor too)
            foreach (var c in tree.ChildrenWith(token, "appos"))
                if (c == token + 1 && ctx.MentionAt(s, c) is { } named) return (named, false);
            if (Modifier(token, 2) is { } modifier) return (modifier, false);
            return (Speaker(token), false);
        }

        /// <summary>
        /// A personal pronoun no mention covers, subject of a clause a reporting verb governs, is that verb's subject:
        /// "The rebels said they would meet X" (the speaker speaks of itself).
        /// </summary>
        private MentionRef? Speaker(int token)
        {
            if (tree.Upos(token) != "PRON" || !tree.Rel(token).StartsWith("nsubj", StringComparison.Ordinal) || x._relatives.Contains(tree.Lemma(token))) return null;
            int clause = tree.Head(token);
            if (clause < 0 || tree.Rel(clause) != "ccomp" || tree.Head(clause) is var verb && (verb < 0 || !x._reporting.Contains(tree.Lemma(verb)))) return null;
            foreach (var n in tree.ChildrenWith(tree.Head(clause), "nsubj"))
                if (n != token && ctx.MentionAt(s, n) is { } m) return m;
            return null;
        }

        private MentionRef? Modifier(int token, int depth)
        {
            foreach (var c in tree.Children(token))
            {
                if (tree.Rel(c) is not ("nmod:poss" or "compound" or "amod" or "flat")) continue;
                if (ctx.MentionAt(s, c) is { } cm) return cm;
            }
            if (depth <= 1) return null;
            foreach (var c in tree.Children(token))
            {
                if (tree.Rel(c) is not ("nmod:poss" or "compound" or "amod" or "flat")) continue;
                if (Modifier(c, depth - 1) is { } deeper) return deeper;
            }
            return null;
        }

        private bool Passes(TokenTest test, int token, int trigger)
        {
            bool ok = test.Key switch
            {
                "case" or "prep" => test.Values.Count == 0 ? tree.CaseToken(token) >= 0 : tree.CaseOf(token) is { } c && In(test.Values, c),
                "lemma" => In(test.Values, tree.Lemma(token)),
                "word" => In(test.Values, tree.Lower(token)),
                "upos" => In(test.Values, tree.Upos(token)),
                "tag" => In(test.Values, tree.Tag(token)),
                "deprel" => AnyRel(test.Values, tree.Rel(token)),
                "has" => AnyChild(test.Values, token),
                "voice" => test.Values.Contains(tree.IsPassive(token) ? "passive" : "active"),
                "entity" => MentionFor(token).Mention is { } m && In(test.Values, EntityTypeNames[(int)ctx.Entities[m.Entity].Type]),
                "fine" => MentionFor(token).Mention is { } f && ctx.Entities[f.Entity].FineTypes.Any(ft => In(test.Values, ft)),
                "mention" => ctx.MentionAt(s, token) is { } mm && (test.Values.Count == 0 || In(test.Values, MentionKindNames[(int)mm.Mention.Kind])),
                "role" => x._titles.IsRoleNoun(tree.Lemma(token)) || x._titles.IsPrefixTitle(tree.Token(token).Text),
                "det" => tree.ChildrenWith(token, "det").Any(d => In(test.Values, tree.Lemma(d)) || In(test.Values, tree.Lower(d))),
                "prev" => WordBefore(token) is { } w && In(test.Values, w),
                "next" => In(test.Values, WordAfter(token) ?? "."),
                "listed" => ListContinues(token),
                "reads" => x._triggers.Lookup(tree.Lemma(token)).Concat(x._triggers.Lookup(tree.Lower(token))).Any(e => test.Values.Count == 0 || In(test.Values, Written(e.Category))),
                "before" => token < trigger,
                "after" => token > trigger,
                _ => false,
            };
            return ok != test.Negated;
        }

        // loops, not Any() with a lambda: the trigger tests run on every token of every parsed sentence
        private static bool AnyRel(IReadOnlyList<string> patterns, string rel)
        {
            for (int i = 0; i < patterns.Count; i++) if (RuleTree.RelMatches(patterns[i], rel)) return true;
            return false;
        }

        /// <summary>A child by one of the relations; "rel/prep" wants that preposition on the child too ("nmod/of").</summary>
        private bool AnyChild(IReadOnlyList<string> patterns, int token)
        {
            for (int i = 0; i < patterns.Count; i++)
            {
                int slash = patterns[i].IndexOf('/');
                if (slash < 0) { if (tree.FirstChild(token, patterns[i]) >= 0) return true; continue; }
                string rel = patterns[i][..slash], prep = patterns[i][(slash + 1)..];
                foreach (var c in tree.ChildrenWith(token, rel))
                    if (string.Equals(tree.CaseOf(c), prep, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        /// <summary>The word before the token's name (before its determiners), or before the token when it names none:
        /// the comma or bracket that sets an apposition off, wherever the parser hangs it.</summary>
        private string? WordBefore(int token)
        {
            int k = (ctx.MentionAt(s, token)?.FirstToken ?? token) - 1;
            while (k >= 0 && tree.Tag(k) == "DT") k--;
            return k >= 0 ? tree.Lower(k) : null;
        }

        /// <summary>The word after the token's name, or after the token when it names none; null at the sentence's end.</summary>
        private string? WordAfter(int token)
        {
            int k = ctx.MentionAt(s, token)?.EndToken ?? token + 1;
            return k < tree.Count ? tree.Lower(k) : null;
        }

        /// <summary>Another name follows the token's name after a comma or "and"/"or" (determiners skipped): the name is a
        /// member of a list ("A, B and C"), whatever the parser hung the later members from.</summary>
        private bool ListContinues(int token)
        {
            int k = ctx.MentionAt(s, token)?.EndToken ?? token + 1;
            bool separated = false;
            for (; k < tree.Count; k++)
            {
                if (tree.Lower(k) is "," or "and" or "or") separated = true;
                else if (tree.Tag(k) != "DT") break;
            }
            return separated && k < tree.Count && ctx.MentionAt(s, k) is not null;
        }

        private bool In(IReadOnlyList<string> values, string value) => x.In(values, value);

        // ------------------------------------------------------------------ edges

        private RelationMention? Build(RelationRule rule, int t, Arg a, Arg b)
        {
            var (entries, keyTokens, indirect) = Entries(rule, t, b);
            if (entries.Count == 0) return null;
            // event readings: coded with the CAMEO rules of the trigger, and only where the arguments fit the category
            EventCoding? coding = null;
            if (!x._coder.IsEmpty)
            {
                var text = string.Join(" ", keyTokens.Order().Select(k => ctx.Sentences[s].Tokens[k].Text));
                _view ??= new SentenceView(ctx, s);
                var decided = x._coder.Decide(_view, new EventCoder.Reading(t, tree.Upos(t) is "NOUN" or "PROPN", false, text, entries, b.Mention));
                if (decided is not { } d) return null;
                (entries, coding) = (d.Entries, d.Coding);
                if (d.Target != b.Mention)
                {
                    if (d.Target.Entity == a.Mention.Entity) return null; // a relationship's partner is the subject itself
                    b = b with { Mention = d.Target, Token = d.Target.FirstToken };
                }
            }
            foreach (var entry in entries.OrderByDescending(e => e.Strength))
            {
                var (subj, obj) = entry.Direction == TriggerDirection.Active ? (a, b) : (b, a);
                if (rule.Yield.Inverse) (subj, obj) = (obj, subj);
                var st = ctx.Entities[subj.Mention.Entity].Type;
                var ot = ctx.Entities[obj.Mention.Entity].Type;
                if (!x._allows(entry.Type, st, ot)) continue;
                if (RelationExtractor.NoParties(ctx, entry, subj.Mention.Entity, obj.Mention.Entity)) continue;
                var (negated, modality) = Hedge(t);
                var attributed = Attribution(t, subj.Mention.Entity, obj.Mention.Entity);
                int between = Math.Max(0, Math.Max(subj.Mention.FirstToken, obj.Mention.FirstToken) - Math.Min(subj.Mention.EndToken, obj.Mention.EndToken));
                var confidence = RelationConfidence.Combine(rule.Pattern, entry.Strength, between, subj.Mention.Mention.Kind, obj.Mention.Mention.Kind,
                    negated || modality is not null, attributed is not null, indirect || a.Indirect || b.Indirect);
                if (RelationConfidence.IsRequestedAct(rule.Pattern, modality)) confidence = RelationConfidence.Requested(confidence);
                var sentence = ctx.Sentences[s];
                int first = keyTokens.Min(), last = keyTokens.Max();
                var trigger = string.Join(" ", keyTokens.Order().Select(k => sentence.Tokens[k].Text));
                var date = dates.Resolve(DateResolver.Nearest(found, sentence.Tokens[t].Start), found);
                return new RelationMention(subj.Mention.Entity, obj.Mention.Entity, entry.Type, entry.Category, s, ctx.SentenceText(s), sentence.Span,
                    trigger, new TextSpan(sentence.Tokens[first].Start, sentence.Tokens[last].End), confidence, date, negated, modality,
                    attributed is null ? null : ctx.Entities[attributed.Value].Name,
                    coding?.Code, string.IsNullOrEmpty(coding?.Mode) ? null : coding.Mode, string.IsNullOrEmpty(coding?.Context) ? null : coding.Context);
            }
            return null;
        }

        private SentenceView? _view;

        /// <summary>Whether a reporting verb governs the trigger's clause and its subject is not <paramref name="actor"/>
        /// ("analysts said the army would attack": no statement by the army).</summary>
        private bool ReportedByAnother(int t, int actor)
        {
            int v = tree.ClauseHead(t), guard = 0;
            while (guard++ < tree.Count && tree.Head(v) >= 0)
            {
                int h = tree.Head(v);
                if (tree.Rel(v) == "ccomp" && x._reporting.Contains(tree.Lemma(h)))
                    return tree.ChildrenWith(h, "nsubj").Any(n => MentionFor(n).Mention?.Entity != actor
                        // "the minister, Ana Ruiz, said": the speaker may be named in apposition
                        && !tree.ChildrenWith(n, "appos").Any(a => MentionFor(a).Mention?.Entity == actor));
                if (tree.Rel(v) is not ("conj" or "xcomp")) return false;
                v = tree.ClauseHead(h);
            }
            return false;
        }

        /// <summary>
        /// A stated intention is itself an event (PLOVER, after CAMEO's "express intent to ..."): "X would meet Y if ...",
        /// "X is prepared to lift the ban on Y", "X offered to hand Y over" state that X means to act, a fact about X's words.
        /// The hedged act keeps its own edge; the intention (map <c>stated-intent</c>: a cooperative act -> AGREED_WITH, a
        /// hostile one -> THREATENED) is added, unhedged. Only for the actor's own word: not for an act reported by
        /// someone else, nor a denied one; a plain "will"/"may" only with a condition after it ("will leave Y unless ...").
        /// </summary>
        private RelationMention? StatedIntent(RelationRule rule, int t, RelationMention edge)
        {
            if (rule.Pattern is not (RelationPattern.Verb or RelationPattern.LightVerbNominal) || edge.Negated || edge.Modality is null) return null;
            if (!x._intent.TryGetValue(edge.Category, out var written) || CategoryName(written) is var type && x._categoryOf(type) is not { } category) return null;
            if (edge.AttributedTo is not null || ReportedByAnother(t, edge.Subject)) return null;
            bool intent = x._intentModalities.Contains(edge.Modality)
                          || x._conditionalIntent.Contains(edge.Modality) && Enumerable.Range(t + 1, Math.Max(0, tree.Count - t - 1))
                              .Any(k => tree.Rel(k) == "mark" && x._conditionals.Contains(tree.Lemma(k)));
            if (!intent) return null;
            return edge with { Type = type, Category = category, Modality = null, Cameo = null, Mode = null, EventContext = null,
                Confidence = Math.Round(edge.Confidence * 0.9, 4) };
        }

        /// <summary>
        /// The readings of the trigger: with <c>yields lexicon</c>, the trigger lexicon entries of the longest key (trigger
        /// lemma, particle, then the words the object path captured), dropping captured words from the end until an entry
        /// is found (a dropped preposition marks the attachment indirect); else the rule's own type.
        /// </summary>
        private (IReadOnlyList<TriggerEntry> Entries, List<int> KeyTokens, bool Indirect) Entries(RelationRule rule, int t, Arg obj)
        {
            var keyTokens = new List<int> { t };
            var y = rule.Yield;
            if (y.FromLexicon)
            {
                var pos = rule.Trigger switch { TriggerKind.Verb => TriggerPos.Verb, TriggerKind.Noun or TriggerKind.Role => TriggerPos.Noun, _ => (TriggerPos?)null };
                var head = new List<string> { tree.Lemma(t) };
                foreach (var p in tree.ChildrenWith(t, "compound:prt")) { head.Add(tree.Lemma(p)); keyTokens.Add(p); }
                // a noun's compound or adjective modifier can be part of the trigger ("peace agreement", "withdrawal
                // request", "military operation")
                var compounds = pos == TriggerPos.Noun ? tree.Children(t).Where(c => c < t && tree.Rel(c) is "compound" or "amod").ToList() : new List<int>();
                for (int n = obj.Captured.Count; n >= 0; n--)
                {
                    var words = head.Concat(obj.Captured.Take(n).Select(c => c.Word)).ToList();
                    var found = Lookup(string.Join(" ", words), pos, y.Categories);
                    // a noun the lexicon names only in the plural ("talks", "consultations"): its surface is the key
                    if (found.Count == 0 && pos == TriggerPos.Noun && tree.Lower(t) != tree.Lemma(t))
                        found = Lookup(string.Join(" ", words.Skip(1).Prepend(tree.Lower(t))), pos, y.Categories);
                    if (compounds.Count > 0)
                    {
                        // entries name some nouns in the plural, as news writes them ("punitive measures", "air strikes")
                        var longer = Lookup(string.Join(" ", compounds.Select(tree.Lemma).Concat(words)), pos, y.Categories);
                        if (longer.Count == 0 && tree.Lower(t) != tree.Lemma(t))
                            longer = Lookup(string.Join(" ", compounds.Select(tree.Lemma).Append(tree.Lower(t)).Concat(words.Skip(1))), pos, y.Categories);
                        if (longer.Count > 0) { found = longer; keyTokens.AddRange(compounds); }
                    }
                    if (found.Count == 0) continue;
                    keyTokens.AddRange(obj.Captured.Take(n).Select(c => c.Token));
                    bool indirect = obj.Captured.Skip(n).Any(c => c.IsCase);
                    // "X and Y met in Z": a place reached through a dropped place preposition is where they met, no partner
                    if (obj.Captured.Skip(n).Any(c => c.IsCase && x._placePrepositions.Contains(c.Word))
                        && ctx.Entities[obj.Mention.Entity].Type == EntityType.Location)
                        found = found.Where(e => !x._meetings.Contains(e.Category)).ToList();
                    // "X and Y held talks on Z", "X spoke about Z": what a meeting is about is its topic, no partner
                    if (obj.Captured.Skip(n).Any(c => c.IsCase && x._topicPrepositions.Contains(c.Word)))
                        found = found.Where(e => !x._meetings.Contains(e.Category)).ToList();
                    // "X joined the leaders for Z": a standing relation a verb states holds of its own object, not of a
                    // phrase after a preposition the key does not name (no membership of Z)
                    if (indirect) found = found.Where(e => !x._objectOnly.Contains(e.Category)).ToList();
                    return (found, keyTokens, indirect);
                }
                if (y.Type is null) return (Array.Empty<TriggerEntry>(), keyTokens, false);
            }
            var fixedType = new TriggerEntry(tree.Lemma(t), TriggerPos.Noun, y.Type!, y.Category!, TriggerDirection.Active, y.Strength);
            keyTokens.AddRange(obj.Captured.Where(c => c.IsCase).Select(c => c.Token));
            return (new[] { fixedType }, keyTokens, false);
        }

        private IReadOnlyList<TriggerEntry> Lookup(string key, TriggerPos? pos, IReadOnlySet<string> categories)
        {
            var all = x._triggers.Lookup(key);
            if (all.Count == 0) return all;
            return all.Where(e => (pos is null || e.Pos == pos) && (categories.Count == 0 || categories.Contains(e.Category))).ToList();
        }

        /// <summary>Negation and modality from the tree: "not"/"never" on the trigger or the verbs that govern it, modal
        /// auxiliaries, control verbs that hedge or deny their complement, "if"/"unless" clauses.</summary>
        private (bool Negated, string? Modality) Hedge(int t)
        {
            bool negated = false;
            string? modality = null;
            int v = t, guard = 0;
            while (v >= 0 && guard++ < tree.Count)
            {
                foreach (var c in tree.Children(v))
                {
                    var rel = tree.Rel(c);
                    var lemma = tree.Lemma(c);
                    if ((rel is "advmod" or "neg" || rel == "det" && v == t) && (x._negators.Contains(lemma) || x._negators.Contains(tree.Lower(c)))
                        && !(c + 1 < tree.Count && x._focus.Contains(tree.Lower(c + 1)))) negated = true; // "not only ... (but) also"
                    else if (rel is "aux" && (x._modals.TryGetValue(lemma, out var m) || x._modals.TryGetValue(tree.Lower(c), out m))) modality ??= m;
                    else if (rel is "mark" && x._conditionals.Contains(lemma)) modality ??= "conditional";
                    // "X ought to attack Y": the modal before the infinitive's "to" (parsed as its subject when tagged a noun)
                    else if (rel is "mark" && tree.Lower(c) == "to" && c > 0 && x._modals.TryGetValue(tree.Lower(c - 1), out var ought)) modality ??= ought;
                }
                var r = tree.Rel(v);
                int h = tree.Head(v);
                if (h < 0) break;
                if (r is "xcomp" or "ccomp" && x._control.TryGetValue(tree.Lemma(h), out var ctl))
                {
                    if (ctl == "negated") negated = true;
                    else modality ??= ctl;
                }
                if (r is "conj" or "xcomp") { v = h; continue; }
                // an event noun is as hedged as the light verb it is the object of ("would impose a blockade on X")
                if (v == t && r == "obj" && tree.Upos(t) is "NOUN" or "PROPN" && x._lightVerbs.Contains(tree.Lemma(h))) { v = h; continue; }
                if (r is "advcl" && tree.ChildrenWith(v, "mark").Any(mk => x._conditionals.Contains(tree.Lemma(mk)))) modality ??= "conditional";
                break;
            }
            return (negated, modality);
        }

        /// <summary>Who reported it: the subject of a reporting verb whose complement holds the trigger ("X said Y attacked Z"),
        /// of a reporting verb beside the clause (", X said"), or the object of "according to".</summary>
        private int? Attribution(int t, int subj, int obj)
        {
            int v = tree.ClauseHead(t);
            int? Of(int verb)
            {
                foreach (var n in tree.ChildrenWith(verb, "nsubj"))
                    if (MentionFor(n).Mention is { } m && m.Entity != subj && m.Entity != obj) return m.Entity;
                return null;
            }
            int guard = 0;
            while (guard++ < tree.Count)
            {
                foreach (var c in tree.Children(v))
                {
                    if (tree.Rel(c) == "parataxis" && x._reporting.Contains(tree.Lemma(c)) && Of(c) is { } p) return p;
                    if (tree.Rel(c) == "obl" && tree.CaseOf(c) is "accord to" or "according to" && MentionFor(c).Mention is { } acc && acc.Entity != subj && acc.Entity != obj) return acc.Entity;
                }
                int h = tree.Head(v);
                if (h < 0) return null;
                if (tree.Rel(v) is "ccomp" && x._reporting.Contains(tree.Lemma(h))) return Of(h);
                if (tree.Rel(v) is not ("ccomp" or "conj" or "xcomp" or "advcl")) return null;
                v = tree.ClauseHead(h);
            }
            return null;
        }
    }
}
