using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        /// <summary>
        /// Membership stated by structure: unit names side by side ("Abel Company, 2nd Battalion") and role appositions naming
        /// the organisation before the role ("X, an ABC commander", "X, commander, ABC").
        /// </summary>
        private IEnumerable<Candidate> MembershipCandidates() => UnitHierarchy().Concat(RoleBeforeTitle());

        // a place listed as a member of an organisation stands for its state or people ("members include Norway")
        private bool IsMemberLike(MentionRef m) => v.TypeOf(m) is EntityType.Person or EntityType.Organization or EntityType.Location;

        private static bool IsOrdinal(string w) =>
            w.Length > 2 && char.IsDigit(w[0]) && w[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th" && w[..^2].All(char.IsDigit);

        /// <summary>The echelon of a unit name: its largest echelon word ("321st Field Artillery Regiment" -> regiment), or 0.</summary>
        private int EchelonOf(MentionRef m)
        {
            var words = m.Mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // an echelon of one word ("Regiment") or two ("Armed Forces")
            return words.Select((w, k) => Math.Max(Grammar.Echelons.GetValueOrDefault(w), k + 1 < words.Length ? Grammar.Echelons.GetValueOrDefault(w + " " + words[k + 1]) : 0))
                .DefaultIfEmpty(0).Max();
        }

        /// <summary>The name after the coordinator that ends the run of ", NAME" from <paramref name="k"/> (", and NAME" or
        /// "and NAME"): the last item of a list, or null when the run ends without one.</summary>
        private MentionRef? CoordinatedLastName(int k)
        {
            while (k + 1 < v.Count && v.IsComma(k))
            {
                if (v.IsCoordinator(k + 1)) return v.MentionFrom(k + 2, v.IsDeterminer);
                if (v.MentionFrom(k + 1, v.IsDeterminer) is not { } next) return null;
                k = next.EndToken;
            }
            return k < v.Count && v.IsCoordinator(k) ? v.MentionFrom(k + 1, v.IsDeterminer) : null;
        }

        /// <summary>
        /// Whether the run of ", NAME" from <paramref name="k"/> ends a list of bodies: its last item, after the coordinator,
        /// is an organisation standing alone ("..., the Northern Army Corps, and the Coastal Fleet", "..., and Ostlandic forces").
        /// A list going on to other
        /// things ("..., 5th Regiment, and Ostlandic officials") or a last unit with its own larger unit after it ("A Battalion,
        /// B Regiment, and C Battalion, D Regiment": two hierarchies coordinated) leaves the pair a hierarchy.
        /// </summary>
        private bool EndsListOfUnits(int k)
        {
            if (CoordinatedLastName(k) is not { } last) return false;
            // "..., and Ostland forces": a name before a noun of troops names a body too
            if (v.TypeOf(last) != EntityType.Organization
                && !(last.EndToken < v.Count && v.MentionAt(last.EndToken) is null && Grammar.ForceNouns.Contains(v.Lemma(last.EndToken)))) return false;
            int el = EchelonOf(last), e = last.EndToken;
            return !(e + 1 < v.Count && v.IsComma(e) && v.MentionFrom(e + 1, x => v.IsDeterminer(x) || IsOrdinal(v.Words[x])) is { } larger
                     && v.TypeOf(larger) == EntityType.Organization && EchelonOf(larger) > el);
        }

        /// <summary>
        /// "3rd Battalion, 7th Regiment", "the Kingdom's Armed Forces – Royal Army": two unit names side by side, the smaller
        /// part of the larger. With a comma the smaller comes first (a list of peers has equal echelons, or a coordinator).
        /// </summary>
        private IEnumerable<Candidate> UnitHierarchy()
        {
            foreach (var a in v.Mentions)
            {
                int sep = a.EndToken;
                if (sep + 1 >= v.Count || !(v.Words[sep] is "," or "\u2013" or "\u2014" or "-" or "--")) continue;
                int j = v.SkipFrom(sep + 1, x => v.Tag(x) == "DT" || IsOrdinal(v.Words[x]));
                if (v.MentionStartingAt(j) is not { } b || b.Entity == a.Entity || v.TypeOf(a) != EntityType.Organization || v.TypeOf(b) != EntityType.Organization) continue;
                int ea = EchelonOf(a), eb = EchelonOf(b);
                if (ea == 0 || eb == 0 || ea == eb) continue;
                // a list of units goes on with a coordinator or another comma and name: not a hierarchy
                int after = b.EndToken;
                if (after < v.Count && v.IsCoordinator(after)) continue;
                // "A, B, C, and D": units joined by commas up to a coordinator before the last unit are peers, however far the
                // pair stands from the coordinator ("1st Battalion, 5th Regiment, 3rd Division" has none and stays a chain)
                if (EndsListOfUnits(after)) continue;
                if (a.FirstToken > 0 && v.IsCoordinator(a.FirstToken - 1)) continue;
                if (v.Words[sep] == "," && ea > eb) continue; // after a comma the smaller unit comes first
                var (part, whole) = ea < eb ? (a, b) : (b, a);
                yield return RoleCandidate(part, whole, Grammar.Entries.Lookup("unit of"), sep, sep, v.Words[sep]);
            }
        }

        /// <summary>
        /// "P, an O commander": the organisation named inside the apposition before the role noun; an indefinite article
        /// makes P one of O's (MEMBER_OF), otherwise the role's own relation ("P, O Commander" LEADS). Also "P, commander, O".
        /// </summary>
        private IEnumerable<Candidate> RoleBeforeTitle()
        {
            foreach (var p in v.Mentions)
            {
                if (v.TypeOf(p) != EntityType.Person) continue;
                int c = p.EndToken;
                if (c + 2 >= v.Count || !v.IsComma(c)) continue;
                int j = c + 1;
                bool indefinite = v.Lower(j) is "a" or "an";
                if (v.IsDeterminer(j)) j++;
                // "P, commander, O": a bare role noun between commas, then the organisation
                var (rlen, rentries) = _x._titles.LongestMatchAt(v.Words, j);
                if (rlen == 0) (rlen, rentries) = _x._titles.LongestMatchAt(v.Lemmas, j);
                if (!indefinite && rlen > 0 && rentries.Any(e => e.IsRoleNoun) && j + rlen < v.Count && v.IsComma(j + rlen)
                    && v.MentionStartingAt(j + rlen + 1) is { } o2 && v.TypeOf(o2) == EntityType.Organization && o2.Entity != p.Entity)
                {
                    var entries = RoleOf(v.LemmasOf(j, j + rlen - 1)) ?? Grammar.Entries.Lookup("role");
                    yield return RoleCandidate(p, o2, entries, j, j + rlen - 1, v.Words[j]);
                    continue;
                }
                if (v.MentionFrom(j, v.IsAdjective) is not { } org || org.Entity == p.Entity || v.TypeOf(org) != EntityType.Organization) continue;
                int r = org.EndToken;
                // skip modifiers of the role noun ("gang", "field"), at most two
                for (int steps = 0; steps <= 2 && r < v.Count; steps++)
                {
                    var (len, entries) = _x._titles.LongestMatchAt(v.Words, r);
                    if (len == 0) (len, entries) = _x._titles.LongestMatchAt(v.Lemmas, r);
                    if (len > 0 && entries.Any(e => e.IsRoleNoun && e.ImpliesPerson))
                    {
                        int last = r + len - 1;
                        // the role noun must end the noun phrase, and hold no name after it ("P, O Governor Q": Q's title)
                        if (last + 1 < v.Count && (v.IsNoun(last + 1) && v.MentionAt(last + 1) is null || v.MentionStartingAt(last + 1) is { } q && v.TypeOf(q) == EntityType.Person)) break;
                        var use = indefinite ? Grammar.Entries.Lookup("indefinite role") : RoleOf(v.LemmasOf(r, last)) ?? Grammar.Entries.Lookup("role");
                        yield return RoleCandidate(p, org, use, r, last, v.WordsOf(r, r + len - 1));
                        break;
                    }
                    if (!v.IsNoun(r) || v.MentionAt(r) is not null) break;
                    r++;
                }
            }
        }
    }
}
