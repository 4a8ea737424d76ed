namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>Part of speech of a trigger.</summary>
public enum TriggerPos { Verb, Noun }

/// <summary>
/// Which mention is the relationship's source. <see cref="Active"/>: the subject (or possessor, for nouns) is the
/// source: "X attacked Y", "X's attack on Y". <see cref="PassiveInverse"/>: the subject is the target and the
/// agent/object the source: "X replaced Y" gives Y REPLACED_BY X, "X funds Y" gives Y FUNDED_BY X.
/// A grammatical passive ("was attacked by") flips either reading once more; the extractor does that.
/// </summary>
public enum TriggerDirection { Active, PassiveInverse }

/// <summary>One trigger: lemma (may be multiword with particles: "call on", "pull out", "impose sanctions on").</summary>
public sealed record TriggerEntry(string Lemma, TriggerPos Pos, string Type, string Category, TriggerDirection Direction, double Strength)
{
    public int WordCount => Lemma.Count(c => c == ' ') + 1;
}

/// <summary>triggers.tsv: verbs, phrasal verbs and nominalisations -> relationship type, category, direction and default strength.</summary>
public sealed class TriggerLexicon
{
    public static readonly string[] Columns = { "lemma", "pos", "type", "category", "direction", "strength" };

    /// <summary>The relationship categories of the data contract (stative + PLOVER).</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "LOCATED_IN", "PART_OF", "MEMBER_OF", "LEADS", "WORKS_FOR", "ALLIED_WITH", "AFFILIATED_WITH", "FUNDED_BY",
        "HEADQUARTERED_IN", "NATIONALITY", "REPLACED_BY", "OPPOSES",
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND", "DISAPPROVE",
        "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME",
    };

    private readonly PhraseIndex<TriggerEntry> _index;

    public TriggerLexicon(IReadOnlyList<TriggerEntry> entries)
    {
        Entries = entries;
        _index = new PhraseIndex<TriggerEntry>(entries.Select(e => (e.Lemma, e)));
    }

    public IReadOnlyList<TriggerEntry> Entries { get; }

    /// <summary>Most words in a multiword trigger.</summary>
    public int MaxWords => _index.MaxWords;

    /// <summary>Entries for a lemma or multiword lemma ("attack", "pull out"), both parts of speech.</summary>
    public IReadOnlyList<TriggerEntry> Lookup(string lemma) => _index.Lookup(lemma);

    /// <summary>Entries for a lemma with the given part of speech.</summary>
    public IReadOnlyList<TriggerEntry> Lookup(string lemma, TriggerPos pos) => Lookup(lemma).Where(e => e.Pos == pos).ToList();

    /// <summary>The longest multiword trigger over a lemma sequence starting at <paramref name="start"/> ("pull out of" over "pull").</summary>
    public (int Length, IReadOnlyList<TriggerEntry> Entries) LongestMatchAt(IReadOnlyList<string> lemmas, int start) => _index.LongestMatchAt(lemmas, start);

    public static TriggerLexicon Load(string path)
    {
        var list = new List<TriggerEntry>();
        var categoryOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var lemma = Lexicon.NonEmpty(path, row, 0);
            var pos = row[1] switch
            {
                "verb" => TriggerPos.Verb,
                "noun" => TriggerPos.Noun,
                _ => throw Lexicon.Bad(path, row, $"pos must be verb or noun, found '{row[1]}'"),
            };
            var type = Lexicon.NonEmpty(path, row, 2);
            if (!type.All(c => char.IsAsciiLetterUpper(c) || c == '_')) throw Lexicon.Bad(path, row, $"type '{type}' must be UPPER_SNAKE_CASE");
            var category = row[3];
            if (!Categories.Contains(category)) throw Lexicon.Bad(path, row, $"unknown category '{category}'");
            if (categoryOfType.TryGetValue(type, out var known) && known != category)
                throw Lexicon.Bad(path, row, $"type {type} has category {category} here but {known} earlier");
            categoryOfType[type] = category;
            var direction = row[4] switch
            {
                "active" => TriggerDirection.Active,
                "passive-inverse" => TriggerDirection.PassiveInverse,
                _ => throw Lexicon.Bad(path, row, $"direction must be active or passive-inverse, found '{row[4]}'"),
            };
            list.Add(new TriggerEntry(lemma, pos, type, category, direction, Lexicon.Strength(path, row, 5)));
        }
        return new TriggerLexicon(list);
    }
}
