using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Dates;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Finds relationships between the entity mentions of a tagged, coreference-resolved document: verb groups with their
/// subject and object (active, passive, reduced relatives, controlled infinitives), nominalisations, appositions and
/// titles, compound participles ("French-led"), with coordination, negation, modality, conditionals and reported
/// speech. Built once; immutable and safe to share between threads.
/// </summary>
/// <param name="lexicons">Trigger, title, agent and descriptor lexicons and the CAMEO dictionaries.</param>
/// <param name="allows">Schema rule: may a relationship of this type go from the first coarse type to the second
/// (the pipeline passes <c>OntologySchema.Allows</c>). Candidates it refuses are not emitted.</param>
/// <param name="lemmatize">(word, Penn tag) -> lemma, for the verb inside a compound such as "French-led";
/// null falls back to stripping a regular "-ed".</param>
public sealed partial class RelationExtractor(LexiconSet lexicons, Func<string, EntityType, EntityType, bool> allows, Func<string, string, string>? lemmatize = null)
{
    private readonly TriggerLexicon _triggers = (lexicons ?? throw new ArgumentNullException(nameof(lexicons))).Triggers;
    private readonly TitleLexicon _titles = lexicons.Titles;
    private readonly Func<string, EntityType, EntityType, bool> _allows = allows ?? throw new ArgumentNullException(nameof(allows));
    private readonly Func<string, string, string>? _lemmatize = lemmatize;
    private readonly HashSet<string> _verbFirstWords = lexicons.Triggers.Entries.Where(e => e.Pos == TriggerPos.Verb && !e.Derived)
        .Select(e => e.Lemma.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
    // the CAMEO event rules and argument checks
    private readonly EventCoder _coder = new(lexicons);
    private readonly Gazetteer _gazetteer = lexicons.Gazetteer;
    // PETRARCH's agent nouns and the descriptors, to tell a noun a state acts through ("Iraqi forces") from others
    private readonly AgentLexicon _agents = lexicons.Agents;
    private readonly DescriptorLexicon _descriptors = lexicons.Descriptors;

    /// <summary>
    /// Whether a state acts through the people a common noun names: a state sector among PETRARCH's agents ("police",
    /// "troops": CAMEO's government, military, police, judiciary, legislature and intelligence codes), a descriptor of a
    /// government or armed force ("forces", "authorities") or of a person in office ("minister").
    /// </summary>
    private bool ActsForState(string lowerWord, string lemma) =>
        new[] { lowerWord, lemma }.Any(w => _agents.Lookup(w).Any(a => LexiconFormats.StateAgentCodes.Contains(a.Primary))
            || _descriptors.Lookup(w).Any(e => e.Type == EntityType.Person || e.FineTypes.Any(f => f is "Government" or "ArmedForces" or "GovernmentAgency")));

    /// <summary>All relation mentions of the document, in sentence and trigger order; deterministic.</summary>
    public IReadOnlyList<RelationMention> Extract(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new List<RelationMention>();
        var dates = new DateResolver(context.AnchorDate);
        for (int s = 0; s < context.Sentences.Count; s++)
        {
            var sentence = context.Sentences[s];
            var found = DateResolver.Find(sentence, context.Document.Text);
            if (context.MentionsIn(s).Count >= 2 || context.MentionsIn(s).Count == 1 && sentence.Tokens.Any(t => t.Text.Contains('-', StringComparison.Ordinal)))
            {
                var view = new SentenceView(context, s, _verbFirstWords, _lemmatize);
                var run = new SentenceRun(this, view);
                run.MarkReducedPassives(); // before any pattern reads the verb groups
                bool read = false;
                foreach (var c in run.Candidates())
                {
                    if (Build(view, run, c, found, dates) is not { } rm) continue;
                    result.Add(rm);
                    read |= !c.Entries.All(e => e.Derived);
                }
                // nothing read (but from CAMEO verbs alone) in a sentence with a trigger verb between two names: a weak edge,
                // marked by its confidence
                if (!read && run.Fallback() is { } fallback && Build(view, run, fallback, found, dates) is { } weak)
                    result.Add(weak);
            }
            dates.Observe(found);
        }
        return Rules.RuleEngine.Dedupe(result);
    }

    private RelationMention? Build(SentenceView v, SentenceRun run, Candidate c, IReadOnlyList<DateExpression> found, DateResolver dates)
    {
        foreach (var entry in c.Entries.OrderByDescending(e => e.Strength))
        {
            var (subj, obj) = entry.Direction == TriggerDirection.Active || c.DirectionApplied ? (c.A, c.B) : (c.B, c.A);
            if (subj.Entity == obj.Entity) return null;
            if (!_allows(entry.Type, v.TypeOf(subj), v.TypeOf(obj))
                || Grammar.PersonObjectTypes.Contains(entry.Type) && v.TypeOf(obj) == EntityType.Location && !NamesPeople(v, obj)) continue;
            if (entry.Category is "CONSULT" or "AGREE" or "COOPERATE" && run.IsTopic(c.TriggerLast, obj) || NoParties(v.Context, entry, subj.Entity, obj.Entity)) continue;
            var (negated, modality) = c.Factual ? (false, null) : run.HedgeAt(c.TriggerFirst, c.IsNoun, stated: c.Pattern == RelationPattern.Role);
            if (c.Negated) negated = true;
            modality ??= c.Modality;
            if (c.Intent || StatedByNounPhrase(v, c, entry, subj)) modality = null; // a stated intention is a fact about what was said
            var attributed = run.AttributionAt(c.TriggerFirst, subj, obj);
            int between = Math.Max(0, Math.Max(subj.FirstToken, obj.FirstToken) - Math.Min(subj.EndToken, obj.EndToken));
            var confidence = RelationConfidence.Combine(c.Pattern, entry.Strength, between, subj.Mention.Kind, obj.Mention.Kind,
                negated || modality is not null, attributed is not null, c.Indirect);
            if (ModifierArgument(v, c, entry, subj, obj)) confidence = RelationConfidence.ModifierOnly(confidence);
            if (RelationConfidence.IsRequestedAct(c.Pattern, modality)) confidence = RelationConfidence.Requested(confidence);
            bool contradicted = entry.Category == "LOCATED_IN" && StateOf(v.Context, subj.Entity, independentOnly: true) is { } inner
                && StateOf(v.Context, obj.Entity) is { } outer && inner != outer;
            if (contradicted) confidence = RelationConfidence.Contradicted(confidence);
            var date = dates.Resolve(DateResolver.Nearest(found, v.Sentence.Tokens[c.TriggerFirst].Start), found);
            return new RelationMention(subj.Entity, obj.Entity, entry.Type, entry.Category, v.Index,
                v.Context.SentenceText(v.Index), v.Sentence.Span, c.TriggerText, v.SpanOf(c.TriggerFirst, c.TriggerLast),
                confidence, date, negated, modality, attributed is null ? null : v.Context.Entities[attributed.Value].Name,
                c.Coding?.Code, c.Coding?.Mode is { Length: > 0 } mode ? mode : null, c.Coding?.Context is { Length: > 0 } ctx ? ctx : null, Doubted: contradicted);
        }
        return null;
    }

    /// <summary>
    /// The country (ISO alpha-3) a place entity is by the gazetteer (countries.tsv); null when the entity is no country or
    /// its name is read several ways. With <paramref name="independentOnly"/>, only an independent state: a dependent
    /// territory lies in another country ("Hong Kong", "Puerto Rico"). A capital is not read as its country: a town of the
    /// same name lies in other countries ("Tripoli" in Lebanon, "London" in Canada), and no gazetteer of towns tells them apart.
    /// </summary>
    private string? StateOf(AnalysisContext context, int entity, bool independentOnly = false)
    {
        var e = context.Entities[entity];
        if (e.Type != EntityType.Location || !e.FineTypes.Contains("Country")) return null;
        var entries = _gazetteer.EntriesNamed(e.Name).Where(g => g.Type == EntityType.Location && g.Country is not null && g.FineTypes.Contains("Country")).ToList();
        var codes = entries.Select(g => g.Country).Distinct().ToList();
        return codes.Count != 1 || independentOnly && entries.Any(g => g.Dependent) ? null : codes[0];
    }

    /// <summary>Whether a place mention names its people: a demonym heading its noun phrase ("arrested 40 Ruritanians"), not
    /// one modifying a noun ("40 Ruritanian fishermen").</summary>
    private static bool NamesPeople(SentenceView v, MentionRef m) =>
        m.Mention.Kind == MentionKind.Demonym && (m.EndToken >= v.Count || !v.IsNoun(m.EndToken) || v.MentionAt(m.EndToken) is not null);

    /// <summary>
    /// Whether the subject or the object of an edge of <paramref name="entry"/> can take no part in it: a region (a place that
    /// is no country, state or city: "the Sahel") meets nobody; "the region hosts armed groups" is where they are, not a visit.
    /// One may visit it (VISITED keeps a region as its object).
    /// </summary>
    internal static bool NoParties(AnalysisContext context, TriggerEntry entry, int subject, int obj)
    {
        bool Region(int entity) => context.Entities[entity].FineTypes is var fine && fine.Contains("Region") && !fine.Contains("Country") && !fine.Contains("City");
        return entry.Category == "CONSULT" && (Region(subject) || entry.Type != "VISITED" && Region(obj));
    }

    /// <summary>A relation a noun phrase states between a holder or member and its organisation, in the order given: "P, director of O".</summary>
    private static Candidate RoleCandidate(MentionRef a, MentionRef b, IReadOnlyList<TriggerEntry> entries, int first, int last, string text, bool factual = false) =>
        new(a, b, entries, first, last, text, RelationPattern.Role, false, true, DirectionApplied: true, Factual: factual);

    /// <summary>A candidate before schema checks: A is the mention before the trigger (subject/possessor/agent side), B after.</summary>
    internal sealed record Candidate(MentionRef A, MentionRef B, IReadOnlyList<TriggerEntry> Entries, int TriggerFirst, int TriggerLast,
        string TriggerText, RelationPattern Pattern, bool Indirect, bool IsNoun, bool DirectionApplied = false, bool Negated = false, string? Modality = null,
        bool Intent = false, bool Factual = false, EventCoding? Coding = null, bool Reciprocal = false);

    /// <summary>The per-sentence work: verb groups, their subjects, and every pattern. Lives for one sentence on one thread.</summary>
    private sealed partial class SentenceRun(RelationExtractor extractor, SentenceView v)
    {
        private readonly RelationExtractor _x = extractor;
        private readonly List<VerbGroup> _groups = VerbGroup.Find(v);
        private readonly Dictionary<int, List<MentionRef>> _subjects = new();
        private readonly bool[] _consumed = new bool[v.Count];

        /// <summary>Heads of the participles <see cref="MarkReducedPassives"/> read as reduced passive relatives.</summary>
        private readonly HashSet<int> _reducedPassives = new();

        /// <summary>
        /// "Police said X, captured Saturday, and Y were held", "X, ousted in a coup, fled", "Z freed X, kidnapped in May by Y":
        /// a lone past form of a transitive event verb right after a name and a comma, with no object after it (a time phrase,
        /// a prepositional phrase, a comma or the sentence's end follows), is a participle describing the name: the name is
        /// its patient, an agent only comes with "by", and a later name is no object of it. A name closing an apposition
        /// ("the chief, X, warned on Monday") is a subject before its verb and keeps it; a reporting verb keeps its subject.
        /// A headline, which drops "was" and writes its active verbs in the present ("Police arrest two"), needs no comma:
        /// its lone past form right after a noun or a name, with no object after it, is that noun's passive ("Dock guard
        /// stabbed outside Orvin depot": the guard is the victim); a sentence that ends in a stop (<see cref="IsHeadline"/>)
        /// keeps its past tense active.
        /// </summary>
        public void MarkReducedPassives()
        {
            for (int k = 0; k < _groups.Count; k++)
            {
                var g = _groups[k];
                int h = g.Head;
                if (g.First != h || v.Tag(h) is not ("VBD" or "VBN") || h < 1) continue;
                if (!v.IsComma(h - 1) && !(IsHeadline() && (v.IsNoun(h - 1) || v.MentionEndingAt(h - 1) is not null))) continue;
                if (v.IsComma(h - 1) && (h < 2 || v.MentionEndingAt(h - 2) is not { } name || name.FirstToken > 0 && v.IsComma(name.FirstToken - 1))) continue;
                if (Grammar.ReportingVerbs.Contains(v.Lemma(h)) || !_x._triggers.Lookup(v.Lemma(h), TriggerPos.Verb).Any(e => e.Strength >= 0.5 && IsEventCategory(e.Category)))
                    continue;
                if (!NoObjectAfter(h + 1)) continue;
                _groups[k] = g with { Finite = false };
                _reducedPassives.Add(h);
            }
        }

        /// <summary>Whether the sentence is a headline: no closing stop, question or exclamation mark among its last two tokens
        /// (a closing quote may follow the stop). The last token ending in a full stop closes the sentence too: the tokenizer
        /// keeps the stop inside an abbreviation that ends a sentence ("... left at 9 p.m.", "... in the U.S.", "... Jr."); an
        /// abbreviation before the last word does not ("Aid worker abducted outside U.N. compound" is a headline).</summary>
        private bool IsHeadline() => v.Count > 0 && !Enumerable.Range(Math.Max(0, v.Count - 2), Math.Min(2, v.Count))
            .Any(k => v.Words[k] is "." or "!" or "?") && !LastWordBeforeAClosingQuote().EndsWith('.');

        private string LastWordBeforeAClosingQuote() =>
            v.Count >= 2 && v.Words[v.Count - 1] is "\"" or "''" or "\u201D" or "'" or "\u2019" ? v.Words[v.Count - 2] : v.Words[v.Count - 1];

        /// <summary>Whether what starts at <paramref name="j"/> is no object noun phrase: the sentence's end, a comma, a
        /// preposition ("by Y", "in May", "to ten years") or a time phrase ("Saturday", "last year", "Jan. 15").</summary>
        private bool NoObjectAfter(int j)
        {
            if (j >= v.Count || v.IsComma(j) || v.IsClauseBreak(j) || v.Words[j] is "." or ")") return true;
            if (v.MentionAt(j) is not null) return false;
            if (v.Tag(j) == "TO" || v.IsPreposition(j) && v.Lower(j) != "that") return true;
            if (v.Lower(j) is "last" or "this" or "earlier" or "early" or "late" && j + 1 < v.Count && Grammar.TimeNouns.Contains(v.Lower(j + 1))) return true;
            return Grammar.TimeNouns.Contains(v.Lower(j)) && !v.IsVerb(j);
        }

        /// <summary>The first trigger verb with a name before it and one after it in the same clause, as a low-confidence candidate.</summary>
        public Candidate? Fallback()
        {
            for (int t = 0; t < v.Count; t++)
            {
                if (!v.IsVerb(t) || v.MentionAt(t) is not null || _reducedPassives.Contains(t)) continue;
                // a passive ("was arrested in Zinder") names no agent: the name before it is the patient
                if (v.Tag(t) == "VBN" && Enumerable.Range(Math.Max(0, t - 3), t - Math.Max(0, t - 3)).Any(v.IsBe)) continue;
                // nor does a participle right after a noun with no object of its own ("Five workers kidnapped in Z", "a leader
                // accused of abuses in Z"): a reduced relative, or a headline's passive, whose noun is the patient
                if (v.Tag(t) == "VBN" && t > 0 && (v.IsNoun(t - 1) || v.MentionEndingAt(t - 1) is not null) && NoObjectAfter(t + 1)) continue;
                // "visiting professor", "ruling party": a participle before a common noun modifies it
                if (v.Tag(t) == "VBG" && t + 1 < v.Count && v.Tag(t + 1) is "NN" or "NNS" && v.MentionAt(t + 1) is null) continue;
                if (TriggerAt(t, TriggerPos.Verb) is not { } match) continue;
                MentionRef? subj = null, obj = null;
                // a personal pronoun before the verb is its subject ("X hosts the forum and we thank Y"): a name before the
                // pronoun is not, even when the pronoun is resolved to no one; after a reporting verb it stands for the
                // reporter ("X announced that they ...") and the search goes on
                for (int j = t - 1; j >= 0 && subj is null && !v.IsClauseBreak(j) && !(v.Tag(j) == "PRP" && v.MentionAt(j) is null && ReporterOf(j) is null); j--)
                    subj = v.MentionEndingAt(j);
                for (int j = match.Last + 1; j < v.Count && j <= match.Last + 10 && obj is null && !v.IsClauseBreak(j); j++) obj = v.MentionStartingAt(j);
                if (subj is null || obj is null || subj.Entity == obj.Entity) continue;
                // "Ostria's envoy called on Dovic, Bosk and Cray and held talks with Ruiz": a verb opening a coordinated verb
                // phrase shares the earlier verb's subject; a name between that verb and the "and" is its object, never this one's subject
                if (InObjectOfEarlierConjunct(t, subj)) continue;
                // "Wife of X Leader Charged": the name only says whose the role-holder is, and the role-holder acts
                if (ModifiesRoleNoun(subj)) continue;
                // "a crew from Station Y, Florida, departed": a place in apposition to the name before it only says where that is
                if (IsPlace(subj) && v.IsComma(subj.EndToken) && subj.FirstToken >= 2 && v.IsComma(subj.FirstToken - 1)
                    && (v.MentionEndingAt(subj.FirstToken - 2) is not null || v.Tag(subj.FirstToken - 2) is "NNP" or "NNPS"))
                    continue;
                // "Ruritanian-backed rebels attacked Y": the name backs the noun after it, it does not act
                if (subj.EndToken == subj.FirstToken + 1 && subj.EndToken < t && IsAgentCompound(v.Words[subj.FirstToken])) continue;
                // a place inside a prepositional or opening participle phrase ("Near Brel, strikes engaged ...", "Leaving Brel, the minister
                // met Y", "the liberation of Brel", "inspections in the Zarn Sea, under ...") is no actor; a country may be
                int before = PrepositionBefore(subj.FirstToken);
                bool opening = subj.FirstToken >= 1 && (v.IsPreposition(0) || Grammar.PlacePrepositions.Contains(v.Lower(0)) || v.Tag(0) == "VBG") && v.IsComma(subj.EndToken)
                               && Enumerable.Range(1, subj.FirstToken - 1).All(k => v.Tag(k) is "IN" or "DT" or "JJ" or "RB");
                bool country = v.Context.Entities[subj.Entity].FineTypes.Contains("Country");
                if (opening && !country || before >= 0 && IsPlace(subj) && !country) continue;
                // the same readings as a verb's own: a meeting's place is no partner, a judged act's victim not the one judged
                if (NoPartner(match, PrepositionBefore(obj.FirstToken), new[] { obj })) continue;
                // "rebels fighting X attacked Y": X is the participle's object, no actor
                if (ObjectOfModifierClause(NounPhraseStartBefore(subj)) >= 0) continue;
                // only unambiguous event triggers: a stative relation (part of, affiliated with) needs the construction
                // that states it, and a weak trigger ("hold") needs its construction to be read
                var events = match.Entries.Where(e => e.Strength >= 0.5 && IsEventCategory(e.Category)).ToList();
                if (events.Count == 0) continue;
                // the argument checks hold for the weak reading too ("occupied the post of treasurer at X")
                return CodeEvents(new List<Candidate> { new(subj, obj, events, match.First, match.Last, match.Text, RelationPattern.Proximity, true, false) }) is [var weak] ? weak : null;
            }
            return null;
        }

        /// <summary>
        /// Whether the verb at <paramref name="t"/> opens a verb phrase coordinated with an earlier finite verb ("X called on A and B
        /// and met C") and <paramref name="subj"/> lies after that earlier verb, i.e. in its object, not before it as the shared subject.
        /// </summary>
        private bool InObjectOfEarlierConjunct(int t, MentionRef subj)
        {
            int gi = _groups.FindIndex(o => o.First <= t && t <= o.Head);
            if (gi <= 0) return false;
            int p = _groups[gi].First - 1;
            while (p >= 0 && v.IsAdverb(p)) p--;
            if (p < 0 || !(v.Lower(p) is "and" or "but" || v.IsComma(p) && p + 1 < v.Count && v.Lower(p + 1) is "and" or "but")) return false;
            for (int k = gi - 1; k >= 0; k--)
                if (_groups[k].Finite && _groups[k].Head < p) return subj.FirstToken > _groups[k].Head && subj.EndToken <= p;
            return false;
        }

        /// <summary>
        /// Whether <paramref name="m"/> modifies the word after it: a name before a noun ("an Ostland border meeting"), or before an
        /// adjective or gerund and a noun ("an Ostland Working Group meeting"), or a demonym adjective before anything but a break.
        /// </summary>
        private bool ModifiesNextWord(MentionRef m) =>
            m.EndToken < v.Count && v.MentionAt(m.EndToken) is null
            && (v.IsNoun(m.EndToken)
                || (v.IsAdjective(m.EndToken) || v.Tag(m.EndToken) == "VBG") && m.EndToken + 1 < v.Count && v.MentionAt(m.EndToken + 1) is null && v.IsNoun(m.EndToken + 1)
                || v.IsAdjective(m.EndToken - 1) && !v.IsComma(m.EndToken) && !v.IsClauseBreak(m.EndToken) && !v.IsPreposition(m.EndToken));

        /// <summary>Whether <paramref name="m"/> modifies a role noun right after it: "an X commander", "X leader" (the person is meant).</summary>
        private bool ModifiesRoleNoun(MentionRef m) =>
            m.EndToken < v.Count && v.MentionAt(m.EndToken) is null && v.IsNoun(m.EndToken) && _x._titles.IsRoleNoun(v.Words[m.EndToken]);

        public IEnumerable<Candidate> Candidates()
        {
            var list = new List<Candidate>();
            list.AddRange(RoleCandidates());
            list.AddRange(CompoundCandidates());
            for (int g = 0; g < _groups.Count; g++) list.AddRange(VerbCandidates(g));
            list.AddRange(NominalCandidates());
            list.AddRange(AttitudeCandidates());
            list.AddRange(LocativeCandidates());
            list.AddRange(PlaceMoreCandidates());
            list.AddRange(TakenFromFightCandidates());
            list.AddRange(ControlCandidates());
            list.AddRange(MembershipCandidates());
            // long-range readings only where nothing closer related the two
            list.AddRange(AsPartOfCandidates());
            list.AddRange(Unrelated(list, SupportPhraseCandidates()));
            list.AddRange(BondCandidates());
            // the event constructions (Events.cs), some replacing the candidates they correct; then every candidate coded with CAMEO
            list.AddRange(MustDemandCandidates());
            list.AddRange(HandoverCandidates());
            list.AddRange(StatementGerundCandidates());
            PunitiveCallCandidates(list);
            list.AddRange(IntentCandidates(list));
            return CodeEvents(list);
        }

        /// <summary>Every pair of a mention of <paramref name="first"/> and one of <paramref name="second"/>, in the order of the first.</summary>
        private static IEnumerable<(MentionRef A, MentionRef B)> Pairs(IReadOnlyList<MentionRef> first, IReadOnlyList<MentionRef> second) =>
            first.SelectMany(_ => second, (a, b) => (a, b));

        /// <summary>The candidates of <paramref name="found"/> whose subject and object no candidate of <paramref name="list"/> relates yet.</summary>
        private static List<Candidate> Unrelated(List<Candidate> list, IEnumerable<Candidate> found) =>
            found.Where(c => !list.Any(o => o.A.Entity == c.A.Entity && o.B.Entity == c.B.Entity)).ToList();

        // ---------------------------------------------------------------- triggers

        /// <summary>A trigger found; <c>EndsWithPrep</c>: it ends in its own preposition ("withdraw from").</summary>
        private sealed record Match(IReadOnlyList<TriggerEntry> Entries, int First, int Last, int ObjectFrom, string Text, bool EndsWithPrep)
        { public bool EndsWithBy => Entries[0].Lemma.EndsWith(" by", StringComparison.Ordinal); }

        /// <summary><see cref="FindTriggerAt"/>, worked out once per token and part of speech (several readers ask for the same verb).</summary>
        private Match? TriggerAt(int start, TriggerPos pos)
        {
            _triggerAt ??= new Dictionary<(int, TriggerPos), Match?>();
            if (!_triggerAt.TryGetValue((start, pos), out var match)) _triggerAt[(start, pos)] = match = FindTriggerAt(start, pos);
            return match;
        }
        private Dictionary<(int, TriggerPos), Match?>? _triggerAt;

        /// <summary>
        /// The longest trigger starting at token <paramref name="start"/>: contiguous lemmas, or lemmas with determiners,
        /// adjectives and adverbs skipped ("request the immediate withdrawal of"), or a verb with its particle after the
        /// object ("pushed the force out").
        /// </summary>
        private Match? FindTriggerAt(int start, TriggerPos pos)
        {
            var idx = new List<int> { start };
            MentionRef? named = null;
            for (int j = start + 1; j < v.Count && idx.Count < _x._triggers.MaxWords + 1 && j - start < _x._triggers.MaxWords + 6; j++)
            {
                if (v.MentionAt(j) is { } m)
                {
                    // "operations in Ruritania against Y": a place phrase inside a noun's entry says where, and the entry goes on after it
                    if (pos == TriggerPos.Noun && idx.Count > 1 && Grammar.PlacePrepositions.Contains(v.Lower(idx[^1])) && IsPlace(m) && v.IsPreposition(m.EndToken))
                    {
                        idx.RemoveAt(idx.Count - 1);
                        j = m.EndToken - 1;
                        continue;
                    }
                    named = m;
                    break;
                }
                if (v.IsComma(j) || v.IsClauseBreak(j)) break;
                // an adjective between a determiner and a preposition heads its phrase: "launched an offensive against", also
                // after a possessive, a number or another adjective of the phrase: "launched a new offensive against",
                // "launched its second offensive against" (the words before it are skipped as the phrase's modifiers)
                bool head = v.IsAdjective(j) && j + 1 < v.Count && v.IsPreposition(j + 1)
                            && (v.Tag(j - 1) is "DT" or "PRP$" or "CD" || v.IsAdjective(j - 1) && j - 2 > start && v.Tag(j - 2) is "DT" or "PRP$" or "CD");
                // a negating determiner is no modifier to skip: "Ostland has no control over Y" states no control
                if (v.Tag(j) is "DT" or "PDT" or "CD" or "PRP$" && !Grammar.IsNegator(v.Lower(j)) || v.IsAdjective(j) && !head || v.IsAdverb(j) && !Grammar.IsNegator(v.Lower(j))) continue;
                idx.Add(j);
            }
            Match? best = null;
            int bestWords = 0;
            // contiguous first: it wins ties
            var (clen, centries) = LongestMatch(v.Lemmas, v.PluralForms, start);
            if (clen > 0) { best = MakeMatch(centries, pos, start, start + clen - 1, start + clen); bestWords = best is null ? 0 : clen; }
            // Lemmas of the gapped list; "the" inside a multiword entry ("request the withdrawal of") is matched contiguously above.
            // (lists built by loops: a lambda over v made every call allocate its closure)
            var gappedLemmas = new List<string>(idx.Count);
            var gappedForms = new List<string>(idx.Count);
            foreach (var i in idx) { gappedLemmas.Add(v.Lemmas[i]); gappedForms.Add(v.PluralForms[i]); }
            var (glen, gentries) = LongestMatch(gappedLemmas, gappedForms, 0);
            if (glen > bestWords)
            {
                var m = MakeMatch(gentries, pos, start, idx[glen - 1], idx[glen - 1] + 1);
                if (m is not null) { best = m; bestWords = glen; }
            }
            // an entry whose last word is the head noun of a named place: "blocked the Lions Gate Bridge" reads "block
            // bridge" (a protest), with the name as the object; also a description coreference resolved ("the bridge").
            // Places only: "expelled the envoy" names a person, whose verb keeps its own reading
            if (pos == TriggerPos.Verb && named is not null && v.IsNoun(named.EndToken - 1) && named.FirstToken > start
                && v.TypeOf(named) == EntityType.Location)
            {
                var head = v.Lemmas[named.EndToken - 1].ToLowerInvariant();
                List<string> keys = [.. gappedLemmas, head];
                var (nlen, nentries) = _x._triggers.LongestMatchAt(keys, 0);
                if (nlen == keys.Count && nlen > bestWords && MakeMatch(nentries, pos, start, idx[^1], named.FirstToken) is { } m) { best = m; bestWords = nlen; }
            }
            if (pos == TriggerPos.Verb && bestWords <= 1)
            {
                // particle after the object: "pushed the force out" (taggers often call the particle an adverb), "forced the
                // agency, X, out of the country" (an appositive's commas inside the object; "out of" tagged a preposition)
                for (int j = start + 2; j < v.Count && j <= start + 8; j++)
                {
                    if (v.IsVerb(j) || v.IsClauseBreak(j)) break;
                    if (v.IsComma(j))
                    {
                        if (v.MentionAt(j - 1) is null && v.MentionAt(j + 1) is null) break;
                        continue;
                    }
                    bool outOf = v.Tag(j) == "IN" && v.Lower(j) == "out" && v.Lower(j + 1) == "of";
                    if (v.Tag(j) is not ("RP" or "RB" or "NN" or "JJ") && !outOf || v.MentionAt(j) is not null) continue;
                    var m = MakeMatch(_x._triggers.Lookup(v.Lemmas[start] + " " + v.Lemmas[j]), pos, start, j, start + 1);
                    if (m is not null) { best = m; break; }
                }
            }
            // "is going to face charges", "deployed to support the mission": "to" before a bare verb marks an infinitive (a future,
            // a purpose), not the destination of a movement; the verb keeps only its own reading
            if (best is not null && pos == TriggerPos.Verb && best.Last > best.First && v.Tag(best.Last) is "TO" or "IN" && v.Lower(best.Last) == "to"
                && best.Last + 1 < v.Count && v.Tag(best.Last + 1) == "VB" && best.Entries.All(e => Grammar.MovementTypes.Contains(e.Type)))
                best = MakeMatch(_x._triggers.Lookup(v.Lemmas[start]), pos, start, start, start + 1);
            return best;
        }

        private Match? MakeMatch(IReadOnlyList<TriggerEntry> entries, TriggerPos pos, int first, int last, int objectFrom) =>
            entries.Where(x => x.Pos == pos).ToList() is { Count: > 0 } e ? new Match(e, first, last, objectFrom, v.TextOf(first, last), v.IsPreposition(last) && last > first) : null;

        // ---------------------------------------------------------------- verbs

        private IEnumerable<Candidate> VerbCandidates(int gi)
        {
            var g = _groups[gi];
            if (TriggerAt(g.Head, TriggerPos.Verb) is not { } match) yield break;
            // a verb known only from CAMEO leaves its words to the other patterns
            if (!match.Entries.All(e => e.Derived))
                for (int k = match.First; k <= match.Last; k++) _consumed[k] = true;
            // "X, (later) replaced by Y": a participle, possibly after adverbs, describing the noun phrase before it
            bool onlyAdverbsBefore = Enumerable.Range(g.First, g.Head - g.First).All(v.IsAdverb);
            bool reducedRelative = !g.Finite && onlyAdverbsBefore && v.Tag(g.Head) is "VBN" or "VBD" && v.Tag(g.First - 1) != "TO"
                                   && !(g.First > 0 && _groups.Any(o => o.Head == g.First - 1));
            bool stativeLike = match.Entries.Any(e => Grammar.StativeCategories.Contains(e.Category));
            bool threat = match.Entries.Any(e => e.Category == "THREATEN");
            bool clausal = match.Entries.Any(e => e.Category is "DEMAND" or "DISAPPROVE" or "THREATEN" or "REJECT" or "AGREE" or "SUPPORT" or "PROTEST");
            // the subjects (or, for a reduced relative, what it describes) are never objects; a passive waits for its "by" agent
            var patients = !reducedRelative ? Subjects(gi) : Described(g.First) is { } d ? new List<MentionRef> { d } : new List<MentionRef>();
            var exclude = patients.Select(m => m.Entity).ToHashSet();
            bool allowBy = g.Passive || reducedRelative || match.EndsWithBy;
            var objects = FindObjects(match.ObjectFrom, exclude, allowBy, out int prep, out bool afterBy, threat, clausal);
            // one leads what one's verb takes directly: "led a delegation to Berlin" leads no Berlin; a vague verb ("hold",
            // "take") reads only with its direct object: "held its positions against Y" arrests nobody
            if (prep >= 0 && !match.EndsWithPrep && v.Lower(prep) != "by" && match.Entries.All(e => e.Category == "LEADS" || e.Strength < 0.5 && v.Lower(prep) == "against"))
                objects = new List<MentionRef>();
            // "X and its partners hold a Ruritanian working group meeting": a vague verb's object is the noun a name modifies, not the name
            if (objects.Count > 0 && prep < 0 && match.Entries.All(e => e.Strength < 0.5))
                objects = objects.Where(o => !ModifiesNextWord(o)).ToList();
            // "leading efforts in the campaign to defeat Y": what is led is the common noun right after the verb
            if (objects.Count > 0 && match.Entries.All(e => e.Category == "LEADS") && !match.EndsWithPrep
                && FirstCommonNoun(match.ObjectFrom, objects[0].FirstToken) >= 0)
                objects = new List<MentionRef>();
            if (NoPartner(match, prep, objects))
            {
                // "X met in Geneva with Y": the partner may follow the place
                objects = FindObjects(objects[^1].EndToken, exclude, allowBy, out prep, out afterBy, threat, clausal);
                if (NoPartner(match, prep, objects)) objects = new List<MentionRef>();
            }
            // "X discussed Z with Y": a verb that takes its partner with "with" has its topic as direct object
            IReadOnlyList<TriggerEntry>? withPartner = null;
            if (prep < 0 && objects.Count > 0 && objects[^1].EndToken < v.Count && v.Lower(objects[^1].EndToken) == "with"
                && _x._triggers.Lookup(v.Lemma(g.Head) + " with", TriggerPos.Verb) is { Count: > 0 } with && with.All(e => e.Category == "CONSULT"))
            {
                objects = FindObjects(objects[^1].EndToken, exclude, allowBy: false, out prep, out afterBy, threat, clausal);
                withPartner = with;
            }
            // "X is taking a trip to Y", "X returned from a deployment to Y": a vague verb's place after a movement noun is where it goes
            if (objects.Count > 0 && prep >= 0 && !match.EndsWithPrep && !stativeLike && PlacedAfterObjectNoun(match, objects[0]))
                objects = new List<MentionRef>();
            // "X joined the fight against Y": a stative reading (membership, leadership) takes its object directly, not from inside
            // an event noun, whose own reading relates X and Y
            // (also after a trigger's own preposition: "it is part of an agreement between X and Y" is part of no X)
            if (prep >= 0 && prep > match.Last && (!match.EndsWithPrep || prep > match.ObjectFrom)
                && match.Entries.All(e => Grammar.StativeCategories.Contains(e.Category) || e.Category == "LEADS")
                && TriggerNounBetween(match.ObjectFrom, prep, e => IsEventCategory(e.Category)))
                objects = new List<MentionRef>();
            bool indirect = prep >= 0 && !match.EndsWithPrep && !ArgumentPreposition(v.Lower(prep), stativeLike) || prep >= 0 && v.Lower(prep) is "by" or "that" && !g.Passive;

            if (match.EndsWithBy)
            {
                // lexicon entries in participle form ("led by"): A = what is described, B = the agent; direction as listed
                foreach (var (a, b) in Pairs(patients, objects))
                    yield return new Candidate(a, b, match.Entries, match.First, match.Last, match.Text, RelationPattern.Passive, false, false);
                yield break;
            }
            if (g.Passive || reducedRelative)
            {
                if (afterBy)
                {
                    foreach (var (agent, patient) in Pairs(objects, patients))
                        yield return new Candidate(agent, patient, match.Entries, match.First, match.Last, match.Text, RelationPattern.Passive, false, false);
                }
                else if (stativeLike && objects.Count > 0)
                {
                    // "was deployed in X", "X, based in Y": the grammatical subject keeps the subject role
                    foreach (var (patient, o) in Pairs(patients, objects))
                        yield return new Candidate(patient, o, match.Entries.Where(e => Grammar.StativeCategories.Contains(e.Category)).ToList(),
                            match.First, match.Last, match.Text, RelationPattern.Passive, indirect, false, DirectionApplied: true);
                }
                yield break;
            }
            var subjects = Subjects(gi);
            // "Ruritanian Army soldiers assigned to the 3rd Lancers": the people the organisation's name modifies (a plural common
            // noun right after it) are the members, the organisation is not
            if (match.Entries.All(e => e.Category == "MEMBER_OF"))
                subjects = subjects.Where(s => !(v.TypeOf(s) == EntityType.Organization && s.EndToken < v.Count && v.MentionAt(s.EndToken) is null && v.Tag(s.EndToken) == "NNS")).ToList();
            var entries = withPartner ?? (WelcomedTo(match, objects) ? Grammar.Entries.Lookup("welcome to") : match.Entries);
            // "X delivered munitions against Y": what is given against someone is force used on them, not aid to them
            if (prep >= 0 && v.Lower(prep) == "against" && !match.EndsWithPrep && entries.All(e => e.Category == "AID")) entries = Grammar.Entries.Lookup("against");
            foreach (var (s, o) in Pairs(subjects, objects))
                yield return new Candidate(s, o, entries, match.First, match.Last, match.Text, RelationPattern.Verb, indirect, false);
            // "Jordan and Britain agreed to ...", "the two armies clashed": a reciprocal verb with coordinated subjects and
            // no object relates the subjects to each other; a relationship with a direction is no reciprocal one ("X and Y
            // attended a course", "X and Y seized the town": neither visited nor captured the other; "the Harbour Guard and the
            // Varno Militia fought together near Brelgrad": side by side, not each other)
            var reciprocal = match.Entries.Where(e => e.Category is "AGREE" or "CONSULT" or "COOPERATE" or "FIGHT" && e.Type is not ("VISITED" or "CAPTURED")
                && !(e.Category == "FIGHT" && (UnnamedOpponent(match) || PeacefulActivity(match) || v.Lower(match.Last + 1) == "together"))).ToList();
            if (objects.Count == 0 && reciprocal.Count > 0 && subjects.Count >= 2 && !UnnamedPartner(match))
                foreach (var (a, b) in Pairs(subjects, subjects))
                    if (a.Entity != b.Entity)
                        yield return new Candidate(a, b, reciprocal, match.First, match.Last, match.Text, RelationPattern.Verb, true, false, Reciprocal: true);
        }

        /// <summary>
        /// Whether the object reached over preposition <paramref name="prep"/> is no participant of the trigger's relation:
        /// the place where people met or agreed ("X and Y met in Z", "X hosted talks in Z"); the victim of a violent act a
        /// verb judges ("X condemned the attack on Y", "X welcomed the offensive against Y": X judges the act's agent, as in
        /// "X condemned Z's attack on Y"). The place of a thing condemned ("X condemned the violence in Y") stays a target:
        /// PLOVER codes it so, and reading it otherwise lost a sentence on each PLOVER half.
        /// </summary>
        private bool NoPartner(Match match, int prep, IReadOnlyList<MentionRef> objects)
        {
            if (prep < 0 || prep <= match.Last || objects.Count == 0) return false;
            bool placed = Grammar.PlacePrepositions.Contains(v.Lower(prep)) && objects.All(IsPlace);
            if (!match.EndsWithPrep && (placed || v.Lower(prep) == "at" && objects.All(IsPlace))
                && match.Entries.All(e => e.Category is "CONSULT" or "AGREE" or "COOPERATE" or "ALLIED_WITH"))
                return true;
            // "the Tarn Raiders fought near Brelgrad", "the two brigades clashed on Sunday outside Varno": a place right after a verb
            // of fighting, with no object before it, says where the fight was, not whom it was against (the fighters are the
            // subjects, read as a reciprocal). Not for an assault: PLOVER codes the place an attack hits as its target ("bombers
            // blew themselves up in Y")
            if (!match.EndsWithPrep && placed && match.Entries.All(e => e.Category == "FIGHT")
                && Enumerable.Range(match.Last + 1, prep - match.Last - 1).All(k => v.MentionAt(k) is null && !v.IsVerb(k) && !v.IsComma(k) && v.Tag(k) != "PRP"
                    && !(v.Tag(k) is "NN" or "NNS" && !Grammar.TimeNouns.Contains(v.Lower(k)))))
                return true;
            // a verb that judges or backs (condemn, welcome, support): its object is an act or a party, not a target
            return v.Lower(prep) != "by" && OwnReadingsAll(match.Entries, c => c is "DISAPPROVE" or "SUPPORT" or "REJECT") && TriggerNounBetween(match.ObjectFrom, prep, e => e.Category is "ASSAULT" or "FIGHT" or "CRIME");
        }

        /// <summary>"X welcomed Y to Z", "X welcomed Y at Z": receiving a guest somewhere is a meeting, not approval.</summary>
        private bool WelcomedTo(Match match, List<MentionRef> objects)
        {
            if (objects.Count == 0 || v.Lemma(match.First) != "welcome" || match.Last != match.First) return false;
            int k = objects[^1].EndToken;
            if (k + 1 >= v.Count || v.Lower(k) is not ("to" or "at")) return false;
            return v.MentionFrom(k + 1, v.IsDeterminer) is { } place && IsPlace(place) && !objects.Any(IsPlace);
        }

        /// <summary>
        /// Whether a verb of fighting has an object that is no name and names the other side: a personal pronoun ("X and Y
        /// will work together to defeat them") or a noun phrase whose head is one of PETRARCH's agent nouns ("X and Y
        /// fought the rebels"). Its coordinated subjects fight that side together, not each other; "X and Y fought a
        /// war", "X and Y clashed on Sunday" and "X and Y fought each other" still relate them.
        /// </summary>
        private bool UnnamedOpponent(Match match)
        {
            int k = match.Last + 1;
            if (k >= v.Count) return false;
            // a pronoun the subjects' coreference may have taken for one of them: still the other side
            if (v.Tag(k) == "PRP") return v.Lower(k) is "them" or "him" or "her" or "us";
            while (k < v.Count && k - match.Last <= 4 && v.MentionAt(k) is null && (v.IsDeterminer(k) || v.IsAdjective(k) || v.Tag(k) is "CD" or "PRP$")) k++;
            if (k >= v.Count || v.MentionAt(k) is not null || v.Tag(k) is not ("NN" or "NNS")) return false;
            while (k + 1 < v.Count && v.MentionAt(k + 1) is null && v.Tag(k + 1) is "NN" or "NNS") k++;
            return _x._agents.Lookup(v.Lower(k)).Count > 0 || _x._agents.Lookup(v.Lemma(k)).Count > 0;
        }

        /// <summary>
        /// Whether a verb of fighting is followed by "in" and an activity that is no fighting: "X and Y engaged in talks",
        /// "... took part in marches": the subjects share the activity named after "in", they do not fight each other ("X
        /// and Y engaged in heavy fighting" still relates them: a noun of violence of the trigger lexicon).
        /// </summary>
        private bool PeacefulActivity(Match match)
        {
            int k = match.Last + 1;
            if (k >= v.Count || v.Lower(k) != "in") return false;
            int end = k + 1;
            while (end < v.Count && end - k <= 4 && v.MentionAt(end) is null && (v.IsDeterminer(end) || v.IsAdjective(end) || v.IsNoun(end) || v.Tag(end) is "CD" or "PRP$")) end++;
            return end > k + 1 && !TriggerNounBetween(k + 1, end, e => e.Category is "FIGHT" or "ASSAULT");
        }

        /// <summary>
        /// Whether a reciprocal trigger ending in "with" ("working with", "cooperate with") is followed by a partner that is
        /// no name: "X and Y, working with local partners, arrested 38 people" names the partners, and X and Y do not work
        /// with each other. "X and Y met with each other" still relates them; other prepositions introduce a topic or a time
        /// ("agreed on Wednesday"), not the partner.
        /// </summary>
        private bool UnnamedPartner(Match match)
        {
            int k = match.Last + 1;
            return match.EndsWithPrep && v.Lower(match.Last) == "with" && k < v.Count
                && !(v.Lower(k) == "each" && v.Lower(k + 1) == "other" || v.Lower(k) == "one" && v.Lower(k + 1) == "another")
                && !v.IsComma(k) && v.Words[k] is not ("." or ";");
        }

        /// <summary>The trigger has readings of its own (not derived from CAMEO alone) and every one is of a category <paramref name="kind"/> accepts.</summary>
        private static bool OwnReadingsAll(IEnumerable<TriggerEntry> entries, Func<string, bool> kind) =>
            entries.Any(e => !e.Derived) && entries.All(e => e.Derived || kind(e.Category));

        /// <summary>Whether a common noun with a reading of this kind in the trigger lexicon (not from CAMEO alone) stands in [from, to):
        /// a noun of violence (ASSAULT, FIGHT, CRIME), an event noun (no stative reading).</summary>
        private bool TriggerNounBetween(int from, int to, Func<TriggerEntry, bool> kind) =>
            Enumerable.Range(Math.Max(0, from), Math.Max(0, Math.Min(to, v.Count) - Math.Max(0, from)))
                .Any(k => v.IsNoun(k) && v.MentionAt(k) is null && _x._triggers.Lookup(v.Lemmas[k], TriggerPos.Noun).Any(e => !e.Derived && kind(e)));

        /// <summary>An event category: neither stative nor place, nor one of the stative relations between actors.</summary>
        private static bool IsEventCategory(string category) => !Grammar.StativeCategories.Contains(category) && !Grammar.StandingCategories.Contains(category);

        /// <summary>Prepositions that introduce a participant of most relations; others ("in", "near") mostly add circumstance.</summary>
        private static bool ArgumentPreposition(string p, bool placeRelation) =>
            Grammar.ArgumentPrepositions.Contains(p) || placeRelation && Grammar.PlaceArgumentPrepositions.Contains(p);

        /// <summary>The subject mentions of verb group <paramref name="gi"/> (with coordinated subjects), memoised.</summary>
        private List<MentionRef> Subjects(int gi)
        {
            if (_subjects.TryGetValue(gi, out var cached)) return cached;
            _subjects[gi] = new List<MentionRef>(); // guards against cycles through controllers
            return _subjects[gi] = ComputeSubjects(gi);
        }

        private List<MentionRef> ComputeSubjects(int gi)
        {
            var g = _groups[gi];
            // "for Y to (not) VERB": Y is the infinitive's subject, not anyone before "for" ("the demand by X for Y to leave")
            if (ForSubject(g, out int to) >= 0)
                return v.MentionEndingAt(to - 1) is { } y ? WithLeftConjuncts(y) : new List<MentionRef>();
            // an infinitive after a noun belongs to the noun's owner: "Coalition efforts to support Y", "their campaign to defeat Y"
            // (a time noun has no owner: "X visited A, B and C last week to reaffirm ..." is X's purpose)
            if (g.First > 1 && v.Tag(g.First - 1) == "TO" && v.IsNoun(g.First - 2) && v.MentionAt(g.First - 2) is null && !Grammar.TimeNouns.Contains(v.Lower(g.First - 2)))
            {
                int h = g.First - 2;
                while (h > 0 && v.IsNoun(h - 1) && v.MentionAt(h - 1) is null) h--;
                int b = v.SkipBack(h - 1, v.IsAdjective);
                if (b >= 0 && v.Tag(b) == "POS") b--;
                if (v.MentionEndingAt(b) is { } owner && owner.Mention.Kind != MentionKind.Demonym) return WithLeftConjuncts(owner);
                // "In the campaign to defeat Y, X has ...": an opening phrase's campaign is the clause subject's
                bool opening = Enumerable.Range(0, h).All(k => !v.IsVerb(k) && !v.IsComma(k) && !v.IsClauseBreak(k));
                if (opening && ClauseAfterOpening(g.Head + 1, anyComma: true) is var next and >= 0) return Subjects(next);
            }
            // a purpose infinitive opening its clause: "To defeat Y, X must ...", "... clear that to defeat Y we would need ...": the
            // one acting is the subject of the clause it opens
            if (g.First > 0 && v.Tag(g.First - 1) == "TO" && !g.Finite
                && (g.First == 1 || v.IsComma(g.First - 2) || v.IsClauseBreak(g.First - 2) || v.IsComplementizer(g.First - 2)))
                return _groups.FindIndex(o => o.First > g.Head && o.Finite) is var next and >= 0 ? Subjects(next) : new List<MentionRef>();
            // a participle clause opening the sentence: "Speaking in Vienna, X said ...", "Advancing from the south, X took Y"
            if (v.Tag(g.Head) == "VBG" && !g.Finite && g.First == 0)
                return ClauseAfterOpening(g.Head + 1) is var opened and >= 0 ? Subjects(opened) : new List<MentionRef>();
            // a participle clause after the main clause: "X struck Y, killing Z", "X advanced, pushing Y back": its subject is
            // the main clause's (not "including", "according" ..., which open no clause of their own). So is the subject of a
            // participle with no comma whose plain pronoun object is the noun right before it ("X wrote to Y urging him to leave"):
            // a plain pronoun object never names its own clause's subject, so the participle does not modify that noun
            if (v.Tag(g.Head) == "VBG" && !g.Finite && g.First == g.Head && g.First > 1)
            {
                bool afterComma = v.IsComma(g.First - 1) && v.Words[g.First - 1] == "," && !Grammar.ClauselessParticiples.Contains(v.Lemma(g.Head));
                bool pronounObject = !v.IsComma(g.First - 1) && g.Head + 1 < v.Count && v.Tag(g.Head + 1) == "PRP" && !v.Lower(g.Head + 1).EndsWith("self", StringComparison.Ordinal)
                    && !v.Lower(g.Head + 1).EndsWith("selves", StringComparison.Ordinal) && v.MentionAt(g.Head + 1) is { } pronoun && v.MentionEndingAt(g.First - 1) is { } near && near.Entity == pronoun.Entity;
                int k = (afterComma || pronounObject) && gi > 0 ? _groups.FindLastIndex(gi - 1, o => o.Finite) : -1;
                bool clear = k >= 0; // no clause break (nor a comma, before a participle without one) after the main clause's verb
                for (int t = clear ? _groups[k].Head + 1 : 0; clear && t < (afterComma ? g.First - 1 : g.First); t++)
                    clear = !(pronounObject && v.IsComma(t) || v.IsClauseBreak(t) || v.IsRelativePronoun(t) || v.IsComplementizer(t));
                if (clear) return Subjects(k);
            }
            // controlled infinitive or gerund: "X agreed to release Y", "X urged Y to withdraw", "X denied attacking Y"
            int ctrl = Controller(gi, out var objectControl);
            if (ctrl >= 0) return objectControl is not null ? WithLeftConjuncts(objectControl) : Subjects(ctrl);
            // coordinated verb phrase: "X attacked Y and killed Z"
            int p = g.First - 1;
            while (p >= 0 && v.IsAdverb(p)) p--;
            if (p >= 0 && (v.Lower(p) is "and" or "but" or "or" || v.IsComma(p) && v.Lower(p + 1) is "and" or "but"))
            {
                for (int k = gi - 1; k >= 0; k--)
                    if (_groups[k].Finite || _groups[k].Head < p) return Subjects(k);
            }
            var s = SubjectBefore(g.First);
            return s is null ? new List<MentionRef>() : WithLeftConjuncts(s);
        }

        /// <summary>The clause an opening phrase opens: the first finite verb group after the first comma or clause break from
        /// <paramref name="from"/> when that is a "," (with <paramref name="anyComma"/>, a dash or bracket too), else -1.</summary>
        private int ClauseAfterOpening(int from, bool anyComma = false)
        {
            int comma = Enumerable.Range(from, Math.Max(0, v.Count - from)).FirstOrDefault(k => v.IsComma(k) || v.IsClauseBreak(k), -1);
            return comma > 0 && (anyComma ? v.IsComma(comma) : v.Words[comma] == ",") ? _groups.FindIndex(o => o.First > comma && o.Finite) : -1;
        }

        /// <summary>
        /// The "for" of "for Y to (not) VERB" before group <paramref name="g"/> (Y is the infinitive's own subject), else -1;
        /// <paramref name="to"/> is the "to".
        /// </summary>
        private int ForSubject(VerbGroup g, out int to)
        {
            to = v.SkipBack(g.First - 1, v.IsAdverb, 0);
            if (to < 2 || v.Tag(to) != "TO") return -1;
            for (int k = to - 1; k >= 0 && to - k <= 8; k--)
            {
                // Y must name someone: "asked for permission to go" is a noun and its infinitive
                if (v.Lower(k) == "for" && v.MentionAt(k) is null) return k < to - 1 && v.MentionEndingAt(to - 1) is not null ? k : -1;
                if (!(v.IsNpModifier(k) || v.IsCoordinator(k))) break;
            }
            return -1;
        }

        /// <summary>
        /// The group controlling group <paramref name="gi"/>: "to"-infinitive after a verb (and its object), or a gerund
        /// right after a verb or after "of" ("accused X of attacking"). -1 when none.
        /// </summary>
        private int Controller(int gi, out MentionRef? objectControl)
        {
            var g = _groups[gi];
            objectControl = null;
            int p = g.First - 1;
            // "urged X to immediately release Y", "plans to quickly attack Y": one or two adverbs (not a negator) may split the
            // infinitive from its "to"
            for (int a = 0; a < 2 && p > 1 && v.IsAdverb(p) && !Grammar.NegatesAt(v, p) && v.MentionAt(p) is null; a++) p--;
            bool infinitive = v.Tag(p) == "TO";
            if (!infinitive) p = g.First - 1;
            bool gerund = v.Tag(g.Head) == "VBG" && !g.Finite && g.First == g.Head;
            if (!infinitive && !gerund) return -1;
            int q = p;
            if (gerund && !infinitive)
            {
                if (v.Lower(p) is "of" or "from" or "about" or "for" or "to") q = p; // "accused X of attacking", "thanked X for helping", "committed to carrying out"
                else if (gi > 0 && _groups[gi - 1].Head == p) return gi - 1; // "denied attacking"
                else return -1;
            }
            // skip back over an object (mention or short NP) to the controlling verb
            int j = q - 1;
            MentionRef? obj = null;
            int steps = 0;
            bool inList = false;
            while (j >= 0 && steps < 8)
            {
                var m = v.MentionEndingAt(j);
                if (m is not null) { obj ??= m; j = m.FirstToken - 1; if (!inList) steps++; continue; }
                if (v.IsVerb(j) || v.Tag(j) == "MD") break;
                // "X spoke with ministers from A, B, and C to discuss Z": a list of names ending in "and"/"or" is one object,
                // its commas no clause break, and the purpose infinitive after it the controlling verb's (A, B and C discuss nothing)
                if (obj is not null && v.Lower(j) is "and" or "or" && v.MentionFrom(j + 1, v.IsDeterminer) is not null
                    && (v.MentionEndingAt(j - 1) is not null || j > 1 && v.IsComma(j - 1) && v.MentionEndingAt(j - 2) is not null))
                { inList = true; j--; continue; }
                if (inList && v.IsComma(j) && v.Words[j] == "," && v.MentionEndingAt(j - 1) is not null) { j--; continue; }
                if (!v.IsDeterminer(j)) inList = false;
                if (v.IsComma(j) || v.IsClauseBreak(j) || v.IsRelativePronoun(j)) return -1;
                j--; steps++;
            }
            int k = j < 0 || gi == 0 ? -1 : _groups.FindLastIndex(gi - 1, o => o.Head == j);
            if (k < 0) return -1;
            // object control only for verbs that direct someone else ("urge", "call on", "ask", "force"), and only over a
            // direct object: in "X deployed airmen to Incirlik to support Y" the one supporting is X
            // a gerund after "of"/"for" is always the object's: "accused X of leaving", "thanked X for supporting"
            bool directing = Grammar.DirectingVerbs.Contains(v.Lemma(j)) || gerund && v.Lower(q) is "of" or "for";
            if (obj is not null && directing && (PrepositionBefore(obj.FirstToken) is var pb && (pb < 0 || v.Lower(pb) == "on" && v.Lemma(pb - 1) == "call")))
                objectControl = obj;
            return k;
        }

        /// <summary>The clause subject left of <paramref name="first"/>, skipping prepositional phrases, appositions and relative clauses.</summary>
        private MentionRef? SubjectBefore(int first)
        {
            int j = first - 1;
            bool passedHeadNoun = false;
            while (j >= 0)
            {
                var m = v.MentionEndingAt(j) ?? v.MentionAt(j);
                // "Russian-backed rebels attacked": the name inside a participle compound backs the head noun, it does not act
                if (m is not null && passedHeadNoun && m.EndToken == m.FirstToken + 1 && IsAgentCompound(v.Words[m.FirstToken])) return null;
                if (m is not null)
                {
                    int npStart = NounPhraseStartBefore(m);
                    // "An airstrike in northern Ostland's Tarn province killed ...": a possessor opens the name's noun phrase, so a
                    // place phrase before it is the place of the subject's head noun, and its place is no actor
                    while (npStart > 0 && v.Tag(npStart) == "POS" && v.MentionEndingAt(npStart - 1) is { } owner && owner.Entity != m.Entity)
                        npStart = NounPhraseStartBefore(owner);
                    // "Nurses at Kessa Clinic Tarn Hollow, Ost., treated": a name closing a longer proper-noun phrase
                    // shares the preposition before it, when a common noun heads that phrase
                    int q = npStart;
                    while (q >= 0 && (v.MentionEndingAt(q) is not null || v.Tag(q) is "NNP" or "NNPS" && !Grammar.TimeNouns.Contains(v.Lower(q))))
                        q = v.MentionEndingAt(q) is { } part ? part.FirstToken - 1 : q - 1;
                    if (q < npStart && q > 0 && v.Tag(q - 1) is "NN" or "NNS" && (v.IsPreposition(q) || Grammar.PlacePrepositions.Contains(v.Lower(q))) && !v.IsComplementizer(q))
                        npStart = q; // ("the Minister for Interior X allowed": a title, X is the subject)
                    // "Rebels fighting the X regime attacked", "the soldiers who fought X attacked": the object of a participle
                    // or relative clause modifying the subject is never the subject
                    if (ObjectOfModifierClause(npStart) is var clause and >= 0)
                    {
                        if (v.IsRelativePronoun(clause)) return Described(clause);
                        j = clause;
                        passedHeadNoun = false;
                        continue;
                    }
                    // "If X attacked Y": a subordinator opens the clause whose subject X is, it is no preposition
                    if (npStart >= 0 && (v.IsPreposition(npStart) || Grammar.PlacePrepositions.Contains(v.Lower(npStart))) && !v.IsComplementizer(npStart) && !Grammar.Subordinators.Contains(v.Lower(npStart)))
                    {
                        // inside a PP: "troops from X attacked" names X as the actor; "X in Y attacked" goes on to X; a place
                        // after an event noun is no actor ("the liberation of Raqqah will free ...")
                        bool headBefore = npStart - 1 >= 0 && v.IsNoun(npStart - 1) && v.MentionAt(npStart - 1) is null;
                        bool proxy = !IsPlace(m) || v.Context.Entities[m.Entity].FineTypes.Contains("Country") && v.Tag(npStart - 1) is "NNS" or "NNPS";
                        // "the wife of an X commander was charged": a name modifying a role noun names that person's side,
                        // and the person (not X) is the one in the PP
                        if (v.Lower(npStart) is "of" or "from" && headBefore && proxy && !ModifiesRoleNoun(m)) return m;
                        j = npStart - 1;
                        continue;
                    }
                    // "The Tribunal in Varno, Ostland ordered ...": a place after a comma closes the address of a place phrase; the
                    // subject is before that phrase, when there is one ("In Varno, Ostland ordered ...": the fronted phrase has none,
                    // and Ostland is the subject)
                    if (!passedHeadNoun && IsPlace(m) && npStart > 0 && v.IsComma(npStart) && v.MentionEndingAt(npStart - 1) is { } address
                        && IsPlace(address) && PrepositionBefore(address.FirstToken) is var ap && ap >= 0 && (Grammar.PlacePrepositions.Contains(v.Lower(ap)) || v.Lower(ap) == "at")
                        && SubjectBefore(npStart) is { } addressed)
                        return addressed;
                    // "X, an ISIL commander in Y, was killed": a name modifying the head of an apposition is not the subject
                    if (passedHeadNoun && npStart > 0 && v.IsComma(npStart) && v.MentionEndingAt(npStart - 1) is { } described
                        && v.TypeOf(described) == EntityType.Person)
                        return described;
                    // "Gen. X, commander, U.S. Central Command met with ...": the organisation closes the person's apposition
                    if (!passedHeadNoun && npStart > 1 && v.IsComma(npStart) && v.TypeOf(m) != EntityType.Person)
                    {
                        int k = npStart - 1;
                        while (k > 0 && v.MentionAt(k) is null && (v.IsNoun(k) || v.IsAdjective(k)) && npStart - k <= 3) k--;
                        if (k < npStart - 1 && v.IsComma(k) && v.MentionEndingAt(k - 1) is { } person && v.TypeOf(person) == EntityType.Person
                            && _x._titles.IsRoleNoun(v.Words[npStart - 1]))
                            return person;
                    }
                    return m;
                }
                if (TimePhraseStart(j) is var time and >= 0) { j = time - 1; continue; } // "X on Tuesday rejected"
                if (v.IsRelativePronoun(j)) return Described(j);
                if (v.IsComma(j))
                {
                    int k = j - 1;
                    // "X, commander of Y (YC), visited": an acronym in brackets belongs to the name before it, not to the apposition's end
                    if (k > 2 && v.Words[k] == ")" && v.MentionEndingAt(k - 1) is { } acronym && acronym.FirstToken > 1
                        && v.Words[acronym.FirstToken - 1] == "(" && v.MentionEndingAt(acronym.FirstToken - 2) is not null)
                        k = acronym.FirstToken - 2;
                    while (k >= 0 && !v.IsComma(k) && !v.IsClauseBreak(k)) k--;
                    if (k > 0 && v.IsComma(k) && (v.MentionEndingAt(k - 1) is not null || v.IsNoun(k - 1))) { j = k - 1; passedHeadNoun = false; continue; }
                    // "X, of Y, Z, died": the phrases skipped were appositions of the sentence's first name
                    return k < 0 && v.IsFinite(first) && v.MentionEndingAt(j - 1) is { } first0 && TitleStart(first0.FirstToken) == 0 ? first0 : null;
                }
                if (v.IsVerb(j) || v.Tag(j) == "MD" || v.IsComplementizer(j) || v.IsClauseBreak(j)
                    || v.Tag(j) == "IN" && Grammar.Subordinators.Contains(v.Lower(j)) || v.Lower(j) is "and" or "but" or "or")
                    return v.IsVerb(j) && RelativeClauseEndingAt(j) is var rc and >= 0 ? Described(rc) : null;
                if (v.Tag(j) == "PRP" && v.Lower(j) is "it" or "they" or "he" or "she" or "we" && ReporterOf(j) is { } reporter)
                    return reporter; // "X said it would ...": an unresolved subject pronoun after a reporting verb is the reporter
                if (v.IsNoun(j) || v.Tag(j) == "PRP") passedHeadNoun = true;
                else if (passedHeadNoun && v.IsDeterminer(j))
                {
                    // "X and a group of deputies held talks": a name coordinated with a common-noun phrase is the subject
                    if (j >= 2 && v.Lower(j - 1) is "and" && v.MentionEndingAt(j - 2) is { } coordinated && PrepositionBefore(coordinated.FirstToken) < 0)
                        return coordinated;
                    // left the noun phrase that heads the clause, unless it ends a relative clause on the subject
                    return RelativeClauseEndingAt(j) is var rc and >= 0 ? Described(rc) : null;
                }
                else if (passedHeadNoun && v.Lower(j) == "of" && j > 0 && v.IsNoun(j - 1) && v.MentionAt(j - 1) is null) { j--; continue; } // "a group of deputies"
                else if (passedHeadNoun && v.IsPreposition(j)) return null;
                j--;
            }
            return null;
        }

        /// <summary>"The states that have signed the accord include X": the relative pronoun opening a clause, with a verb of
        /// its own, that runs through <paramref name="j"/> and follows a noun phrase; -1 when there is none within 12 tokens.</summary>
        private int RelativeClauseEndingAt(int j)
        {
            int r = j;
            while (r > 0 && j - r < 12 && !v.IsRelativePronoun(r) && !v.IsComma(r) && !v.IsClauseBreak(r) && !v.IsComplementizer(r) && !v.IsCoordinator(r)) r--;
            return r > 0 && v.IsRelativePronoun(r) && Enumerable.Range(r + 1, j - r).Any(v.IsVerb) && (v.IsNoun(r - 1) || v.MentionEndingAt(r - 1) is not null) ? r : -1;
        }

        /// <summary>The token before the determiners, adjectives and numbers that open the noun phrase of <paramref name="m"/>.</summary>
        private int NounPhraseStartBefore(MentionRef m) => v.SkipBack(m.FirstToken - 1, k => v.IsDetOrAdj(k) || v.Tag(k) == "CD");

        /// <summary>
        /// When the verb at <paramref name="k"/> (the token before an object noun phrase) heads a clause modifying the noun
        /// before it: the relative pronoun opening it ("who fought X", "that had backed X"), or for a present participle right
        /// after a noun ("rebels fighting X") the noun's last token; -1 otherwise ("X said Y attacked" keeps Y).
        /// </summary>
        private int ObjectOfModifierClause(int k)
        {
            if (k < 1 || !v.IsVerb(k) || v.MentionAt(k) is not null) return -1;
            if (v.Tag(k) == "VBG" && (v.IsNoun(k - 1) || v.MentionEndingAt(k - 1) is not null) && !_groups.Any(g => g.Head == k && g.Finite))
                return k - 1;
            int r = k;
            while (r >= 0 && (v.IsVerb(r) || v.Tag(r) == "MD" || v.IsAdverb(r)) && v.MentionAt(r) is null) r--;
            return r >= 0 && r < k && v.IsRelativePronoun(r) && !Grammar.ReportingVerbs.Contains(v.Lemma(k)) ? r : -1;
        }

        /// <summary>The subject of a reporting verb whose complement clause starts at token <paramref name="pronoun"/> ("X said (that) it ..."), or null.</summary>
        private MentionRef? ReporterOf(int pronoun)
        {
            int k = pronoun - 1;
            if (k >= 0 && v.IsComplementizer(k)) k--;
            while (k >= 0 && (v.Tag(k) is "NNP" or "IN" or "CD" || v.IsAdverb(k) || Grammar.TimeNouns.Contains(v.Lower(k))) && v.MentionAt(k) is null && pronoun - k < 5 && !v.IsVerb(k)) k--; // "said on Tuesday it", "announced yesterday that they"
            var reporting = _groups.Find(o => o.Head == k);
            return reporting is not null && (Grammar.ReportingVerbs.Contains(v.Lemma(k)) || v.Lemma(k) is "announce" or "warn" or "deny") ? SubjectBefore(reporting.First) : null;
        }

        private List<MentionRef> WithLeftConjuncts(MentionRef m)
        {
            var list = new List<MentionRef> { m };
            var cur = m;
            while (true)
            {
                int k = TitleStart(cur.FirstToken) - 1;
                if (k >= 2 && v.Lower(k) == "the" && v.MentionAt(k) is null) k--; // "X and the Y"
                if (k < 1) break;
                // a list ends in "and"/"or": a bare comma before the last name is an opening phrase or an apposition
                // ("In Iraq, coalition forces ..."), not a conjunction
                if (!(v.Lower(k) is "and" or "or" || v.IsComma(k) && v.Words[k] == "," && cur != m)) break;
                int j = k - 1;
                if (v.IsComma(j)) j--;
                if (v.Tag(j) == "POS" && v.Tag(cur.EndToken) == "POS") j--; // "Ostland's and Westmark's attacks"
                if (v.MentionEndingAt(j) is not { } prev || list.Any(x => x.Entity == prev.Entity)) break;
                if (PrepositionBefore(prev.FirstToken) >= 0 && PrepositionBefore(m.FirstToken) < 0) break; // "In Niger, X and Y attacked": Niger is no subject
                list.Insert(0, prev);
                cur = prev;
            }
            return list;
        }

        /// <summary>
        /// Where the title before a name starting at <paramref name="first"/> begins ("... and Foreign Minister Y", "... and the
        /// Jordanian Foreign Minister Y"): a prefix title of titles.tsv and a demonym before it; <paramref name="first"/> when none.
        /// </summary>
        private int TitleStart(int first)
        {
            for (int s = Math.Max(0, first - 4); s < first; s++)
            {
                if (v.MentionAt(s) is not null) continue;
                var (len, entries) = _x._titles.LongestMatchAt(v.Words, s);
                if (len != first - s || !entries.Any(e => e.PrecedesNames)) continue;
                if (v.MentionEndingAt(s - 1) is { } d && d.Mention.Kind == MentionKind.Demonym) s = d.FirstToken;
                // "X and his (Ruritanian) counterpart Y": a possessive before the title belongs to it
                if (s > 0 && v.Tag(s - 1) == "PRP$") s--;
                return s;
            }
            return first;
        }

        /// <summary>The first token after a demonym and a prefix title starting at <paramref name="j"/> (itself when there is no title).</summary>
        private int AfterTitle(int j)
        {
            int k = j;
            if (v.MentionStartingAt(k) is { } d && d.Mention.Kind == MentionKind.Demonym) k = d.EndToken;
            if (k >= v.Count || v.MentionAt(k) is not null) return j;
            var (len, entries) = _x._titles.LongestMatchAt(v.Words, k);
            if (len == 0 || !entries.Any(e => e.PrecedesNames)) return j;
            // "Minister of National Defense X": a title's capitalised portfolio after "of"/"for" is part of the title
            int q = k + len + 1;
            if (q < v.Count && v.Lower(q - 1) is "of" or "for")
                while (q < v.Count && char.IsUpper(v.Words[q][0]) && v.MentionAt(q) is null && q - k - len <= 4) q++;
            if (q > k + len + 1 && v.MentionStartingAt(q) is { } holder && v.TypeOf(holder) == EntityType.Person) return q;
            return v.MentionStartingAt(k + len) is not null ? k + len : j;
        }

        private List<MentionRef> WithRightConjuncts(MentionRef m)
        {
            var list = new List<MentionRef> { m };
            var cur = m;
            while (true)
            {
                int k = cur.EndToken;
                if (k >= v.Count || !(v.Lower(k) is "and" or "or" || v.Words[k] == ",")) break;
                int j = k + 1;
                if (v.Words[k] == "," && v.Lower(j) is "and" or "or") j++;
                if (v.MentionStartingAt(AfterTitle(v.SkipFrom(j, x => v.Tag(x) is "DT" or "PRP$" || v.IsAdjective(x)))) is not { } next || list.Any(x => x.Entity == next.Entity)) break;
                // "..., Y said": a mention followed by its own verb starts a new clause
                int after = next.EndToken;
                if (after < v.Count && (v.IsFinite(after) || v.Tag(after) == "MD")) break;
                list.Add(next);
                cur = next;
            }
            return list;
        }

        /// <summary>Whether the noun at <paramref name="i"/> names a movement: a trigger noun read as a visit or a deployment ("trip",
        /// "visit", "deployment"), whose "to" phrase is where it goes.</summary>
        private bool MovementNoun(int i) =>
            new[] { v.Lemma(i), v.Lower(i) }.Any(w => _x._triggers.Lookup(w, TriggerPos.Noun).Any(e => Grammar.MovementTypes.Contains(e.Type)));

        /// <summary>Whether a role noun of titles.tsv starts at <paramref name="i"/>, after a possessive "'s".</summary>
        private bool RoleNounAfter(int i)
        {
            if (i < v.Count && v.Tag(i) == "POS") i++;
            if (i >= v.Count) return false;
            var (len, entries) = _x._titles.LongestMatchAt(v.Words, i);
            if (len == 0) (len, entries) = _x._titles.LongestMatchAt(v.Lemmas, i);
            return len > 0 && entries.Any(e => e.IsRoleNoun && e.ImpliesPerson);
        }

        /// <summary>
        /// Whether the place <paramref name="obj"/> found after a vague event verb ("take", "make", "return": every reading under
        /// strength 0.5) is where a movement noun after the verb goes: "taking her first trip to Y", "made a visit to Y", "returned
        /// from a deployment to Y" (the nominal patterns read the trip or the visit themselves). The place is no patient of the
        /// verb; "returned the stolen statues to Y" still gives them back to Y, "cut off assistance to Y" still names Y, and a
        /// trigger phrase ending in its own noun ("end mediation") keeps its reading.
        /// </summary>
        private bool PlacedAfterObjectNoun(Match match, MentionRef obj)
        {
            if (!match.Entries.All(e => e.Strength < 0.5 && IsEventCategory(e.Category) && !Grammar.MovementTypes.Contains(e.Type))
                || match.Last > match.First && v.IsNoun(match.Last) || !IsPlace(obj)) return false;
            int noun = FirstCommonNoun(match.ObjectFrom, obj.FirstToken);
            int to = PrepositionBefore(obj.FirstToken);
            return noun >= 0 && to > noun && v.Lower(to) is "to" or "toward" or "towards" && MovementNoun(noun);
        }

        /// <summary>The first common noun outside a name in [<paramref name="from"/>, <paramref name="to"/>), or -1.</summary>
        private int FirstCommonNoun(int from, int to)
        {
            for (int j = Math.Max(0, from); j < to && j < v.Count; j++)
                if (v.Tag(j) is "NN" or "NNS" && v.MentionAt(j) is null) return j;
            return -1;
        }

        /// <summary>
        /// The first participant mention after <paramref name="from"/> in the clause (with coordinated mentions), skipping
        /// subject entities, time/cause phrases and (unless <paramref name="allowBy"/>) a "by" agent.
        /// </summary>
        private List<MentionRef> FindObjects(int from, HashSet<int> exclude, bool allowBy, out int prep, out bool afterBy, bool threat = false, bool clausal = false,
            bool nominal = false)
        {
            prep = -1;
            afterBy = false;
            bool skipNext = false;
            bool sawBy = false;
            for (int j = from; j < v.Count; j++)
            {
                if (v.IsComplementizer(j) && clausal && j - from <= 3)
                {
                    // "X demanded that Y ...": the subject of the complement clause is who the demand is on
                    var inner = v.MentionFrom(j + 1, v.IsDetOrAdj, j + 4);
                    if (inner is not null && !exclude.Contains(inner.Entity)) { prep = j; return WithRightConjuncts(inner); }
                    break;
                }
                if (v.IsClauseBreak(j) || v.IsRelativePronoun(j) || v.IsComplementizer(j) || j > from && v.IsFinite(j) && v.MentionAt(j) is null) break;
                // a noun's participants stand in its own phrase: "its allies will defeat Y", "X, a NATO ally, shot down Y" name
                // no ally of Y
                if (nominal && v.MentionAt(j) is null && (v.IsFinite(j) || v.Tag(j) == "VB" || v.IsComma(j))) break;
                // "to target fighters firing on Y", "in pressing Y", "committed to helping Y", "the release of workers held in Y" (not "held by Y": the agent): a gerund (not "water-purifying") or participle starts a clause
                if ((j > from || v.Lower(j - 1) == "to") && v.MentionAt(j - 1) is null && (v.Tag(j) == "VBG" && (v.Tag(j - 1) is "NN" or "NNS" || v.Tag(j - 1) is "IN" or "TO" && !v.Words[j].Contains('-'))
                    || v.Tag(j) == "VBN" && v.Tag(j - 1) is "NN" or "NNS" && v.Lower(j + 1) != "by")) break;
                // "meets to coordinate efforts to counter Y": what follows an infinitive is that verb's
                if (!threat && !clausal && v.Tag(j) == "TO" && j + 1 < v.Count && v.Tag(j + 1) == "VB") break;
                if (v.IsCoordinator(j) && (v.IsVerb(j + 1) || v.IsAdverb(j + 1) && v.IsVerb(j + 2))) break;
                if (v.IsComma(j) && (v.IsCoordinator(j + 1) && (v.IsVerb(j + 2) || v.IsFinite(j + 3)) || v.IsRelativePronoun(j + 1) || v.Tag(j + 1) is "VBG" || TrailingReport(j))) break; // "..., officials in X said": X no participant
                if (v.Tag(j) == "IN" && v.MentionAt(j) is null)
                {
                    var w = v.Lower(j);
                    if (w == "by") sawBy = true;
                    // "her first trip as Ostland's foreign minister to Y": a name in an "as" phrase only says whose the role is
                    if (w == "as" && v.MentionFrom(j + 1, v.IsDetOrAdj, j + 3) is { } whose && RoleNounAfter(whose.EndToken)) { skipNext = true; continue; }
                    // a threat names its target in its condition: "threatened to strike unless Y ..."
                    skipNext = Grammar.CircumstantialPrepositions.Contains(w) || Grammar.Subordinators.Contains(w) && w is not "as" && !(threat && w is "unless" or "if");
                    continue;
                }
                if (v.MentionStartingAt(j) is not { } m) continue;
                m = HeadOfPhrase(m);
                // "strikes coordinated with and in support of Y": whom an act supports is no target of it
                if (InSupportOf(m)) { j = m.EndToken - 1; continue; }
                j = m.EndToken - 1;
                if (skipNext) { skipNext = false; continue; }
                if (exclude.Contains(m.Entity)) continue;
                int p = PrepositionBefore(m.FirstToken);
                bool byAgent = p >= 0 && v.Lower(p) == "by";
                if (allowBy && sawBy && !byAgent) continue; // passive: wait for the agent
                // "rejected calls by X", "denounced obstructions by X": the agent of the object noun is the target
                if (!allowBy && byAgent && !(p > from && v.IsNoun(p - 1) && v.MentionAt(p - 1) is null)) continue;
                prep = p;
                afterBy = allowBy && byAgent;
                return WithRightConjuncts(m);
            }
            return new List<MentionRef>();
        }

        /// <summary>
        /// A demonym opening a noun phrase that ends in a name is its modifier, and the name is what the phrase denotes:
        /// "Iraqi Prime Minister Haider al-Abadi" is the person, not Iraq. So is a name before a title and a person's name
        /// ("met with Ostland Ambassador Clara Voss", "Ostland's envoy Clara Voss": Clara Voss). Otherwise the mention itself.
        /// </summary>
        private MentionRef HeadOfPhrase(MentionRef m)
        {
            // "Kenyan Minister of Defense X": the title's holder
            if (m.Mention.Kind == MentionKind.Demonym && AfterTitle(m.FirstToken) is var held && held > m.EndToken
                && v.MentionStartingAt(held) is { } holder && v.TypeOf(holder) == EntityType.Person)
                return holder;
            if (m.Mention.Kind != MentionKind.Demonym)
            {
                int t = m.EndToken < v.Count && v.Tag(m.EndToken) == "POS" ? m.EndToken + 1 : m.EndToken;
                // "the United Provinces of Orvia (UPO) Minister of Health X": an acronym in brackets closes the name
                if (t + 2 < v.Count && v.Words[t] == "(" && v.MentionStartingAt(t + 1) is { } acronym && acronym.EndToken < v.Count && v.Words[acronym.EndToken] == ")")
                    t = acronym.EndToken + 1;
                return AfterTitle(t) is var after && after > t && v.MentionStartingAt(after) is { } person && v.TypeOf(person) == EntityType.Person ? person : m;
            }
            int k = v.SkipFrom(m.EndToken, x => (v.IsNoun(x) || v.IsAdjective(x)) && v.Tag(x) != "POS", m.EndToken + 5);
            // "the Iraqi city of Mosul": the name after "of" is what the phrase denotes
            if (k > m.EndToken && v.Lower(k) == "of" && v.MentionStartingAt(k + 1) is { } named && IsPlace(named) && IsPlace(m)) return named;
            return v.MentionStartingAt(k) is { } head && head.Entity != m.Entity && head.Mention.Kind != MentionKind.Demonym ? head : m;
        }

        /// <summary>
        /// The last verb group before <paramref name="token"/> in the same clause (no clause break, nor a comma when
        /// <paramref name="commaEnds"/>, between its head and the token): the verb a phrase at the token belongs to; -1 if none.
        /// </summary>
        private int VerbBefore(int token, bool commaEnds)
        {
            int gi = _groups.FindLastIndex(g => g.Head < token);
            return gi >= 0 && !Enumerable.Range(_groups[gi].Head, token - _groups[gi].Head).Any(k => v.IsClauseBreak(k) || commaEnds && v.IsComma(k)) ? gi : -1;
        }

        /// <summary>"in support of X", "on behalf of X", "in coordination with X": X is whom the act is for or with.</summary>
        private bool InSupportOf(MentionRef m)
        {
            int p = PrepositionBefore(m.FirstToken);
            // "in support of the government of Ruritania": the phrase may hold a noun and "of" before the name
            if (p >= 2 && v.Lower(p) == "of" && v.IsNoun(p - 1) && v.MentionAt(p - 1) is null)
            {
                int q = p - 1;
                while (q > 0 && v.MentionAt(q - 1) is null && (v.IsNoun(q - 1) || v.IsDeterminer(q - 1) || v.IsAdjective(q - 1)) && p - q < 4) q--;
                if (q >= 2 && v.Tag(q - 1) is "IN" && (v.Lower(q - 1) is "of" && v.Lower(q - 2) is "support" or "behalf" || v.Lower(q - 1) is "with" && v.Lower(q - 2) == "coordinated"))
                    return true;
            }
            if (p < 2) return false;
            // "in support of the government of Ruritania": the name completing a description that is supported
            if (v.Lower(p) == "of" && v.MentionEndingAt(p - 1) is { } outer && outer.Entity != m.Entity && outer.EndToken <= p && InSupportOf(outer)) return true;
            return v.Lower(p) == "of" && Grammar.SupportNouns.Contains(v.Lower(p - 1)) && v.Lower(p - 2) is "in" or "on"
                || v.Lower(p) == "with" && Grammar.PartnershipNouns.Contains(v.Lower(p - 1)) && v.Lower(p - 2) == "in"
                || v.Lower(p) == "with" && v.Lower(p - 1) == "coordinated";
        }

        /// <summary>The preposition before the noun phrase that starts at <paramref name="first"/> (-1: none).</summary>
        private int PrepositionBefore(int first)
        {
            int k = v.SkipBack(first - 1, x => v.IsDetOrAdj(x) || v.Tag(x) is "CD" || v.IsNoun(x) && v.Tag(x + 1) == "POS");
            return k >= 0 && v.IsPreposition(k) ? k : -1;
        }

        // ---------------------------------------------------------------- described noun phrases

        /// <summary>
        /// The entity denoted by the noun phrase ending just before <paramref name="pos"/>: a mention there, or for a
        /// common-noun phrase ("a company led by Y") the entity it is predicated of: apposition "X, a company" or copula
        /// "X is a company".
        /// </summary>
        private MentionRef? Described(int pos)
        {
            int j = pos - 1;
            while (j >= 0 && v.IsAdverb(j) && !Grammar.IsNegator(v.Lower(j))) j--; // "X, later replaced by Y"
            if (j >= 0 && v.IsComma(j)) j--;
            if (j < 0) return null;
            var m = v.MentionEndingAt(j);
            if (m is not null && m.Mention.Kind != MentionKind.Demonym) return m;
            // walk over the noun phrase (its head is a common noun; demonym mentions inside it are modifiers)
            int k = j;
            while (k >= 0 && (v.MentionAt(k) is not null || v.IsNpModifier(k)) && !v.IsComma(k)) k--;
            if (k < 0) return null;
            if (v.IsComma(k)) return v.MentionEndingAt(k - 1);
            int c = k;
            while (c >= 0 && v.IsAdverb(c)) c--;
            return c >= 0 && v.IsCopula(c) ? SubjectBefore(GroupStartOf(c)) : null;
        }

        /// <summary>The first token of the verb group holding <paramref name="token"/>, else the token itself.</summary>
        private int GroupStartOf(int token) => _groups.FirstOrDefault(g => g.First <= token && token <= g.Head)?.First ?? token;

        // ---------------------------------------------------------------- nominalisations

        private IEnumerable<Candidate> NominalCandidates()
        {
            for (int i = 0; i < v.Count; i++)
            {
                // a noun, or an adjective opening a noun entry ("punitive measures", "armed attacks")
                bool adjective = v.IsAdjective(i) && i + 1 < v.Count && v.IsNoun(i + 1);
                // "X's offensive/JJ against Y": a word tagged as an adjective between a possessive and a preposition is a noun
                bool possessedNoun = v.IsAdjective(i) && i > 0 && v.Tag(i - 1) is "POS" or "PRP$" && v.IsPreposition(i + 1);
                if (_consumed[i] || !v.IsNoun(i) && !adjective && !possessedNoun || v.MentionAt(i) is not null) continue;
                // role nouns, in the plural too ("gave members an overview"), are read by the role patterns
                // "Kessa Command commander visits Ostland": a plural noun right before a name is a headline's verb, not a compound;
                // "joined President Ana Ruiz and ...": a role noun before a person's name is the name's title, and so before
                // a name that itself modifies a noun ("team members Kessa Marine Institute diver Ana Ruiz"); before an organisation's
                // name standing alone ("Vice President Kessa Trading Group") it is a role in it
                if ((_x._titles.IsRoleNoun(v.Words[i]) || _x._titles.IsRoleNoun(v.Lemmas[i]))
                    && (!v.IsNoun(i + 1) || v.MentionStartingAt(i + 1) is { } named && (v.TypeOf(named) == EntityType.Person || ModifiesNextWord(named))
                        || v.Tag(i + 1) == "NNS" && v.MentionAt(i + 1) is null && v.MentionStartingAt(i + 2) is not null)) continue;
                if (TriggerAt(i, TriggerPos.Noun) is not { } match || adjective && !possessedNoun && (match.Last == i || !v.IsNoun(match.Last))) continue;
                // a trigger noun modifying another noun names a kind of thing, not an event: "the opposition newspaper"
                // (a place phrase after the compound places the thing: "their training site in Y")
                if (match.Last + 1 < v.Count && v.Tag(match.Last + 1) is "NN" or "NNS" && v.MentionAt(match.Last + 1) is null
                    && !(match.Last + 2 < v.Count && v.IsPreposition(match.Last + 2) && !Grammar.PlacePrepositions.Contains(v.Lower(match.Last + 2)))
                    && !_x._triggers.Lookup(v.Lemmas[match.Last + 1]).Any()) continue;
                // a noun inside a compound ("withdrawal request") is read from the compound's head
                for (int k = match.First; k <= match.Last; k++) _consumed[k] = true;
                bool negated = false;
                var subjects = new List<MentionRef>();
                var pattern = RelationPattern.Nominal;
                // the subjects of verb group gi are the agent: a light verb's, or those of the clause the noun's phrase stands in
                void ClauseAgent(int gi)
                {
                    subjects.AddRange(Subjects(gi));
                    pattern = RelationPattern.LightVerbNominal;
                }
                // possessor or modifier: "X's withdrawal", "its attack", "Russian withdrawal"
                int p = i - 1;
                while (p >= 0 && v.MentionAt(p) is null && (v.IsAdjective(p) || v.IsNoun(p) || v.Tag(p) is "HYPH" or "VBN" or "CD"
                                                             || CoordinatedModifier(p)) // "air and ground attacks"
                       && !Grammar.CircumstantialPrepositions.Contains(v.Lower(p)) // a mistagged "amid" ends the phrase
                       && !(v.Tag(p) == "VBN" && p > 0 && (v.IsNoun(p - 1) || v.MentionAt(p - 1) is not null))) p--; // "forces conducted/VBN eight strikes": a verb
                if (p >= 0 && v.Lower(p) is "no") negated = true;
                bool genitive = p >= 0 && v.Tag(p) == "POS";
                if (genitive) p--;
                var possessor = p >= 0 ? v.MentionEndingAt(p) : null;
                // "its Ruritanian ally", "the Ruritanian ally": the demonym or name before an ally noun is the ally itself
                // (BondCandidates), not its partner
                if (possessor is not null && !genitive && BondNounAt(i, out _) == Bond.Ally
                    && (possessor.Mention.Kind == MentionKind.Demonym || possessor.FirstToken > 0 && v.Tag(possessor.FirstToken - 1) == "PRP$")) continue;
                // "the Kessa bombings", "the 2002 Varno attacks": a named place that is no country before an act of violence says
                // where it was, not who acted ("the Ostlandic attack", "Varno's attack" keep their agent)
                if (possessor is not null && !genitive && IsPlace(possessor) && possessor.Mention.Kind != MentionKind.Demonym
                    && !v.Context.Entities[possessor.Entity].FineTypes.Contains("Country") && match.Entries.All(e => e.Category is "ASSAULT" or "FIGHT"))
                    possessor = null;
                if (possessor is not null) subjects.AddRange(WithLeftConjuncts(possessor));
                // agent: "a request by the government", "the demand by A ... for B" (a "by" in the noun's clause, ten words at most)
                int by = subjects.Count > 0 ? -1 : Enumerable.Range(match.Last + 1, Math.Max(0, Math.Min(v.Count, match.Last + 11) - match.Last - 1))
                    .TakeWhile(j => !v.IsFinite(j) && !v.IsClauseBreak(j) && !v.IsRelativePronoun(j)).FirstOrDefault(j => v.Lower(j) == "by", -1);
                if (by >= 0 && v.MentionFrom(by + 1, v.IsDetOrAdj) is { } agent)
                {
                    // "an inspection by X's Y": the agent is Y, named as X's own part, and X is no party of the event; not when
                    // Y is a place or only modifies the noun after it ("an attack by X's Kessa region forces": X stays)
                    if (v.Tag(agent.EndToken) == "POS" && v.MentionFrom(agent.EndToken + 1, v.IsDetOrAdj) is { } owned
                        && !IsPlace(owned) && !(owned.EndToken < v.Count && v.Tag(owned.EndToken) is "NN" or "NNS" or "NNP" or "NNPS"))
                        agent = owned;
                    subjects.AddRange(WithRightConjuncts(agent));
                }
                // movements name their mover with "of": "the withdrawal of X from Y", "the deployment of X in Y"
                if (subjects.Count == 0 && match.Entries.Any(e => e.Category is "RETREAT" or "MOBILIZE") && v.Lower(match.Last + 1) == "of")
                {
                    var mover = v.MentionFrom(match.Last + 2, x => v.IsDetOrAdj(x) || v.Tag(x) == "CD", match.Last + 5);
                    if (mover is not null) subjects.AddRange(WithRightConjuncts(mover));
                }
                // light verb: "X launched an attack on Y", "X carried out the killing of ..."
                if (subjects.Count == 0)
                {
                    int q = v.SkipBack(p, x => v.IsDetOrAdj(x) || v.Tag(x) is "RP" or "CD");
                    for (int gi = 0; gi < _groups.Count; gi++)
                        if (_groups[gi].Head == q && (Grammar.LightVerbs.Contains(v.Lemma(q)) || Grammar.ControlVerbs.ContainsKey(v.Lemma(q))))
                            ClauseAgent(gi);
                    // "X raised concerns in a call with Y", "X took part in the fight against Y": an event noun in a
                    // prepositional phrase of the clause has the clause's subject as agent
                    // "X is committed to the fight against Y": the one committed to an act is its agent
                    bool committedTo = q >= 1 && v.Lower(q) == "to" && v.Lower(q - 1) is "committed" or "dedicated";
                    // "X returned from visits to Y", "X came back from a tour of Y": one comes back from one's own trip (not "X was
                    // barred from visits to Y": only a verb of coming back right before "from")
                    bool fromMovement = q >= 1 && v.Lower(q) == "from" && (v.Lemma(q - 1) == "return" || v.Lower(q - 1) == "back")
                        && match.Entries.All(e => Grammar.MovementTypes.Contains(e.Type));
                    if (subjects.Count == 0 && q >= 0 && (v.Lower(q) is "in" or "during" or "through" || committedTo || fromMovement))
                    {
                        int gi = VerbBefore(q, commaEnds: true);
                        // an opening phrase: "In a phone call with Y, X raised ...", "During talks with Y, X ...": the clause it opens
                        if (gi < 0 && !committedTo && q == 0) gi = ClauseAfterOpening(i);
                        if (gi >= 0 && (committedTo || !v.IsCopula(_groups[gi].Head)) && !Grammar.ReportingVerbs.Contains(v.Lemma(_groups[gi].Head)))
                            ClauseAgent(gi);
                    }
                    // "X is (held) responsible for mass killings in Y": the one responsible is the agent
                    if (subjects.Count == 0 && q >= 1 && v.Lower(q) == "for" && v.Lower(q - 1) == "responsible")
                    {
                        int gi = _groups.FindLastIndex(g => g.Head < q - 1);
                        if (gi >= 0 && (v.IsCopula(_groups[gi].Head) || v.Lemma(_groups[gi].Head) == "hold") && _groups[gi].Head >= q - 4)
                            ClauseAgent(gi);
                    }
                }
                // "talks between X and Y", "clashes between X and Y": a reciprocal event noun names both parties after "between"
                if (subjects.Count == 0 && v.Lower(match.Last + 1) == "between")
                {
                    foreach (var c in BetweenParties(match, negated)) yield return c;
                    continue;
                }
                if (subjects.Count == 0) continue;
                var objects = FindObjects(match.ObjectFrom, subjects.Select(s => s.Entity).ToHashSet(), allowBy: false, out int prep, out _, nominal: true);
                // "the Kessa summit in Varno": a meeting's place phrase says where it was, not with whom (a visit's or a tour's
                // place is what is visited: "his tour in Ostland")
                if (prep >= 0 && (Grammar.PlacePrepositions.Contains(v.Lower(prep)) || v.Lower(prep) == "at")
                    && match.Entries.All(e => Grammar.MeetingCategories.Contains(e.Category) && e.Type != "VISITED"))
                    objects = objects.Where(o => !IsPlace(o)).ToList();
                bool indirect = prep >= 0 && !match.EndsWithPrep && !ArgumentPreposition(v.Lower(prep), false) && v.Lower(prep) != "for";
                // "X requested support from Y", "X received aid from Y": help named with "from" comes from Y
                bool fromGiver = prep >= 0 && v.Lower(prep) == "from" && match.Entries.All(e => e.Category is "SUPPORT" or "AID" or "COOPERATE");
                foreach (var (s, o) in Pairs(subjects, objects))
                    yield return fromGiver
                        ? new Candidate(o, s, match.Entries, match.First, match.Last, match.Text, pattern, true, true, Negated: negated, DirectionApplied: true)
                        : new Candidate(s, o, match.Entries, match.First, match.Last, match.Text, pattern, indirect, true, Negated: negated);
            }
        }

        /// <summary>"and"/"or" between two modifiers of one noun: "air and ground attacks".</summary>
        private bool CoordinatedModifier(int p) =>
            v.IsCoordinator(p) && p > 0 && v.MentionAt(p - 1) is null && v.MentionAt(p + 1) is null
            && (v.IsAdjective(p - 1) || v.Tag(p - 1) == "NN") && (v.IsAdjective(p + 1) || v.Tag(p + 1) == "NN");

        /// <summary>
        /// "X is (deeply) concerned about Y", "X remains grateful to Y", "X is opposed to Y": a copula, a predicative adjective
        /// of the trigger lexicon (pos adj, keyed by the adjective and its preposition) and the one the attitude is toward.
        /// </summary>
        private IEnumerable<Candidate> AttitudeCandidates()
        {
            for (int j = 1; j + 2 < v.Count; j++)
            {
                if (v.MentionAt(j) is not null || !(v.IsAdjective(j) || v.Tag(j) == "VBN") || !v.IsPreposition(j + 1)) continue;
                // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
                {
                    var entries = _x._triggers.Lookup(v.Lower(j) + " " + v.Lower(j + 1), TriggerPos.Adjective);
                    if (entries.Count == 0) continue;
                    int k = v.SkipBack(j - 1, v.IsAdverb, 0);
                    int gi = _groups.FindIndex(g => g.Head == j && v.IsCopula(g.First) || g.First <= k && k <= g.Head && v.IsCopula(g.Head));
                    if (gi < 0) continue;
                    var subjects = Subjects(gi);
                    if (subjects.Count == 0) continue;
                    var objects = FindObjects(j + 2, subjects.Select(s => s.Entity).ToHashSet(), allowBy: true, out _, out _, nominal: true);
                    var text = v.TextOf(j, j + 1);
                    // "is not concerned": the negation stands between the copula and the adjective; the copula's group gives the rest
                    bool negated = Enumerable.Range(k + 1, Math.Max(0, j - k - 1)).Any(x => Grammar.IsNegator(v.Lower(x)));
                    foreach (var (s, o) in Pairs(subjects, objects))
                        yield return new Candidate(s, o, entries, j, j + 1, text, RelationPattern.Verb, false, true, Negated: negated);
                }
            }
        }

        /// <summary>
        /// The parties coordinated after "between" in "talks between X and Y": each is related to each other one (both
        /// directions) by the noun's reciprocal readings (meeting, agreement, cooperation, alliance, fighting).
        /// </summary>
        private IEnumerable<Candidate> BetweenParties(Match match, bool negated)
        {
            var reciprocal = match.Entries.Where(e => e.Category is "CONSULT" or "AGREE" or "COOPERATE" or "FIGHT" or "ALLIED_WITH").ToList();
            if (reciprocal.Count == 0 || v.MentionStartingAt(AfterTitle(v.SkipFrom(match.Last + 2, v.IsDetOrAdj))) is not { } first) yield break;
            var parties = WithRightConjuncts(first);
            // "between X and Y ended": the verb after Y is the clause's, Y still the second party
            if (parties.Count == 1 && first.EndToken < v.Count && v.Lower(first.EndToken) == "and"
                && v.MentionStartingAt(AfterTitle(v.SkipFrom(first.EndToken + 1, v.IsDetOrAdj))) is { } second)
                parties.Add(second);
            foreach (var (x, y) in Pairs(parties, parties))
                if (x.Entity != y.Entity)
                    yield return new Candidate(x, y, reciprocal, match.First, match.Last, match.Text, RelationPattern.Nominal, false, true, Negated: negated);
        }

        // ---------------------------------------------------------------- roles and appositions

        /// <summary>The trigger lexicon's role readings (leading, membership, work, affiliation) of a title, or null.</summary>
        private IReadOnlyList<TriggerEntry>? RoleOf(string phrase) =>
            _x._triggers.Lookup(phrase, TriggerPos.Noun).Where(e => e.Category is "LEADS" or "MEMBER_OF" or "WORKS_FOR" or "AFFILIATED_WITH").ToList() is { Count: > 0 } entries ? entries : null;

        private IEnumerable<Candidate> RoleCandidates()
        {
            for (int r = 0; r < v.Count; r++)
            {
                var (len, entries) = _x._titles.LongestMatchAt(v.Words, r);
                if (len == 0) continue;
                int last = r + len - 1;
                if (!entries.Any(e => e.ImpliesPerson)) continue;
                var role = RoleOf(v.LemmasOf(r, last)) ?? RoleOf(v.WordsOf(r, last));
                bool isNoun = entries.Any(e => e.IsRoleNoun);
                bool isPrefix = entries.Any(e => e.PrecedesNames);
                IReadOnlyList<TriggerEntry> triggers = role ?? Grammar.Entries.Lookup(isPrefix ? "prefix title" : "role");
                var text = v.TextOf(r, last);

                // (b) "O['s] ROLE[,] P": "Y head, X", "Russian President X", "the group's leader X"
                int ob = v.SkipBack(r - 1, x => v.IsAdjective(x) || v.Tag(x) is "HYPH" || v.IsNoun(x) && !_x._titles.Lookup(v.Words[x]).Any(), r - 3);
                if (ob >= 0 && v.Tag(ob) == "POS") ob--;
                var org = ob >= 0 ? v.MentionEndingAt(ob) : null;
                int after = last + 1;
                if (after < v.Count && v.IsComma(after)) after++;
                var holder = v.MentionStartingAt(after);
                var inside = v.MentionAt(r);
                if (inside is not null && inside.FirstToken == r && v.TypeOf(inside) == EntityType.Person) holder = inside; // title inside the name
                if (org is not null && holder is not null && v.TypeOf(holder) == EntityType.Person && org.Entity != holder.Entity)
                {
                    var t = role is null && org.Mention.Kind == MentionKind.Demonym && !isPrefix ? Grammar.Entries.Lookup("demonym role") : triggers;
                    yield return RoleCandidate(holder, org, t, r, last, text);
                    continue;
                }
                // (d) "ROLE P of O": "Foreign Minister X of Y", "Sgt. X of the 4th Battalion": the title's holder serves the state or
                // organisation named after "of" (a town after "of" is where the person is from, read by the place patterns)
                if (isPrefix && org is null && holder is not null && v.TypeOf(holder) == EntityType.Person && holder.FirstToken <= after
                    && holder.EndToken + 1 < v.Count && v.Lower(holder.EndToken) == "of")
                {
                    var o = v.MentionFrom(holder.EndToken + 1, v.IsDeterminer);
                    bool state = o is not null && IsPlace(o) && v.Context.Entities[o.Entity].FineTypes.Contains("Country") && (isNoun || role is not null);
                    if (o is not null && o.Entity != holder.Entity && (v.TypeOf(o) == EntityType.Organization || state))
                    {
                        var t = role is null && !isNoun ? Grammar.Entries.Lookup("role member") : triggers;
                        yield return RoleCandidate(holder, o, t, r, last, text, factual: true);
                        continue;
                    }
                }
                if (!isNoun && role is null) continue;

                // (a) "P, [a|the] [adj] ROLE (of|at|for|with|in) O" and "P is/was/became the ROLE of O"
                int h = v.SkipBack(r - 1, x => v.IsAdjective(x) || v.Tag(x) is "DT" or "HYPH" || v.IsNoun(x), r - 5);
                MentionRef? possessorOrg = null;
                if (h >= 0 && v.Tag(h) == "POS")
                {
                    possessorOrg = v.MentionEndingAt(h - 1);
                    h = possessorOrg is null ? h : possessorOrg.FirstToken - 1;
                    while (h >= 0 && v.Tag(h) == "DT") h--;
                }
                var p = h >= 0 && v.IsComma(h) ? v.MentionEndingAt(h - 1) : h >= 0 && v.IsCopula(h) ? SubjectBefore(GroupStartOf(h)) : null;
                if (p is not null && v.TypeOf(p) == EntityType.Person)
                {
                    MentionRef? o = possessorOrg;
                    int from = last + 1;
                    if (o is null && from < v.Count && v.Tag(from) is "IN" or "TO" && v.Lower(from) is "of" or "at" or "for" or "with" or "in" or "to" or "from" or "on")
                        o = v.MentionFrom(from + 1, x => v.IsDetOrAdj(x) || v.IsNoun(x) || v.Tag(x) is "CD" or "HYPH", from + 6);
                    // "P, special envoy to the Kessa region", "P's first trip as director to Ostland": a place right after "to" is
                    // where the role is posted or travels, not whom it serves ("adviser to the Ostland president", "adviser to
                    // Ostland's president", "adviser to the Ostland delegation" still serve: the phrase goes on past the place)
                    if (o is not null && o != possessorOrg && v.Lower(from) == "to" && IsPlace(o)
                        && Enumerable.Range(from + 1, o.FirstToken - from - 1).All(v.IsDeterminer)
                        && !(o.EndToken < v.Count && (v.Tag(o.EndToken) == "POS" || v.IsNoun(o.EndToken))))
                        o = null;
                    // "a crew chief in Abel Battery": a noun before a leading role names what is led; the place of work only has a member
                    if (possessorOrg is null && r > 0 && v.IsNoun(r - 1) && v.MentionAt(r - 1) is null && triggers.All(e => e.Category == "LEADS"))
                        triggers = Grammar.Entries.Lookup("role member");
                    // "P, CEO of O Q": in a list of titles before names, the name right after O holds the title ((c)), not P
                    bool nextHolds = o is not null && v.MentionStartingAt(o.EndToken) is { } q && v.TypeOf(q) == EntityType.Person;
                    if (o is not null && o.Entity != p.Entity && !nextHolds)
                        foreach (var owned in RoleInOwnedPart(p, o, triggers, r, last, text)) yield return owned;
                    if (!nextHolds) continue;
                }

                // (c) "the ROLE of O, P" : "the commander of the force, X,"; in a list of titles before names, "CEO of O P"
                if (after < v.Count && v.Lower(last + 1) is "of" or "at" && v.MentionFrom(last + 2, v.IsDetOrAdj, last + 5) is { } of && of.EndToken < v.Count
                    && v.MentionStartingAt(v.IsComma(of.EndToken) ? of.EndToken + 1 : of.EndToken) is { } per && v.TypeOf(per) == EntityType.Person && per.Entity != of.Entity)
                    yield return RoleCandidate(per, of, triggers, r, last, text);
            }
        }

        /// <summary>
        /// "P, director of the Commission's Varno Regional Office", "P, head of the Agency's Orvin Division": a role of what an
        /// organisation owns is held in that part: the role's relation goes to the part, and the holder works for the owner. When
        /// the part is no name ("P, chief of the Commission's enforcement office") the holder only works for the owner: a leading role in
        /// a part does not lead the whole. Otherwise the role is of the organisation named.
        /// </summary>
        private IEnumerable<Candidate> RoleInOwnedPart(MentionRef holder, MentionRef org, IReadOnlyList<TriggerEntry> triggers, int r, int last, string text)
        {
            int k = org.EndToken;
            bool owner = k + 1 < v.Count && v.Tag(k) == "POS" && v.TypeOf(org) == EntityType.Organization;
            if (owner && v.MentionFrom(k + 1, v.IsAdjective) is { } part && part.Entity != org.Entity && part.Entity != holder.Entity
                && v.TypeOf(part) == EntityType.Organization)
                yield return RoleCandidate(holder, part, triggers, r, last, text);
            yield return RoleCandidate(holder, org, owner && triggers.Any(e => e.Category == "LEADS") ? Grammar.Entries.Lookup("role") : triggers, r, last, text);
        }

        // ---------------------------------------------------------------- places

        private static readonly IReadOnlyList<TriggerEntry> LocatedIn = Grammar.Entries.Lookup("in");

        /// <summary><paramref name="m"/> LOCATED_IN each of <paramref name="places"/> but itself, read at token <paramref name="at"/>.</summary>
        private IEnumerable<Candidate> PlacedIn(MentionRef m, IEnumerable<MentionRef> places, int at, bool indirect, bool factual = false) =>
            places.Where(p => p.Entity != m.Entity).Select(p => new Candidate(m, p, LocatedIn, at, at, v.Words[at], RelationPattern.Locative, indirect, true, Factual: factual));

        private bool IsPlace(MentionRef m) => v.TypeOf(m) == EntityType.Location;

        /// <summary>The place mention starting at <paramref name="i"/> (after an optional determiner) and the places coordinated with it.</summary>
        private List<MentionRef> PlacesFrom(int i)
        {
            var places = new List<MentionRef>();
            while (i < v.Count)
            {
                if (v.Tag(i) is "DT" || Grammar.CompassWords.Contains(v.Lower(i))) i++;
                i = AfterPlaceNoun(i);
                if (v.MentionStartingAt(i) is not { } m || !IsPlace(m)) break;
                places.Add(m);
                i = m.EndToken;
                if (i + 1 < v.Count && (v.Lower(i) is "and" or "or" || v.Words[i] == "," && v.MentionStartingAt(i + 1) is { } next && IsPlace(next))) { i++; continue; }
                break;
            }
            return places;
        }

        /// <summary>
        /// The token after a place-kind phrase starting at <paramref name="i"/> ("[the] [northwest] province of"), so the name
        /// after it is read as the place; <paramref name="i"/> itself when there is none.
        /// </summary>
        private int AfterPlaceNoun(int i)
        {
            int k = i;
            if (v.Tag(k) == "DT") k++;
            while (k < v.Count && k - i < 4 && v.MentionAt(k) is null && (v.IsAdjective(k) || v.Tag(k) is "NN" or "RB") && !Grammar.PlaceNouns.Contains(v.Lower(k))) k++;
            if (k + 2 < v.Count && v.MentionAt(k) is null && Grammar.PlaceNouns.Contains(v.Lower(k)) && v.Lower(k + 1) == "of" && v.MentionStartingAt(k + 2) is not null)
                return k + 2;
            return i;
        }

        /// <summary>
        /// "U.S. forces in Syria", "ISIL terrorists in Syria and Iraq" (X LOCATED_IN each place); "Palmyra, Syria" (a place in a
        /// country); "Near Mosul, five strikes engaged ISIL units" (the clause's first actor is where the opening phrase says).
        /// </summary>
        private IEnumerable<Candidate> LocativeCandidates()
        {
            foreach (var m in v.Mentions)
            {
                int p = m.EndToken;
                // "Palmyra, Syria": a place followed by its country; not a country that opens the clause after a fronted place
                // phrase ("In Varno, Ostland signed ...": Ostland is the subject)
                if (IsPlace(m) && p + 1 < v.Count && v.Words[p] == "," && v.MentionStartingAt(p + 1) is { } country && IsPlace(country)
                    && v.Context.Entities[country.Entity].FineTypes.Contains("Country") && !v.Context.Entities[m.Entity].FineTypes.Contains("Country")
                    && !(PrepositionBefore(m.FirstToken) == 0 && country.EndToken < v.Count && (v.IsFinite(country.EndToken) || v.Tag(country.EndToken) == "MD")))
                {
                    yield return new Candidate(m, country, LocatedIn, p, p, ",", RelationPattern.Locative, false, true, Factual: NounFact(m));
                    continue;
                }
                // "Syria's Idlib province": the possessor of a place contains it
                if (IsPlace(m) && p + 1 < v.Count && v.Tag(p) == "POS")
                {
                    int q = v.SkipFrom(p + 1, v.IsAdjective, p + 4);
                    // not a demonym: "Arizona's Indian reservations" are no place of India's
                    if (v.MentionStartingAt(q) is { } inner && IsPlace(inner) && inner.Entity != m.Entity && inner.Mention.Kind != MentionKind.Demonym)
                        yield return new Candidate(inner, m, LocatedIn, p, p, v.Words[p], RelationPattern.Locative, false, true, Factual: true);
                }
                // "X, an ISIL commander in Raqqah, ...": an apposition's place is the described entity's
                // (a place too: "Raqqa, a self-proclaimed capital in Syria", "Brel, the capital of Ostland")
                if (p + 2 < v.Count && v.IsComma(p) && v.IsDeterminer(p + 1))
                {
                    int q = p + 2;
                    while (q < v.Count && q - p <= 7 && (v.MentionAt(q) is not null && !IsPlace(v.MentionAt(q)!) || v.IsNpModifier(q) || v.IsNoun(q))) q++;
                    if (q > p + 2 && q < v.Count && v.IsNoun(q - 1) && v.MentionAt(q - 1) is null
                        && (Grammar.PlacePrepositions.Contains(v.Lower(q)) || v.Lower(q) == "of" && IsPlace(m) && (Grammar.PlaceNouns.Contains(v.Lemma(q - 1)) || Grammar.SeatNouns.Contains(v.Lemma(q - 1)))))
                        foreach (var c in PlacedIn(m, PlacesFrom(q + 1), q, true, NounFact(m))) yield return c;
                }
                // "ISIL terrorists in Syria": the name may modify the noun phrase that is placed
                while (p < v.Count && p - m.EndToken < 3 && v.MentionAt(p) is null && (v.Tag(p) is "NN" or "NNS" || v.IsAdjective(p))) p++;
                // "12 Ruritanian nationals in X": a demonym before a common noun says where the people are from, and the place
                // phrase places them, not the country; a noun a state acts through keeps it ("Ostlandic forces in Varno"), and so
                // does a sentence that names the country otherwise
                if (m.Mention.Kind == MentionKind.Demonym && p > m.EndToken && v.Tag(p - 1) is "NN" or "NNS" && !_x.ActsForState(v.Lower(p - 1), v.Lemma(p - 1))
                    && v.Mentions.All(o => o.Entity != m.Entity || o.Mention.Kind == MentionKind.Demonym))
                    continue;
                // "the Ostland summit in Varno", "Ostland policy in Z": a name before a gathering noun or a singular noun that names
                // no person or body of it, no unit and no place only says whose the thing is, and the place phrase places the thing
                // (a plural may name its people: "Ostland service members in Z", and so may a collective noun: "Ostland
                // personnel in Z"; one role-holder is no presence of the body: "an Ostland army officer in Z"; a time noun is no
                // thing: "met Y yesterday in Z")
                if (p > m.EndToken && (Grammar.GatheringNouns.Contains(v.Lemma(p - 1)) || Grammar.GatheringNouns.Contains(v.Lower(p - 1))
                        || v.Tag(p - 1) == "NN" && !NamesPresence(v.Lower(p - 1), v.Lemma(p - 1)) && !Grammar.TimeNouns.Contains(v.Lower(p - 1))))
                    continue;
                // "at" too, but not for a person: "P at Firm" is where P works, a name taggers often read as a place
                if (p >= v.Count || !(Grammar.PlacePrepositions.Contains(v.Lower(p)) || v.Lower(p) == "at" && v.TypeOf(m) != EntityType.Person)) continue;
                // the thing placed must not itself be the object of a verb's place complement already ("deployed in")
                if (p > 0 && v.IsVerb(p - 1)) continue;
                // "met P of C in L": an "of" phrase naming a person's country or organisation ends the person's phrase; the
                // place belongs to the clause
                if (PrepositionBefore(m.FirstToken) is var of && of > 0 && v.Lower(of) == "of" && v.MentionEndingAt(of - 1) is { } named
                    && v.TypeOf(named) == EntityType.Person) continue;
                // "the consul of C in L", "the embassy of C in L": a country in an "of" phrase after a common noun (no kind of
                // place: "the province of C") says whose the noun is, and the place phrase places the noun, not the country
                if (PrepositionBefore(m.FirstToken) is var ofC && ofC > 0 && v.Lower(ofC) == "of" && v.MentionAt(ofC - 1) is null && v.IsNoun(ofC - 1)
                    && !Grammar.PlaceNouns.Contains(v.Lower(ofC - 1)) && v.Context.Entities[m.Entity].FineTypes.Contains("Country")) continue;
                foreach (var c in PlacedIn(m, PlacesFrom(p + 1), p, false, NounFact(m))) yield return c;
            }
            // an event's place is where its subject was: "X conducted strikes in Syria", "X met Y in Baghdad", "X was killed in Z"
            for (int gi = 0; gi < _groups.Count; gi++)
            {
                var g = _groups[gi];
                // "X is in Y", "X will remain at Y": being somewhere (the place right after the copula, adverbs aside)
                if (v.IsCopula(g.Head) && v.Lemma(g.Head) is "be" or "remain")
                {
                    int j = v.SkipFrom(g.Head + 1, v.IsAdverb);
                    if (j + 1 < v.Count && v.Lower(j) is "in" or "at" or "inside" && v.MentionAt(j) is null && PlacesFrom(j + 1) is { Count: > 0 } places)
                        foreach (var c in Subjects(gi).Where(x => !IsPlace(x)).SelectMany(x => PlacedIn(x, places, j, false))) yield return c;
                    continue;
                }
                // not after a reporting verb, a copula or an active verb that judges or demands: "X condemned the killing of Y in Z"
                if (Grammar.ReportingVerbs.Contains(v.Lemma(g.Head)) || v.IsCopula(g.Head) || !g.Passive && TriggerAt(g.Head, TriggerPos.Verb) is { } said
                    && OwnReadingsAll(said.Entries, c => c is "DISAPPROVE" or "REJECT" or "DEMAND")) continue;
                var subjects = Subjects(gi);
                if (subjects.Count == 0) continue;
                // one meets or visits where the other is ("X visited troops at Z"): the verb's reading, the same at every place phrase
                bool meets = TriggerAt(g.Head, TriggerPos.Verb) is { } contact && contact.Entries.Any(e => !e.Derived)
                    && contact.Entries.All(e => e.Category == "CONSULT");
                for (int j = g.Head + 1; j < v.Count && j - g.Head <= 12; j++)
                {
                    if (v.IsClauseBreak(j) || v.IsRelativePronoun(j) || v.IsComplementizer(j) || v.IsComma(j) && !Grammar.PlacePrepositions.Contains(v.Lower(j + 1))) break;
                    if (j > g.Head + 1 && _groups.Any(o => o.First == j)) break; // the next verb starts its own event
                    if (!(Grammar.PlacePrepositions.Contains(v.Lower(j)) || v.Lower(j) == "at") || v.MentionAt(j) is not null) continue;
                    // "X backed the government in Z": a place phrase after the verb's object noun places that noun, not X
                    if (!g.Passive && PlacesObjectNoun(g.Head, j) && !meets) break;
                    // "X praised Y's contributions in Z", "X thanked them for British support of efforts in Z", "bringing U.S.
                    // assistance in Z to ...": a noun with a named owner of its own holds the place phrase; it is where that
                    // owner acted, not where X is
                    if (!meets && OwnedNounBetween(g.Head + 1, j)) break;
                    // "X will give the duty for patrols in Z to W", "X praised the patrols of Y in Z": after an "of" or
                    // "for" phrase of the verb's common-noun object, a place phrase attaches to the nearest noun, not to X's act
                    if (!meets && !g.Passive && PlacesObjectComplement(g.Head, j)) break;
                    var places = PlacesFrom(j + 1);
                    // "X met (with) Y in Z", "X received Y at Z": who is met is there too
                    var present = new List<MentionRef>(subjects);
                    if (places.Count > 0 && TriggerAt(g.Head, TriggerPos.Verb) is { } meeting && meeting.Last < j
                        && meeting.Entries.Any(e => !e.Derived) && meeting.Entries.All(e => e.Type == "MET_WITH"))
                        present.AddRange(FindObjects(meeting.ObjectFrom, subjects.Select(x => x.Entity).ToHashSet(), false, out int mp, out _)
                            .Where(o => o.FirstToken < j && !IsPlace(o) && (mp < 0 || !Grammar.PlacePrepositions.Contains(v.Lower(mp)))));
                    foreach (var c in present.Where(x => !IsPlace(x) && x.Mention.Kind != MentionKind.Descriptor).SelectMany(x => PlacedIn(x, places, j, true)))
                        yield return c;
                    if (places.Count > 0) break;
                }
            }
            // an opening place phrase: "In Syria, ...", "Near Mosul, ..."; also after a subordinator of time, a clause with its
            // subject and copula left out: "While in Varno, X will meet ..." (X is in Varno)
            int from = v.Count > 3 && Grammar.PlacePrepositions.Contains(v.Lower(0)) ? 1
                : v.Count > 4 && v.Lower(0) is "while" or "when" or "once" && Grammar.PlacePrepositions.Contains(v.Lower(1)) ? 2 : -1;
            if (from > 0)
            {
                var places = PlacesFrom(from);
                if (places.Count == 0) yield break;
                int comma = places[^1].EndToken;
                if (comma >= v.Count || v.Words[comma] != ",") yield break;
                // the clause's actor, not a name inside another opening phrase ("with the support of X, the SDF ...")
                var actor = v.Mentions.FirstOrDefault(x => x.FirstToken > comma && !IsPlace(x) && !InsidePhrase(x) && x.Mention.Kind != MentionKind.Demonym)
                    ?? v.Mentions.FirstOrDefault(x => x.FirstToken > comma && !IsPlace(x));
                if (actor is null) yield break;
                foreach (var c in PlacedIn(actor, places, from - 1, true)) yield return c;
            }
        }

        /// <summary>
        /// Places stated by other constructions: a person's home town in an apposition ("X, 42, of Y, Z, died"), and an
        /// actor's presence or activity introduced by a possessive ("X's campaign in Y and Z").
        /// </summary>
        private IEnumerable<Candidate> PlaceMoreCandidates()
        {
            foreach (var m in v.Mentions)
            {
                if (IsPlace(m)) continue;
                int p = m.EndToken;
                // "assigned to 5th Special Forces Group, Fort Campbell, Kentucky": a military unit followed by a place that
                // closes the phrase is stationed there
                if (v.Context.Entities[m.Entity].FineTypes.Contains("ArmedForces") && p + 1 < v.Count && v.IsComma(p)
                    && v.MentionStartingAt(p + 1) is { } station && IsPlace(station))
                {
                    var places = PlacesFrom(p + 1);
                    int after = places.Count > 0 ? places[^1].EndToken : station.EndToken;
                    if (after >= v.Count || v.Words[after] is "." or ";" || v.IsComma(after) && !(after + 1 < v.Count && v.IsCoordinator(after + 1)))
                        yield return new Candidate(m, station, LocatedIn, p, p, ",", RelationPattern.Locative, true, true);
                }
                // "X, 42, of Y, Z,": the apposition gives where the person is from
                if (v.TypeOf(m) == EntityType.Person && p + 2 < v.Count && v.IsComma(p))
                {
                    int q = p + 1;
                    if (v.Tag(q) == "CD" && v.IsComma(q + 1)) q += 2;
                    if (v.Lower(q) == "of")
                    {
                        var places = PlacesFrom(q + 1);
                        int end = places.Count > 0 ? places[^1].EndToken : -1;
                        // the apposition must close: "of Y, Z," or the sentence ends ("of Y, Z.")
                        if (places.Count > 0 && (end >= v.Count || v.IsComma(end) || v.Tag(end) == "."))
                            foreach (var c in PlacedIn(m, places, q, true)) yield return c;
                    }
                }
                // "X's campaign in Y": the possessor is where its activity is
                if (m.Mention.Kind is MentionKind.Demonym || p + 2 >= v.Count || v.Tag(p) != "POS") continue;
                // the noun phrase owned ends in a presence noun
                int k = v.SkipFrom(p + 1, x => v.IsAdjective(x) || v.IsNoun(x) || v.Tag(x) is "VBG", p + 5);
                if (k == p + 1 || !v.IsNoun(k - 1) || !Grammar.PresenceNouns.Contains(v.Lemma(k - 1)) || k >= v.Count || !Grammar.PlacePrepositions.Contains(v.Lower(k))) continue;
                foreach (var c in PlacedIn(m, PlacesFrom(k + 1), k, true)) yield return c;
            }
        }

        /// <summary>Whether a noun names people or a unit that can stand for the name before it ("ISIL fighters", "U.S. forces",
        /// "the Ostland embassy", a PETRARCH agent noun or a descriptor of a body or a person), or a place or a presence of it
        /// ("the Varno district", "the Ostland base").</summary>
        private bool NamesPresence(string lower, string lemma) =>
            new[] { lower, lemma }.Any(w => _x._agents.Lookup(w).Count > 0 || Grammar.PresenceNouns.Contains(w) || Grammar.PlaceNouns.Contains(w)
                || Grammar.PeopleCollectiveNouns.Contains(w)
                || _x._descriptors.Lookup(w).Any(e => e.Type is EntityType.Organization or EntityType.Person or EntityType.Location));

        /// <summary>
        /// Whether a place phrase on mention <paramref name="m"/> states a fact of its noun phrase that the clause's negation or
        /// modality does not reach: a place within a place ("did not investigate killings in Brel in central Ostland"), or a
        /// name inside an "of" phrase of another noun ("the killing of Red Hand fighters in Brel").
        /// </summary>
        private bool NounFact(MentionRef m) =>
            IsPlace(m) && m.Mention.Kind != MentionKind.Demonym || PrepositionBefore(m.FirstToken) is var pb && pb >= 0 && v.Lower(pb) == "of";

        /// <summary>
        /// Whether the place preposition at <paramref name="prep"/> follows the common-noun object of the verb headed at
        /// <paramref name="head"/> ("backed the government in Z"): the phrase may then modify that noun rather than the verb.
        /// Not after an event noun, whose place is the act's ("conducted strikes in Z"), a time noun ("fought for a week in
        /// Z"), a name or pronoun ("met Y in Z", "fought them in Z").
        /// </summary>
        private bool PlacesObjectNoun(int head, int prep)
        {
            int n = prep - 1;
            if (n <= head || !v.IsNoun(n) || v.MentionAt(n) is not null || TimePhraseStart(n) >= 0) return false;
            // a span of time is no object: "was captured the previous month in Z", "spent a decade in Z"; nor is a proper noun
            if (Grammar.TimeNouns.Contains(v.Lemma(n)) || Grammar.TimeSpanNouns.Contains(v.Lemma(n)) || v.Tag(n) is "NNP" or "NNPS") return false;
            // the noun must be the verb's own object: no preposition between the verb and it ("fought for control in Z" keeps Z)
            if (Enumerable.Range(head + 1, n - head - 1).Any(k => v.IsPreposition(k) || v.Tag(k) == "TO" || v.IsVerb(k))) return false;
            return !TriggerNounBetween(head + 1, prep, e => !Grammar.StativeCategories.Contains(e.Category));
        }

        /// <summary>
        /// Whether the place preposition at <paramref name="prep"/> ends the verb's common-noun object and an "of"/"for" phrase
        /// of it ("give the duty for patrols in Z to W", "the patrols of Y in Z"). An event noun keeps the place as
        /// its act's ("conducted a series of strikes in Z"), unless an "of" phrase names whose act it is.
        /// </summary>
        private bool PlacesObjectComplement(int head, int prep)
        {
            int k = head + 1;
            // a noun phrase with its determiner ("found guilty of sedition in Z": a headline's adjective the tagger took for a noun)
            if (k >= prep || !(v.IsDeterminer(k) || v.Tag(k) == "PRP$")) return false;
            while (k < prep && v.MentionAt(k) is null && (v.IsDeterminer(k) || v.IsAdjective(k) || v.Tag(k) is "CD" or "PRP$")) k++;
            int noun = k;
            while (k < prep && v.MentionAt(k) is null && v.Tag(k) is "NN" or "NNS" || k > noun && k < prep && v.Lower(k) == "and" && v.IsNoun(k + 1)) k++;
            if (k == noun || k >= prep || v.Lower(k) is not ("of" or "for")) return false;
            int complement = k;
            for (k++; k < prep; k++)
                if (!(v.IsNpModifier(k) || v.Lower(k) is "of" or "and")) return false;
            bool ownerNamed = v.Lower(complement) == "of" && v.MentionFrom(complement + 1, v.IsDeterminer) is not null;
            return ownerNamed || !TriggerNounBetween(head + 1, prep, e => !Grammar.StativeCategories.Contains(e.Category));
        }

        /// <summary>
        /// Whether a name between <paramref name="from"/> and <paramref name="to"/> owns a common noun after it: a possessor
        /// ("Y's contributions") or a name or demonym modifying the noun ("British support", "U.S. humanitarian assistance").
        /// </summary>
        private bool OwnedNounBetween(int from, int to)
        {
            foreach (var m in v.Mentions)
            {
                int e = m.EndToken;
                if (m.FirstToken < from || e >= to) continue;
                if (v.Tag(e) == "POS") return true;
                while (e < to && v.MentionAt(e) is null && v.IsAdjective(e)) e++;
                if (e < to && v.MentionAt(e) is null && v.IsNoun(e) && v.Tag(e) is not ("NNP" or "NNPS")) return true;
            }
            return false;
        }

        /// <summary>Whether a preposition stands between the last comma before <paramref name="m"/> and it: "with the support of the 60-nation X".</summary>
        private bool InsidePhrase(MentionRef m) =>
            SentenceView.Before(m.FirstToken).TakeWhile(k => !v.IsComma(k) && !v.IsClauseBreak(k)).Any(k => v.IsPreposition(k) && v.MentionAt(k) is null);

        // ---------------------------------------------------------------- compound participles

        /// <summary>
        /// A name joined by a hyphen to a participle of backing: "Russian-backed", "U.S.-trained" (not "U.S.-Iraq"; not "-led":
        /// who leads a force acts through it, "U.S.-led forces struck X").
        /// </summary>
        private static bool IsAgentCompound(string word) =>
            word.LastIndexOf('-') is var dash and > 0 && dash < word.Length - 3 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && !word.EndsWith("-led", StringComparison.OrdinalIgnoreCase);

        private IEnumerable<Candidate> CompoundCandidates()
        {
            for (int t = 0; t < v.Count; t++)
            {
                var word = v.Words[t];
                int dash = word.LastIndexOf('-');
                if (dash <= 0 || dash == word.Length - 1) continue;
                var prefix = word[..dash];
                var suffix = word[(dash + 1)..].ToLowerInvariant();
                if (!suffix.EndsWith("ed", StringComparison.Ordinal) && !Grammar.IrregularParticiples.Contains(suffix)) continue;
                // "the Oslo-based group": what is based somewhere is located there
                if (suffix == "based")
                {
                    if ((v.MentionAt(t) ?? PrefixEntity(prefix, t)) is { } place && IsPlace(place) && v.MentionStartingAt(t + 1) is { } based && based.Entity != place.Entity)
                        yield return new Candidate(based, place, Grammar.Entries.Lookup("based"), t, t, word, RelationPattern.Compound, false, false, DirectionApplied: true);
                    continue;
                }
                var lemma = _x._lemmatize?.Invoke(suffix, "VBN") ?? Stem(suffix);
                var entries = _x._triggers.Lookup(lemma, TriggerPos.Verb);
                if (entries.Count == 0 && lemma != Stem(suffix)) entries = _x._triggers.Lookup(Stem(suffix), TriggerPos.Verb);
                if (entries.Count == 0) continue;
                // the agent: the prefix as an entity ("French-led"), or the mention before a generic prefix ("Russian state-funded")
                var agent = v.MentionAt(t) ?? PrefixEntity(prefix, t) ?? (char.IsLower(prefix[0]) ? v.MentionEndingAt(t - 1) : null);
                if (agent is null) continue;
                // what it describes: the mention right after, else the noun phrase's entity (apposition or copula subject)
                var described = v.MentionFrom(t + 1, x => v.IsAdjective(x) || v.Tag(x) is "HYPH", t + 4);
                if (described is null)
                {
                    int npStart = agent.EndToken <= t ? agent.FirstToken : t;
                    while (npStart > 0 && v.MentionAt(npStart - 1) is null && v.Tag(npStart - 1) is "DT" or "PRP$" || npStart > 0 && v.IsAdjective(npStart - 1) && v.MentionAt(npStart - 1) is null) npStart--;
                    described = Described(npStart);
                }
                if (described is null || described.Entity == agent.Entity) continue;
                yield return new Candidate(agent, described, entries, t, t, word, RelationPattern.Compound, false, false);
            }
        }

        private static string Stem(string participle) =>
            participle.EndsWith("ied", StringComparison.Ordinal) ? participle[..^3] + "y"
            : participle.EndsWith("ed", StringComparison.Ordinal) ? participle[..^2]
            : participle;

        /// <summary>An entity of the document named by a hyphen prefix ("French" in "French-led"), as a mention placed on token <paramref name="t"/>.</summary>
        private MentionRef? PrefixEntity(string prefix, int t)
        {
            if (v.Context.FirstMentionWithText(prefix) is not { } mr) return null;
            var tok = v.Sentence.Tokens[t];
            var m = mr.Mention with { Span = new TextSpan(tok.Start, tok.Start + prefix.Length), Text = prefix, SentenceIndex = v.Index };
            return new MentionRef(m, mr.Entity, v.Index, t, t + 1);
        }

        // ---------------------------------------------------------------- hedges and attribution

        /// <summary>Whether <paramref name="m"/> is what a meeting after the trigger is about ("held talks on Z", "spoke about Z").</summary>
        public bool IsTopic(int triggerLast, MentionRef m)
        {
            int p = PrepositionBefore(m.FirstToken);
            // "cooperate on the development of X's programme": a name in an "of" phrase of the topic is in the topic
            for (int hops = 0; hops < 3 && p > triggerLast + 1 && v.Lower(p) == "of" && v.IsNoun(p - 1); hops++)
            {
                int k = v.SkipBack(p - 1, v.IsNoun, triggerLast);
                p = PrepositionBefore(k + 1);
            }
            return p > triggerLast && Grammar.TopicPrepositions.Contains(v.Lower(p));
        }

        /// <summary>Negation and modality of the clause holding the trigger at <paramref name="token"/>. A title or role noun
        /// (<paramref name="stated"/>) in the object of a control verb is stated by its noun phrase, not hedged by that verb:
        /// "urged Ostland's President Kolt to resign" asks for the resignation, not for Kolt to lead Ostland (a verb that
        /// controls the title's own verb still hedges it: "plans to name Vell chief of Belcor").</summary>
        public (bool Negated, string? Modality) HedgeAt(int token, bool isNoun, bool stated = false)
        {
            bool negated = false;
            string? modality = null;
            // a control verb governing the clause ("refused to attack", "threatened to strike") denies or hedges it
            void Governed(int head)
            {
                if (Grammar.ControlVerbs.TryGetValue(v.Lemma(head), out var cv)) { if (cv == "negated") negated = true; else modality ??= cv; }
            }
            int gi = _groups.FindIndex(g => g.First <= token && token <= g.Head);
            if (gi < 0 && isNoun) gi = _groups.FindLastIndex(g => g.Head < token); // the nearest group before a noun governs it
            if (isNoun && gi >= 0)
            {
                if (Enumerable.Range(_groups[gi].Head + 1, Math.Max(0, token - _groups[gi].Head - 1)).Any(k => v.IsClauseBreak(k) || v.IsRelativePronoun(k) || v.IsComplementizer(k)))
                    gi = -1;
                if (gi >= 0 && _groups[gi].Head != token && !stated) Governed(_groups[gi].Head);
            }
            // "the demand for Y to leave", "time for Y to act": what "for Y to" says is asked or planned, not done
            if (gi >= 0 && ForSubject(_groups[gi], out _) is var forAt && forAt > 0)
                modality = Grammar.ControlVerbs.TryGetValue(v.Lemma(forAt - 1), out var asked) && asked != "negated" ? asked : "planned";
            int steps = 0;
            while (gi >= 0 && steps++ < 4)
            {
                var g = _groups[gi];
                if (g.Negated) negated = true;
                modality ??= g.Modality;
                int ctrl = Controller(gi, out _);
                if (ctrl < 0) break;
                Governed(_groups[ctrl].Head);
                gi = ctrl;
            }
            var before = SentenceView.Before(token);
            // conditional: "if"/"unless" before the trigger with no comma between
            if (before.TakeWhile(k => !v.IsComma(k) && !v.IsClauseBreak(k)).Any(k => Grammar.Conditionals.Contains(v.Lower(k))) && modality is null or "future")
                modality = "conditional";
            // denial through a that-clause: "X denied that Y attacked Z"
            if (before.TakeWhile(k => !v.IsClauseBreak(k))
                .Any(k => v.IsVerb(k) && v.Lemma(k) is "deny" or "dispute" or "refute" && (v.IsComplementizer(k + 1) || v.MentionAt(k + 1) is not null && !isNoun)))
                negated = true;
            return (negated, modality);
        }

        /// <summary>The entity a reporting verb attributes the trigger's clause to ("X said ...", "..., X said", "according to X"), or null.</summary>
        public int? AttributionAt(int token, MentionRef subj, MentionRef obj)
        {
            foreach (var g in _groups)
            {
                if (!Grammar.ReportingVerbs.Contains(v.Lemma(g.Head)) && v.Lemma(g.Head) is not ("deny" or "dispute")) continue;
                if (g.Head < token)
                {
                    // reporter before: its clause must contain the trigger's clause
                    if (Enumerable.Range(g.Head + 1, token - g.Head - 1).Any(v.IsClauseBreak)) continue;
                    var reporter = SubjectBefore(g.First) ?? (g.Head + 1 < v.Count ? v.MentionStartingAt(g.Head + 1) : null);
                    if (reporter is not null && reporter.FirstToken < token) return reporter.Entity;
                }
                else if (g.First > token)
                {
                    // reporter after, at the end: "..., X said." or "..., said X."
                    if (Enumerable.Range(g.Head + 1, v.Count - g.Head - 1).Any(v.IsVerb)) continue;
                    var before = SubjectBefore(g.First);
                    if (before is not null && before.FirstToken > obj.FirstToken && before.FirstToken > subj.FirstToken) return before.Entity;
                    var inverted = g.Head + 1 < v.Count ? v.MentionStartingAt(g.Head + 1) : null;
                    if (inverted is null && g.Head + 2 < v.Count && v.IsDeterminer(g.Head + 1)) inverted = v.MentionStartingAt(g.Head + 2);
                    if (inverted is not null && g.First > 0 && v.IsComma(g.First - 1)) return inverted.Entity;
                }
            }
            for (int k = 0; k + 2 < v.Count; k++)
                if (v.Lower(k) == "according" && v.Lower(k + 1) == "to")
                {
                    var m = v.MentionStartingAt(k + 2) ?? (v.IsDeterminer(k + 2) ? v.MentionStartingAt(k + 3) : null);
                    if (m is not null && m.Entity != subj.Entity && m.Entity != obj.Entity) return m.Entity;
                }
            return null;
        }
    }
}
