namespace KnowledgeGraph.Nlp.Relations;

/// <summary>Event coding of the surface reader's candidates: the CAMEO rules and argument checks of <see cref="EventCoder"/>.</summary>
public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        /// <summary>Every event candidate coded with CAMEO and checked; those that are no event are left out.</summary>
        private List<Candidate> CodeEvents(List<Candidate> list)
        {
            if (_x._coder.IsEmpty) return list;
            var result = new List<Candidate>(list.Count);
            foreach (var c in list)
            {
                var decided = _x._coder.Decide(_v, new EventCoder.Reading(c.TriggerFirst, c.IsNoun, c.Intent, c.TriggerText, c.Entries, c.B), c.Coding);
                // a relationship whose partner is the subject itself gives no edge
                if (decided is { } d && d.Target.Entity != c.A.Entity) result.Add(c with { Entries = d.Entries, Coding = d.Coding, B = d.Target });
            }
            return result;
        }
    }
}
