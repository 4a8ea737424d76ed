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
                // only an auxiliary or modal extends the group: "denied attacking" is two groups
                if ((v.IsVerb(j) || v.Tag(j) == "MD") && IsAuxiliary(v, head)) { head = j; j++; continue; }
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
                if (Grammar.NegatesAt(v, k)) negated = true;
                if (v.Tag(k) == "MD" && Grammar.Modals.TryGetValue(v.Lower(k), out var m)) modality ??= m;
            }
            // A lone past participle right after its subject is a past tense the tagger mislabelled ("X attacked/VBN Y"),
            // unless it opens a reduced relative: after a comma, or with a "by" agent ahead ("a company led until 2022 by Y").
            if (!finite && first == head && v.Tag(head) == "VBN" && first > 0 && !v.IsComma(first - 1) && !AgentAhead(v, head)
                && (v.MentionAt(first - 1) is not null || v.IsNoun(first - 1) || v.Tag(first - 1) is "PRP" || v.IsAdverb(first - 1) && first > 1 && (v.MentionAt(first - 2) is not null || v.Tag(first - 2) is "PRP")))
                finite = true;
            // "X ought to attack Y": "ought" is a modal whose infinitive takes "to" (the tagger may read it as a noun)
            if (first > 1 && v.Tag(first - 1) == "TO" && v.MentionAt(first - 2) is null && Grammar.Modals.TryGetValue(v.Lower(first - 2), out var ought)) modality ??= ought;
            // "never attacked": a negator right before the group belongs to it
            if (first > 0 && v.Lower(first - 1) is "never" or "not" or "n't") negated = true;
            groups.Add(new VerbGroup(first, head, passive, finite, negated, modality));
            i = j;
        }
        // a sentence needs a main verb: with none finite, a lone past form after an apposition is it ("X, the envoy, demanded Y")
        if (!groups.Any(g => g.Finite))
        {
            int k = groups.FindIndex(g => g.First == g.Head && v.Tag(g.Head) is "VBN" or "VBD" && g.First > 1 && v.IsComma(g.First - 1)
                                          && v.MentionEndingAt(g.First - 2) is not null);
            if (k >= 0) groups[k] = groups[k] with { Finite = true };
        }
        return MarkParticiples(v, groups);
    }

    private static bool IsAuxiliary(SentenceView v, int i) =>
        v.Tag(i) == "MD" || v.Lemma(i) is "be" or "have" or "do" or "get" || v.IsBe(i) || v.Lower(i) is "has" or "had" or "did" or "does";

    /// <summary>
    /// "X, headquartered in Y, met ...": a lone past form after a comma, with a finite verb later in the sentence,
    /// is a participle even when tagged as a past tense.
    /// </summary>
    public static List<VerbGroup> MarkParticiples(SentenceView v, List<VerbGroup> groups)
    {
        for (int k = 0; k < groups.Count; k++)
        {
            var g = groups[k];
            // "a company led/VBD until 2023 by Y": a lone past form right after a common noun, with a "by" agent
            // ahead, is a participle whatever the tagger says
            if (g.First == g.Head && g.Finite && v.Tag(g.Head) == "VBD" && g.First > 0 && v.Tag(g.First - 1) is "NN" or "NNS" && AgentAhead(v, g.Head))
            {
                groups[k] = g with { Finite = false };
                continue;
            }
            if (g.First != g.Head || v.Tag(g.Head) is not ("VBD" or "VBN") || !v.Lower(g.Head).EndsWith("ed", StringComparison.Ordinal)) continue;
            if (g.First < 2 || !v.IsComma(g.First - 1) || v.MentionEndingAt(g.First - 2) is null) continue;
            bool laterFinite = groups.Skip(k + 1).Any(o => o.Finite && o.First > 0 && (v.IsComma(o.First - 1) || v.IsAdverb(o.First - 1)));
            if (laterFinite) groups[k] = g with { Finite = false };
        }
        return groups;
    }

    private static bool AgentAhead(SentenceView v, int head)
    {
        for (int k = head + 1; k < v.Count && k <= head + 8; k++)
        {
            if (v.IsFinite(k) || v.IsClauseBreak(k) || v.IsComma(k)) return false;
            if (v.Lower(k) == "by") return true;
        }
        return false;
    }
}
