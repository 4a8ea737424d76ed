namespace KnowledgeGraph.Nlp.Language;

/// <summary>
/// Whether a text is something the models can read: English in Latin script. The tagger, the recogniser, the
/// naming rules and the relation rules were all trained or written for English; on Russian or Arabic text they turn
/// capitalised words into people ("Правительство Мали" as a Person) and on French into nonsense edges. A document
/// is refused, with its reason, when most of its letters are of another script, or when a long Latin-script text has
/// almost none of the commonest English words and many of another European language's. One pass over the text, no model.
/// </summary>
public static class LanguageCheck
{
    /// <summary>A Latin-script text needs this many words before the English-word test applies (headlines and lists are short).</summary>
    public const int MinWordsForWordTest = 60;

    /// <summary>Below this share of the commonest English words, a long Latin-script text may not be English (English prose has 35-50%).</summary>
    public const double MinEnglishShare = 0.08;

    /// <summary>At or above this share of other languages' commonest words (and with few English ones), a Latin-script text is not English.</summary>
    public const double MinForeignShare = 0.10;

    // The commonest English function words: together about 40% of running English text, almost never words of
    // French, Spanish, German, Italian, Portuguese, Dutch, Polish or Turkish.
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from", "it", "its",
        "he", "she", "they", "his", "her", "their", "this", "which", "were", "are", "be", "been", "has", "have", "had",
        "not", "but", "or", "said", "will", "would", "who", "an", "after", "into", "than", "also", "about", "more",
    };

    // The commonest function words of French, Spanish, Italian, Portuguese, German and Dutch that are no English
    // words: a Latin-script text is refused only on this positive evidence, so lists of links, file names or
    // figures (few English words, but no other language either) are still read.
    private static readonly HashSet<string> OtherLanguagesWords = new(StringComparer.Ordinal)
    {
        "de", "la", "le", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "que", "qui", "sur", "pas", "au", "aux", "avec", "il", "elle",
        "el", "los", "las", "del", "y", "en", "por", "con", "para", "es", "una", "se", "lo", "su", "al", "como", "más",
        "di", "che", "della", "per", "non", "sono", "gli", "nel",
        "da", "dos", "das", "em", "não", "uma", "os", "ao", "na",
        "der", "die", "und", "den", "dem", "ist", "nicht", "mit", "sich", "auf", "für", "ein", "eine", "zu", "von", "auch", "wird",
        "het", "een", "van", "ik", "niet", "zijn", "op", "te", "voor", "met", "dat",
    };

    /// <summary>Null when the text is English in Latin script (or too short to tell); else why it is not, for the user.</summary>
    public static string? Refusal(string text)
    {
        long latin = 0, other = 0;
        var scripts = new Dictionary<string, long>(StringComparer.Ordinal);
        int words = 0, english = 0, foreign = 0;
        int wordStart = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetter(c))
            {
                if (IsLatin(c)) latin++;
                else
                {
                    other++;
                    var script = ScriptOf(c);
                    scripts[script] = scripts.GetValueOrDefault(script) + 1;
                }
                if (wordStart < 0) wordStart = i;
                continue;
            }
            if (c is '\'' or '\u2019' && wordStart >= 0) continue; // "it's", "don't"
            if (wordStart >= 0)
            {
                words++;
                if (i - wordStart <= 6)
                {
                    var word = text[wordStart..i].ToLowerInvariant();
                    if (EnglishWords.Contains(word)) english++;
                    else if (OtherLanguagesWords.Contains(word)) foreign++;
                }
                wordStart = -1;
            }
        }
        if (other > latin)
        {
            var main = scripts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var share = (int)Math.Round(100.0 * other / (latin + other));
            return $"not English: {share}% of its letters are {main} (the models read English in Latin script); skipped";
        }
        if (words >= MinWordsForWordTest && english < MinEnglishShare * words && foreign >= MinForeignShare * words)
            return $"not English: {english} of its {words} words are common English words (English text has about 40%), {foreign} are common words of French, Spanish, Italian, Portuguese, German or Dutch; skipped";
        return null;
    }

    /// <summary>Latin letters: Basic Latin, Latin-1, Latin Extended-A and -B, IPA, Latin Extended Additional, and the fullwidth forms.</summary>
    public static bool IsLatin(char c) => c < 0x0250 || c is >= '\u1E00' and < '\u1F00' || c is >= '\uFF21' and <= '\uFF5A';

    /// <summary>Whether a name has a letter outside the Latin script.</summary>
    public static bool HasNonLatinLetter(string s)
    {
        foreach (var c in s)
            if (char.IsLetter(c) && !IsLatin(c)) return true;
        return false;
    }

    private static string ScriptOf(char c) => c switch
    {
        >= '\u0370' and < '\u0400' or >= '\u1F00' and < '\u2000' => "Greek",
        >= '\u0400' and < '\u0530' => "Cyrillic",
        >= '\u0530' and < '\u0590' => "Armenian",
        >= '\u0590' and < '\u0600' => "Hebrew",
        >= '\u0600' and < '\u0780' or >= '\u08A0' and < '\u0900' or >= '\uFB50' and < '\uFE00' or >= '\uFE70' and < '\uFF00' => "Arabic",
        >= '\u0900' and < '\u0E00' => "Indic",
        >= '\u0E00' and < '\u0E80' => "Thai",
        >= '\u10A0' and < '\u1100' => "Georgian",
        >= '\u1100' and < '\u1200' or >= '\uAC00' and < '\uD7B0' or >= '\u3130' and < '\u3190' => "Hangul",
        >= '\u1200' and < '\u1400' => "Ethiopic",
        >= '\u3040' and < '\u3100' => "Japanese kana",
        >= '\u3400' and < '\uA000' or >= '\uF900' and < '\uFB00' => "Chinese characters",
        _ => "of a non-Latin script",
    };
}
