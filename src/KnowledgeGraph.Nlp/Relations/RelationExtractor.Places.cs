using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {

        /// <summary>
        /// The token after a place-kind phrase starting at <paramref name="i"/> ("[the] [northwest] province of"), so the name
        /// after it is read as the place; <paramref name="i"/> itself when there is none.
        /// </summary>
        private int AfterPlaceNoun(int i)
        {
            var v = _v;
            int k = i;
            if (v.Tag(k) == "DT") k++;
            while (k < v.Count && k - i < 4 && v.MentionAt(k) is null && (v.IsAdjective(k) || v.Tag(k) is "NN" or "RB") && !Grammar.PlaceNouns.Contains(v.Lower(k))) k++;
            if (k + 2 < v.Count && v.MentionAt(k) is null && Grammar.PlaceNouns.Contains(v.Lower(k)) && v.Lower(k + 1) == "of" && v.MentionStartingAt(k + 2) is not null)
                return k + 2;
            return i;
        }

        /// <summary>
        /// Places stated by other constructions: a person's home town in an apposition ("X, 42, of Y, Z, died"), and an
        /// actor's presence or activity introduced by a possessive ("X's campaign in Y and Z").
        /// </summary>
        private IEnumerable<Candidate> PlaceMoreCandidates()
        {
            var v = _v;
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
                if (k == p + 1 || !v.IsNoun(k - 1) || !Grammar.PresenceNouns.Contains(v.Lemma(k - 1)) || k >= v.Count || !IsPlacePreposition(v.Lower(k))) continue;
                foreach (var c in PlacedIn(m, PlacesFrom(k + 1), k, true)) yield return c;
            }
        }

        /// <summary>
        /// "X liberated the town from Y", "X tried to seize the hospital from Y": whoever takes a place from its holder
        /// fights the holder.
        /// </summary>
        private IEnumerable<Candidate> TakenFromFightCandidates()
        {
            var v = _v;
            foreach (var (gi, g) in GroupsOf(Grammar.TakeFromVerbs))
            {
                var holders = TakenFrom(g.Head).Select(c => c.A).ToList();
                if (holders.Count == 0) continue;
                foreach (var (s, h) in Pairs(Subjects(gi), holders))
                    if (s.Entity != h.Entity && !IsPlace(s) && !IsPlace(h))
                        yield return new Candidate(s, h, Entry("take from"), g.Head, g.Head, v.Words[g.Head], RelationPattern.Verb, true, false);
            }
        }
    }
}
