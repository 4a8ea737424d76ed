using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        private enum Bond { None, Member, Ally }

        /// <summary>
        /// The noun of a membership or alliance at <paramref name="k"/> (surface-bond-nouns): "member" (with a noun of
        /// surface-member-nouns after it: "member states"), "ally", "partner", a part of an organisation ("the party's youth
        /// wing"). Returns the kind and sets <paramref name="last"/> to the noun's last token.
        /// </summary>
        private Bond BondNounAt(int k, out int last)
        {
            last = k;
            if (k < 0 || k >= v.Count || !v.IsNoun(k) || v.MentionAt(k) is not null || !Grammar.BondNouns.TryGetValue(v.Lemma(k), out var kind)) return Bond.None;
            if (v.Lemma(k) == "member" && Grammar.MemberNouns.Contains(v.Lemma(k + 1)) && v.MentionAt(k + 1) is null) last = k + 1;
            return kind == "ally" ? Bond.Ally : Bond.Member;
        }

        /// <summary>
        /// The edge a bond noun states between a member and a group: a member of an organisation is MEMBER_OF (PART_OF for an
        /// organisation); an ally or partner of an organisation ("a NATO ally", "a coalition partner") is one of its members;
        /// an ally of a state or person is ALLIED_WITH it.
        /// </summary>
        private IReadOnlyList<TriggerEntry> BondEntries(Bond bond, MentionRef member, MentionRef group) =>
            bond == Bond.Member || v.TypeOf(group) == EntityType.Organization && !v.Context.Entities[group.Entity].FineTypes.Contains("Country")
                ? Grammar.Entries.Lookup(v.TypeOf(member) == EntityType.Organization ? "bond part" : "bond member")
                : Grammar.Entries.Lookup("ally");

        /// <summary>
        /// Membership and alliance of states and organisations stated by a noun phrase:
        /// "X, a (founding) member of G", "X, a G member state", "X, a NATO ally", "X is an ally of Y" (apposition or copula);
        /// "G members A and B", "fellow G members A and B" (the group's noun before the names it lists);
        /// "A, B and other members of G", "A and other G members" (a list closed by the rest of the group).
        /// A person's membership is read by the role patterns ("P, a member of O").
        /// </summary>
        private IEnumerable<Candidate> BondCandidates()
        {
            for (int k = 0; k < v.Count; k++)
            {
                var bond = BondNounAt(k, out int last);
                if (bond == Bond.None) continue;
                // the group: "G member(s)" (a name right before the noun, after adjectives) or "member(s) of G"
                MentionRef? group = v.MentionEndingAt(k - 1);
                int start = group?.FirstToken ?? k;
                bool compound = group is not null;
                // "X, Y's (Ruritanian) affiliate": the possessor is the group
                int pos = k - 1;
                while (group is null && pos > 0 && v.MentionAt(pos) is null && v.IsAdjective(pos) && k - pos < 3) pos--;
                if (group is null && v.Tag(pos) == "POS" && v.MentionEndingAt(pos - 1) is { } owner && owner.Mention.Kind != MentionKind.Demonym)
                {
                    group = owner;
                    start = owner.FirstToken;
                    compound = true;
                }
                else if (group is null && v.Lower(last + 1) == "of")
                    group = v.MentionFrom(last + 2, v.IsDetOrAdj, last + 5);
                if (group is null || group.Mention.Kind is MentionKind.Pronoun or MentionKind.Demonym && !compound) continue;
                // "X and its allies A and B": the names after the noun are allies of the pronoun's antecedent
                if (compound && group.Mention.Kind == MentionKind.Pronoun && !(bond == Bond.Ally && v.Tag(k - 1) == "PRP$")) continue;
                // "X and its (close) Ruritanian ally": the modifier names the ally itself, the possessive pronoun its partner
                int poss = start - 1;
                while (group.EndToken == k && poss > 0 && v.MentionAt(poss) is null && v.IsAdjective(poss) && start - poss < 3) poss--;
                if (bond == Bond.Ally && group.EndToken == k && poss >= 0 && v.Tag(poss) == "PRP$")
                {
                    if (v.MentionAt(poss) is { } partner && partner.Entity != group.Entity && IsMemberLike(group))
                        yield return RoleCandidate(group, partner, Grammar.Entries.Lookup("ally"), k, last, v.WordsOf(poss, last), factual: true);
                    continue;
                }
                // what stands before the phrase: determiners and adjectives ("a key", "one of the", "other", "fellow")
                int h = start - 1;
                bool other = false;
                while (h >= 0 && v.MentionAt(h) is null && (v.IsDeterminer(h) || v.IsAdjective(h) || v.Tag(h) is "CD" || v.Lower(h) is "of" && v.Lower(h - 1) == "one") && start - h < 6)
                {
                    other |= Grammar.OtherWords.Contains(v.Lower(h));
                    h--;
                }
                var members = new List<MentionRef>();
                string text = v.WordsOf(compound ? k : start, last);
                if (other && h >= 0 && v.IsCoordinator(h))
                {
                    // "A, B and other members of G": the whole list before "and other"
                    for (var m = v.MentionEndingAt(h - 1); m is not null && members.All(x => x.Entity != m.Entity); )
                    {
                        members.Insert(0, m);
                        int c = m.FirstToken - 1;
                        m = c >= 1 && v.Words[c] == "," ? v.MentionEndingAt(c - 1) : null;
                    }
                }
                else if (compound && v.Tag(last) is "NNS" or "NNPS" && v.MentionStartingAt(last + 1) is { } named && (h < 0 || !v.IsCoordinator(h)))
                {
                    // "G members A and B": the plural noun and the names it is said of (not "A and other G members", above)
                    // the listed names may be the clause's subject ("G members A and B voted"): the last conjunct's own verb
                    // does not end the list here
                    members.AddRange(WithRightConjuncts(named));
                    int c = members[^1].EndToken;
                    if (c + 1 < v.Count && v.IsCoordinator(c) && v.MentionStartingAt(c + 1) is { } lastNamed && members.All(x => x.Entity != lastNamed.Entity))
                        members.Add(lastNamed);
                }
                else if (v.Tag(last) is "NN" or "NNP")
                {
                    // "X, a member of G" (apposition), "X is a member of G" (copula), "G's newest member, X" (the name after it)
                    if (h >= 0 && v.IsComma(h) && v.MentionEndingAt(h - 1) is { } x && !(h + 1 < start && v.Lower(h + 1) == "the" && compound)) members.Add(x);
                    else if (h >= 0 && v.IsCopula(h) && SubjectBefore(GroupStartOf(h)) is { } s) members.Add(s);
                    else if (compound && last + 2 < v.Count && v.Words[last + 1] == "," && v.MentionStartingAt(last + 2) is { } y) members.Add(y);
                }
                foreach (var m in members)
                {
                    if (m.Entity == group.Entity || v.TypeOf(m) == EntityType.Person && bond == Bond.Member || !IsMemberLike(m)) continue;
                    yield return RoleCandidate(m, group, BondEntries(bond, m, group), k, last, text, factual: true);
                }
            }
        }

        /// <summary>
        /// "X conducted strikes in support of Y", "In support of Y, X struck ...", "X acted on behalf of Y": the actor of the
        /// clause supports Y. "X, together with Y, ...", "X acted in coordination with Y": the actor cooperates with Y.
        /// </summary>
        private IEnumerable<Candidate> SupportPhraseCandidates()
        {
            foreach (var y in v.Mentions)
            {
                int p = PrepositionBefore(y.FirstToken);
                if (p < 2) continue;
                IReadOnlyList<TriggerEntry> entries;
                // (the name completing a supported description, "of Ruritania" in "in support of the government of Ruritania", is read
                // through the description)
                if (InSupportOf(y) && v.Lower(p) == "of" && !(v.MentionEndingAt(p - 1) is { } outer && outer.Entity != y.Entity)) entries = Grammar.Entries.Lookup("in support of");
                else if (v.Lower(p) == "with" && (v.Lower(p - 1) == "together" || v.Lower(p - 2) == "in" && Grammar.PartnershipNouns.Contains(v.Lower(p - 1)))) entries = Grammar.Entries.Lookup("together with");
                else continue;
                int phrase = v.Lower(p - 1) == "together" ? p - 1 : p - 2;
                var target = HeadOfPhrase(y);
                var text = entries[0].Lemma == "in support of" ? "in support of" : v.TextOf(phrase, p);
                // the actors of the phrase's clause: the subjects of the verb before it, else (an opening phrase, or one set off
                // by commas after the subject) those of the first verb after it
                int gi = VerbBefore(phrase, commaEnds: false);
                for (int k = 0; gi < 0 && k < _groups.Count; k++)
                    if (_groups[k].First > y.EndToken) gi = k;
                if (gi < 0) continue;
                foreach (var a in Subjects(gi))
                    if (a.Entity != target.Entity && !IsPlace(a))
                        yield return new Candidate(a, target, entries, phrase, p, text, RelationPattern.Nominal, true, true);
            }
        }

        /// <summary>
        /// "X will fly missions as part of the 407th Group", "X, which operates as part of Y": the clause's actor is part of the
        /// organisation it acts as part of. Not for events ("strikes as part of Operation Z" names no member).
        /// </summary>
        private IEnumerable<Candidate> AsPartOfCandidates()
        {
            for (int i = 2; i + 1 < v.Count; i++)
            {
                if (v.Lower(i) != "of" || v.Lower(i - 1) != "part" || v.Lower(i - 2) != "as") continue;
                if (v.MentionFrom(i + 1, v.IsDetOrAdj) is not { } whole || v.TypeOf(whole) != EntityType.Organization) continue;
                int gi = VerbBefore(i - 2, commaEnds: false);
                if (gi < 0) continue;
                foreach (var s in Subjects(gi))
                    if (s.Entity != whole.Entity && v.TypeOf(s) == EntityType.Organization)
                        yield return new Candidate(s, whole, Grammar.Entries.Lookup("as part of"), i - 2, i, "as part of", RelationPattern.Nominal, true, true, Factual: true);
            }
        }
    }
}
