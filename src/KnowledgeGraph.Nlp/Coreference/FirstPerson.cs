using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Coreference;

/// <summary>
/// Who "we", "our", "us" and "I" stand for. Inside a quotation they are the speaker's: "I" is the speaker, "we" the
/// organisation the speaker's role apposition names ("X, commander of Y, said, "We ..."" -> Y), else no one (a plural is no person).
/// Outside quotations a statement speaks with the voice of its opening subject when that is an organisation or a
/// country in the present tense ("The Ministry condemns ... Our thoughts are with ..."); news prose that opens
/// otherwise has no first person to resolve. Built per document; read-only after construction.
/// </summary>
internal sealed class FirstPerson
{
    private readonly IReadOnlyList<Sentence> _sentences;
    private readonly TitleLexicon _titles;
    // per sentence, per token: the quotation the token is inside (index into _quotes), or -1
    private readonly int[][] _inQuote;
    private readonly List<(int OpenSentence, int OpenToken, int CloseSentence, int CloseToken)> _quotes = new();

    public FirstPerson(IReadOnlyList<Sentence> sentences, TitleLexicon titles)
    {
        _sentences = sentences;
        _titles = titles;
        _inQuote = sentences.Select(s => Enumerable.Repeat(-1, s.Tokens.Count).ToArray()).ToArray();
        int open = -1, os = -1, ot = -1;
        foreach (var s in sentences)
            for (int i = 0; i < s.Tokens.Count; i++)
            {
                var t = s.Tokens[i];
                bool opening = t.Text is "\u201C" || t.Text == "\"" && t.Tag == "``";
                bool closing = t.Text is "\u201D" || t.Text == "\"" && t.Tag != "``";
                if (open < 0 && opening) { open = _quotes.Count; os = s.Index; ot = i; _quotes.Add((os, ot, -1, -1)); continue; }
                if (open >= 0 && (closing || opening && s.Index != os))
                {
                    // a new opening quote in a later sentence: the previous quotation ran to the end of its paragraph
                    _quotes[open] = (os, ot, closing ? s.Index : os, closing ? i : -1);
                    open = -1;
                    if (opening) { open = _quotes.Count; os = s.Index; ot = i; _quotes.Add((os, ot, -1, -1)); }
                    continue;
                }
                if (open >= 0) _inQuote[s.Index][i] = open;
            }
        if (open >= 0) _quotes[open] = (os, ot, os, -1);
    }

    public static bool IsFirstPerson(string word) => word is "I" or "me" or "my" or "we" or "We" or "us" or "our" or "Our" or "ours" or "ourselves" or "My" or "Me";

    private static bool IsSingular(string word) => word is "I" or "me" or "my" or "My" or "Me";

    /// <summary>The mention "we"/"I" at token <paramref name="i"/> of sentence <paramref name="s"/> refers to, or null when no speaker is known.</summary>
    public ClusteredMention? Resolve(int s, int i, string word, SentenceMentions all, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf)
    {
        int q = _inQuote[s][i];
        if (q < 0)
        {
            if (IsSingular(word)) return null; // an unquoted "I" is the author, whom the text does not name
            return Voice(all, typeOf, fineOf);
        }
        var speaker = Speaker(q, all, typeOf, fineOf);
        if (speaker is null || IsSingular(word)) return speaker;
        // a plural "we"/"our" said by a person is a group: the organisation the speaker's role names, else no one we know
        return typeOf(speaker.Cluster) == EntityType.Person ? OrganisationOf(speaker, all, typeOf, fineOf) : speaker;
    }

    private static bool IsActor(ClusteredMention m, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf) =>
        m.Mention.Kind is MentionKind.Name or MentionKind.Acronym
        && (typeOf(m.Cluster) is EntityType.Person or EntityType.Organization || fineOf(m.Cluster).Contains("Country"));

    /// <summary>The statement's voice: the opening sentence's first name, an organisation or country, followed by a present-tense verb.</summary>
    private ClusteredMention? Voice(SentenceMentions all, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf)
    {
        if (_sentences.Count == 0) return null;
        var first = all.In(0).FirstOrDefault();
        if (first is null || !IsActor(first, typeOf, fineOf) || typeOf(first.Cluster) == EntityType.Person) return null;
        var tokens = _sentences[0].Tokens;
        if (_inQuote[0].Take(first.Placed.EndToken).Any(q => q >= 0)) return null;
        int k = first.Placed.EndToken;
        while (k < tokens.Count && tokens[k].Tag is "RB") k++;
        return k < tokens.Count && (tokens[k].Tag is "VBZ" or "VBP" || MistaggedPresent(tokens, k)) ? first : null;
    }

    /// <summary>
    /// "The Netherlands condemns the ...": after a plural name the tagger often reads a present-tense verb as a plural noun
    /// (NNS). An -s word right after the subject name that is followed by what opens a verb's complement (a determiner,
    /// preposition, adverb, possessive or "that") is that verb.
    /// </summary>
    private static bool MistaggedPresent(IReadOnlyList<Token> tokens, int k) =>
        tokens[k].Tag == "NNS" && tokens[k].Text.EndsWith('s') && k + 1 < tokens.Count
        && (tokens[k + 1].Tag is "DT" or "IN" or "RB" or "PRP$" or "PDT" || tokens[k + 1].Text == "that");

    /// <summary>The one a quotation is attributed to: after its closing quote ("..." said X / X said) or before its opening one (X said, "...").</summary>
    private ClusteredMention? Speaker(int q, SentenceMentions all, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf)
    {
        var (os, ot, cs, ct) = _quotes[q];
        if (ct >= 0)
        {
            int end = _sentences[cs].Tokens.Count;
            for (int k = ct + 1; k < end; k++) if (_inQuote[cs][k] >= 0 || IsQuote(_sentences[cs].Tokens[k])) { end = k; break; }
            var after = SpeakerIn(cs, ct + 1, end, all, typeOf, fineOf);
            if (after is not null) return after;
        }
        int start = 0;
        for (int k = ot - 1; k >= 0; k--) if (_inQuote[os][k] >= 0 || IsQuote(_sentences[os].Tokens[k])) { start = k + 1; break; }
        return SpeakerIn(os, start, ot, all, typeOf, fineOf);
    }

    private static bool IsQuote(Token t) => t.Text is "\u201C" or "\u201D" or "\"";

    private ClusteredMention? SpeakerIn(int s, int from, int to, SentenceMentions all, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf)
    {
        var tokens = _sentences[s].Tokens;
        int verb = -1;
        for (int k = from; k < to; k++)
            if (tokens[k].Tag is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && Relations.Grammar.ReportingVerbs.Contains(tokens[k].Lemma ?? ""))
            { verb = k; break; }
        if (verb < 0) return null;
        var inside = all.In(s).Where(m => m.Placed.FirstToken >= from && m.Placed.EndToken <= to && IsActor(m, typeOf, fineOf)).ToList();
        // "said X", "said the ministry's X": the inverted subject right after the verb
        int a = verb + 1;
        while (a < to && tokens[a].Tag is "DT" or "RB") a++;
        var inverted = inside.FirstOrDefault(m => m.Placed.FirstToken == a || m.Placed.FirstToken == a + 1 && tokens[a].Tag is "NNP" or "NN");
        if (inverted is not null && inverted.Placed.FirstToken > verb) return inverted;
        // "X, commander of Y, said": the clause's first actor before the verb
        return inside.FirstOrDefault(m => m.Placed.EndToken <= verb);
    }

    /// <summary>
    /// The organisation a person's role apposition or title names: "X, commander of Y", "X, commander, Y", "X, the Y
    /// spokesperson", "Y commander X".
    /// </summary>
    private ClusteredMention? OrganisationOf(ClusteredMention person, SentenceMentions all, Func<int, EntityType> typeOf, Func<int, IReadOnlySet<string>> fineOf)
    {
        int s = person.Mention.SentenceIndex;
        var tokens = _sentences[s].Tokens;
        bool Org(ClusteredMention m) => m.Cluster != person.Cluster && m.Mention.SentenceIndex == s
            && m.Mention.Kind is MentionKind.Name or MentionKind.Acronym && typeOf(m.Cluster) == EntityType.Organization;
        bool RoleWord(int k) => _titles.IsRoleNoun(tokens[k].Text) || _titles.IsRoleNoun(tokens[k].Text.ToLowerInvariant());
        bool Connective(int k) => tokens[k].Text is "," || tokens[k].Tag is "DT" or "IN" or "JJ" or "NN" or "NNS" or "NNP" or "POS" || RoleWord(k);
        // after the name: an apposition holding a role word and the organisation
        var next = all.In(s).FirstOrDefault(m => Org(m) && m.Placed.FirstToken >= person.Placed.EndToken && m.Placed.FirstToken - person.Placed.EndToken <= 6);
        if (next is not null && person.Placed.EndToken < tokens.Count && tokens[person.Placed.EndToken].Text == ",")
        {
            var between = Enumerable.Range(person.Placed.EndToken, next.Placed.FirstToken - person.Placed.EndToken).ToList();
            bool roleAfter = next.Placed.EndToken < tokens.Count && RoleWord(next.Placed.EndToken);
            if (between.All(Connective) && (between.Any(RoleWord) || roleAfter)
                && !all.In(s).Any(m => m.Placed.FirstToken > person.Placed.EndToken && m.Placed.EndToken <= next.Placed.FirstToken && typeOf(m.Cluster) == EntityType.Person))
                return next;
        }
        // before the name: "Y commander X", "Y's spokesman X"
        var prev = all.In(s).LastOrDefault(m => Org(m) && m.Placed.EndToken <= person.Placed.FirstToken && person.Placed.FirstToken - m.Placed.EndToken <= 3);
        if (prev is not null)
        {
            var between = Enumerable.Range(prev.Placed.EndToken, person.Placed.FirstToken - prev.Placed.EndToken).ToList();
            if (between.Count > 0 && between.All(k => tokens[k].Tag is "POS" or "NN" or "NNP" || RoleWord(k)) && between.Any(RoleWord)) return prev;
        }
        return null;
    }
}
