using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

public sealed partial class RelationExtractor
{
    /// <summary>
    /// Whether a place mention only modifies the common noun after it, and that noun names the real participant: "apprehended
    /// 20 Romanian nationals", "a U.S. citizen living in Z", "support for the Afghanistan troop drawdown mission". The people
    /// or things the noun phrase names are from, of or for the place; they are not the place. A noun a state acts through keeps
    /// the state as the participant ("Iraqi forces", "Mexican authorities", "the U.S. ambassador"); the head is the last common
    /// noun of the run ("the U.S. troop drawdown mission" names a mission, "Iraqi army officers" officers). A kind of place or
    /// a time is no other participant: "liberated several Mosul neighborhoods" is done to Mosul, "Y's Pulka town" is Pulka,
    /// "met in Copenhagen today"; and a place's presence noun is where the place-named thing is ("the Regiment headquarters in
    /// Nairobi"). The place of a place relation is never lowered: a part of a place ("at El Paso area ports") lies in it too.
    /// </summary>
    private bool OnlyModifies(SentenceView v, MentionRef m, string category, bool isSubject)
    {
        bool placeRelation = category is "LOCATED_IN" or "HEADQUARTERED_IN";
        if (v.TypeOf(m) != EntityType.Location || placeRelation && !isSubject) return false;
        int p = m.EndToken;
        if (p >= v.Count || v.MentionAt(p) is not null || v.Tag(p) is not ("NN" or "NNS")) return false;
        int head = p;
        while (head + 1 < v.Count && v.MentionAt(head + 1) is null && v.Tag(head + 1) is "NN" or "NNS") head++;
        // any noun of the run: a tagger may take the next verb for a noun ("Y's Pulka town strain resources")
        for (int k = p; k <= head; k++)
            if (Grammar.PlaceNouns.Contains(v.Lemma(k)) || Grammar.TimeNouns.Contains(v.Lower(k)) || Grammar.TimeSpanNouns.Contains(v.Lemma(k))
                || placeRelation && Grammar.PresenceNouns.Contains(v.Lemma(k))) return false;
        return !ActsForState(v.Lower(head), v.Lemma(head));
    }

    /// <summary>
    /// Whether the subject or the object of an event or place read from a clause is a place that <see cref="OnlyModifies"/> the
    /// noun naming the participant; the edge then rests on a reading of whose people they are, and its confidence says so
    /// (<see cref="RelationConfidence.ModifierOnly"/>). An apposition, a title or a compound ("U.S. Secretary X", "Iraqi-led")
    /// states its relation of the modifier itself.
    /// </summary>
    private bool ModifierArgument(SentenceView v, Candidate c, TriggerEntry entry, MentionRef subj, MentionRef obj) =>
        c.Pattern is not (RelationPattern.Role or RelationPattern.Compound)
        && (OnlyModifies(v, subj, entry.Category, true) || OnlyModifies(v, obj, entry.Category, false));

    /// <summary>
    /// Whether a place relation is stated by a noun phrase about a named organisation or place: "NASA's Kennedy Space Center in
    /// Florida", "the Bureau's headquarters in Washington", "its Southwest Regional Office in Albuquerque". Such a phrase says
    /// where the thing stands whatever the clause's tense or modality ("X will launch from the Center in Florida" leaves the
    /// Center in Florida), so a modality of the clause is not the relation's. Not a person's place ("P will be in Z", "P, in Z,
    /// will ..."), which changes with the clause, nor a place read over a verb ("X will be in Y").
    /// </summary>
    private static bool StatedByNounPhrase(SentenceView v, Candidate c, TriggerEntry entry, MentionRef subj)
    {
        if (entry.Category is not ("LOCATED_IN" or "HEADQUARTERED_IN") || !c.IsNoun || v.TypeOf(subj) == EntityType.Person
            || subj.Mention.Kind is not (MentionKind.Name or MentionKind.Acronym) || subj.EndToken > c.TriggerFirst) return false;
        for (int k = subj.EndToken; k < c.TriggerFirst; k++)
            if (!(v.IsNoun(k) || v.IsAdjective(k) || v.Tag(k) == "POS") || v.MentionAt(k) is not null) return false;
        return true;
    }
}
