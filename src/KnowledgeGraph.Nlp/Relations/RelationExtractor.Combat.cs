using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        /// <summary>
        /// "X conducted strikes in support of Y", "In support of Y, X struck ...", "X acted on behalf of Y": the actor of the
        /// clause supports Y. "X, together with Y, ...", "X acted in coordination with Y": the actor cooperates with Y.
        /// </summary>
        private IEnumerable<Candidate> SupportPhraseCandidates()
        {
            var v = _v;
            foreach (var y in v.Mentions)
            {
                int p = PrepositionBefore(y);
                if (p < 2) continue;
                IReadOnlyList<TriggerEntry> entries;
                // (the name completing a supported description, "of Ruritania" in "in support of the government of Ruritania", is read
                // through the description)
                if (InSupportOf(y) && v.Lower(p) == "of" && !(v.MentionEndingAt(p - 1) is { } outer && outer.Entity != y.Entity)) entries = Entry("in support of");
                else if (v.Lower(p) == "with" && (v.Lower(p - 1) == "together" || v.Lower(p - 2) == "in" && Grammar.PartnershipNouns.Contains(v.Lower(p - 1)))) entries = Entry("together with");
                else continue;
                int phrase = v.Lower(p - 1) == "together" ? p - 1 : p - 2;
                var target = HeadOfPhrase(y);
                var text = entries[0].Lemma == "in support of" ? "in support of" : v.TextOf(phrase, p);
                foreach (var a in ActorsOfPhrase(phrase, y, commaEnds: false))
                    if (a.Entity != target.Entity && !IsPlace(a))
                        yield return new Candidate(a, target, entries, phrase, p, text, RelationPattern.Nominal, true, true);
            }
        }

        /// <summary>
        /// The actors of the clause an adverbial phrase starting at <paramref name="phrase"/> and ending with <paramref name="y"/>
        /// belongs to: the subjects of the verb before it, else (an opening phrase, or one set off by commas after the subject)
        /// those of the first verb after it.
        /// </summary>
        private List<MentionRef> ActorsOfPhrase(int phrase, MentionRef y, bool commaEnds)
        {
            int gi = VerbBefore(phrase, commaEnds);
            if (gi < 0) gi = _groups.FindIndex(g => g.First > y.EndToken);
            return gi >= 0 ? Subjects(gi) : new List<MentionRef>();
        }

        /// <summary>
        /// "X will fly missions as part of the 407th Group", "X, which operates as part of Y": the clause's actor is part of the
        /// organisation it acts as part of. Not for events ("strikes as part of Operation Z" names no member).
        /// </summary>
        private IEnumerable<Candidate> AsPartOfCandidates()
        {
            var v = _v;
            for (int i = 2; i + 1 < v.Count; i++)
            {
                if (v.Lower(i) != "of" || v.Lower(i - 1) != "part" || v.Lower(i - 2) != "as") continue;
                if (v.MentionFrom(i + 1, v.IsDetOrAdj) is not { } whole || v.TypeOf(whole) != EntityType.Organization) continue;
                int gi = VerbBefore(i - 2, commaEnds: false);
                if (gi < 0) continue;
                foreach (var s in Subjects(gi))
                    if (s.Entity != whole.Entity && v.TypeOf(s) == EntityType.Organization)
                        yield return new Candidate(s, whole, Entry("as part of"), i - 2, i, "as part of", RelationPattern.Nominal, true, true, Factual: true);
            }
        }

        /// <summary>
        /// Military action whose target comes far after its noun: "X conducted 11 strikes, coordinated with Y, using
        /// aircraft and artillery against Z". The verb's subject fights whoever "against" names later in the clause, when
        /// a combat noun stands between the verb and "against", or the verb itself fights ("X fought alongside Y against Z").
        /// Only read where no other construction related the two.
        /// </summary>
        private IEnumerable<Candidate> CombatTargetCandidates()
        {
            var v = _v;
            for (int gi = 0; gi < _groups.Count; gi++)
            {
                var g = _groups[gi];
                // a reporting verb reports a clause, unless it takes a plain object ("maintained their positions")
                bool reports = Grammar.ReportingVerbs.Contains(v.Lemma(g.Head)) && !(v.Lemma(g.Head) is "maintain" && v.Tag(g.Head + 1) is "DT" or "PRP$" or "JJ" or "NN" or "NNS" or "CD");
                if (reports || v.IsCopula(g.Head) || g.Passive) continue;
                // "X fought alongside Y against Z": a fighting verb is its own combat word
                bool combat = _x._triggers.Lookup(v.Lemma(g.Head), TriggerPos.Verb).Any(e => e.Category is "FIGHT" or "ASSAULT" && e.Type != "CAPTURED");
                for (int j = g.Head + 1; j < v.Count; j++)
                {
                    if (v.IsClauseBreak(j) || v.IsRelativePronoun(j) || v.IsComplementizer(j)) break;
                    // a new clause with its own subject ends the search: "X conducted strikes and Y fired at Z"
                    if (j > g.Head + 1 && _groups.Any(o => o.First == j && o.Finite) && (v.MentionAt(j - 1) is not null || v.Tag(j - 1) == "PRP")) break;
                    if (v.MentionAt(j) is null && v.IsNoun(j) && Grammar.CombatNouns.Contains(v.Lemma(j))) combat = true;
                    if (!combat || v.Lower(j) != "against" || v.MentionAt(j) is not null) continue;
                    if (v.MentionFrom(j + 1, x => v.IsDetOrAdj(x) || v.Tag(x) == "CD") is not { } target) break;
                    target = HeadOfPhrase(target);
                    if (IsPlace(target)) break;
                    foreach (var s in Subjects(gi))
                        if (s.Entity != target.Entity && !IsPlace(s))
                            yield return new Candidate(s, target, Entry("against"), j, j, v.Words[j], RelationPattern.LightVerbNominal, true, true);
                    break;
                }
            }
        }
    }
}
