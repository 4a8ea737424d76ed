namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// A verb group: auxiliaries, modals, adverbs and the main verb ("has not been deployed"), as read from Penn tags.
/// </summary>
/// <param name="First">First token of the group (an auxiliary or the verb).</param>
/// <param name="Head">The main (last) verb.</param>
/// <param name="Passive">A form of "be"/"get" before a past participle head.</param>
/// <param name="Finite">Carries tense or a modal: can head a clause.</param>
/// <param name="Negated">"not", "n't", "never" inside the group.</param>
/// <param name="Modality">The modality of a modal auxiliary ("may", "future"), else null.</param>
internal sealed record VerbGroup(int First, int Head, bool Passive, bool Finite, bool Negated, string? Modality)
{
    public static List<VerbGroup> Find(SentenceView v)
    {
        var groups = new List<VerbGroup>();
        int i = 0;
        while (i < v.Count)
        {
            if (!(v.IsVerb(i) || v.Tag(i) == "MD") || v.MentionAt(i) is not null) { i++; continue; }
            int first = i, head = i, j = i + 1;
            while (j < v.Count && v.MentionAt(j) is null)
            {
                if (v.IsVerb(j) || v.Tag(j) == "MD") { head = j; j++; continue; }
                // adverbs and negation inside the group: "has not been", "was later withdrawn"
                if (v.IsAdverb(j) && j + 1 < v.Count && (v.IsVerb(j + 1) || v.Tag(j + 1) == "MD" || v.IsAdverb(j + 1) && j + 2 < v.Count && v.IsVerb(j + 2))) { j++; continue; }
                break;
            }
            bool passive = false, finite = false, negated = false;
            string? modality = null;
            for (int k = first; k <= head; k++)
            {
                if (k < head && v.Tag(head) == "VBN" && (v.IsBe(k) || v.Lemma(k) == "get")) passive = true;
                if (v.IsFinite(k)) finite = true;
                if (Grammar.IsNegator(v.Lower(k))) negated = true;
                if (v.Tag(k) == "MD" && Grammar.Modals.TryGetValue(v.Lower(k), out var m)) modality ??= m;
            }
            // "never attacked": a negator right before the group belongs to it
            if (first > 0 && v.Lower(first - 1) is "never" or "not" or "n't") negated = true;
            groups.Add(new VerbGroup(first, head, passive, finite, negated, modality));
            i = j;
        }
        return groups;
    }
}
