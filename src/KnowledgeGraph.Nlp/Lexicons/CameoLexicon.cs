using KnowledgeGraph.Nlp.Lexicons.Derivation;

namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>A noun phrase constraint: alternatives, each a head lemma with modifiers that must stand in its phrase.</summary>
public sealed class PhraseConstraint
{
    public PhraseConstraint(IReadOnlyList<(string Head, IReadOnlyList<string> Modifiers)> alternatives) => Alternatives = alternatives;

    public IReadOnlyList<(string Head, IReadOnlyList<string> Modifiers)> Alternatives { get; }

    // the alternatives by head (a set expands to many): a match looks only at those of the lemma and the form. Built at
    // the first match; threads that race build equal tables, and either one is kept.
    private Dictionary<string, IReadOnlyList<string>[]>? _byHead;

    private Dictionary<string, IReadOnlyList<string>[]> ByHead()
    {
        var byHead = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (head, mods) in Alternatives)
        {
            if (!byHead.TryGetValue(head, out var list)) byHead[head] = list = new List<IReadOnlyList<string>>();
            list.Add(mods);
        }
        return byHead.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether a phrase whose head has lemma <paramref name="lemma"/> and form <paramref name="form"/>, with the words
    /// <paramref name="phrase"/> (lemmas and lower-case forms), fits one alternative.
    /// </summary>
    public bool Matches(string lemma, string form, IReadOnlySet<string> phrase)
    {
        var byHead = _byHead ??= ByHead();
        if (byHead.TryGetValue(lemma, out var ofLemma) && AnyFits(ofLemma, phrase)) return true;
        return form != lemma && byHead.TryGetValue(form, out var ofForm) && AnyFits(ofForm, phrase);
    }

    /// <summary>Whether every modifier of one of <paramref name="alternatives"/> is in <paramref name="phrase"/>.</summary>
    private static bool AnyFits(IReadOnlyList<string>[] alternatives, IReadOnlySet<string> phrase)
    {
        foreach (var mods in alternatives)
        {
            bool all = true;
            for (int i = 0; i < mods.Count && all; i++) all = phrase.Contains(mods[i]);
            if (all) return true;
        }
        return false;
    }

    /// <summary>Parses a cell: '|'-separated alternatives, each words (last the head) or '&amp;SET'.</summary>
    public static PhraseConstraint Parse(string cell, IReadOnlyDictionary<string, IReadOnlyList<string>> classes)
    {
        var alts = new List<(string, IReadOnlyList<string>)>();
        foreach (var alt in TsvFile.List(cell)) AddAlternative(alts, alt, classes);
        return new PhraseConstraint(alts);
    }

    private static void AddAlternative(List<(string, IReadOnlyList<string>)> alts, string phrase, IReadOnlyDictionary<string, IReadOnlyList<string>> classes)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        // a set inside a phrase ("&MILITARY operation"): each member stands for the set
        int set = Array.FindIndex(words, w => w.StartsWith('&'));
        if (set >= 0)
        {
            var members = classes.TryGetValue(words[set][1..], out var m) ? m : Array.Empty<string>();
            foreach (var member in members)
                AddAlternative(alts, string.Join(' ', words.Take(set).Append(member).Concat(words.Skip(set + 1))), classes);
            return;
        }
        var head = words[^1];
        var mods = words[..^1];
        alts.Add((head, mods));
        // lemmas are singular: "sanctions" also matches the lemma "sanction"
        var single = Singular(head);
        if (single != head) alts.Add((single, mods));
    }

    /// <summary>Regular singular of a plural noun: "talks" -> "talk", "rallies" -> "rally", "crosses" -> "cross".</summary>
    public static string Singular(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)) return w[..^1];
        return w;
    }
}

/// <summary>A prepositional phrase constraint: the preposition, the object's phrase (null: any), and whether an actor slot is there.</summary>
public sealed record PrepConstraint(string Prep, PhraseConstraint? Object, string? Slot);

/// <summary>What a CAMEO code means for us: category, PLOVER mode and context (may be empty).</summary>
public sealed record EventCoding(string Code, string Category, string Mode, string Context);

/// <summary>
/// One compiled CAMEO pattern of a verb block, ready to match a verb's dependents. <see cref="Coding"/> is null for the
/// null code ("---": the verb with this complement codes no event) and for codes with no category of ours (CAMEO 01).
/// </summary>
public sealed record EventRule(string Block, int Line, PhraseConstraint? Subject, PhraseConstraint? Object, string? Particle,
    IReadOnlyList<PrepConstraint> Preps, string Source, string Target, string Code, EventCoding? Coding, string? ReverseCode)
{
    /// <summary>How much the rule asks for: more constraints win over fewer, as PETRARCH prefers the longer pattern.</summary>
    public int Specificity => (Subject is null ? 0 : 2) + (Object is null ? 0 : 2) + (Particle is null ? 0 : 1)
                              + Preps.Sum(p => p.Object is null ? 1 : 2);

    /// <summary>Null code: the verb with this complement is no event.</summary>
    public bool Blocks => Code == "---";
}

/// <summary>A verb of the CAMEO dictionary: its block (whose rules apply to it) and its bare coding (null: null code).</summary>
public sealed record CameoVerbEntry(string Lemma, string Block, string Code, EventCoding? Coding);

/// <summary>
/// The event lexicon derived from PETRARCH2's CAMEO verb dictionary and PLOVER's table (cameo_*.tsv, see
/// docs/lexicons.md): verbs and phrasal verbs with their blocks, the compiled rules of each block, the synonym sets,
/// and CAMEO code -> category, mode, context. Immutable; shared by all threads.
/// </summary>
public sealed class CameoLexicon
{
    private readonly Dictionary<string, List<CameoVerbEntry>> _verbs;
    private readonly Dictionary<string, List<EventRule>> _rulesByBlock;
    private readonly Dictionary<string, EventCoding> _codings;

    public CameoLexicon(IEnumerable<CameoVerbEntry> verbs, IEnumerable<EventRule> rules,
        IReadOnlyDictionary<string, IReadOnlyList<string>> classes, IReadOnlyDictionary<string, EventCoding> codings)
    {
        _verbs = new Dictionary<string, List<CameoVerbEntry>>(StringComparer.Ordinal);
        foreach (var v in verbs)
        {
            if (!_verbs.TryGetValue(v.Lemma, out var list)) _verbs[v.Lemma] = list = new List<CameoVerbEntry>();
            list.Add(v);
        }
        _rulesByBlock = new Dictionary<string, List<EventRule>>(StringComparer.Ordinal);
        foreach (var r in rules)
        {
            if (!_rulesByBlock.TryGetValue(r.Block, out var list)) _rulesByBlock[r.Block] = list = new List<EventRule>();
            list.Add(r);
        }
        // most specific first; file order among equals
        foreach (var list in _rulesByBlock.Values) list.Sort((a, b) => b.Specificity != a.Specificity ? b.Specificity.CompareTo(a.Specificity) : a.Line.CompareTo(b.Line));
        Classes = classes;
        _codings = new Dictionary<string, EventCoding>(codings, StringComparer.Ordinal);
        MaxVerbWords = _verbs.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>An empty lexicon (no CAMEO coding).</summary>
    public static CameoLexicon Empty { get; } = new(Array.Empty<CameoVerbEntry>(), Array.Empty<EventRule>(),
        new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, EventCoding>());

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classes { get; }
    public int MaxVerbWords { get; }
    public int VerbCount => _verbs.Count;
    public IEnumerable<CameoVerbEntry> Verbs => _verbs.Values.SelectMany(v => v);

    /// <summary>The entries of a verb lemma or phrasal verb ("meet with").</summary>
    public IReadOnlyList<CameoVerbEntry> Verb(string lemma) => _verbs.TryGetValue(lemma, out var v) ? v : (IReadOnlyList<CameoVerbEntry>)Array.Empty<CameoVerbEntry>();

    /// <summary>The rules of a block, most specific first.</summary>
    public IReadOnlyList<EventRule> Rules(string block) => _rulesByBlock.TryGetValue(block, out var r) ? r : (IReadOnlyList<EventRule>)Array.Empty<EventRule>();

    public IEnumerable<EventRule> AllRules => _rulesByBlock.Values.SelectMany(r => r);

    /// <summary>Category, mode and context of a CAMEO code (its longest listed prefix), or null (null code, CAMEO 01).</summary>
    public EventCoding? Coding(string code)
    {
        if (code.Length < 2 || code == "---") return null;
        for (int n = code.Length; n >= 2; n--)
            if (_codings.TryGetValue(code[..n], out var c)) return c with { Code = code };
        return null;
    }

    /// <summary>Whether a lemma belongs to a synonym set (as a one-word member or the head of a member phrase).</summary>
    public bool InClass(string set, string lemma) =>
        Classes.TryGetValue(set, out var members) && members.Any(m => m == lemma || m.EndsWith(" " + lemma, StringComparison.Ordinal) || PhraseConstraint.Singular(m) == lemma);

    public static CameoLexicon Load(string directory)
    {
        var classesPath = Path.Combine(directory, CameoDerivation.ClassesFile);
        var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(classesPath, CameoDerivation.ClassColumns))
        {
            if (!classes.TryGetValue(row[0], out var list)) classes[row[0]] = list = new List<string>();
            list.Add(Lexicon.NonEmpty(classesPath, row, 1));
        }
        var classView = classes.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);

        var ploverPath = Path.Combine(directory, CameoDerivation.PloverFile);
        var codings = new Dictionary<string, EventCoding>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(ploverPath, PloverRow.Columns))
        {
            if (!TriggerLexicon.Categories.Contains(row[1])) throw Lexicon.Bad(ploverPath, row, $"unknown category '{row[1]}'");
            codings[row[0]] = new EventCoding(row[0], row[1], row[2], row[3]);
        }
        var lexicon0 = new CameoLexicon(Array.Empty<CameoVerbEntry>(), Array.Empty<EventRule>(), classView, codings);

        var verbsPath = Path.Combine(directory, CameoDerivation.VerbsFile);
        var verbs = new List<CameoVerbEntry>();
        foreach (var row in TsvFile.Read(verbsPath, CameoDerivation.VerbColumns))
            verbs.Add(new CameoVerbEntry(Lexicon.NonEmpty(verbsPath, row, 0), row[2], row[3], lexicon0.Coding(row[3])));

        var rulesPath = Path.Combine(directory, CameoDerivation.RulesFile);
        var rules = new List<EventRule>();
        foreach (var row in TsvFile.Read(rulesPath, CameoRule.Columns))
        {
            PhraseConstraint? Phrase(string cell) => cell.Length == 0 ? null : PhraseConstraint.Parse(cell, classView);
            var preps = new List<PrepConstraint>();
            foreach (var p in row[5].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = p.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw Lexicon.Bad(rulesPath, row, $"preposition '{p}' must be prep=phrase");
                var prep = p[..eq];
                var what = p[(eq + 1)..];
                preps.Add(what is "$" or "+" ? new PrepConstraint(prep, null, what) : new PrepConstraint(prep, Phrase(what), null));
            }
            if (!int.TryParse(row[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line))
                throw Lexicon.Bad(rulesPath, row, "line must be a number");
            // "[:173]": only the reverse event is coded, from the target to the source
            bool reversed = row[8].Length == 0;
            var code = reversed ? row[9] : row[8];
            rules.Add(new EventRule(row[0], line, Phrase(row[2]), Phrase(row[3]), row[4].Length == 0 ? null : row[4], preps,
                reversed ? row[7] : row[6], reversed ? row[6] : row[7], code, lexicon0.Coding(code), reversed || row[9].Length == 0 ? null : row[9]));
        }
        return new CameoLexicon(verbs, rules, classView, codings);
    }
}
