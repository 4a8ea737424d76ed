using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        // Control of territory and command of units, stated by structure rather than by a verb of leading. LEADS may
        // range over places: an armed group holding a town leads (controls) it.

        private bool CanHold(MentionRef m) => _v.TypeOf(m) is EntityType.Organization or EntityType.Person;

        private bool CanBeHeld(MentionRef m) => _v.TypeOf(m) is EntityType.Location or EntityType.Organization;

        /// <summary>"seize the hospital complex from ISIL fighters": the one it is taken from held it (read by <see cref="TakenFromFightCandidates"/>).</summary>
        private IEnumerable<Candidate> TakenFrom(int t)
        {
            var v = _v;
            if (!v.IsVerb(t) || !Grammar.TakeFromVerbs.Contains(v.Lemma(t)) || v.MentionAt(t) is not null) yield break;
            int j = t + 1;
            MentionRef? held = null;
            int k = j;
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
            if (held is null || !CanBeHeld(held)) yield break;
            if (k >= v.Count || v.Lower(k) != "from") yield break;
            var holder = v.MentionFrom(k + 1, v.IsDetOrAdj, k + 4);
            if (holder is null || holder.Entity == held.Entity || !CanHold(holder)) yield break;
            foreach (var h in WithRightConjuncts(holder))
                if (CanHold(h) && h.Entity != held.Entity)
                    // the holding is a fact even when the taking is only attempted ("tried to seize Y from X")
                    yield return new Candidate(h, held, Stative("LEADS", v.Lemma(t) + " from", 0.7), k, k, v.Words[t] + " ... " + v.Words[k], RelationPattern.Role, true, true, DirectionApplied: true, Factual: true);
        }

        /// <summary>"NAVCENT's Task Force 50", "the Command's 5th Fleet": a military unit named as an organisation's own is under its command.</summary>
        private IEnumerable<Candidate> OwnUnit()
        {
            var v = _v;
            foreach (var x in v.Mentions)
            {
                int k = x.EndToken;
                if (k >= v.Count || v.Tag(k) != "POS" || v.TypeOf(x) != EntityType.Organization) continue;
                k++;
                // "X's (NAVCENT) Task Force": the possessor's acronym in brackets
                if (v.Words[k] == "(" && k + 2 < v.Count && v.Words[k + 2] == ")") k += 3;
                var unit = v.MentionStartingAt(k);
                if (unit is null || unit.Entity == x.Entity || v.TypeOf(unit) != EntityType.Organization) continue;
                if (EchelonOf(unit) == 0 && !unit.Mention.Text.Contains("Task Force", StringComparison.Ordinal) && !unit.Mention.Text.EndsWith("Fleet", StringComparison.Ordinal)) continue;
                yield return OwnUnitCandidate(x, unit);
            }
        }
    }
}
