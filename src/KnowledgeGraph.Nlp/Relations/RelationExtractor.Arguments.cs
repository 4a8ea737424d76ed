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
        int p = m.EndToken;
        if (p >= v.Count || v.MentionAt(p) is not null || v.Tag(p) is not ("NN" or "NNS")) return false;
        int head = p;
        while (head + 1 < v.Count && v.MentionAt(head + 1) is null && v.Tag(head + 1) is "NN" or "NNS") head++;
        // the noun is the trigger itself: the place is the agent of the nominal ("Austrian support to X", "the Russian threat")
        if (c.TriggerFirst >= p && c.TriggerFirst <= head) return false;
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
    private static bool StatedByNounPhrase(SentenceView v, Candidate c, TriggerEntry entry, MentionRef subj)
    {
        if (entry.Category is not ("LOCATED_IN" or "HEADQUARTERED_IN") || !c.IsNoun || v.TypeOf(subj) == EntityType.Person
            || subj.Mention.Kind is not (MentionKind.Name or MentionKind.Acronym) || subj.EndToken > c.TriggerFirst) return false;
        return Enumerable.Range(subj.EndToken, c.TriggerFirst - subj.EndToken).All(k => (v.IsNoun(k) || v.IsAdjective(k) || v.Tag(k) == "POS") && v.MentionAt(k) is null);
    }

    private sealed partial class SentenceRun
    {
        /// <summary>
        /// "NAVCENT's Task Force 50", "the Command's 5th Fleet": a unit named as a military organisation's own is under its
        /// command (LEADS). "The Bureau's Kessa Division", "the Interior Ministry's Criminal Division": a division of an
        /// organisation that is no armed force (no echelon word in its name, not typed armed forces) is a part of it (PART_OF).
        /// </summary>
        private Candidate OwnUnitCandidate(MentionRef owner, MentionRef unit)
        {
            var v = _v;
            int t = owner.EndToken;
            var entity = v.Context.Entities[owner.Entity];
            bool military = entity.FineTypes.Contains("ArmedForces") || EchelonOf(owner) > 0
                || entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Grammar.Echelons.ContainsKey(w));
            return military
                ? new Candidate(owner, unit, Stative("LEADS", "'s", 0.65), t, t, v.Words[t], RelationPattern.Role, false, true, DirectionApplied: true)
                : new Candidate(unit, owner, Stative("PART_OF", "'s", 0.65), t, t, v.Words[t], RelationPattern.Role, false, true, DirectionApplied: true);
        }

        /// <summary>
        /// "P, director of the Commission's Varno Regional Office", "P, head of the Agency's Orvin Division": a role of what an
        /// organisation owns is held in that part: the role's relation goes to the part, and the holder works for the owner. When
        /// the part is no name ("P, chief of the Commission's enforcement office") the holder only works for the owner: a leading role in
        /// a part does not lead the whole. Otherwise the role is of the organisation named.
        /// </summary>
        private IEnumerable<Candidate> RoleInOwnedPart(MentionRef holder, MentionRef org, IReadOnlyList<TriggerEntry> triggers, string lemma,
            int r, int last, string text)
        {
            var v = _v;
            int k = org.EndToken;
            bool owner = k + 1 < v.Count && v.Tag(k) == "POS" && v.TypeOf(org) == EntityType.Organization;
            if (owner && v.MentionFrom(k + 1, v.IsAdjective) is { } part && part.Entity != org.Entity && part.Entity != holder.Entity
                && v.TypeOf(part) == EntityType.Organization)
                yield return new Candidate(holder, part, triggers, r, last, text, RelationPattern.Role, false, true, DirectionApplied: true);
            yield return new Candidate(holder, org, owner && triggers.Any(e => e.Category == "LEADS") ? Stative("WORKS_FOR", lemma, 0.7) : triggers,
                r, last, text, RelationPattern.Role, false, true, DirectionApplied: true);
        }
    
        /// <summary>
        /// Whether a verb of fighting has an object that is no name and names the other side: a personal pronoun ("X and Y
        /// will work together to defeat them") or a noun phrase whose head is one of PETRARCH's agent nouns ("X and Y
        /// fought the rebels"). Its coordinated subjects fight that side together, not each other; "X and Y fought a
        /// war", "X and Y clashed on Sunday" and "X and Y fought each other" still relate them.
        /// </summary>
        private bool UnnamedOpponent(Match match)
        {
            var v = _v;
            int k = match.Last + 1;
            if (k >= v.Count) return false;
            // a pronoun the subjects' coreference may have taken for one of them: still the other side
            if (v.Tag(k) == "PRP") return v.Lower(k) is "them" or "him" or "her" or "us";
            if (v.MentionAt(k) is not null) return false;
            while (k < v.Count && k - match.Last <= 4 && v.MentionAt(k) is null && (v.IsDeterminer(k) || v.IsAdjective(k) || v.Tag(k) is "CD" or "PRP$")) k++;
            if (k >= v.Count || v.MentionAt(k) is not null || v.Tag(k) is not ("NN" or "NNS")) return false;
            while (k + 1 < v.Count && v.MentionAt(k + 1) is null && v.Tag(k + 1) is "NN" or "NNS") k++;
            return _x._agents.Lookup(v.Lower(k)).Count > 0 || _x._agents.Lookup(v.Lemma(k)).Count > 0;
        }

        /// <summary>
        /// Whether a reciprocal trigger ending in "with" ("working with", "cooperate with") is followed by a partner that is
        /// no name: "X and Y, working with local partners, arrested 38 people" names the partners, and X and Y do not work
        /// with each other. "X and Y met with each other" still relates them; other prepositions introduce a topic or a time
        /// ("agreed on Wednesday"), not the partner.
        /// </summary>
        private bool UnnamedPartner(Match match, bool endsWithPrep)
        {
            var v = _v;
            int k = match.Last + 1;
            return endsWithPrep && v.Lower(match.Last) == "with" && k < v.Count
                && !(v.Lower(k) == "each" && v.Lower(k + 1) == "other" || v.Lower(k) == "one" && v.Lower(k + 1) == "another")
                && !v.IsComma(k) && v.Words[k] is not ("." or ";");
        }
    }
}
