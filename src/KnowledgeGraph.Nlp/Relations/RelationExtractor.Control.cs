using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        // Control of territory and command of units, stated by structure rather than by a verb of leading. LEADS may
        // range over places: an armed group holding a town leads (controls) it.

        private bool CanHold(MentionRef m) => v.TypeOf(m) is EntityType.Organization or EntityType.Person;

        private bool CanBeHeld(MentionRef m) => v.TypeOf(m) is EntityType.Location or EntityType.Organization;

        /// <summary>
        /// Who holds or commands what: "X-held Y" (and "A and other X-held territory") and "X's Task Force 50" (a unit named
        /// as an organisation's own); people from a unit serve in it. Only a word with a hyphen, the kind <see cref="HeldCompound"/>
        /// reads, costs an iterator.
        /// </summary>
        private IEnumerable<Candidate> ControlCandidates() =>
            Enumerable.Range(0, v.Count).Where(t => v.Words[t].Contains('-')).SelectMany(HeldCompound).Concat(OwnUnit()).Concat(UnitMembers());

        /// <summary>The noun phrase's entity after <paramref name="j"/>: a mention after adjectives, else a place noun's "of/in" place.</summary>
        private MentionRef? HeldThingFrom(int j)
        {
            j = v.SkipFrom(j, x => v.IsDetOrAdj(x) || v.Tag(x) is "HYPH" or "CD", j + 4);
            if (v.MentionStartingAt(j) is { } direct) return direct;
            // "X-held territory in Syria", "X-held areas of the province": the place the held ground lies in
            int nouns = 0;
            while (j < v.Count && v.MentionAt(j) is null && v.IsNoun(j) && nouns < 3) { j++; nouns++; }
            return nouns == 0 || j >= v.Count || v.Lower(j) is not ("in" or "of") ? null : PlacesFrom(j + 1).FirstOrDefault();
        }

        /// <summary>"ISIL-held territory in Syria", "rebel-controlled Idlib", "Raqqah and other ISIL-held areas".</summary>
        private IEnumerable<Candidate> HeldCompound(int t)
        {
            var word = v.Words[t];
            int dash = word.LastIndexOf('-');
            if (dash <= 0 || dash == word.Length - 1 || !Grammar.HoldingParticiples.Contains(word[(dash + 1)..].ToLowerInvariant())) yield break;
            // the compound may itself name a place ("an ISIL-held building"): the holder is then its prefix
            var holder = v.MentionAt(t) is { } own && CanHold(own) ? own : PrefixEntity(word[..dash], t);
            if (holder is null || !CanHold(holder)) yield break;
            var held = new List<MentionRef>();
            if (HeldThingFrom(t + 1) is { } thing) held.Add(thing);
            // "A and other X-held territory": A is held too
            if (t >= 2 && v.Lower(t - 1) == "other" && v.IsCoordinator(t - 2) && v.MentionEndingAt(t - 3) is { } left) held.AddRange(WithLeftConjuncts(left));
            foreach (var h in held)
                if (h.Entity != holder.Entity && CanBeHeld(h))
                    yield return new Candidate(holder, h, Grammar.Entries.Lookup("held"), t, t, word, RelationPattern.Compound, false, true, DirectionApplied: true);
        }

        /// <summary>"seize the hospital complex from ISIL fighters": the ones it is taken from, who held it (read by <see cref="TakenFromFightCandidates"/>).</summary>
        private IEnumerable<MentionRef> HoldersTakenFrom(int t)
        {
            int j = t + 1, k = j;
            MentionRef? held = null;
            // the held thing's noun phrase ("the Al Salem hospital complex", "the Iraqi city of Mosul"), then "from";
            // a demonym inside it is a modifier, and "N of Y" names Y
            for (; k < v.Count && k - j < 10; k++)
            {
                var m = v.MentionStartingAt(k);
                if (m is not null)
                {
                    if (m.Mention.Kind != MentionKind.Demonym) held = m;
                    k = m.EndToken - 1;
                    continue;
                }
                if (v.MentionAt(k) is not null) break;
                if (v.IsDeterminer(k) || v.IsAdjective(k) || v.IsNoun(k) || v.Tag(k) is "CD" or "HYPH") continue;
                if (v.Lower(k) == "of" && held is null) continue;
                break;
            }
            if (held is null || !CanBeHeld(held) || k >= v.Count || v.Lower(k) != "from") yield break;
            if (v.MentionFrom(k + 1, v.IsDetOrAdj, k + 4) is not { } holder || holder.Entity == held.Entity || !CanHold(holder)) yield break;
            foreach (var h in WithRightConjuncts(holder))
                if (CanHold(h) && h.Entity != held.Entity) yield return h;
        }

        /// <summary>
        /// "X liberated the town from Y", "X tried to seize the hospital from Y": whoever takes a place from its holder
        /// fights the holder.
        /// </summary>
        private IEnumerable<Candidate> TakenFromFightCandidates()
        {
            foreach (var (gi, g) in GroupsOf(Grammar.TakeFromVerbs))
            {
                var holders = HoldersTakenFrom(g.Head).ToList();
                if (holders.Count == 0) continue;
                foreach (var (s, h) in Pairs(Subjects(gi), holders))
                    if (s.Entity != h.Entity && !IsPlace(s) && !IsPlace(h))
                        yield return new Candidate(s, h, Grammar.Entries.Lookup("take from"), g.Head, g.Head, v.Words[g.Head], RelationPattern.Verb, true, false);
            }
        }

        /// <summary>
        /// "NAVCENT's Task Force 50", "the Command's 5th Fleet": a unit named as a military organisation's own is under its
        /// command (LEADS). "The Bureau's Kessa Division", "the Interior Ministry's Criminal Division": a division of an
        /// organisation that is no armed force (no echelon word in its name, not typed armed forces) is a part of it (PART_OF).
        /// </summary>
        private IEnumerable<Candidate> OwnUnit()
        {
            foreach (var x in v.Mentions)
            {
                int t = x.EndToken, k = t + 1;
                if (t >= v.Count || v.Tag(t) != "POS" || v.TypeOf(x) != EntityType.Organization) continue;
                // "X's (NAVCENT) Task Force": the possessor's acronym in brackets
                if (v.Words[k] == "(" && k + 2 < v.Count && v.Words[k + 2] == ")") k += 3;
                if (v.MentionStartingAt(k) is not { } unit || unit.Entity == x.Entity || v.TypeOf(unit) != EntityType.Organization) continue;
                if (EchelonOf(unit) == 0 && !unit.Mention.Text.Contains("Task Force", StringComparison.Ordinal) && !unit.Mention.Text.EndsWith("Fleet", StringComparison.Ordinal)) continue;
                var entity = v.Context.Entities[x.Entity];
                bool military = entity.FineTypes.Contains("ArmedForces") || EchelonOf(x) > 0
                    || entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Grammar.Echelons.ContainsKey(w));
                yield return military
                    ? RoleCandidate(x, unit, Grammar.Entries.Lookup("own unit"), t, t, v.Words[t])
                    : RoleCandidate(unit, x, Grammar.Entries.Lookup("own division"), t, t, v.Words[t]);
            }
        }
        /// <summary>
        /// "Airmen from the 507th Wing", "Sgt. Ana Ruiz of 3rd Battalion", "Soldiers visiting from 2nd Brigade": people
        /// from a military unit serve in it. Only units (an echelon word in the name): "a diplomat from France" is no member.
        /// </summary>
        private IEnumerable<Candidate> UnitMembers()
        {
            foreach (var p in v.Mentions)
            {
                if (v.TypeOf(p) != EntityType.Person) continue;
                int k = p.EndToken;
                if (k < v.Count && v.IsComma(k)) k++;
                if (k < v.Count && v.MentionAt(k) is null && v.Tag(k) is "VBN" or "VBG" && v.Lower(k + 1) is "from" or "with") k++;
                if (k >= v.Count || v.Lower(k) is not ("from" or "of" or "with")) continue;
                if (v.MentionFrom(k + 1, v.IsDeterminer) is not { } unit || unit.Entity == p.Entity || v.TypeOf(unit) != EntityType.Organization || EchelonOf(unit) == 0) continue;
                yield return RoleCandidate(p, unit, Grammar.Entries.Lookup("role member"), k, k, v.Words[k]);
            }
        }
    }
}
