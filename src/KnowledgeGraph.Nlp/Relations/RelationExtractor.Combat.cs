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
    }
}
