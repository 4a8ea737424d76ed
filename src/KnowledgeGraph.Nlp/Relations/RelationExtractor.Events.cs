using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Event constructions of news English that the verb and nominal patterns do not read on their own: time phrases between a
/// subject and its verb, demands stated as "Y must ...", statements of intent (PLOVER codes "X will visit Y" as AGREE and
/// "X would blockade Y" as THREATEN), extraditions, calls for punishment and statements that urge or demand; and the event
/// coding of every candidate with the CAMEO rules and argument checks of <see cref="EventCoder"/>.
/// </summary>
public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        // ---------------------------------------------------------------- event constructions

        /// <summary>Every event candidate coded with CAMEO and checked; those that are no event are left out.</summary>
        private List<Candidate> CodeEvents(List<Candidate> list)
        {
            if (_x._coder.IsEmpty) return list;
            var result = new List<Candidate>(list.Count);
            foreach (var c in list)
            {
                var decided = _x._coder.Decide(v, new EventCoder.Reading(c.TriggerFirst, c.IsNoun, c.Intent, c.TriggerText, c.Entries, c.B), c.Coding);
                // a relationship whose partner is the subject itself gives no edge
                if (decided is not { } d || d.Target.Entity == c.A.Entity) continue;
                // "X, Y and Z introduced a resolution", "X and Y issued a statement": coordinated subjects relate to each other
                // only by a reading that goes both ways (agreeing, meeting, cooperating, fighting; backing each other: "X and Y
                // resumed relations"); coded as a one-way event (a demand, a deployment) they are its co-authors, not each
                // other's target
                if (c.Reciprocal && d.Target.Entity == c.B.Entity
                    && !d.Entries.Any(e => e.Category is "AGREE" or "CONSULT" or "COOPERATE" or "FIGHT" or "SUPPORT")) continue;
                result.Add(c with { Entries = d.Entries, Coding = d.Coding, B = d.Target });
            }
            return result;
        }

        /// <summary>
        /// "X said (that) Y must/should/has to ...": a statement of what Y has to do is a demand on Y (PLOVER DEMAND), also
        /// after an object ("X issued a reminder to Y that it must ..."). The stating verb's subject makes the demand.
        /// </summary>
        private IEnumerable<Candidate> MustDemandCandidates()
        {
            for (int i = 1; i < v.Count; i++)
            {
                bool obligation = v.Tag(i) == "MD" && v.Lower(i) is "must" or "should"
                                  || v.Lower(i) is "has" or "have" && v.Tag(i + 1) == "TO" && v.IsVerb(i + 2);
                if (!obligation) continue;
                // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
                {
                    // the obliged: the noun phrase(s) right before the modal, up to the clause start
                    int k = i - 1;
                    var obliged = new List<MentionRef>();
                    while (k >= 0 && (v.MentionAt(k) is not null || v.IsDeterminer(k) || v.IsAdjective(k) || v.IsNoun(k) || v.Tag(k) is "CD" or "POS" or "VBN"
                                      || v.IsCoordinator(k)) && i - k < 12)
                    {
                        if (v.MentionAt(k) is { } m) { if (!obliged.Any(o => o.Entity == m.Entity)) obliged.Insert(0, m); k = m.FirstToken - 1; continue; }
                        k--;
                    }
                    if (obliged.Count == 0 || k < 0) continue;
                    if (v.IsComplementizer(k)) k--;
                    else if (!v.IsVerb(k)) continue;
                    // the stating verb: right before, or before its object and time phrase ("issued a stern reminder Saturday to Y")
                    int gi = _groups.FindLastIndex(g => g.Head <= k && k - g.Head < 10 && v.IsVerb(g.Head));
                    int head = gi >= 0 ? _groups[gi].Head : -1;
                    if (head < 0 || Enumerable.Range(head, k - head + 1).Any(j => v.IsComma(j) || v.IsClauseBreak(j) || v.IsRelativePronoun(j))
                        || !Grammar.StatingVerbs.Contains(v.Lemma(head))) continue;
                    var text = v.TextOf(head, i);
                    foreach (var (x, y) in Pairs(Subjects(gi), obliged))
                        if (x.Entity != y.Entity)
                            yield return new Candidate(x, y, Grammar.Entries.Lookup("must"), head, head, text, RelationPattern.Verb, false, false);
                }
            }
        }

        /// <summary>The active verb groups (index and group) whose head's lemma is one of <paramref name="verbs"/>.</summary>
        private IEnumerable<(int Index, VerbGroup Group)> GroupsOf(IReadOnlySet<string> verbs)
        {
            for (int gi = 0; gi < _groups.Count; gi++)
                if (!_groups[gi].Passive && verbs.Contains(v.Lemma(_groups[gi].Head))) yield return (gi, _groups[gi]);
        }

        /// <summary>
        /// "X extradited suspect P to Y", "X handed P over to Y": handing a person over to another state's justice is
        /// judicial cooperation with the receiver (CAMEO 0632); the person handed over keeps the verb's own edge.
        /// </summary>
        private IEnumerable<Candidate> HandoverCandidates()
        {
            foreach (var (gi, g) in GroupsOf(Grammar.HandoverVerbs))
            {
                // the first "to" in the verb's clause, twelve words at most, with the receiver after it
                int j = Enumerable.Range(g.Head + 1, Math.Max(0, Math.Min(v.Count, g.Head + 13) - g.Head - 1))
                    .TakeWhile(k => !(v.IsClauseBreak(k) || v.IsComma(k) || v.IsFinite(k) && v.MentionAt(k) is null))
                    .FirstOrDefault(k => v.Lower(k) == "to" && v.MentionAt(k) is null, -1);
                if (j < 0 || v.MentionFrom(j + 1, v.IsDeterminer) is not { } receiver) continue;
                // a person handed over must stand between the verb and "to": "handed the city to Y" is no extradition
                if (!Enumerable.Range(g.Head + 1, j - g.Head - 1).Any(k => v.MentionAt(k) is { } m && v.TypeOf(m) == EntityType.Person)) continue;
                foreach (var s in Subjects(gi))
                    if (s.Entity != receiver.Entity)
                        yield return new Candidate(s, receiver, Grammar.Entries.Lookup("hand over to"), g.Head, j, v.Words[g.Head] + " ... to", RelationPattern.Verb, true, false);
            }
        }

        /// <summary>
        /// "X issued a declaration demanding that Y ...", "X sent a letter urging Y to ...": a participle trigger after a
        /// statement noun has the statement's author as subject.
        /// </summary>
        private IEnumerable<Candidate> StatementGerundCandidates()
        {
            for (int gi = 0; gi < _groups.Count; gi++)
            {
                var g = _groups[gi];
                if (g.First != g.Head || v.Tag(g.Head) != "VBG" || g.Head < 2 || !Grammar.StatementNouns.Contains(v.Lemma(g.Head - 1))) continue;
                if (TriggerAt(g.Head, TriggerPos.Verb) is not { } match || Subjects(gi).Count > 0) continue;
                int k = v.SkipBack(g.Head - 2, x => v.IsDeterminer(x) || v.IsAdjective(x) || v.IsNoun(x));
                int author = _groups.FindIndex(o => o.Head == k);
                if (author < 0) continue;
                var subjects = Subjects(author);
                var objects = FindObjects(match.ObjectFrom, subjects.Select(s => s.Entity).ToHashSet(), false, out _, out _, clausal: true);
                foreach (var (s, o) in Pairs(subjects, objects))
                    yield return new Candidate(s, o, match.Entries, match.First, match.Last, match.Text, RelationPattern.Verb, false, false);
            }
        }

        /// <summary>
        /// "X called for sanctions against Y", "X urged action against Y": Y is not who is asked but whom the punishment
        /// would hit; PLOVER codes the call as disapproval of Y. The DEMAND reading of the same pair is replaced.
        /// </summary>
        private void PunitiveCallCandidates(List<Candidate> list)
        {
            for (int n = list.Count - 1; n >= 0; n--)
            {
                var c = list[n];
                if (c.IsNoun || !c.Entries.All(e => e.Category == "DEMAND")) continue;
                int p = v.SkipBack(c.B.FirstToken - 1, v.IsDetOrAdj, c.TriggerLast);
                if (p <= c.TriggerLast || v.Lower(p) is not ("against" or "on")) continue;
                // the noun before "against" must be punitive: sanctions, an embargo, military action, an attack
                int noun = p - 1;
                if (noun <= c.TriggerLast || !v.IsNoun(noun)) continue;
                if (_x._triggers.Lookup(v.Lemmas[noun], TriggerPos.Noun).Concat(_x._triggers.Lookup(v.PluralForms[noun], TriggerPos.Noun))
                    .Any(e => e.Category is "SANCTION" or "COERCE" or "FIGHT" or "ASSAULT") || v.Lemmas[noun] is "action" or "measure" or "step")
                    list[n] = c with { Entries = Grammar.Entries.Lookup("call for against") };
            }
        }

        /// <summary>
        /// A stated intention is itself an event in PLOVER: "X will visit Y", "X said it would meet Y if ...", "X is ready to
        /// send troops to Y" are AGREE (CAMEO "express intent to cooperate"); "X said it would blockade Y", "X may halt
        /// mediation if ..." are THREATEN. The hedged act keeps its own edge; the intention is added as a stated fact.
        /// Not for intentions reported by a third party, nor for denied ones.
        /// </summary>
        private IEnumerable<Candidate> IntentCandidates(List<Candidate> list)
        {
            var result = new List<Candidate>();
            foreach (var c in list)
            {
                if (c.Pattern is not (RelationPattern.Verb or RelationPattern.LightVerbNominal) || c.Intent) continue;
                var category = c.Entries.OrderByDescending(e => e.Strength).First().Category;
                bool derived = c.Entries.All(e => e.Derived);
                // a category whose intention states nothing, known without CAMEO: no further test
                if (!derived && !Grammar.StatedIntent.ContainsKey(category)) continue;
                if (c.Entries.Any(e => e.Direction != TriggerDirection.Active)) continue;
                var (negated, modality) = HedgeAt(c.TriggerFirst, c.IsNoun);
                if (negated || c.Negated) continue;
                bool conditionLater = Enumerable.Range(c.TriggerLast + 1, Math.Max(0, v.Count - c.TriggerLast - 1)).Any(k => v.Lower(k) is "if" or "unless");
                var reporter = AttributionAt(c.TriggerFirst, c.A, c.B);
                if (reporter is not null && reporter != c.A.Entity) continue;
                var (reported, self) = SpeakerBefore(c.TriggerFirst, c.A);
                if (reported && !self) continue; // "analysts said the army would attack": no statement by the army
                // a plain "will" is mostly a schedule ("the minister will travel to X on Monday"); it states an intention when
                // the actor says so itself or sets a condition
                bool intent = modality is "would" or "promised" || modality is "future" or "may" && (conditionLater || self)
                              || ReadinessBefore(c.TriggerFirst);
                // "would need to work with", "would try to reach": the modal hedges another verb, not this act (a "to"-infinitive after it)
                if (!intent || v.IsVerb(BeforeInfinitive(c.TriggerFirst)) && !ReadinessBefore(c.TriggerFirst)) continue;
                // (tried last, after the cheap tests above: the CAMEO patterns cost most) a verb only CAMEO knows codes an event only through a pattern it matches, and the pattern says which: its
                // intention is that event's ("prepared to impose martial law in Y" threatens Y), and without a pattern there is
                // none ("promised to continue aid to Y" is no threat: the bare "continue" only guesses a fight)
                if (derived)
                {
                    if (_x._coder.IsEmpty) continue;
                    var decided = _x._coder.Decide(v, new EventCoder.Reading(c.TriggerFirst, c.IsNoun, c.Intent, c.TriggerText, c.Entries, c.B), c.Coding);
                    if (decided is not { } d || d.Target.Entity != c.B.Entity) continue;
                    category = d.Entries.OrderByDescending(e => e.Strength).First().Category;
                }
                // the categories whose intention is stated, and how: grammar.rules' stated-intent (AGREED_WITH or THREATENED)
                if (!Grammar.StatedIntent.TryGetValue(category, out var intentType)) continue;
                bool cooperative = intentType.Replace(' ', '_') == "AGREED_WITH"; // a map value reads "_" as a space
                var entry = Grammar.Entries.Lookup("intend").First(e => e.Category == (cooperative ? "AGREE" : "THREATEN"));
                result.Add(c with { Entries = new[] { entry }, Intent = true });
            }
            return result;
        }

        /// <summary>
        /// Whether a reporting verb before <paramref name="token"/> introduces its clause ("X said (that) ..."), and whether its
        /// subject is <paramref name="actor"/> itself.
        /// </summary>
        private (bool Reported, bool Self) SpeakerBefore(int token, MentionRef actor)
        {
            for (int gi = _groups.Count - 1; gi >= 0; gi--)
            {
                var g = _groups[gi];
                if (g.Head >= token) continue;
                if (Enumerable.Range(g.Head + 1, token - g.Head - 1).Any(k => v.IsClauseBreak(k))) break;
                if (!Grammar.AnnouncingVerbs.Contains(v.Lemma(g.Head))) continue;
                var speaker = SubjectBefore(g.First);
                return (true, speaker is not null && speaker.Entity == actor.Entity);
            }
            return (false, false);
        }

        /// <summary>The comma at <paramref name="comma"/> opens a trailing attribution: ", officials in X said", ", X's spokesman said".</summary>
        private bool TrailingReport(int comma)
        {
            // the first comma, break or verb of the next seven words: a finite reporting verb after at least one word
            int k = Enumerable.Range(comma + 1, Math.Max(0, Math.Min(v.Count, comma + 8) - comma - 1)).FirstOrDefault(x => v.IsComma(x) || v.IsClauseBreak(x) || v.IsVerb(x), -1);
            return k > comma + 1 && !v.IsComma(k) && !v.IsClauseBreak(k) && Grammar.ReportingVerbs.Contains(v.Lemma(k)) && v.IsFinite(k);
        }

        /// <summary>
        /// The word before the "to" of the infinitive verb group holding <paramref name="token"/>, adverbs skipped ("is now
        /// ready to send"); -1 when the group is no "to"-infinitive.
        /// </summary>
        private int BeforeInfinitive(int token)
        {
            if (_groups.FirstOrDefault(x => x.First <= token && token <= x.Head) is not { } g || v.Tag(g.First - 1) != "TO") return -1;
            int k = g.First - 2;
            while (k >= 0 && v.IsAdverb(k)) k--;
            return k;
        }

        /// <summary>"ready to", "prepared to", "willing to", "intends to", "plans to" right before the verb group holding <paramref name="token"/>.</summary>
        private bool ReadinessBefore(int token) => BeforeInfinitive(token) is var k
            && (Grammar.ReadinessWords.Contains(v.Lower(k)) || v.IsVerb(k) && Grammar.IntendingVerbs.Contains(v.Lemma(k)));

        /// <summary>
        /// The longer lexicon match over the lemmas or over the lemmas with plural nouns as written: entries say
        /// "impose sanctions on" and "cut ties with", where a lemma sequence reads "impose sanction on"; a tie goes to the plural.
        /// </summary>
        private (int Length, IReadOnlyList<TriggerEntry> Entries) LongestMatch(IReadOnlyList<string> lemmas, IReadOnlyList<string> forms, int start)
        {
            var a = _x._triggers.LongestMatchAt(lemmas, start);
            if (SameWords(lemmas, forms, start, _x._triggers.MaxWords)) return a; // no plural in reach: the same match
            var b = _x._triggers.LongestMatchAt(forms, start);
            return b.Length >= a.Length && b.Length > 0 ? b : a; // a tie goes to the plural as written ("talks", a noun; "talk", a verb)
        }

        /// <summary>Whether the two lists have the same words from <paramref name="start"/> for <paramref name="count"/> words (or to their end).</summary>
        private static bool SameWords(IReadOnlyList<string> x, IReadOnlyList<string> y, int start, int count)
        {
            if (x.Count != y.Count) return false;
            for (int i = start; i < x.Count && i - start < count; i++)
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal)) return false;
            return true;
        }

        /// <summary>
        /// The first token of a time phrase ending at token <paramref name="j"/> ("on Thursday", "last week", "today",
        /// "on Monday night", "on Dec. 9"), or -1. A subject and its verb are often split by one: "X on Tuesday rejected Y".
        /// </summary>
        private int TimePhraseStart(int j)
        {
            if (j < 0 || v.MentionAt(j) is not null) return -1;
            int k = j;
            if (v.Tag(k) == "CD" && k > 0 && Grammar.TimeNouns.Contains(v.Lower(k - 1))) k--; // "Dec. 9"
            if (!Grammar.TimeNouns.Contains(v.Lower(k)) || v.IsVerb(k) || v.Tag(k) == "MD") return -1;
            bool bare = v.Lower(k) is "today" or "yesterday" or "tonight" || v.Tag(k) == "NNP";
            k--;
            // "Monday night", "Friday morning", "early Sunday"
            if (k >= 0 && v.MentionAt(k) is null && Grammar.TimeNouns.Contains(v.Lower(k))) k--;
            if (k >= 0 && v.Lower(k) is "early" or "late") k--;
            if (k >= 0 && v.Lower(k) is "on" or "last" or "this" or "next" or "earlier" or "later") return k;
            return bare && v.Lower(j) is not ("may" or "march") ? k + 1 : -1;
        }
    }
}
