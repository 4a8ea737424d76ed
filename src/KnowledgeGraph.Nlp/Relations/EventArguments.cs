namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// The dependents of an event word that CAMEO rules and argument checks read: subject, direct object (the passive
/// subject of a passive verb), particle, prepositional phrases (obl/nmod with their case word, on the word or on its
/// object), and the noun a participle modifies ("duties aimed at X": duties). Token indexes; -1 when absent.
/// Read from the dependency tree (Token.Head/Deprel) when the sentence has one, else from the word order.
/// </summary>
internal sealed record EventArguments(int Word, int Subject, int Object, string? Particle, IReadOnlyList<(string Prep, int Head)> Preps, int Modified)
{
    /// <summary>The arguments of token <paramref name="t"/>.</summary>
    public static EventArguments Of(SentenceView v, int t)
    {
        if (v.EventArguments.TryGetValue(t, out var known)) return known;
        var a = v.HasTree ? FromTree(v, t) : FromOrder(v, t);
        v.EventArguments[t] = a;
        return a;
    }

    private static EventArguments FromTree(SentenceView v, int t)
    {
        var tokens = v.Sentence.Tokens;
        int subject = -1, obj = -1, modified = -1;
        string? particle = null;
        var preps = new List<(string, int)>();
        bool passive = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Head != t) continue;
            var rel = tokens[i].Deprel ?? "";
            if (rel is "nsubj") subject = i;
            else if (rel is "nsubj:pass") { passive = true; if (obj < 0) obj = i; }
            else if (rel is "obj") obj = i;
            else if (rel is "compound:prt") particle = v.Lower(i);
            else if (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal) && rel != "nmod:poss")
            {
                if (CaseOf(v, i) is { } p) preps.Add((p, i));
            }
            else if (rel is "nmod:poss" && v.IsNoun(t)) subject = i;
        }
        if (passive && obj >= 0 && tokens[obj].Deprel == "nsubj:pass")
        {
            // "X was attacked by Y": the agent is the subject
            var agent = preps.FindIndex(p => p.Item1 == "by");
            if (agent >= 0) subject = preps[agent].Item2;
        }
        // prepositional phrases on the object noun ("launched an offensive against X")
        if (obj >= 0)
            for (int i = 0; i < tokens.Count; i++)
                if (tokens[i].Head == obj && (tokens[i].Deprel ?? "").StartsWith("nmod", StringComparison.Ordinal) && tokens[i].Deprel != "nmod:poss"
                    && CaseOf(v, i) is { } p)
                    preps.Add((p, i));
        var own = tokens[t].Deprel ?? "";
        if (own.StartsWith("acl", StringComparison.Ordinal) && tokens[t].Head >= 0) modified = tokens[t].Head;
        return new EventArguments(t, subject, obj, particle, preps, modified);
    }

    private static string? CaseOf(SentenceView v, int head)
    {
        var tokens = v.Sentence.Tokens;
        for (int i = 0; i < tokens.Count; i++)
            if (tokens[i].Head == head && tokens[i].Deprel is "case") return v.Lower(i);
        return null;
    }

    /// <summary>Word-order reading: the noun phrase after the word, particles, and each preposition with the last noun of its phrase.</summary>
    private static EventArguments FromOrder(SentenceView v, int t)
    {
        int subject = -1, obj = -1, modified = -1;
        string? particle = null;
        var preps = new List<(string, int)>();
        int j = t + 1;
        if (j < v.Count && (v.Tag(j) == "RP" || Lexicons.Derivation.CameoCompiler.Particles.Contains(v.Lower(j)) && v.Tag(j) is "RB" or "IN"))
        {
            // "set out", "put down": a particle unless a noun phrase follows a preposition-like word
            if (v.Tag(j) == "RP" || !(j + 1 < v.Count && (v.IsDeterminer(j + 1) || v.IsNoun(j + 1)))) { particle = v.Lower(j); j++; }
        }
        int end = Math.Min(v.Count, t + 16);
        int phraseEnd = NounRunEnd(v, j, end);
        if (phraseEnd > j) obj = phraseEnd - 1;
        for (int k = Math.Max(j, phraseEnd); k < end; k++)
        {
            if (v.IsComma(k) || v.IsClauseBreak(k) || v.IsFinite(k) || v.IsRelativePronoun(k)) break;
            if (!v.IsPreposition(k)) continue;
            int e = NounRunEnd(v, k + 1, end);
            if (e > k + 1) { preps.Add((v.Lower(k), e - 1)); k = e - 1; }
            else preps.Add((v.Lower(k), -1));
        }
        // the subject: the last noun before the word, in the same clause
        for (int k = t - 1; k >= 0 && t - k <= 8; k--)
        {
            if (v.IsComma(k) || v.IsClauseBreak(k)) break;
            if (v.IsNoun(k) || v.MentionAt(k) is not null) { subject = k; break; }
        }
        if (v.Tag(t) is "VBN" or "VBG" && t > 0 && v.IsNoun(t - 1)) modified = t - 1;
        return new EventArguments(t, subject, obj, particle, preps, modified);
    }

    /// <summary>The end (exclusive) of a noun phrase starting at <paramref name="from"/>: determiners, adjectives, numbers, nouns.</summary>
    private static int NounRunEnd(SentenceView v, int from, int end)
    {
        int k = from, lastNoun = -1;
        // a participle between a determiner and a noun modifies the noun: "the following statement"
        while (k < end && (v.IsDeterminer(k) || v.IsAdjective(k) || v.Tag(k) is "CD" or "POS" || v.IsNoun(k) || v.MentionAt(k) is not null
                           || v.Tag(k) == "VBG" && k > from && v.IsDeterminer(k - 1) && k + 1 < end && v.IsNoun(k + 1)))
        {
            // "with Y last year", "against Y this week": a bare time phrase after a name is no part of its noun phrase
            if (lastNoun >= 0 && v.MentionAt(lastNoun) is not null && v.MentionAt(k) is null && BareTimePhrase(v, k)) break;
            if (v.IsNoun(k) || v.MentionAt(k) is not null) lastNoun = k;
            k++;
        }
        return lastNoun < 0 ? from : lastNoun + 1;
    }

    /// <summary>Whether a bare time phrase starts at <paramref name="k"/>: a time noun, after at most one determiner or adjective.</summary>
    private static bool BareTimePhrase(SentenceView v, int k)
    {
        if (v.IsDeterminer(k) || v.IsAdjective(k)) k++;
        return k < v.Count && v.MentionAt(k) is null && Grammar.TimeNouns.Contains(v.Lower(k));
    }

    /// <summary>The words of the phrase headed by <paramref name="head"/> (lemmas and lower-case forms): its subtree, or nearby modifiers.</summary>
    public static HashSet<string> PhraseWords(SentenceView v, int head)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (head < 0) return set;
        if (v.HasTree)
        {
            var tokens = v.Sentence.Tokens;
            for (int i = Math.Max(0, head - 6); i < Math.Min(v.Count, head + 6); i++)
            {
                int h = i, steps = 0;
                while (h >= 0 && h != head && steps++ < 3) h = tokens[h].Head;
                if (h == head) { set.Add(v.Lemma(i)); set.Add(v.Lower(i)); }
            }
        }
        else
        {
            for (int i = head; i >= 0 && head - i <= 4 && (i == head || v.IsNoun(i) || v.IsAdjective(i) || v.Tag(i) is "VBN" or "VBG" or "CD"); i--)
            {
                set.Add(v.Lemma(i));
                set.Add(v.Lower(i));
            }
        }
        return set;
    }
}
