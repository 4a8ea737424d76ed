using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    /// <summary>
    /// Whether a place mention only modifies the common noun after it, and that noun names the real participant: "apprehended
    /// 12 Ruritanian nationals", "a U.S. citizen living in Z", "support for the Ostland troop drawdown mission". The people
    /// or things the noun phrase names are from, of or for the place; they are not the place. A noun a state acts through keeps
    /// the state as the participant ("Iraqi forces", "Mexican authorities", "the U.S. ambassador"); the head is the last common
    /// noun of the run ("the U.S. troop drawdown mission" names a mission, "Iraqi army officers" officers). A kind of place or
    /// a time is no other participant: "freed several Varno neighborhoods" is done to Varno, "Y's Kessa town" is Kessa,
    /// "met in Orvin today"; a trigger noun is the act itself, whose agent the place is ("British support of X", "the
    /// Russian threat"); and a place's presence noun is where the place-named thing is ("the Regiment headquarters in
    /// Tarn"). The place of a place relation is lowered only when the noun it modifies names a body or a person (an
    /// organisation or person descriptor): "served in the Ruritanian army" puts no one in Ruritania, and the state's own body
    /// is no exception here; "at the Zarnow airport", "at a Lima hotel", "in a Ruritanian prison" lie in the place.
    /// </summary>
    private bool OnlyModifies(SentenceView v, MentionRef m, string category, bool isSubject, Candidate c)
    {
        bool placeRelation = category is "LOCATED_IN" or "HEADQUARTERED_IN";
        if (v.TypeOf(m) != EntityType.Location) return false;
        int p = v.SkipFrom(m.EndToken, v.IsAdjective, m.EndToken + 1); // "Ruritanian civil society": an adjective before the noun
        if (p >= v.Count || v.MentionAt(p) is not null || v.Tag(p) is not ("NN" or "NNS")) return false;
        int head = p;
        while (head + 1 < v.Count && v.MentionAt(head + 1) is null && v.Tag(head + 1) is "NN" or "NNS") head++;
        // the noun is the trigger itself: the place is the agent of the nominal ("Austrian support to X", "the Russian threat")
        if (c.TriggerFirst >= m.EndToken && c.TriggerFirst <= head) return false;
        // any noun of the run: a tagger may take the next verb for a noun ("Y's Kessa town strain resources")
        return !Enumerable.Range(p, head - p + 1).Any(k => Grammar.PlaceNouns.Contains(v.Lemma(k)) || Grammar.TimeNouns.Contains(v.Lower(k))
                || Grammar.TimeSpanNouns.Contains(v.Lemma(k)) || placeRelation && Grammar.PresenceNouns.Contains(v.Lemma(k)))
            && (placeRelation && !isSubject
                ? Enumerable.Range(p, head - p + 1).Any(k => _descriptors.Lookup(v.Lemma(k)).Any(e => e.Type is EntityType.Organization or EntityType.Person))
                : !ActsForState(v.Lower(head), v.Lemma(head)));
    }

    /// <summary>
    /// Whether the subject or the object of an event or place read from a clause is a place that <see cref="OnlyModifies"/> the
    /// noun naming the participant; the edge then rests on a reading of whose people they are, and its confidence says so
    /// (<see cref="RelationConfidence.ModifierOnly"/>). An apposition, a title or a compound ("U.S. Secretary X", "Iraqi-led")
    /// states its relation of the modifier itself.
    /// </summary>
    private bool ModifierArgument(SentenceView v, Candidate c, TriggerEntry entry, MentionRef subj, MentionRef obj) =>
        c.Pattern is not (RelationPattern.Role or RelationPattern.Compound)
        && (OnlyModifies(v, subj, entry.Category, true, c) || OnlyModifies(v, obj, entry.Category, false, c));

    /// <summary>
    /// Whether a place relation is stated by a noun phrase about a named organisation or place: "NASA's Kennedy Space Center in
    /// Florida", "the Bureau's headquarters in Washington", "its Southwest Regional Office in Albuquerque". Such a phrase says
    /// where the thing stands whatever the clause's tense or modality ("X will launch from the Center in Florida" leaves the
    /// Center in Florida), so a modality of the clause is not the relation's. Not a person's place ("P will be in Z", "P, in Z,
    /// will ..."), which changes with the clause, nor a place read over a verb ("X will be in Y").
    /// </summary>
    private static bool StatedByNounPhrase(SentenceView v, Candidate c, TriggerEntry entry, MentionRef subj) =>
        entry.Category is "LOCATED_IN" or "HEADQUARTERED_IN" && c.IsNoun && v.TypeOf(subj) != EntityType.Person
        && subj.Mention.Kind is MentionKind.Name or MentionKind.Acronym && subj.EndToken <= c.TriggerFirst
        && Enumerable.Range(subj.EndToken, c.TriggerFirst - subj.EndToken).All(k => (v.IsNoun(k) || v.IsAdjective(k) || v.Tag(k) == "POS") && v.MentionAt(k) is null);
}
