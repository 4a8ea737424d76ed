namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Event constructions of news English that the verb and nominal patterns do not read on their own: time phrases between a
/// subject and its verb, demands stated as "Y must ...", statements of intent (PLOVER codes "X will visit Y" as AGREE and
/// "X would blockade Y" as THREATEN), complaints "over" something, gifts with an indirect object ("gave Y aid").
/// </summary>
public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        /// <summary>
        /// The longer lexicon match over the lemmas or over the lemmas with plural nouns as written: entries say
        /// "impose sanctions on" and "cut ties with", where a lemma sequence reads "impose sanction on".
        /// </summary>
        private (int Length, IReadOnlyList<Lexicons.TriggerEntry> Entries) LongestMatch(IReadOnlyList<string> lemmas, IReadOnlyList<string> forms, int start)
        {
            var a = _x._triggers.LongestMatchAt(lemmas, start);
            var b = _x._triggers.LongestMatchAt(forms, start);
            return b.Length > a.Length ? b : a;
        }

        private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal)
        {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
            "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend",
        };

        /// <summary>
        /// The first token of a time phrase ending at token <paramref name="j"/> ("on Thursday", "last week", "today",
        /// "on Monday night", "on Dec. 9"), or -1. A subject and its verb are often split by one: "X on Tuesday rejected Y".
        /// </summary>
        private int TimePhraseStart(int j)
        {
            var v = _v;
            if (j < 0 || v.MentionAt(j) is not null) return -1;
            int k = j;
            if (v.Tag(k) == "CD" && k > 0 && TimeNouns.Contains(v.Lower(k - 1))) k--; // "Dec. 9"
            if (!TimeNouns.Contains(v.Lower(k)) || v.IsVerb(k) || v.Tag(k) == "MD") return -1;
            bool bare = v.Lower(k) is "today" or "yesterday" or "tonight" || v.Tag(k) == "NNP";
            k--;
            // "Monday night", "Friday morning", "early Sunday"
            if (k >= 0 && v.MentionAt(k) is null && TimeNouns.Contains(v.Lower(k))) k--;
            if (k >= 0 && v.Lower(k) is "early" or "late") k--;
            if (k >= 0 && v.Lower(k) is "on" or "last" or "this" or "next" or "earlier" or "later") return k;
            return bare && v.Lower(j) is not ("may" or "march") ? k + 1 : -1;
        }
    }
}
