namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>
/// Part of speech of a trigger. <see cref="Adjective"/> entries are a predicative adjective and its preposition, keyed by
/// the surface words ("concerned about", "grateful to"): "X is concerned about Y".
/// </summary>
public enum TriggerPos { Verb, Noun, Adjective }

/// <summary>
/// Which mention is the relationship's source. <see cref="Active"/>: the subject (or possessor, for nouns) is the
/// source: "X attacked Y", "X's attack on Y". <see cref="PassiveInverse"/>: the subject is the target and the
/// agent/object the source: "X replaced Y" gives Y REPLACED_BY X, "X funds Y" gives Y FUNDED_BY X.
/// A grammatical passive ("was attacked by") flips either reading once more; the extractor does that.
/// </summary>
public enum TriggerDirection { Active, PassiveInverse }

/// <summary>
/// One trigger: lemma (may be multiword with particles: "call on", "pull out", "impose sanctions on").
/// <see cref="Derived"/>: from the CAMEO dictionary (cameo_verbs.tsv), not triggers.tsv; its <see cref="Coding"/> is the
/// bare verb's CAMEO code, and <see cref="NeedsPattern"/> says the bare verb codes nothing (null code): only a
/// CAMEO rule matching its complement makes it an event.
/// </summary>
public sealed record TriggerEntry(string Lemma, TriggerPos Pos, string Type, string Category, TriggerDirection Direction, double Strength,
    EventCoding? Coding = null, bool NeedsPattern = false, bool Derived = false)
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
    // the entries of each part of speech, indexed apart (by the enum's value): a lookup by part of speech makes no list
    private readonly PhraseIndex<TriggerEntry>[] _byPos;

    public TriggerLexicon(IReadOnlyList<TriggerEntry> entries)
    {
        Entries = entries;
        _index = new PhraseIndex<TriggerEntry>(entries.Select(e => (e.Lemma, e)));
        _byPos = Enum.GetValues<TriggerPos>().Select(pos => new PhraseIndex<TriggerEntry>(entries.Where(e => e.Pos == pos).Select(e => (e.Lemma, e)))).ToArray();
    }

    public IReadOnlyList<TriggerEntry> Entries { get; }

    /// <summary>Most words in a multiword trigger.</summary>
    public int MaxWords => _index.MaxWords;

    /// <summary>Entries for a lemma or multiword lemma ("attack", "pull out"), both parts of speech.</summary>
    public IReadOnlyList<TriggerEntry> Lookup(string lemma) => _index.Lookup(lemma);

    /// <summary>Entries for a lemma with the given part of speech.</summary>
    public IReadOnlyList<TriggerEntry> Lookup(string lemma, TriggerPos pos) => _byPos[(int)pos].Lookup(lemma);

    /// <summary>The longest multiword trigger over a lemma sequence starting at <paramref name="start"/> ("pull out of" over "pull").</summary>
    public (int Length, IReadOnlyList<TriggerEntry> Entries) LongestMatchAt(IReadOnlyList<string> lemmas, int start) => _index.LongestMatchAt(lemmas, start);

    /// <summary>Default strength of a verb known only from the CAMEO dictionary (below the 0.5 the proximity fallback needs).</summary>
    public const double DerivedStrength = 0.45;

    /// <summary>
    /// This lexicon plus the CAMEO verbs it lacks (hand-written entries win: they carry our types, directions and
    /// strengths). A CAMEO verb with a bare code of ours becomes a trigger of that category; a null-coded one becomes a
    /// trigger that needs a matching rule, under the category its block's rules give most often.
    /// </summary>
    /// <param name="bareOff">Verbs whose bare CAMEO code is not used (cameo_bare_off.tsv): they need a rule.</param>
    public TriggerLexicon WithCameo(CameoLexicon cameo, EventTypes types, IReadOnlySet<string>? bareOff = null)
    {
        var handVerbs = Entries.Where(e => e.Pos == TriggerPos.Verb).Select(e => e.Lemma).ToHashSet(StringComparer.Ordinal);
        var added = new List<TriggerEntry>();
        foreach (var group in cameo.Verbs.GroupBy(v => v.Lemma).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var lemma = group.Key;
            if (handVerbs.Contains(lemma) || !lemma.All(c => char.IsAsciiLetterLower(c) || c is ' ' or '-')) continue;
            if (lemma.EndsWith(" and", StringComparison.Ordinal) || lemma.EndsWith(" or", StringComparison.Ordinal)) continue;
            var coding = bareOff is not null && bareOff.Contains(lemma) ? null : group.Select(v => v.Coding).FirstOrDefault(c => c is not null);
            bool needs = coding is null;
            coding ??= group.SelectMany(v => cameo.Rules(v.Block)).Select(r => r.Coding).OfType<EventCoding>()
                .GroupBy(c => c.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.First()).FirstOrDefault();
            if (coding is null || types.TypeOf(coding) is not { } type) continue;
            added.Add(new TriggerEntry(lemma, TriggerPos.Verb, type, coding.Category, TriggerDirection.Active, DerivedStrength, coding, needs, Derived: true));
        }
        return new TriggerLexicon(Entries.Concat(added).ToList());
    }

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
                "adj" => TriggerPos.Adjective,
                _ => throw Lexicon.Bad(path, row, $"pos must be verb, noun or adj, found '{row[1]}'"),
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
