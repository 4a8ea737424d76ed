using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        /// <summary>
        /// Membership stated by structure: a group and the list of what it includes ("the coalition, which includes X
        /// and Y"; "partners, especially X"), unit names side by side ("Abel Company, 2nd Battalion"), "X within Y",
        /// and role appositions naming the organisation before the role ("X, an ABC commander", "X, commander, ABC").
        /// </summary>
        private IEnumerable<Candidate> MembershipCandidates()
        {
            var v = _v;
            var list = new List<Candidate>();
            for (int t = 0; t < v.Count; t++)
            {
                if (v.MentionAt(t) is not null) continue;
                if (v.IsVerb(t) && v.Lemma(t) is "include" or "comprise") list.AddRange(IncludeList(t));
                else if (Grammar.ListOpeners.Contains(v.Lower(t)) || v.Lower(t) == "such" && v.Lower(t + 1) == "as") list.AddRange(ExampleList(t));
                else if (v.Lower(t) == "within") list.AddRange(Within(t));
                else if (v.Lower(t) is "of" or "by") list.AddRange(MadeOf(t));
            }
            list.AddRange(UnitHierarchy());
            list.AddRange(RoleBeforeTitle());
            return list;
        }

        // a place listed as a member of an organisation stands for its state or people ("members include Norway")
        private bool IsMemberLike(MentionRef m) => _v.TypeOf(m) is EntityType.Person or EntityType.Organization or EntityType.Location;

        /// <summary>Membership entries for a member of this kind: an organisation is part of another, a person or country a member.</summary>
        private IReadOnlyList<TriggerEntry> MembershipEntries(MentionRef member, string lemma, double strength)
        {
            var part = Stative("PART_OF", lemma, strength)[0];
            var memberOf = Stative("MEMBER_OF", lemma, strength)[0];
            return _v.TypeOf(member) == EntityType.Organization ? new[] { part, memberOf } : new[] { memberOf, part };
        }

        /// <summary>Each of <paramref name="members"/> that can be a member of <paramref name="group"/>, an organisation, as a member of it.</summary>
        private IEnumerable<Candidate> MembersOf(MentionRef? group, IEnumerable<MentionRef> members, string lemma, double strength, int first, int last,
            string text, RelationPattern pattern, bool isNoun) =>
            group is null || _v.TypeOf(group) != EntityType.Organization ? Enumerable.Empty<Candidate>() : members.Where(m => m.Entity != group.Entity && IsMemberLike(m))
                .Select(m => new Candidate(m, group, MembershipEntries(m, lemma, strength), first, last, text, pattern, false, isNoun, DirectionApplied: true));

        /// <summary>The mention starting at <paramref name="j"/> after determiners, with the mentions coordinated with it.</summary>
        private List<MentionRef> ListFrom(int j)
        {
            var v = _v;
            var first = v.MentionFrom(j, x => v.IsDeterminer(x) || v.Tag(x) is "CD");
            return first is null ? new List<MentionRef>() : WithRightConjuncts(first);
        }

        /// <summary>"G include(s) A, B and C", "G, which includes A": each listed name belongs to the group G.</summary>
        private IEnumerable<Candidate> IncludeList(int t)
        {
            var v = _v;
            // the group: right before the verb, or before a relative clause that ends at the verb ("G which have ... include")
            MentionRef? group = null;
            bool relative = false;
            for (int r = t - 1; r > 0 && t - r < 12; r--)
            {
                if (v.IsClauseBreak(r) || v.IsComma(r) && !v.IsRelativePronoun(r + 1)) break;
                if (!v.IsRelativePronoun(r) && v.Lower(r) != "that") continue; // taggers often call relative "that" a complementizer
                if (v.Lower(r) is "who" or "whom") yield break; // "Airmen from the Wing, who will comprise ...": people, not the unit
                int e = r - 1;
                if (v.IsComma(e)) e--;
                group = v.MentionEndingAt(e);
                relative = true;
                break;
            }
            if (!relative) group = v.MentionEndingAt(t - 1);
            foreach (var c in MembersOf(group, ListFrom(t + 1), v.Lemma(t), 0.8, t, t, v.Words[t], RelationPattern.Verb, false))
                yield return c;
        }

        /// <summary>
        /// "G, made up (in part) of A and B", "G consists of A", "G is composed of A", "G, which is comprised of A": what a group
        /// is made of are its members (the preposition at <paramref name="t"/>).
        /// </summary>
        private IEnumerable<Candidate> MadeOf(int t)
        {
            var v = _v;
            int j = t - 1;
            while (j > 1 && t - j <= 3 && (v.IsAdverb(j) || v.Lower(j) == "part" && v.Lower(j - 1) == "in")) j -= v.Lower(j) == "part" ? 2 : 1;
            int verb = v.Lower(j) == "up" && v.Lemma(j - 1) == "make" ? j - 1
                : v.Lemma(j) == "consist" || v.Lower(j) is "composed" or "comprised" ? j : -1;
            if (verb < 1 || v.Lower(t) == "by" && v.Lemma(verb) != "make") return Enumerable.Empty<Candidate>();
            int g = verb - 1;
            while (g > 0 && (v.IsBe(g) || v.IsAdverb(g) || v.IsRelativePronoun(g) || v.IsComma(g)) && verb - g < 5) g--;
            return MembersOf(v.MentionEndingAt(g), ListFrom(t + 1), v.Lemma(verb), 0.75, verb, t, v.WordsOf(verb, t), RelationPattern.Role, true);
        }

        /// <summary>"G, including A and B", "our partners, especially A": examples given of a group are its members.</summary>
        private IEnumerable<Candidate> ExampleList(int t)
        {
            var v = _v;
            int from = v.Lower(t) == "such" ? t + 2 : t + 1;
            int g = t - 1;
            if (v.IsComma(g)) g--;
            // "G (ACR), including A": the acronym in parentheses is G's
            if (g > 1 && v.Words[g] == ")" && v.MentionEndingAt(g - 1) is { } acronym && acronym.FirstToken > 0 && v.Words[acronym.FirstToken - 1] == "(") g = acronym.FirstToken - 2;
            var group = v.MentionEndingAt(g);
            if (group is null || v.TypeOf(group) != EntityType.Organization) yield break;
            // "G, A and B, including C": C exemplifies the whole list, not G alone
            if (group.FirstToken > 0 && (v.IsCoordinator(group.FirstToken - 1) || v.IsComma(group.FirstToken - 1) && v.MentionEndingAt(group.FirstToken - 2) is not null)) yield break;
            foreach (var c in MembersOf(group, ListFrom(from), v.Lower(t), 0.7, t, t, v.Words[t], RelationPattern.Role, true))
                yield return c;
        }

        /// <summary>"working with X within NATO": a country or organisation within an organisation is one of its members.</summary>
        private IEnumerable<Candidate> Within(int t)
        {
            var member = _v.MentionEndingAt(t - 1);
            return MembersOf(ListFrom(t + 1).FirstOrDefault(), member is null ? [] : [member], "within", 0.6, t, t, _v.Words[t], RelationPattern.Role, true);
        }

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
            var v = _v;
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
            var v = _v;
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
            var v = _v;
            foreach (var a in v.Mentions)
            {
                int sep = a.EndToken;
                if (sep + 1 >= v.Count || !(v.Words[sep] is "," or "\u2013" or "\u2014" or "-" or "--")) continue;
                int j = v.SkipFrom(sep + 1, x => v.Tag(x) == "DT" || IsOrdinal(v.Words[x]));
                var b = v.MentionStartingAt(j);
                if (b is null || b.Entity == a.Entity || v.TypeOf(a) != EntityType.Organization || v.TypeOf(b) != EntityType.Organization) continue;
                int ea = EchelonOf(a), eb = EchelonOf(b);
                if (ea == 0 || eb == 0 || ea == eb) continue;
                // a list of units goes on with a coordinator or another comma and name: not a hierarchy
                int after = b.EndToken;
                if (after < v.Count && v.IsCoordinator(after)) continue;
                // "A, B, C, and D": units joined by commas up to a coordinator before the last unit are peers, however far the
                // pair stands from the coordinator ("1st Battalion, 5th Regiment, 3rd Division" has none and stays a chain)
                if (EndsListOfUnits(after)) continue;
                if (a.FirstToken > 0 && v.IsCoordinator(a.FirstToken - 1)) continue;
                bool dash = v.Words[sep] != ",";
                var (part, whole) = ea < eb ? (a, b) : (b, a);
                if (!dash && ea > eb) continue;
                yield return new Candidate(part, whole, Stative("PART_OF", v.Words[sep], 0.7),
                    sep, sep, v.Words[sep], RelationPattern.Role, false, true, DirectionApplied: true);
            }
        }

        /// <summary>
        /// "P, an O commander": the organisation named inside the apposition before the role noun; an indefinite article
        /// makes P one of O's (MEMBER_OF), otherwise the role's own relation ("P, O Commander" LEADS). Also "P, commander, O".
        /// </summary>
        private IEnumerable<Candidate> RoleBeforeTitle()
        {
            var v = _v;
            var titles = _x._titles;
            foreach (var p in v.Mentions)
            {
                if (v.TypeOf(p) != EntityType.Person) continue;
                int c = p.EndToken;
                if (c + 2 >= v.Count || !v.IsComma(c)) continue;
                int j = c + 1;
                bool indefinite = v.Lower(j) is "a" or "an";
                if (v.IsDeterminer(j)) j++;
                // "P, commander, O": a bare role noun between commas, then the organisation
                var (rlen, rentries) = titles.LongestMatchAt(v.Words, j);
                if (rlen == 0) (rlen, rentries) = titles.LongestMatchAt(v.Lemmas, j);
                if (!indefinite && rlen > 0 && rentries.Any(e => e.IsRoleNoun) && j + rlen < v.Count && v.IsComma(j + rlen)
                    && v.MentionStartingAt(j + rlen + 1) is { } o2 && v.TypeOf(o2) == EntityType.Organization && o2.Entity != p.Entity)
                {
                    var lemma = v.LemmasOf(j, j + rlen - 1);
                    var entries = RoleOf(lemma) ?? Stative("WORKS_FOR", lemma, 0.7);
                    yield return new Candidate(p, o2, entries, j, j + rlen - 1, v.Words[j], RelationPattern.Role, false, true, DirectionApplied: true);
                    continue;
                }
                var org = v.MentionFrom(j, v.IsAdjective);
                if (org is null || org.Entity == p.Entity || v.TypeOf(org) != EntityType.Organization) continue;
                int r = org.EndToken;
                // skip modifiers of the role noun ("gang", "field"), at most two
                for (int steps = 0; steps <= 2 && r < v.Count; steps++)
                {
                    var (len, entries) = titles.LongestMatchAt(v.Words, r);
                    if (len == 0) (len, entries) = titles.LongestMatchAt(v.Lemmas, r);
                    if (len > 0 && entries.Any(e => e.IsRoleNoun && e.ImpliesPerson))
                    {
                        int last = r + len - 1;
                        // the role noun must end the noun phrase
                        if (last + 1 < v.Count && v.IsNoun(last + 1) && v.MentionAt(last + 1) is null) break;
                        var lemma = v.LemmasOf(r, r + len - 1);
                        IReadOnlyList<TriggerEntry> use = indefinite
                            ? Stative("MEMBER_OF", lemma, 0.75)
                            : RoleOf(lemma) ?? Stative("WORKS_FOR", lemma, 0.7);
                        yield return new Candidate(p, org, use, r, last, v.WordsOf(r, r + len - 1),
                            RelationPattern.Role, false, true, DirectionApplied: true);
                        break;
                    }
                    if (!v.IsNoun(r) || v.MentionAt(r) is not null) break;
                    r++;
                }
            }
        }
    }
}
