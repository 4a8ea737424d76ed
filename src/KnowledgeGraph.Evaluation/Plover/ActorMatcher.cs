using System.Text;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Plover;

/// <summary>
/// Decides whether a PLOVER actor string ("Israeli soldiers", "U.N.", "Nicaragua's Sandinista government") names one of
/// our entities. Case-insensitive, on words: the actor's words appear as a run inside one of the entity's forms, or the
/// form's words appear as a run inside the actor. Forms are the entity's name, aliases, mention texts (not pronouns) and
/// mention canonicals. A demonym actor ("Hungarian") therefore matches the country entity only when the pipeline
/// recorded the demonym as a mention or alias of it; the harness adds no demonym knowledge of its own.
/// </summary>
public static class ActorMatcher
{
    /// <summary>Words that carry no identity on their own; a form made only of them never matches.</summary>
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal) { "the", "a", "an", "of", "and", "s" };

    public static bool Matches(string actor, DocumentEntity entity) => Matches(Words(actor), entity);

    public static IEnumerable<string> Forms(DocumentEntity entity) =>
        new[] { entity.Name }.Concat(entity.Aliases)
            .Concat(entity.Mentions.Where(m => m.Kind != MentionKind.Pronoun).SelectMany(m => m.Canonical is null ? new[] { m.Text } : new[] { m.Text, m.Canonical }))
            .Distinct(StringComparer.Ordinal);

    private static bool Matches(IReadOnlyList<string> actorWords, DocumentEntity entity)
    {
        if (actorWords.Count == 0) return false;
        foreach (var form in Forms(entity))
        {
            var words = Words(form);
            if (words.Count == 0 || words.All(Stopwords.Contains)) continue;
            if (ContainsRun(actorWords, words) || ContainsRun(words, actorWords)) return true;
        }
        return false;
    }

    /// <summary>Lower-case words; dots are dropped first so "U.S." and "US" agree, and a possessive 's is cut off.</summary>
    public static IReadOnlyList<string> Words(string s)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var text = s.Replace("'s", " ", StringComparison.OrdinalIgnoreCase).Replace("\u2019s", " ", StringComparison.OrdinalIgnoreCase);
        foreach (var ch in text)
        {
            if (ch == '.') continue;
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); continue; }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static bool ContainsRun(IReadOnlyList<string> haystack, IReadOnlyList<string> needle)
    {
        var core = needle.Where(w => !Stopwords.Contains(w)).ToList();
        var hay = haystack.Where(w => !Stopwords.Contains(w)).ToList();
        if (core.Count == 0 || core.Count > hay.Count) return false;
        for (int i = 0; i + core.Count <= hay.Count; i++)
        {
            int k = 0;
            while (k < core.Count && hay[i + k] == core[k]) k++;
            if (k == core.Count) return true;
        }
        return false;
    }
}
