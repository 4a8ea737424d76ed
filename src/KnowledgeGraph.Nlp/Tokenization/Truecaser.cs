using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Tokenization;

/// <summary>
/// A line written all in capitals ("MALAYSIA STRONGLY CONDEMNS THE ATTACK IN NICE"): its capitals say nothing about
/// which words are names, so before tagging each of its words is given the case it most likely has, word by word, from
/// evidence that does not need the line's case, as truecasers do:
/// 1. the same word written elsewhere in the article inside a sentence in mixed case, not as its first word (the
///    commoner form there: "the attack" -> "attack", "the City of Nice" -> "Nice", "the AFP said" -> "AFP");
/// 2. a name of two or more words the gazetteer knows, in its listed form ("SAUDI ARABIA" -> "Saudi Arabia");
/// 3. a common word of English (common_words.tsv, or its lemma is one: "CONDEMNS" -> "condemns"), or an inflection of a
///    word the article writes in lower case ("DENOUNCES" where the text says "denounced"): lower case;
/// 4. a one-word name the gazetteer knows, in its listed form ("JEDDAH" -> "Jeddah", "NATO" -> "NATO");
/// 5. else lower case: a name or acronym in a headline is almost always named again in the article (step 1) or listed
///    (steps 2, 4); an unknown word kept in capitals would be read as an acronym ("THE GIG IS UP": no "GIG").
/// Only a line of at least three words (of two letters or more) with no small letter, one of them a preposition,
/// verb or article other than those inside names ("of", "and", "the", "for"), is recased: a name written in
/// capitals alone ("IVAN PETROV", "HAWAIIAN VOLCANO OBSERVATORY") is no sentence and keeps its capitals; an article whose
/// sentences are mostly such lines (a release written all in capitals) is left as written: it has too little mixed-case
/// text for step 1, and step 5 would turn every unlisted name into a common word. Offsets stay those of
/// the text; the tokens' text changes, and so does the text the entity stages read names from (the evidence of relations
/// stays the article's own). Linear in the article's length (one dictionary of the article's words).
/// </summary>
public static class Truecaser
{
    /// <summary>Function words that open no name and join none, whose presence marks a capitals line as a sentence
    /// (the UD closed classes ADP, AUX, DET, PART, PRON less the words names contain).</summary>
    private static readonly HashSet<string> SentenceWords = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "to", "against", "with", "from", "by", "into", "over", "after", "before", "upon", "amid", "about",
        "is", "are", "was", "were", "will", "has", "have", "had", "be", "been", "would", "could", "should", "may", "can",
        "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "we", "it", "they", "he", "she",
    };

    /// <summary>Whether <paramref name="s"/> is a line of capitals to recase.</summary>
    public static bool IsCapitalsSentence(IReadOnlyList<Token> tokens)
    {
        int words = 0;
        bool sentenceWord = false;
        foreach (var t in tokens)
        {
            int letters = 0;
            foreach (var c in t.Text)
            {
                if (char.IsLower(c)) return false;
                if (char.IsLetter(c)) letters++;
            }
            if (letters >= 2) words++;
            if (!sentenceWord && letters == t.Text.Length && SentenceWords.Contains(t.Text.ToLowerInvariant())) sentenceWord = true;
        }
        return words >= 3 && sentenceWord;
    }

    /// <summary>The sentences with every capitals line recased (the same list when there is none).</summary>
    /// <param name="isCommonWord">Whether a lower-case word is a common word of English (or an inflection of one).</param>
    /// <param name="lemmasOf">The lemmas a lower-case word may have (as a verb or a plural noun): "denounces" -> "denounce".</param>
    /// <returns>The sentences, and the text with the same words recased at the same offsets (what the entity stages name
    /// mentions from, so a name reads as in the article: "Nice", not "NICE"); both the same objects when no line is recased.</returns>
    public static (IReadOnlyList<Sentence> Sentences, string Text) Recase(string text, IReadOnlyList<Sentence> sentences, Gazetteer gazetteer,
        Func<string, bool> isCommonWord, Func<string, IEnumerable<string>> lemmasOf)
    {
        List<int>? lines = null;
        for (int k = 0; k < sentences.Count; k++)
            if (IsCapitalsSentence(sentences[k].Tokens)) (lines ??= new()).Add(k);
        if (lines is null) return (sentences, text);
        // (an article written mostly in capitals gives too little evidence of its own: step 5 would make every name it
        // writes, and the gazetteer does not list, a common word; its lines are left as written)
        if (lines.Count * 2 > sentences.Count) return (sentences, text);
        var evidence = Evidence(sentences);
        // the lemmas of the words the article writes in lower case: "DENOUNCES" is "denounces" where the text says "denounced"
        var lowerLemmas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, forms) in evidence)
            if (forms.ContainsKey(key)) lowerLemmas.UnionWith(lemmasOf(key));
        var result = sentences.ToList();
        var chars = text.ToCharArray();
        foreach (var k in lines)
        {
            result[k] = Recase(sentences[k], evidence, gazetteer, w => isCommonWord(w) || lemmasOf(w).Any(lowerLemmas.Contains));
            foreach (var t in result[k].Tokens) t.Text.CopyTo(0, chars, t.Start, t.Text.Length);
        }
        return (result, new string(chars));
    }

    /// <summary>Per lower-cased word, its forms written inside mixed-case sentences, not first: form -> count.</summary>
    private static Dictionary<string, Dictionary<string, int>> Evidence(IReadOnlyList<Sentence> sentences)
    {
        var d = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            if (!s.Tokens.Any(t => t.Text.Any(char.IsLower))) continue;
            if (Entities.MentionFinder.IsHeadline(s)) continue; // title case says little
            for (int i = 1; i < s.Tokens.Count; i++)
            {
                var w = s.Tokens[i].Text;
                if (!char.IsLetter(w[0])) continue;
                // after an opening quote or a colon a sentence starts again
                if (s.Tokens[i - 1].Text is ":" or "\"" or "\u201C" or "(" or "\u2018" or "-" or "\u2013" or "\u2014") continue;
                var key = w.ToLowerInvariant();
                if (!d.TryGetValue(key, out var forms)) d[key] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                forms[w] = forms.GetValueOrDefault(w) + 1;
            }
        }
        return d;
    }

    /// <summary>The gazetteer's form and the word in capitals are the same letters, accents aside ("Brasília", "BRASILIA").</summary>
    private static bool SameLetters(string listed, string written) =>
        listed.Length == written.Length && string.Equals(NameKey.Fold(listed), NameKey.Fold(written), StringComparison.Ordinal);

    private static Sentence Recase(Sentence s, Dictionary<string, Dictionary<string, int>> evidence, Gazetteer gazetteer, Func<string, bool> isCommonWord)
    {
        var tokens = s.Tokens.ToArray();
        var written = tokens.Select(t => t.Text).ToList();
        var texts = written.ToList();
        var done = new bool[tokens.Length];
        // 1. the article's own forms
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].Text.Any(char.IsLetter)) { done[i] = true; continue; }
            if (evidence.TryGetValue(tokens[i].Text.ToLowerInvariant(), out var forms))
            {
                // the commonest form; a tie goes to the capitalised one (a name written once each way)
                var best = forms.OrderByDescending(f => f.Value).ThenBy(f => char.IsLower(f.Key[0]) ? 1 : 0).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
                texts[i] = best;
                done[i] = true;
            }
        }
        // 2. names of two or more words the gazetteer knows (matched on the words as written)
        for (int i = 0; i < tokens.Length; i++)
        {
            if (done[i]) continue;
            var m = gazetteer.LongestMatchAt(written, i);
            if (m is null || m.Length < 2) continue;
            var surface = m.Best.Surface.Split(' ');
            if (surface.Length != m.Length) continue;
            for (int j = 0; j < m.Length; j++)
                if (!done[i + j] && SameLetters(surface[j], tokens[i + j].Text)) { texts[i + j] = surface[j]; done[i + j] = true; }
            i += m.Length - 1;
        }
        for (int i = 0; i < tokens.Length; i++)
        {
            if (done[i]) continue;
            var w = tokens[i].Text;
            var lower = w.ToLowerInvariant();
            if (!w.All(c => char.IsLetter(c) || c is '-' or '\'' or '\u2019')) continue; // "U.S.", "COVID-19": as written
            // 3. a common word
            if (isCommonWord(lower)) { texts[i] = lower; continue; }
            // 4. a one-word name the gazetteer knows
            var hit = gazetteer.Lookup(w);
            if (hit.Count > 0 && SameLetters(hit[0].Surface, w)) { texts[i] = hit[0].Surface; continue; }
            // 5. a word neither the article nor a lexicon writes as a name is a word of the sentence ("THE GIG IS UP")
            texts[i] = lower;
        }
        // (a word whose recased form has another length, as a few Unicode letters have, keeps its capitals: offsets stay exact)
        for (int i = 0; i < tokens.Length; i++)
            if (texts[i] != tokens[i].Text && texts[i].Length == tokens[i].End - tokens[i].Start && tokens[i].Text.Length == texts[i].Length)
                tokens[i] = tokens[i] with { Text = texts[i] };
        return s with { Tokens = tokens };
    }
}
